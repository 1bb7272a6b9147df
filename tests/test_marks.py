"""Pairing quotation marks in raw text (no spaCy): direction read from the neighbours, damage kept local."""

from __future__ import annotations

import pytest

from stancetool.nlp.marks import find_quoted_segments
from stancetool.nlp.names import NameRegistry


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will stay," she said. "Always."', ["We will stay", "Always."]),
        ("“Curly marks work,” he said.", ["Curly marks work"]),
        ("”Curled the wrong way.” ― Ana Ruiz", ["Curled the wrong way."]),
        ("“He calls it “hell” and leaves,” she said.", ["He calls it “hell” and leaves"]),
        ("The envoy says the West should 'drop its old thinking'", ["drop its old thinking"]),
        ("Russia's and Ukraine's talks don't end", []),
        ('a 5" screen and "two words" here', ["two words"]),
        ("Blinken. “", []),
        # a paragraph opened with a mark curled the wrong way and set off by a space
        ("” … what we learned is that talks matter,” he said.", ["what we learned is that talks matter"]),
        # doubled single marks standing for double ones, as some news archives print them
        ("''We will stay,'' she said. ''Always.''", ["We will stay", "Always."]),
        ("the ''Buffett rule'' and the parents' votes", ["Buffett rule"]),
        # scraped text that lost the spaces between sentences
        (
            'It said "the border is closed."The army warned "it will not open."',
            ["the border is closed.", "it will not open."],
        ),
        # a possessive set off by a space, as scraped pages print it
        ("said that Putin 's goal was to 'test the alliance'", ["test the alliance"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_stray_mark_costs_only_its_paragraph() -> None:
    text = 'He said "this never closes\n\n"Later quote," she said.\n'
    segments = find_quoted_segments(text)
    assert [text[s.start : s.end] for s in segments][-1] == "Later quote"
    assert segments[0].close_mark is None


def test_a_quotation_over_several_paragraphs() -> None:
    text = '"First paragraph of it.\n\n"Second and last."\n'
    first, second = find_quoted_segments(text)
    assert (first.continues, second.continuation) == (True, True)
    assert text[second.start : second.end] == "Second and last."


def test_a_quotation_in_single_marks_over_several_paragraphs() -> None:
    """British style: single marks quote speakers; a quotation re-opens each paragraph it runs over."""
    text = (
        "He said: 'The port will stay open.'\n"
        "'Many people think the strike will end soon.\n"
        "'It will not end until the board listens to us.'\n"
    )
    first, second, third = find_quoted_segments(text)
    assert [text[s.start : s.end] for s in (second, third)] == [
        "Many people think the strike will end soon.",
        "It will not end until the board listens to us.",
    ]
    assert (first.continues, second.continuation, second.continues, third.continuation) == (
        False,
        False,
        True,
        True,
    )


def test_a_paragraph_that_only_closes_goes_on_with_the_quotation_left_open() -> None:
    text = '"I am ready to present the plan.\n\nI will do so as soon as it is needed," he added.\n'
    first, second = find_quoted_segments(text)
    assert (text[second.start : second.end], first.continues, second.continuation) == (
        "I will do so as soon as it is needed",
        True,
        True,
    )


def test_a_quotation_opened_once_runs_over_unmarked_paragraphs_to_its_closing_mark() -> None:
    text = "“We had a long day.\nFirst, the harbour.\nThen the border, and more to come”.\nThe end.\n"
    assert quoted(text) == ["We had a long day.", "First, the harbour.", "Then the border, and more to come"]


def test_an_unclosed_mark_does_not_run_on_to_a_paragraph_that_opens_a_new_quotation() -> None:
    text = "“We had a long day.\nThe council met.\n“It is over,” she said.\n"
    assert quoted(text) == ["We had a long day.", "It is over"]


def test_an_unclosed_single_mark_runs_on_only_where_single_marks_quote_speakers() -> None:
    text = '"We stay," she said.\n"And we fight," he said.\n\'Tis the season, the locals say.\n'
    assert quoted(text) == ["We stay", "And we fight"]


@pytest.mark.parametrize(
    ("mention", "full"),
    [("Darden", "Keith Darden"), ("Wang", "Wang Yi"), ("WANG Y", "Wang Yi"), ("Putin", None)],
)
def test_short_mentions_resolve_to_full_names(mention: str, full: str | None) -> None:
    registry = NameRegistry()
    for name in ("Wang Yi", "Keith Darden"):
        registry.add(name)
    assert registry.resolve(mention) == full


def test_an_opening_glyph_that_lost_its_space_still_opens() -> None:
    text = "The kingdom will support the republic“to realise its destiny as a democracy”.\n"
    assert quoted(text) == ["to realise its destiny as a democracy"]


def test_an_opening_glyph_with_a_stray_space_after_it_opens() -> None:
    text = "Ruiz criticised the alliance, calling it \u201c a sign of weakness.\u201d The talks went on.\n"
    [segment] = find_quoted_segments(text)
    assert text[segment.start : segment.end] == "a sign of weakness."
