"""Pairing quotation marks in raw text, paragraph by paragraph: one bad mark costs at most its paragraph.

Pure string code (no spaCy): the direction of a mark is read from its neighbours, not from its glyph alone,
because scraped news mixes straight and curly marks and sometimes curls them the wrong way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

DOUBLE_MARKS = frozenset('"“”„‟«»″')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
OPENING_GLYPHS = frozenset("“„‟«‘‚‛‹")
CLOSING_GLYPHS = frozenset("”»’›")
OPENING_DOUBLE_GLYPHS = frozenset("“„«")
# Characters after which a mark can open a quotation, and before which it can close one.
OPEN_BEFORE = frozenset(" \t([{—–-―/:;,") | DOUBLE_MARKS | SINGLE_MARKS
# Two single marks standing for one double mark (`''Yes,'' he said`, as some news archives print them) are
# read as a double mark followed by this placeholder, which keeps every offset in place.
DOUBLED_SINGLE = "''"
PLACEHOLDER = "\x01"
CLOSE_AFTER = frozenset(" \t.,;:!?)]}—–-―/…" + PLACEHOLDER) | DOUBLE_MARKS | SINGLE_MARKS
# Stripped from the inner edges of a quotation (the comma of `"…," she said` is not quoted speech).
TRAILING_STRIP = " \t,;:—–-―" + PLACEHOLDER
LEADING_STRIP = " \t…" + PLACEHOLDER


@dataclass(frozen=True)
class QuotedSegment:
    """Quoted words between two marks (or up to the end of a paragraph when the closing mark is missing)."""

    start: int
    """Offset of the first quoted character (after the opening mark)."""
    end: int
    """Offset just past the last quoted character (before the closing mark)."""
    open_mark: int
    """Offset of the opening mark."""
    close_mark: int | None
    """Offset of the closing mark; None when the paragraph ends first."""
    paragraph: int
    """Index of the paragraph (line) the segment lies in."""
    continues: bool = False
    """True when the quotation runs on into the next paragraph (re-opened there with a mark)."""
    continuation: bool = False
    """True when this segment continues a quotation from the previous paragraph."""
    single: bool = False
    """True when delimited by single quotation marks."""


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines as paragraphs (news text marks paragraphs with line breaks)."""
    out: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Paragraph(len(out), offset + lead, offset + lead + len(stripped)))
        offset += len(line) + 1
    return out


def paragraph_of(para_starts: list[int], offset: int) -> int:
    """The index of the paragraph (by the sorted start offsets of `paragraphs`) that `offset` falls in."""
    return max(0, bisect.bisect_right(para_starts, offset) - 1)


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    if i == lo and i + 1 < hi:
        return True  # the first character of a paragraph opens, whatever its glyph or spacing (`” … what I`)
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before in ".!?" and after.isupper():
        return True  # `…in general."The ministry…`: scraped text that lost the space between sentences
    if text[i] in OPENING_DOUBLE_GLYPHS and before.isalpha() and after.isalnum():
        return True  # `support Ukraine“to realise …”`: an opening glyph whose space the scraper lost
    if (
        text[i] in OPENING_DOUBLE_GLYPHS
        and before.isspace()
        and after == " "
        and text[i + 2 : i + 3].isalnum()
    ):
        return True  # `calling it “ a sign of weakness.”`: an opening glyph with a stray space after it
    return (before in OPEN_BEFORE or before.isspace()) and not after.isspace()


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    if i == lo:
        return False  # nothing before it to close
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    if i + 1 >= hi:
        return True  # the last character of a paragraph closes, whatever its glyph or spacing (`Blinken. “`)
    if before.isspace() and (after.isspace() or after in CLOSE_AFTER):
        # `… the term 'outreach,' " he told`: a mark set off by a space after punctuation still closes
        j = i - 1
        while j > lo and text[j].isspace():
            j -= 1
        return text[j] in ",.;:!?…" or text[j] in SINGLE_MARKS
    if before in ".!?," and after.isupper():
        return True  # `…the Belarusian people."We warn`: the same, closing
    return not before.isspace() and (after in CLOSE_AFTER or after.isspace())


