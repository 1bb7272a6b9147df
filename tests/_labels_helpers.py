"""Helpers for the label store, codebook and annotation tests (plain functions, no shared fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

from stancetool.models import Quote


def make_quote(
    n: int,
    *,
    doc_id: str | None = None,
    text: str | None = None,
    speaker: str | None = "Anna Smith",
    speaker_title: str | None = "Foreign Minister",
    kind: str = "direct",
    prefix: str = "She said: “",
    suffix: str = "” on Monday.",
) -> Quote:
    """A quotation whose context holds its text at the right offsets (article offset 100 * n)."""
    text = text if text is not None else f"Quotation number {n} about Russia"
    context = prefix + text + suffix
    context_start = 100 * n
    start = context_start + len(prefix)
    return Quote(
        id=f"q{n:05d}",
        doc_id=doc_id or f"doc{n // 10}.txt",
        text=text,
        speaker=speaker,
        speaker_title=speaker_title,
        cue="said",
        kind=kind,
        start=start,
        end=start + len(text),
        context=context,
        context_start=context_start,
    )


def write_quotes(path: Path, quotes: list[Quote]) -> Path:
    path.write_text("".join(q.model_dump_json() + "\n" for q in quotes), encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict]:
    """Every line of a label file as JSON (fails on a bad line: for files the test expects intact)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
