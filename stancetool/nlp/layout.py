"""Where a Doc's quotation marks, paragraphs and transcript turns are, and the candidates found in it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from stancetool.nlp.marks import Paragraph, QuotedSegment, find_quoted_segments, paragraphs
from stancetool.nlp.transcript import Turn, find_turns, narrator_names

# Fewer quoted words than this are a term, not a quotation of their own (`called it "absurd"`).
MIN_QUOTE_WORDS = 2


@dataclass
class Candidate:
    """Something that may be a quotation, before attribution."""

    start: int
    end: int
    kind: str
    """`direct` (quoted words), `transcript`, `post`, `indirect`; `mention` (a speech verb that only tells who
    spoke last) and `report` (a reported clause holding a quotation, whose subject is no antecedent) are no
    quotations themselves."""
    paragraph: int
    segment: QuotedSegment | None = None
    turn: Turn | None = None
    cue_token: Token | None = None
    """For reported speech: the speech verb that governs the clause."""
    author: tuple[int, int] | None = None
    """For an embedded post: where its author's name is."""


@dataclass
class DocLayout:
    """Where the quotation marks, paragraphs and turns of a Doc are."""

    text: str
    """The Doc's text (spaCy rebuilds `doc.text` from its tokens on every access)."""
    paras: list[Paragraph]
    segments: list[QuotedSegment]
    turns: list[Turn]
    narrators: set[str]
    quoted_chars: list[tuple[int, int]]
    """(open mark, close mark or paragraph end) of every segment."""


def layout_of(doc: Doc) -> DocLayout:
    text = doc.text
    paras = paragraphs(text)
    segments = find_quoted_segments(text)
    turns = find_turns(text, paras)
    quoted = [(s.open_mark, (s.close_mark if s.close_mark is not None else s.end) + 1) for s in segments]
    return DocLayout(text, paras, segments, turns, narrator_names(turns, text), quoted)


def quoted_words(doc: Doc, seg: QuotedSegment) -> int:
    words = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    return 0 if words is None else sum(1 for t in words if t.is_alpha or t.like_num)


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)
