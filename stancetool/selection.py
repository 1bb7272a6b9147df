"""Which quotations an annotator sees, in which order, and which labels lost their quotation."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Literal

from stancetool.models import LabelEvent, Quote
from stancetool.store import current_labels

Order = Literal["document", "random"]


def filter_quotes(
    quotes: Iterable[Quote], kinds: Sequence[str] = (), speakers: Sequence[str] = ()
) -> list[Quote]:
    """The quotes of one of `kinds` (all when empty) whose speaker contains one of `speakers` (any case)."""
    wanted_kinds = set(kinds)
    wanted_speakers = [s.casefold() for s in speakers if s.strip()]
    result = []
    for quote in quotes:
        if wanted_kinds and quote.kind not in wanted_kinds:
            continue
        if wanted_speakers:
            speaker = (quote.speaker or "").casefold()
            if not any(s in speaker for s in wanted_speakers):
                continue
        result.append(quote)
    return result


def order_quotes(quotes: Sequence[Quote], order: Order = "document", seed: int = 0) -> list[Quote]:
    """`document`: article by article (in the order articles first appear), by position inside each article.

    `random`: shuffled by a hash of (seed, quote id), so the order is the same on every run and machine for
    a given seed, and a quotation keeps its place among the others when the file is re-extracted or filtered.
    """
    if order == "random":
        return sorted(quotes, key=lambda q: hashlib.sha256(f"{seed}\x00{q.id}".encode()).digest())
    first_seen: dict[str, int] = {}
    for quote in quotes:
        first_seen.setdefault(quote.doc_id, len(first_seen))
    return sorted(quotes, key=lambda q: (first_seen[q.doc_id], q.start, q.end))


def orphan_labels(
    events: Iterable[LabelEvent], quote_ids: Iterable[str], annotator: str | None = None
) -> list[LabelEvent]:
    """Current labels (of `annotator`, or of everyone) whose quote id is not among `quote_ids`.

    They are kept in the label files and come back when their quotation does; callers report them.
    """
    known = set(quote_ids)
    return [
        event
        for (who, quote_id), event in current_labels(events).items()
        if quote_id not in known and (annotator is None or who == annotator)
    ]
