"""Person names the entity recogniser labelled as something else, relabelled where the article shows a person.

The small English model often takes a foreign name for an organisation or a place (`Oleh Nikolenko` as ORG),
or cuts a first name off into the organisation before it (`Kremlin aide Yury(ORG) Ushakov(PERSON)`). A name
NER missed cannot be resolved from its surname, nor be what a later `he` refers to. The article itself tells
which of these entities are people: a role in apposition (`the spokesman, Oleh Nikolenko,`), a personal title
right before the name (`Dr. Norris Little`), a role and the place it serves (`Ambassador to [the U.S. Anatoly
Antonov]`), the surname alone speaking later (`Nikolenko said`), or a one-word name read as a person once.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.cues import (
    INSTITUTION_NOUNS,
    PERSONAL_TITLES,
    ROLE_NOUNS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
)
from stancetool.nlp.syntax import is_title_case

# Entity labels a person's name is mistaken for (never dates, numbers or amounts).
MISTAKEN_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
MAX_NAME_WORDS = 3
# Verbs a headline puts in the present (`Meets Xi`, `Calls Talks 'Good Start'`), read as names in title case.
HEADLINE_VERB_FORMS = SPEECH_VERB_FORMS | frozenset(
    """
    meets visits holds signs wraps backs hails vows slams blasts rejects accepts plans seeks faces wins loses
    opens launches orders names picks sends hosts joins leaves returns arrives heads eyes
    """.split()
)
# Surnames with an elided particle (`O’Leary`, `D'Souza`), whatever the tagger makes of them.
ELIDED_NAME = re.compile(r"[ODL][’'][A-Z][a-z]+")
LEADING_GERUNDS = frozenset({"quoting", "citing"})
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
# `Minister of …`, `Secretary for …`: what joins a title to the place or body it serves.
CONNECTORS = frozenset({"of", "for"})
# Party and affiliation words that stand before a name without being part of it (`Democrat Ana Ruiz`).
AFFILIATION_WORDS = frozenset(
    "democrat democrats republican republicans labour conservative tory liberal independent green".split()
)
# Words that end or make up the names of organisations, works and events rather than of people.
ORGANISATION_WORDS = INSTITUTION_NOUNS | frozenset(
    """
    act association assembly board bureau caucus center centre church city club college commission
    convention corp corporation court exchange federation fc forum forces foundation fund guard hospital
    house inc institute institution journal league ltd media network news post press program programme
    radio reserve school service services summit times treasury tv united
    """.split()
)


def repair_person_names(doc: Doc) -> None:
    """Relabel, in place, the entities that the article shows to be people's names."""
    ents = list(doc.ents)
    places = {e.text for e in ents if e.label_ in PLACE_LABELS}
    # (`Rival Hillary Clinton` in an article that also says `rival`: a common word, not a first name)
    common = {t.text for t in doc if t.text.islower()}
    speaking = _surnames_speaking(doc)
    repaired: list[Span] = []
    changed = False
    skip_next = -1
    for ent in ents:
        if ent.start == skip_next:
            continue  # taken into the name before it
        if ent.label_ == "PERSON" and _opens_with_headline_verb(ent):
            # `… Minister Calls Talks 'Good Start'`, `Sullivan Wraps Up Visit, Meets Xi`: a headline's verb
            rest = doc[ent.start + 1 : ent.end]
            if all(t.tag_ == "NNP" for t in rest):
                repaired.append(Span(doc, rest.start, rest.end, label="PERSON"))
            changed = True
            continue
        if ent.label_ == "PERSON":
            person = _without_title_of_place(ent, places, common)
            first = doc[person.start - 1] if person.start > 0 else None
            if (
                first is not None
                and first.lower_ not in common
                and _cut_off_first_name(first, person, places)
            ):
                previous = repaired[-1] if repaired else None
                if previous is not None and previous.end > first.i:  # (the name cut into an entity)
                    repaired.pop()
                    if first.i > previous.start:
                        repaired.append(Span(doc, previous.start, first.i, label=previous.label_))
                person = Span(doc, first.i, person.end, label="PERSON")
            following = doc[person.end] if person.end < len(doc) else None
            if following is not None and _cut_off_surname(following, person, common):
                person = Span(doc, person.start, person.end + 1, label="PERSON")
                skip_next = following.i  # `Seyed Abbas(PERSON) Araghchi(GPE)`: the surname read as a place
            changed = changed or (person.start, person.end) != (ent.start, ent.end)
            repaired.append(person)
            continue
        name = _mislabelled_name(ent, places, speaking) if ent.label_ in MISTAKEN_LABELS else None
        if name is None:
            repaired.append(ent)
            continue
        if name.start > ent.start:
            lead = doc[ent.start : name.start]
            if lead.text in places:  # `Ambassador to Ukraine Bridget Brink`, read as one organisation
                repaired.append(Span(doc, lead.start, lead.end, label="GPE"))
        repaired.append(Span(doc, name.start, name.end, label="PERSON"))
        changed = True
    unlabelled = _unlabelled_names(doc, repaired, places, common, speaking)
    names = repaired + unlabelled
    # `Viktor Orbán said … . Orbán(NORP) told …`: the surname of someone the article names (by the names as
    # repaired: `Pep(no label) Guardiola` makes a later `Guardiola(ORG)` a person)
    surnames = {e[-1].text for e in names if e.label_ == "PERSON" and len(e) >= 2}
    # `Araghchi(PERSON) said … . Araghchi(GPE) added`: a one-word name NER read as a person once, and which
    # speaks, is that person everywhere (unless the article also uses it as a place: `in Jordan`)
    mononyms = {e.text for e in names if e.label_ == "PERSON" and len(e) == 1} & speaking
    mononyms -= _used_as_places(doc)
    for k, ent in enumerate(names):
        word = ent[:-1] if len(ent) == 2 and ent[-1].tag_ == "POS" else ent  # (`Araghchi’s`)
        if len(word) != 1 or ent.label_ not in MISTAKEN_LABELS:
            continue
        if (word.text in surnames and _known_surname_mislabelled(ent, speaking)) or word.text in mononyms:
            names[k] = Span(doc, word.start, word.end, label="PERSON")
            changed = True
    if changed or unlabelled:
        doc.ents = sorted(names, key=lambda span: span.start)


