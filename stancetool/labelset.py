"""The labels of every annotator, read once, as the export, agreement and review commands need them.

`read_labels` reads the label store like `stancetool.store.read_events` (same checks, same problems) but also
keeps where each event came from (file and line), so that a label whose quotation is missing from the quotes
file can be reported with its file and line. Each line is validated by pydantic straight from its JSON bytes
(`LabelEvent.model_validate_json`), which is several times faster than `json.loads` followed by
`model_validate` on 100,000s of lines; a line that fails is diagnosed again the slow way to give the same
message as the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from stancetool.errors import StanceToolError
from stancetool.files import Problem, collector_paused, validated_lines
from stancetool.models import Codebook, Flag, LabelEvent, Quote
from stancetool.store import adjudications, check_annotator_name

Keep = Literal["events", "details", "labels"]
Detail = tuple[str | None, tuple[Flag, ...], datetime]
"""The note, flags and time of a label event."""


@dataclass(frozen=True)
class Where:
    """The file and line an event was read from."""

    path: str
    line: int


@dataclass
class Labels:
    """Current labels by annotator and quote id, final decisions by quote id, and what could not be used."""

    codebook: Codebook
    label_of: dict[str, dict[str, str]] = field(default_factory=dict)
    """annotator → quote id → current label (of the last non-adjudication event, when it has a label)."""
    details: dict[str, dict[str, Detail]] = field(default_factory=dict)
    """annotator → quote id → (note, flags, created_at) of that event; empty when read with keep="labels"."""
    by_annotator: dict[str, dict[str, LabelEvent]] = field(default_factory=dict)
    """annotator → quote id → that event itself; only when read with keep="events"."""
    lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """annotator → quote id → the line of that event in the annotator's file."""
    paths: dict[str, str] = field(default_factory=dict)
    """annotator → the annotator's label file."""
    adjudicated: dict[str, LabelEvent] = field(default_factory=dict)
    """The latest adjudication of each quote id (a retracted decision is absent)."""
    adjudicated_where: dict[str, Where] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kept: Keep = "events"

    @property
    def annotators(self) -> list[str]:
        """Annotators with at least one current label, sorted by name."""
        return sorted(name for name, current in self.label_of.items() if current)

    def where(self, annotator: str, quote_id: str) -> Where:
        return Where(self.paths[annotator], self.lines[annotator][quote_id])

    def quote_ids(self) -> list[str]:
        """Quote ids with a current label or a decision (annotators by name, then file order)."""
        seen: dict[str, None] = {}
        for annotator in self.annotators:
            seen.update(dict.fromkeys(self.label_of[annotator]))
        seen.update(dict.fromkeys(self.adjudicated))
        return list(seen)

    def labels_by_quote(self) -> dict[str, dict[str, str]]:
        """quote id → annotator → current label (annotators in name order)."""
        result: dict[str, dict[str, str]] = {}
        for annotator in self.annotators:
            for quote_id, label in self.label_of[annotator].items():
                given = result.get(quote_id)
                if given is None:
                    result[quote_id] = given = {}
                given[annotator] = label
        return result

    def by_quote(self) -> dict[str, dict[str, LabelEvent]]:
        """quote id → annotator → current label event (annotators in name order)."""
        if self.kept != "events":
            raise ValueError(f'the labels were read without their events (keep="{self.kept}")')
        result: dict[str, dict[str, LabelEvent]] = {}
        for annotator in self.annotators:
            for quote_id, event in self.by_annotator[annotator].items():
                given = result.get(quote_id)
                if given is None:
                    result[quote_id] = given = {}
                given[annotator] = event
        return result

    def keep_quotes(self, quote_ids: Iterable[str], source: str) -> None:
        """Drop labels and decisions on quote ids not in `quote_ids`, each reported with its file and line."""
        known = set(quote_ids)
        for annotator in sorted(self.label_of):
            current = self.label_of[annotator]
            for quote_id in [q for q in current if q not in known]:
                del current[quote_id]
                self.by_annotator.get(annotator, {}).pop(quote_id, None)
                self.details.get(annotator, {}).pop(quote_id, None)
                line = self.lines[annotator].pop(quote_id)
                message = f"quote id {quote_id} is not in {source}"
                self.problems.append(Problem(self.paths[annotator], line, message))
        for quote_id in [q for q in self.adjudicated if q not in known]:
            where = self.adjudicated_where.pop(quote_id)
            del self.adjudicated[quote_id]
            self.problems.append(Problem(where.path, where.line, f"quote id {quote_id} is not in {source}"))


