"""Export the labels as tables: long (one row per quotation and annotator) or wide (one row per quotation).

The wide table carries a `final` label and its `basis`:

- `adjudicated`: an adjudicator settled the quotation (`stancetool review` or `label --adjudicate`);
- `unanimous`: two or more annotators, all with the same label;
- `majority`: annotators disagree, and one label has more votes than any other (a plurality);
- `tie`: two or more labels share the most votes; `final` stays empty until someone adjudicates;
- `single`: only one annotator labelled the quotation (nothing to agree on yet);
- `unlabelled`: a quotation of the quotes file that nobody labelled.

CSV output is safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return (or their full-width forms) gets a leading `'`, so it is shown as text and never run as a formula.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import IO, Any, Literal

from pydantic_core import to_json

from stancetool.labelset import Labels
from stancetool.models import Quote

Layout = Literal["long", "wide"]
Format = Literal["jsonl", "csv"]
Basis = Literal["adjudicated", "unanimous", "majority", "tie", "single", "unlabelled"]

LONG_COLUMNS = (
    "quote_id",
    "doc_id",
    "speaker",
    "annotator",
    "label",
    "adjudication",
    "note",
    "flags",
    "created_at",
)
WIDE_COLUMNS = ("quote_id", "doc_id", "speaker", "title", "kind", "text")

_FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: formula starters are neutralised with a leading `'`.

    A plain number such as `-1` or `+2.5` (a label of a numeric codebook) is left as it is: it cannot run.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value.isoformat().replace("+00:00", "Z") if isinstance(value, datetime) else str(value)
    if text and text[0] in _FORMULA_START and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def decide(votes: Sequence[str], adjudicated: str | None = None) -> tuple[str | None, Basis]:
    """The final label of one quotation from its annotators' labels and an optional adjudication."""
    if adjudicated is not None:
        return adjudicated, "adjudicated"
    if not votes:
        return None, "unlabelled"
    if len(votes) == 1:
        return votes[0], "single"
    tally: dict[str, int] = {}
    for vote in votes:
        tally[vote] = tally.get(vote, 0) + 1
    if len(tally) == 1:
        return votes[0], "unanimous"
    ranked = sorted(tally.values(), reverse=True)
    if ranked[0] > ranked[1]:
        return max(tally, key=tally.__getitem__), "majority"
    return None, "tie"


def _row_order(labels: Labels, quotes: Sequence[Quote] | None) -> list[str]:
    if quotes is not None:
        return [quote.id for quote in quotes]
    return labels.quote_ids()


Record = tuple[Quote | None, str, str, str | None, bool, str | None, tuple[str, ...], datetime]
"""quote, quote id, annotator, label, adjudication, note, flags, created_at."""


def _long_records(labels: Labels, quotes: Sequence[Quote] | None) -> Iterator[Record]:
    by_id = {quote.id: quote for quote in quotes} if quotes is not None else {}
    by_quote = labels.labels_by_quote()
    details = labels.details
    adjudicated = labels.adjudicated
    for quote_id in _row_order(labels, quotes):
        quote = by_id.get(quote_id)
        for annotator, label in by_quote.get(quote_id, {}).items():
            note, flags, created_at = details[annotator][quote_id]
            yield quote, quote_id, annotator, label, False, note, flags, created_at
        decision = adjudicated.get(quote_id)
        if decision is not None:
            yield (
                quote,
                quote_id,
                decision.annotator,
                decision.label,
                True,
                decision.note,
                decision.flags,
                (decision.created_at),
            )


def long_rows(labels: Labels, quotes: Sequence[Quote] | None = None) -> Iterator[dict[str, Any]]:
    """One row per (quotation, annotator) with a current label, one per adjudication (`adjudication` true).

    Rows follow the quotes file when given (else the order labels were read), annotators by name. `labels`
    must have been read with their details (`keep="details"` or `"events"`).
    """
    for quote, quote_id, annotator, label, adjudication, note, flags, created_at in _long_records(
        labels, quotes
    ):
        yield {
            "quote_id": quote_id,
            "doc_id": quote.doc_id if quote else None,
            "speaker": quote.speaker if quote else None,
            "annotator": annotator,
            "label": label,
            "adjudication": adjudication,
            "note": note,
            "flags": flags,
            "created_at": created_at,
        }


def wide_rows(labels: Labels, quotes: Sequence[Quote] | None = None) -> Iterator[dict[str, Any]]:
    """One row per quotation: its metadata, each annotator's label (`labels`), `final` and `basis`.

    With `quotes`, every quotation of the quotes file gets a row (unlabelled ones too), in file order.
    """
    by_id = {quote.id: quote for quote in quotes} if quotes is not None else {}
    by_quote = labels.labels_by_quote()
    annotators = labels.annotators
    for quote_id in _row_order(labels, quotes):
        quote = by_id.get(quote_id)
        given = by_quote.get(quote_id, {})
        decision = labels.adjudicated.get(quote_id)
        final, basis = decide(
            list(given.values()),
            decision.label if decision is not None else None,
        )
        yield {
            "quote_id": quote_id,
            "doc_id": quote.doc_id if quote else None,
            "speaker": quote.speaker if quote else None,
            "title": quote.speaker_title if quote else None,
            "kind": quote.kind if quote else None,
            "text": quote.text if quote else None,
            "labels": {name: given.get(name) for name in annotators},
            "final": final,
            "basis": basis,
            "adjudicator": decision.annotator if decision is not None else None,
        }


