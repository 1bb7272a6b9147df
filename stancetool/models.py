"""The records stancetool reads and writes: small pydantic models, one docstring per field."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["direct", "partial", "transcript", "indirect"]
Flag = Literal["not_a_quote", "wrong_speaker", "wrong_span", "duplicate", "other"]
Breakdown = Literal["speaker", "doc", "label"]
"""What agreement figures can be broken down by."""

SCHEMA_VERSION = 1


class Quote(BaseModel):
    """One quotation found in an article, attributed to its speaker."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    """Stable identifier: the same article text gives the same id on every run and machine."""
    doc_id: str
    """The article's file name, or the `id` of its line in a JSONL corpus."""
    text: str
    """The quoted words, without the outer quotation marks."""
    speaker: str | None
    """The speaker's full name as the article introduces it, or null when no speaker is plausible."""
    speaker_title: str | None = None
    """The speaker's role or title (e.g. "Chinese Foreign Ministry Spokesman"), kept apart from the name."""
    cue: str | None = None
    """The word that marks the speech (said, told, according to, a transcript tag …)."""
    kind: QuoteKind
    """direct: a full quotation; partial: quoted words inside reported speech; transcript: a speaker turn;
    indirect: reported speech without quotation marks."""
    start: int = Field(ge=0)
    """Character offset of `text` in the article as read (after decoding and repair)."""
    end: int = Field(ge=0)
    """Character offset just past `text` in the article as read."""
    context: str
    """The sentence(s) around the quotation, for the annotator."""
    context_start: int = Field(ge=0)
    """Character offset of `context` in the article, so `text` can be located inside it."""


class CodebookLabel(BaseModel):
    """One label of a codebook."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    """The label as stored in label files (e.g. "critical")."""
    key: str = Field(min_length=1, max_length=1)
    """The single key that gives this label in the terminal app."""
    description: str = ""
    """A one-sentence definition shown to annotators."""


class Codebook(BaseModel):
    """The target and the ordered label set annotators choose from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: str = Field(min_length=1)
    """What the stance is toward (e.g. "Russia")."""
    version: str = "1"
    """Version of the codebook, stored with every label event."""
    labels: tuple[CodebookLabel, ...] = Field(min_length=2)
    """The labels in ordinal order (first to last), used by ordinal agreement coefficients."""


class LabelEvent(BaseModel):
    """One line of an annotator's append-only label file: a decision, a change or a retraction."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    quote_id: str = Field(min_length=1)
    """The `id` of the quotation labelled."""
    annotator: str = Field(min_length=1)
    """Who made the decision (letters, digits, `.`, `_`, `-`)."""
    label: str | None
    """The label given, or null when an earlier label is retracted (undo)."""
    note: str | None = None
    """A free-text note by the annotator."""
    flags: tuple[Flag, ...] = ()
    """Extraction problems the annotator reported for this quotation."""
    adjudication: bool = False
    """True when this is an adjudicator's final decision on a disagreement."""
    created_at: datetime
    """When the decision was made (UTC, ISO 8601)."""
    seconds: float | None = None
    """Seconds the annotator spent on the item before deciding."""
    target: str
    """The codebook's target when the decision was made."""
    codebook_version: str
    """The codebook's version when the decision was made."""
    tool_version: str
    """The stancetool version that wrote the event."""
    schema_version: int = SCHEMA_VERSION
    """The version of this record's layout."""