def _opens_with_headline_verb(ent: Span) -> bool:
    """Whether a PERSON entity opens with the verb of a headline in title case (`Meets Xi`) or of a label."""
    first = ent[0]
    if len(ent) >= 2 and first.lower_ in LEADING_GERUNDS:
        return True  # `Quoting Jim Grobe:`, a label's verb read into the name
    if len(ent) < 2 or not first.lower_.endswith("s") or first.lower_ not in HEADLINE_VERB_FORMS:
        return False
    text = ent.doc.text
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    line_end = text.find("\n", ent.end_char)
    return is_title_case(text[line_start : line_end if line_end >= 0 else len(text)])


def _known_surname_mislabelled(ent: Span, speaking: set[str]) -> bool:
    """A one-word organisation or nationality that is a named person's surname; a place only when it speaks
    (`Jordan said`), since places and surnames share words."""
    return ent.label_ in ("NORP", "ORG") or (ent.label_ == "GPE" and ent.text in speaking)


def _unlabelled_names(
    doc: Doc, ents: list[Span], places: set[str], common: set[str], speaking: set[str]
) -> list[Span]:
    """`Xi Jinping visits Russia … . "…," Xi told journalists`: a run of name words NER left without any
    label, one of whose ends speaks alone elsewhere (a family name may come first)."""
    labelled = {i for ent in ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in labelled and _name_word(doc[j]) and doc[j].lower_ not in common:
            j += 1
        run = doc[i:j]
        if (
            2 <= len(run) <= MAX_NAME_WORDS
            and (i == 0 or not _name_word(doc[i - 1]) or doc[i - 1].lower_ in common)
            and (run[0].text in speaking or run[-1].text in speaking)
            and not any(t.text in places for t in run)
        ):
            found.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return found


def _used_as_places(doc: Doc) -> set[str]:
    """Capitalised words the article puts after `in`, `to`, `from` or `at`, as places are."""
    return {t.text for t in doc if t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "from", "at")}


def _surnames_speaking(doc: Doc) -> set[str]:
    """Capitalised single words that are the subject of a speech verb (`Nikolenko said`)."""
    found: set[str] = set()
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lower_ not in SPEECH_VERB_FORMS or not _name_word(token):
            continue
        if any(c.dep_ in ("compound", "det", "amod") for c in token.children):
            continue  # part of a longer name or a description
        found.add(token.text)
    return found


def _name_word(token: Token) -> bool:
    text = token.text
    return (
        token.tag_ == "NNP"
        and text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and token.lower_ not in ORGANISATION_WORDS
        and token.lower_.rstrip(".") not in TITLE_WORDS
        and token.lower_ not in ROLE_NOUNS
    )


def _words(span: Span) -> list[Token]:
    """The words of a name, without the hyphens that join two of them into one (`Jean-Marc`)."""
    return [t for t in span if t.tag_ != "HYPH"]