def _roles(text: str, positions: list[int], lo: int, hi: int) -> list[tuple[int, bool, bool]]:
    roles = []
    for i in positions:
        can_open, can_close = _can_open(text, i, lo, hi), _can_close(text, i, lo, hi)
        if can_open and can_close:
            # Both readings fit (e.g. `—"`): the glyph decides where it has a direction.
            if text[i] in OPENING_GLYPHS:
                can_close = False
            elif text[i] in CLOSING_GLYPHS:
                can_open = False
        roles.append((i, can_open, can_close))
    return roles


def _pair(text: str, positions: list[int], lo: int, hi: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks left to right; returns closed (open, close) pairs and a dangling opener, if any."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    nested = 0  # double marks used inside a double-quoted quotation (`“… he calls “hell” …”`)
    for i, can_open, can_close in _roles(text, positions, lo, hi):
        if open_at is None:
            if can_open:
                open_at = i
        elif can_close:
            if nested:
                nested -= 1
            else:
                pairs.append((open_at, i))
                open_at = None
        elif can_open and not _has_words(text, open_at + 1, i):
            open_at = i  # `" "…`: the first mark was stray
        elif can_open:
            nested += 1
    return pairs, open_at


def _closes_only(text: str, i: int, para: Paragraph) -> bool:
    can_open, can_close = _can_open(text, i, para.start, para.end), _can_close(text, i, para.start, para.end)
    return can_close and (not can_open or text[i] in CLOSING_GLYPHS)


def _has_words(text: str, a: int, b: int) -> bool:
    return any(ch.isalnum() for ch in text[a:b])


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in LEADING_STRIP:
        a += 1
    while b > a and text[b - 1] in TRAILING_STRIP:
        b -= 1
    return a, b


def _closed_after_unmarked(text: str, paras: list[Paragraph], k: int) -> int:
    """How many paragraphs after paragraph `k` carry no double mark before one whose first mark only
    closes (a statement printed with its opening mark once and its closing mark paragraphs later); 0 when
    no such paragraph follows within reach."""
    for j in range(k + 1, min(len(paras), k + 2 + MAX_UNMARKED_PARAGRAPHS)):
        positions = _double_positions(text, paras[j])
        if positions:
            return j - k - 1 if j > k + 1 and _closes_only(text, positions[0], paras[j]) else 0
    return 0


def _starts_with_open_mark(text: str, para: Paragraph) -> bool:
    return text[para.start] in DOUBLE_MARKS and _can_open(text, para.start, para.start, para.end)


def _double_positions(text: str, para: Paragraph) -> list[int]:
    return [i for i in range(para.start, para.end) if text[i] in DOUBLE_MARKS]


# (`Putin 's goal`: a possessive set off by a space opens nothing)
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–―-]))[‘'‚‛‹](?=[^\s'’])(?![sS]\b)")
# A quotation left open at a paragraph's start runs on over at most this many paragraphs without marks, to
# the paragraph that closes it.
MAX_UNMARKED_PARAGRAPHS = 8
# Where a quotation of a speaker's words starts: a paragraph's start, or after `said:`.
_LEADING = re.compile(r"(?:^|(?<=:\s))[\"“„«‘'‚‹](?=\S)", re.MULTILINE)


def _single_segments(
    text: str, para: Paragraph, taken: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], int | None]:
    """Single-quoted spans outside double-quoted ones (apostrophes inside words never count), and the opening
    mark of one that the paragraph leaves open, if it opens the paragraph or follows a colon."""
    out: list[tuple[int, int]] = []
    dangling: int | None = None
    region = text[para.start : para.end]
    for match in _SINGLE_OPEN.finditer(region):
        o = para.start + match.start()
        if any(a <= o <= b for a, b in taken) or (out and o <= out[-1][1]) or dangling is not None:
            continue
        # The closing mark: a single mark after a word character, not followed by a letter (not `Russia's`).
        for j in range(o + 2, para.end):
            ch = text[j]
            if ch in SINGLE_MARKS and not text[j - 1].isspace():
                nxt = text[j + 1] if j + 1 < para.end else " "
                if not nxt.isalnum():
                    out.append((o, j))
                    break
            if ch in DOUBLE_MARKS:
                break
        else:
            if o == para.start or text[para.start : o].rstrip().endswith(":"):
                dangling = o
    return out, dangling


