"""Plain records the pipeline components attach to a Doc (no spaCy types, so they pickle across processes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class QuoteSpan:
    """A quotation found in a Doc: character offsets into doc.text and its attribution."""

    start: int
    end: int
    kind: str
    context_start: int
    context_end: int
    speaker: str | None = None
    speaker_title: str | None = None
    cue: str | None = None
