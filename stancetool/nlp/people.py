"""The people an article names, and who a short name, a pronoun or a role refers to."""

from __future__ import annotations

from dataclasses import dataclass, replace

from stancetool.nlp.cues import HONORIFICS
from stancetool.nlp.marks import paragraph_of
from stancetool.nlp.names import NameRegistry, plain_words

# A definite description or pronoun refers to a person named at most this many paragraphs back.
REFERENCE_REACH = 4
ROLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "prof": "professor",
    "amb": "ambassador",
    "sec": "secretary",
    "adm": "admiral",
    "lt": "lieutenant",
}

# Roles that titles give in other words: `the PM` is the one titled `Prime Minister`, `America's top diplomat`
# the `Secretary of State`, `the spokeswoman` the `Press Secretary`.
ROLE_SYNONYMS: dict[str, tuple[frozenset[str], ...]] = {
    "pm": (frozenset({"prime", "minister"}), frozenset({"premier"})),
    "premier": (frozenset({"prime", "minister"}),),
    "diplomat": (
        frozenset({"foreign", "minister"}),
        frozenset({"foreign", "secretary"}),
        frozenset({"secretary", "of", "state"}),
        frozenset({"foreign", "affairs", "minister"}),
        frozenset({"high", "representative"}),
        frozenset({"ambassador"}),
        frozenset({"envoy"}),
    ),
    "envoy": (frozenset({"ambassador"}), frozenset({"special", "representative"})),
    **{
        spokes: tuple(
            frozenset({other}) for other in ("spokesman", "spokeswoman", "spokesperson") if other != spokes
        )
        + (frozenset({"press", "secretary"}),)
        for spokes in ("spokesman", "spokeswoman", "spokesperson")
    },
}


def has_role(title: str | None, role: str) -> bool:
    """Whether a title gives the role (`Sen.` is a senator, `Prime Minister` the PM)."""
    words = set(plain_words(title or ""))
    return (
        role in words
        or any(ROLE_ABBREVIATIONS.get(w) == role for w in words)
        or any(synonym <= words for synonym in ROLE_SYNONYMS.get(role, ()))
    )


@dataclass(frozen=True)
class Mention:
    """A person named in the article (a PERSON entity or a transcript tag), with what came with the name."""

    start: int
    paragraph: int
    name: str
    title: str | None
    gender: str | None
    is_subject: bool
    quoted: bool = False
    """Named inside quotation marks (`"Lyin' Ana Ruiz"`): the source's words, not an introduction."""


@dataclass(frozen=True)
class Speaker:
    """Who speaks: a full name, an organisation or a description, with a title when the article gives one."""

    name: str | None
    title: str | None = None
    is_person: bool = False
    gender: str | None = None
    named: bool = True
    """False for a description such as `the statement` or `critics`, which names no one."""
    role: str | None = None
    """For a description of a person by role that names no one yet (`a top diplomat`): the role noun."""


@dataclass(frozen=True)
class Event:
    """A speech event already attributed: where it was and who spoke (later pronouns lean on these)."""

    start: int
    paragraph: int
    speaker: Speaker


