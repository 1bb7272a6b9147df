"""Speaker names: splitting a mention into name and title, and resolving short mentions to full names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stancetool.nlp.cues import SPEECH_VERB_FORMS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

HYPHENS = frozenset({"-", "‐"})

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_name_token(word: str) -> str:
    # `">Ruiz`: markup left over from a web page sticks to the first letter
    return _POSSESSIVE.sub("", word).strip(",;:").lstrip("\"'<>=/")


def name_words(tokens: Iterable[Token]) -> list[str]:
    """The words of a name as written: `Kim Soo-jin` stays hyphenated; punctuation and `'s` go."""
    words: list[str] = []
    joined = previous_space = False
    for token in tokens:
        if token.text in HYPHENS and words and not previous_space:
            words[-1] += token.text
            joined = True
        elif token.is_punct or token.text in ("'s", "’s"):
            joined = False
        elif joined:
            words[-1] += token.text
            joined = False
        else:
            words.append(token.text)
        previous_space = bool(token.whitespace_)
    return words


def without_trailing_verb(words: list[str]) -> list[str]:
    """`Ruiz Says`, as NER reads a headline: a name does not end in `Says` or `Warns`."""
    while len(words) > 1 and words[-1].lower() in SPEECH_VERB_FORMS and words[-1].lower().endswith("s"):
        words = words[:-1]
    return words


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a PERSON mention into leading title words and the name (`Spokesman Hong Lei` → title, name)."""
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word.lower().strip(".") == "st" and i > 0 and not _is_title_word(words[i - 1]):
            continue  # `Amy St. Eve`: a surname's `St.` after a first name
        if _is_title_word(word):
            cut = i + 1
    return words[:cut], words[cut:]


def _is_title_word(word: str) -> bool:
    return word.lower().strip(".") in TITLE_WORDS or word.lower() in TITLE_WORDS


def normal_case(tag: str) -> str:
    """`WANG YI` → `Wang Yi`, `MCCAIN` → `Mccain`; keeps names already in mixed case."""
    if tag != tag.upper():
        return tag
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in tag.split())


@dataclass
class Person:
    name: str
    title: str | None = None
    gender: str | None = None


@dataclass
class NameRegistry:
    """Full names the article has introduced so far, in order of last mention."""

    people: dict[str, Person] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def add(self, name: str, title: str | None = None) -> Person:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, title)
        elif title and not person.title:
            person.title = title
        if name in self.order:
            self.order.remove(name)
        self.order.append(name)
        return person

    @staticmethod
    def same_person(mention: str, full: str) -> bool:
        """Whether a resolved full name only adds to the mention's words (`De Vries` → `Bill de Vries`,
        `Ana Ruiz` → `Ana M. Ruiz`), rather than replacing them."""
        words, parts = mention.lower().split(), full.lower().split()
        return parts[-len(words) :] == words or (words[0], words[-1]) == (parts[0], parts[-1])

    def by_initials(self, tag: str) -> str | None:
        """The latest full name whose initials the tag spells (`SI` → `Steve Inskeep`), as interview
        transcripts tag their speakers after the first turn."""
        for name in reversed(self.order):
            words = name.split()
            if len(words) == len(tag) and all(w[:1].upper() == c for w, c in zip(words, tag, strict=True)):
                return name
        return None

    def resolve(self, mention: str) -> str | None:
        """The full name a shorter mention stands for (`Darden` → `Keith Darden`, `WANG Y` → `Wang Yi`)."""
        tokens = [t.lower() for t in mention.split()]
        if not tokens:
            return None
        best: tuple[int, int, str] | None = None
        for rank, name in enumerate(self.order):
            parts = [p.lower() for p in name.split()]
            if len(tokens) > len(parts):
                continue
            if parts == tokens:
                score = 2  # the mention itself, unless a longer name ends with it (`De Vries`)
            elif len(tokens) == 1 and len(parts) > 1:
                if parts[-1] == tokens[0]:
                    score = 3  # a surname, the usual short form in English news
                elif parts[0] == tokens[0]:
                    score = 2  # a family name first (Wang Yi → Wang)
                else:
                    continue
            elif len(tokens) < len(parts) and parts[-len(tokens) :] == tokens:
                score = 3
            elif len(tokens) == 2 and parts[0] == tokens[0] and parts[-1] == tokens[-1]:
                score = 3  # `Ana Ruiz` → `Ana M. Ruiz`: the middle initial left out
            elif all(p.startswith(t) for p, t in zip(parts, tokens, strict=False)):
                score = 1  # a truncated transcript tag
            else:
                continue
            key = (score, rank, name)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None


def plain_words(text: str) -> list[str]:
    """The lowercase words of a name or title, punctuation left off: `China's ambassador to Belgium,` →
    china's, ambassador, to, belgium; `U.S. Secretary-General` → us, secretary, general."""
    return re.findall(r"[\w']+", text.lower().replace("’", "'").replace(".", ""))