def _single_marks_quote(text: str) -> bool:
    """Whether the article quotes its speakers in single marks (British style), judged by the marks that open
    paragraphs or follow a colon."""
    leading = [text[m.start()] for m in _LEADING.finditer(text)]
    singles = sum(1 for mark in leading if mark in SINGLE_MARKS)
    return singles > len(leading) - singles


def find_quoted_segments(text: str) -> list[QuotedSegment]:
    """Every quoted segment of `text`, in order, paragraph by paragraph."""
    text = text.replace(DOUBLED_SINGLE, '"' + PLACEHOLDER)
    paras = paragraphs(text)
    segments: list[QuotedSegment] = []
    carried = False  # the previous paragraph's quotation runs on into this one
    single_style = _single_marks_quote(text)
    carried_single = False
    left_open: int | None = None  # the segment the previous paragraph left open without re-opening this one
    unmarked_run = 0  # paragraphs still to come that run on with the quotation left open
    for k, para in enumerate(paras):
        positions = _double_positions(text, para)
        if left_open is not None and unmarked_run:
            segments[left_open] = replace(segments[left_open], continues=True)
            segments.append(QuotedSegment(para.start, para.end, para.start, None, k, continuation=True))
            left_open, unmarked_run = len(segments) - 1, unmarked_run - 1
            continue
        if left_open is not None and positions and _closes_only(text, positions[0], para):
            # `"I am ready to present it. ¶ I will do so soon," he added.`: a paragraph that only closes
            # the quotation the one before left open goes on with it, re-opening mark or not
            a, b = _trim(text, para.start, positions[0])
            if _has_words(text, a, b):
                segments[left_open] = replace(segments[left_open], continues=True)
                segments.append(QuotedSegment(a, b, para.start, positions[0], k, continuation=True))
            positions = positions[1:]
        left_open = None
        pairs, dangling = _pair(text, positions, para.start, para.end)
        taken: list[tuple[int, int]] = []
        for n, (o, c) in enumerate(pairs):
            a, b = _trim(text, o + 1, c)
            taken.append((o, c))
            if _has_words(text, a, b):
                segments.append(
                    QuotedSegment(a, b, o, c, k, continuation=carried and n == 0 and o == para.start)
                )
        next_carried = False
        if dangling is not None:
            a, b = _trim(text, dangling + 1, para.end)
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            runs_on = nxt is not None and _starts_with_open_mark(text, nxt)
            taken.append((dangling, para.end))
            if _has_words(text, a, b):
                segments.append(
                    QuotedSegment(
                        a,
                        b,
                        dangling,
                        None,
                        k,
                        continues=runs_on,
                        continuation=carried and not pairs and dangling == para.start,
                    )
                )
                left_open = None if runs_on else len(segments) - 1
                if left_open is not None and dangling == para.start:
                    # `“We had a long day. ¶ First, … ¶ … in this regard”.`: opened once, closed paragraphs on
                    unmarked_run = _closed_after_unmarked(text, paras, k)
            next_carried = runs_on
        singles, open_single = _single_segments(text, para, taken)
        for o, c in singles:
            a, b = _trim(text, o + 1, c)
            if len(text[a:b].split()) >= 2:
                continued = carried_single and o == para.start
                segments.append(QuotedSegment(a, b, o, c, k, continuation=continued, single=True))
        next_carried_single = False
        if single_style and open_single is not None:
            # `'Many people believe …` left open: the quotation runs to the paragraph's end (and on, where the
            # next paragraph opens with a single mark again)
            a, b = _trim(text, open_single + 1, para.end)
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            runs_on = nxt is not None and _SINGLE_OPEN.match(text, nxt.start) is not None
            if len(text[a:b].split()) >= 2:
                continued = carried_single and open_single == para.start
                segments.append(
                    QuotedSegment(
                        a, b, open_single, None, k, continues=runs_on, continuation=continued, single=True
                    )
                )
            next_carried_single = runs_on
        carried = next_carried
        carried_single = next_carried_single
    segments.sort(key=lambda s: s.start)
    return segments