def write_jsonl(rows: Iterator[dict[str, Any]], handle: IO[str], batch: int = 10_000) -> int:
    """Write one JSON object per line (datetimes in ISO 8601, UTC as `Z`); return the number of rows."""
    count = 0
    lines: list[bytes] = []
    for row in rows:
        lines.append(to_json(row))  # pydantic-core's serializer: several times faster than json.dumps
        count += 1
        if len(lines) == batch:
            handle.write(b"\n".join(lines).decode("utf-8") + "\n")
            lines.clear()
    if lines:
        handle.write(b"\n".join(lines).decode("utf-8") + "\n")
    return count


def write_csv(
    rows: Iterator[Sequence[object]], handle: IO[str], header: Sequence[str], checked: bool = False
) -> int:
    """Write a formula-safe CSV: `header`, then each row's cells through `safe_cell` (unless the rows are
    `checked` already, every cell made by `safe_cell`); return how many rows."""
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    start = _FORMULA_START
    for row in rows:
        if not checked:
            row = [
                cell if type(cell) is str and (not cell or cell[0] not in start) else safe_cell(cell)
                for cell in row
            ]
        writer.writerow(row)
        count += 1
    return count


def _long_cells(labels: Labels, quotes: Sequence[Quote] | None) -> Iterator[tuple[str, ...]]:
    """The long table's CSV cells, each made safe once per quotation, annotator and label, not per row."""
    safe = safe_cell
    seen: dict[str, str] = {}

    def once(text: str) -> str:
        cell = seen.get(text)
        if cell is None:
            cell = seen[text] = safe(text)
        return cell

    current: str | None = None
    head: tuple[str, str, str] = ("", "", "")
    for quote, quote_id, annotator, label, adjudication, note, flags, created_at in _long_records(
        labels, quotes
    ):
        if quote_id != current:
            current = quote_id
            head = (safe(quote_id), safe(quote.doc_id) if quote else "", safe(quote.speaker) if quote else "")
        yield (
            *head,
            once(annotator),
            once(label) if label else "",
            "true" if adjudication else "false",
            safe(note) if note else "",
            ";".join(flags),
            created_at.isoformat().replace("+00:00", "Z"),
        )


def _wide_cells(labels: Labels, quotes: Sequence[Quote] | None) -> Iterator[list[str]]:
    annotators = labels.annotators
    for row in wide_rows(labels, quotes):
        given = row["labels"]
        yield [
            *((row[column] or "") for column in WIDE_COLUMNS),
            *((given[name] or "") for name in annotators),
            row["final"] or "",
            row["basis"],
            row["adjudicator"] or "",
        ]


def _long_json_lines(labels: Labels, quotes: Sequence[Quote] | None) -> Iterator[str]:
    """The long table as JSON lines, the same objects as `long_rows` would give `write_jsonl`.

    Values repeated from row to row (the quotation's fields, annotator, label, flags) are encoded once.
    """
    seen: dict[object, str] = {}

    def once(value: object) -> str:
        text = seen.get(value)
        if text is None:
            text = seen[value] = to_json(value).decode("utf-8")
        return text

    current: str | None = None
    head = ""
    for quote, quote_id, annotator, label, adjudication, note, flags, created_at in _long_records(
        labels, quotes
    ):
        if quote_id != current:
            current = quote_id
            doc_id, speaker = (quote.doc_id, quote.speaker) if quote else (None, None)
            head = f'{{"quote_id":{once(quote_id)},"doc_id":{once(doc_id)},"speaker":{once(speaker)},'
        yield (
            f'{head}"annotator":{once(annotator)},"label":{once(label)},'
            f'"adjudication":{"true" if adjudication else "false"},'
            f'"note":{once(note) if note is None else to_json(note).decode("utf-8")},'
            f'"flags":{once(flags)},"created_at":{to_json(created_at).decode("utf-8")}}}'
        )


def write_export(
    labels: Labels, handle: IO[str], *, layout: Layout, fmt: Format, quotes: Sequence[Quote] | None = None
) -> int:
    """Write the long or wide table of `labels` as JSON Lines or CSV to `handle`; return how many rows."""
    if fmt == "jsonl" and layout == "long":
        count = 0
        lines: list[str] = []
        for line in _long_json_lines(labels, quotes):
            lines.append(line)
            if len(lines) == 10_000:
                handle.write("\n".join(lines) + "\n")
                count += len(lines)
                lines.clear()
        if lines:
            handle.write("\n".join(lines) + "\n")
        return count + len(lines)
    if fmt == "jsonl":
        return write_jsonl(wide_rows(labels, quotes), handle)
    if layout == "long":
        return write_csv(_long_cells(labels, quotes), handle, LONG_COLUMNS, checked=True)
    header = [
        *WIDE_COLUMNS,
        *(f"label_{name}" for name in labels.annotators),
        "final",
        "basis",
        "adjudicator",
    ]
    return write_csv(_wide_cells(labels, quotes), handle, header)