def _name_at_end(span: Span) -> Span:
    """The name that ends a run too long to be one (`the United Kingdom Rishi Sunak`: a place of two words,
    then the name), or the run itself; a hyphenated name (`Jean-Marc Ayrault`) is counted by its words."""
    if len(_words(span)) > MAX_NAME_WORDS and not any(t.tag_ == "HYPH" for t in span):
        return span[-2:]
    return span


def _cut_off_first_name(first: Token, person: Span, places: set[str]) -> bool:
    """`Yury` of `Kremlin aide Yury Ushakov` (put in an organisation before the surname) or `Recep` of
    `Recep Tayyip Erdogan` (left out), a name word the surname governs just before the PERSON entity."""
    if first.ent_type_ == "PERSON" or first.ent_type_ in PLACE_LABELS:
        return False
    return (
        _name_word(first)
        and first.text not in places
        and first.lower_ not in AFFILIATION_WORDS
        and first.dep_ == "compound"
        and person.start <= first.head.i < person.end
    )


def _cut_off_surname(last: Token, person: Span, common: set[str]) -> bool:
    """`Araghchi` of `Seyed Abbas Araghchi`, left out of the PERSON entity or read as a place: a name word
    right after it that the entity's words depend on."""
    if last.ent_type_ == "PERSON" or (last.ent_iob_ == "I") or last.lower_ in common:
        return False
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if last.ent_type_ and following is not None and following.ent_iob_ == "I":
        return False  # the first word of a longer entity of its own
    if ELIDED_NAME.fullmatch(last.text):
        return True  # `Christopher(PERSON) O’Leary`, the surname tagged an adverb
    compounds = [t for t in person if t.dep_ == "compound"]
    return _name_word(last) and bool(compounds) and all(t.head.i == last.i for t in compounds)


def _without_title_of_place(ent: Span, places: set[str], common: set[str]) -> Span:
    """`Prime Minister of the United Kingdom Rishi Sunak`, `Minister of State for Petroleum Musadik Malik` as
    one PERSON entity: the name at its end."""
    doc = ent.doc
    connector = max((t.i for t in ent if t.lower_ in CONNECTORS), default=None)
    if connector is None:
        return ent
    start = connector + 1
    while start < ent.end - 2 and (doc[start].lower_ == "the" or doc[start].lower_ in common):
        start += 1  # (`petroleum`, which the article also writes in lower case, is no name)
    for length in range(ent.end - start - 1, 0, -1):  # the longest place the article names elsewhere
        if doc[start : start + length].text in places:
            start += length
            break
    name = _name_at_end(doc[start : ent.end])
    if not 2 <= len(_words(name)) <= MAX_NAME_WORDS or not all(_name_word(t) for t in _words(name)):
        return ent
    return Span(doc, name.start, name.end, label="PERSON")


def _mislabelled_name(ent: Span, places: set[str], speaking: set[str]) -> Span | None:
    """The words of `ent` that are a person's name (without a place or title NER joined to its front), if
    the article shows them to be one."""
    doc = ent.doc
    start = ent.start
    while start < ent.end - 1 and (
        doc[start].text in places
        or doc[start].lower_ == "the"
        or doc[start].lower_.rstrip(".") in TITLE_WORDS
        # `the U.S.`: a place in initials (a person's initials have no `the`)
        or (
            start > ent.start
            and doc[start - 1].lower_ == "the"
            and DOTTED_INITIALS.fullmatch(doc[start].text)
        )
    ):
        start += 1
    name = _name_at_end(doc[start : ent.end])
    if not 2 <= len(_words(name)) <= MAX_NAME_WORDS:
        return None
    if not all(_name_word(t) for t in _words(name)) or any(t.text in places for t in name):
        return None
    root = name.root
    in_apposition = (root.dep_ == "appos" and root.head.lower_ in ROLE_NOUNS) or any(
        c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in root.children
    )
    before = doc[name.start - 1] if name.start > 0 else None
    titled = before is not None and before.lower_.rstrip(".") in PERSONAL_TITLES
    if in_apposition or titled or name[-1].text in speaking or _after_role_and_place(ent):
        return name
    return None


def _after_role_and_place(ent: Span) -> bool:
    """`Ambassador to [the U.S. Anatoly Antonov](ORG)`: an entity that opens with the place a role serves
    ends with the name of the one who holds it."""
    doc = ent.doc
    if ent.start < 2 or ent.label_ not in ("ORG", "GPE") or ent[0].lower_ != "the":
        return False
    preposition, role = doc[ent.start - 1], doc[ent.start - 2]
    return preposition.lower_ in ("to", "for", "of", "in") and role.lower_.rstrip(".") in ROLE_NOUNS