class People:
    """Everyone the article names (its PERSON mentions, in reading order) and everyone who has spoken so far
    (the attributor's events, which grow as it reads): full names, titles and genders, and references."""

    def __init__(self, mentions: list[Mention], events: list[Event], para_starts: list[int]) -> None:
        self.mentions = mentions
        self.events = events
        self.para_starts = para_starts
        self.introduced = self.introduced_names()  # looked up on every name resolution
        # `Mr. Nowak` anywhere in the article tells that a later `she` is not Marek Nowak
        everyone = self.registry(10**12)
        self.titled_gender: dict[str, str] = {}
        for mention in mentions:
            if mention.gender:
                self.titled_gender.setdefault(everyone.resolve(mention.name) or mention.name, mention.gender)

    def paragraph_of(self, offset: int) -> int:
        return paragraph_of(self.para_starts, offset)

    def known_person(self, name: str, at: int) -> Speaker:
        known = self.mention_for(name, at)
        if known is not None:
            return Speaker(name, known.title, True, known.gender)
        # someone NER missed but an earlier attribution named with a title (`Nowak, the minister,`)
        spoke = next((e.speaker for e in reversed(self.events) if e.speaker.name == name), None)
        return Speaker(name, spoke.title if spoke else None, True, spoke.gender if spoke else None)

    def leave_out_reported_subjects(self, reported: list[tuple[int, int]]) -> None:
        """`Peskov announced that President Ruiz will visit. "…," he said`: the subject of a reported clause
        is what someone said, not who a later `he` or `she` is."""
        self.mentions = [
            replace(m, is_subject=False) if any(a <= m.start < b for a, b in reported) else m
            for m in self.mentions
        ]

    def resolve_pronoun(self, gender: str, at: int) -> Speaker | None:
        person = self.recent_person(at, gender) or self._named_in_paragraph(at, gender)
        return Speaker(person.name, person.title, True, person.gender or gender) if person else None

    def recent_person(self, at: int, gender: str | None) -> Mention | None:
        """The person most recently named (as a speaker or a sentence subject) before `at`, nearby."""
        para = self.paragraph_of(at)
        best: Mention | None = None
        for event in reversed(self.events):
            if event.start >= at:
                continue
            if para - event.paragraph > REFERENCE_REACH:
                break
            sp = event.speaker
            known = sp.gender or self.titled_gender.get(sp.name or "")
            if sp.is_person and sp.name and (gender is None or known in (None, gender)):
                best = Mention(event.start, event.paragraph, sp.name, sp.title, known, True)
                break
        for mention in reversed(self.mentions):
            if mention.start >= at or (best is not None and mention.start <= best.start):
                continue
            if para - mention.paragraph > REFERENCE_REACH:
                break
            if not mention.is_subject:
                continue
            referent = self._referent(mention, at, gender)
            if referent is not None:
                return referent
        return best

    def _named_in_paragraph(self, at: int, gender: str | None) -> Mention | None:
        """Where no speaker or subject fits, a person the pronoun's own paragraph names in any role, which a
        parse that lost the subject leaves behind (`In Kharkiv, Ana Ruiz, 63, sweeps the floor. "…," she
        says`)."""
        para = self.paragraph_of(at)
        for mention in reversed(self.mentions):
            if mention.start >= at or mention.quoted:
                continue
            if mention.paragraph != para:
                break
            referent = self._referent(mention, at, gender)
            if referent is not None:
                return referent
        return None

    def _referent(self, mention: Mention, at: int, gender: str | None) -> Mention | None:
        """The mention under its full name, if its known gender fits the pronoun's."""
        full = self.registry(at).resolve(mention.name) or mention.name
        known = mention.gender or self.titled_gender.get(full)
        if gender is None or known in (None, gender):
            return Mention(mention.start, mention.paragraph, full, mention.title, known, True)
        return None

    def person_with_role(self, role: str, at: int, anywhere: bool = True) -> Mention | None:
        """`the Ohio senator` → the person last introduced as `Sen. Ana Ruiz`, nearby; or, further back, the
        one person the article gave that role (`Judge John Cleland` ten paragraphs before `the judge`)."""
        para = self.paragraph_of(at)
        holders: dict[str, Mention] = {}
        for mention in reversed(self.mentions):
            if mention.start >= at or not mention.title or not has_role(mention.title, role):
                continue
            full = self.registry(at).resolve(mention.name) or mention.name
            found = Mention(mention.start, mention.paragraph, full, mention.title, mention.gender, True)
            if para - mention.paragraph <= 2 * REFERENCE_REACH:
                return found
            if len(full.split()) >= 2:  # (a surname no full name resolves may be any of a family)
                holders.setdefault(full, found)
        return next(iter(holders.values())) if anywhere and len(holders) == 1 else None

    def introduced_names(self) -> list[Mention]:
        """Mentions that can introduce a full name: those of two words or more, except a name inside a
        quotation that only adds to a name the article gives (`"Lyin' Ana Ruiz"` beside `Ana Ruiz`)."""
        full = [m for m in self.mentions if len(m.name.split()) >= 2]
        plain = {m.name for m in full if not m.quoted}
        return [
            m
            for m in full
            if not m.quoted
            or m.name in plain
            or not any(NameRegistry.same_person(name, m.name) for name in plain)
        ]

    def registry(self, at: int) -> NameRegistry:
        """Full names introduced before `at` (or anywhere, when none before fits)."""
        registry = NameRegistry()
        introduced = self.introduced
        for mention in introduced:
            if mention.start < at:
                registry.add(mention.name, mention.title)
        for event in self.events:
            if event.speaker.is_person and event.speaker.name and len(event.speaker.name.split()) >= 2:
                registry.add(event.speaker.name, event.speaker.title)
        return _FallbackRegistry(registry, [m.name for m in introduced])

    def role_of(self, name: str, at: int) -> str | None:
        """The last title beyond an honorific (`Mr.`) that the article gave this person before `at`."""
        role = None
        registry = self.registry(at)
        for mention in self.mentions:
            if mention.start >= at:
                break
            full = registry.resolve(mention.name) or mention.name
            if full == name and mention.title and not honorific(mention.title):
                role = mention.title
        return role

    def mention_for(self, name: str, at: int) -> Mention | None:
        found = None
        for mention in self.mentions:
            if mention.name == name and mention.title and (found is None or mention.start < at):
                found = mention
        return found


class _FallbackRegistry(NameRegistry):
    """Resolves against earlier names first, then against names the article gives later."""

    def __init__(self, earlier: NameRegistry, all_names: list[str]) -> None:
        super().__init__(earlier.people, earlier.order)
        self._all = all_names

    def resolve(self, mention: str) -> str | None:
        found = super().resolve(mention)
        if found is not None:
            return found
        later = NameRegistry()
        for name in self._all:
            later.add(name)
        return later.resolve(mention)


def honorific(title: str) -> bool:
    """Whether a title is only a form of address (`Mr.`, `Ms`), which says nothing of a role."""
    return all(word.lower().rstrip(".") in HONORIFICS for word in title.split())
