"""Speaker-name helpers: cleaning a name NER found, and resolving short mentions to full names."""

from __future__ import annotations

import pytest
import spacy

from stancetool.nlp.names import (
    NameRegistry,
    clean_name_token,
    name_words,
    split_title,
    without_trailing_verb,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ban Ki-moon", ["Ban", "Ki-moon"]),
        ("Douglas Holtz-Eakin's", ["Douglas", "Holtz-Eakin"]),
        ("Keith Darden ,", ["Keith", "Darden"]),
    ],
)
def test_name_words_keep_hyphens_and_drop_punctuation(text: str, words: list[str]) -> None:
    doc = spacy.blank("en")(text)
    assert name_words(doc) == words


def test_a_headline_verb_is_cut_from_the_end_of_a_name() -> None:
    assert without_trailing_verb(["Obama", "Says"]) == ["Obama"]
    assert without_trailing_verb(["Ruth", "Okafor", "Warns"]) == ["Ruth", "Okafor"]
    assert without_trailing_verb(["Edward", "Said"]) == ["Edward", "Said"]  # a surname, not a headline
    assert without_trailing_verb(["Says"]) == ["Says"]


def test_markup_and_possessives_are_cleaned_from_a_name_word() -> None:
    assert clean_name_token('">Sanders') == "Sanders"
    assert clean_name_token("Okafor's") == "Okafor"
    assert clean_name_token("O'Neill") == "O'Neill"


def test_short_mentions_resolve_to_the_full_name_introduced() -> None:
    registry = NameRegistry()
    registry.add("Bill de Vries")
    registry.add("Wang Yi")
    assert registry.resolve("De Vries") == "Bill de Vries"
    assert registry.resolve("Vries") == "Bill de Vries"
    assert registry.resolve("Wang") == "Wang Yi"
    assert registry.resolve("Okafor") is None


def test_a_longer_name_wins_over_the_mention_itself() -> None:
    registry = NameRegistry()
    registry.add("Loretta E. Lynch")
    registry.add("De Vries")
    registry.add("Bill de Vries")
    registry.add("Loretta Lynch")
    assert registry.resolve("De Vries") == "Bill de Vries"
    assert registry.resolve("Loretta Lynch") == "Loretta E. Lynch"
    assert NameRegistry.same_person("Loretta Lynch", "Loretta E. Lynch")
    assert not NameRegistry.same_person("Ana Ruiz", "Ana Ortiz")


@pytest.mark.parametrize(
    ("words", "title", "name"),
    [
        (["Judge", "Amy", "St.", "Eve"], ["Judge"], ["Amy", "St.", "Eve"]),
        (["Secretary", "of", "State", "Ana", "Ruiz"], ["Secretary", "of", "State"], ["Ana", "Ruiz"]),
        (["Foreign", "Minister", "Hong", "Lei"], ["Foreign", "Minister"], ["Hong", "Lei"]),
    ],
)
def test_a_title_is_split_from_the_front_of_a_name(
    words: list[str], title: list[str], name: list[str]
) -> None:
    assert split_title(words) == (title, name)
