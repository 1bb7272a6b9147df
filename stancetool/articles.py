"""Reading articles: files, directories, JSONL corpora and standard input, decoded and repaired."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article as read: `text` is what quote offsets refer to."""

    doc_id: str
    text: str