def read_labels(directory: Path | str, codebook: Codebook, keep: Keep = "events") -> Labels:
    """Read every annotator file in `directory` into current labels and decisions, reporting damage.

    `keep` says what is kept of each current event besides its label: "events" (the `LabelEvent`s), "details"
    (note, flags and time) or "labels" (nothing more). Every line is validated all the same, but without the
    events 500,000 of them take a fraction of the memory, and much less time.

    A line that is not a label event, an event by another annotator than the file's name, an event for another
    target, or a label not in the codebook is reported (file and line) and left out.
    """
    base = Path(directory)
    labels = Labels(codebook, kept=keep)
    if not base.exists():
        return labels
    if not base.is_dir():
        raise StanceToolError(f"{base}: not a directory", "--annotations-dir must name a directory")
    decisions: list[tuple[LabelEvent, Where]] = []
    with collector_paused():
        for path in sorted(base.glob("*.jsonl")):
            decisions.extend(_read_file(path, labels, keep))
    final = adjudications(event for event, _ in decisions)  # the latest by created_at, as the store does
    located = {id(event): where for event, where in decisions}
    labels.adjudicated = dict(final)
    labels.adjudicated_where = {quote_id: located[id(event)] for quote_id, event in final.items()}
    return labels


def _read_file(path: Path, labels: Labels, keep: Keep) -> list[tuple[LabelEvent, Where]]:
    """Read one annotator's file into `labels`; return its adjudication events with where they are."""
    problems = labels.problems
    annotator = path.stem
    name = str(path)
    try:
        check_annotator_name(annotator)
    except StanceToolError:
        problems.append(Problem(name, None, "file name is not an annotator name; file skipped"))
        return []
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        problems.append(Problem(name, None, "is a directory, expected a JSON Lines file"))
        return []
    except PermissionError:
        problems.append(Problem(name, None, "permission denied"))
        return []
    target = labels.codebook.target
    names = {label.name for label in labels.codebook.labels}
    current: dict[str, LabelEvent] = {}
    label_of: dict[str, str] = {}
    details: dict[str, Detail] = {}
    keep_events = keep == "events"
    keep_details = keep != "labels"
    lines: dict[str, int] = {}
    decisions: list[tuple[LabelEvent, Where]] = []
    for number, event, problem in validated_lines(data, LabelEvent, "label event"):
        if problem is not None:
            problems.append(Problem(name, number, problem))
            continue
        if event.annotator != annotator:
            message = f"event by {event.annotator!r} in the file of {annotator!r}"
            problems.append(Problem(name, number, message))
        elif event.target != target:
            message = f"label for target {event.target!r}, the codebook is for {target!r}"
            problems.append(Problem(name, number, message))
        elif event.label is not None and event.label not in names:
            problems.append(Problem(name, number, f"label {event.label!r} is not in the codebook"))
        elif event.adjudication:
            decisions.append((event, Where(name, number)))
        elif event.label is None:
            label_of.pop(event.quote_id, None)
            details.pop(event.quote_id, None)
            current.pop(event.quote_id, None)
            lines.pop(event.quote_id, None)
        else:
            label_of[event.quote_id] = event.label
            lines[event.quote_id] = number
            if keep_details:
                details[event.quote_id] = (event.note, event.flags, event.created_at)
            if keep_events:
                current[event.quote_id] = event
    labels.label_of[annotator] = label_of
    labels.details[annotator] = details
    labels.by_annotator[annotator] = current
    labels.lines[annotator] = lines
    labels.paths[annotator] = name
    return decisions


def quotes_by_id(quotes: Sequence[Quote]) -> dict[str, Quote]:
    return {quote.id: quote for quote in quotes}
