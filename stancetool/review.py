"""The disagreements `stancetool review` walks through, most severe first.

A quotation is a disagreement when two or more annotators labelled it and their labels differ. Severity is the
ordinal distance between the labels given (the codebook's order: supportive vs critical is 2, neutral vs
critical is 1), then the number of dissenting annotators (those who did not give the most common label).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stancetool.labelset import Labels
from stancetool.models import LabelEvent, Quote


@dataclass(frozen=True)
class Disagreement:
    """One quotation the annotators disagree on."""

    quote_id: str
    events: dict[str, LabelEvent]
    """annotator → current label event, annotators by name."""
    distance: int
    """The ordinal distance between the furthest labels given (0 … number of labels − 1)."""
    dissenting: int
    """How many annotators did not give the most common label."""
    adjudication: LabelEvent | None
    """The adjudicator's decision, if the disagreement was settled."""
    quote: Quote | None = None


def find_disagreements(labels: Labels, quotes: Sequence[Quote] | None = None) -> list[Disagreement]:
    """Every disagreement, most severe first; ties keep the quotes file's order (else the order read)."""
    order = {label.name: k for k, label in enumerate(labels.codebook.labels)}
    by_id = {quote.id: quote for quote in quotes} if quotes is not None else {}
    position = {quote_id: i for i, quote_id in enumerate(by_id or labels.quote_ids())}
    found = []
    for quote_id, events in labels.by_quote().items():
        given = [event.label for event in events.values() if event.label is not None]
        if len(given) < 2 or len(set(given)) < 2:
            continue
        codes = [order[label] for label in given]
        top = Counter(given).most_common(1)[0][1]
        found.append(
            Disagreement(
                quote_id=quote_id,
                events=events,
                distance=max(codes) - min(codes),
                dissenting=len(given) - top,
                adjudication=labels.adjudicated.get(quote_id),
                quote=by_id.get(quote_id),
            )
        )
    found.sort(
        key=lambda d: (-d.distance, -d.dissenting, position.get(d.quote_id, len(position)), d.quote_id)
    )
    return found


def disagreement_record(d: Disagreement) -> dict[str, Any]:
    """A disagreement as a JSON-ready dict (`review --list --json`)."""
    return {
        "quote_id": d.quote_id,
        "doc_id": d.quote.doc_id if d.quote else None,
        "speaker": d.quote.speaker if d.quote else None,
        "text": d.quote.text if d.quote else None,
        "distance": d.distance,
        "dissenting": d.dissenting,
        "labels": {
            name: {"label": event.label, "note": event.note, "flags": list(event.flags)}
            for name, event in d.events.items()
        },
        "adjudicated": d.adjudication.label if d.adjudication else None,
        "adjudicator": d.adjudication.annotator if d.adjudication else None,
    }
