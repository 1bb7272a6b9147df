"""Labels from other tools: long-format CSV (with a header) or JSON Lines, one decision per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stancetool.errors import StanceToolError
from stancetool.files import Problem, input_errors_named, iter_jsonl
from stancetool.models import Codebook, LabelEvent
from stancetool.store import make_event, open_writer

REQUIRED_COLUMNS = ("quote_id", "annotator", "label")
OPTIONAL_COLUMNS = ("note",)


@dataclass
class ImportResult:
    """What an import stored and what it left out."""

    stored: list[LabelEvent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def annotators(self) -> list[str]:
        return sorted({event.annotator for event in self.stored})


def _file_format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return "jsonl"
    if suffix in {".csv", ".tsv", ".txt"}:
        return "csv"
    return "jsonl" if head.lstrip().startswith(b"{") else "csv"


def _csv_rows(path: Path, raw: bytes) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StanceToolError(f"{path}: not UTF-8 text", "save the file as UTF-8 CSV") from None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise StanceToolError(f"{path}:1: unreadable CSV header ({exc})") from None
    if header is None:
        return
    names = [name.strip().lower() for name in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        raise StanceToolError(
            f"{path}:1: the header lacks the column(s) {', '.join(missing)}",
            "the first line must name the columns: quote_id,annotator,label[,note]",
        )
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, None, f"unreadable CSV ({exc})"
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            yield start, None, f"{len(row)} cells where the header has {len(names)}"
            continue
        yield start, dict(zip(names, row, strict=True)), None


def read_label_rows(
    path: Path | str, codebook: Codebook
) -> tuple[list[LabelEvent], list[Problem], list[str]]:
    """Validate every row of a long-format label file: (events of good rows, bad rows, ignored columns)."""
    p = Path(path)
    with input_errors_named(p, expected="a CSV or JSON Lines file"):
        raw = p.read_bytes()
    kind = _file_format(p, raw[:200])
    rows = iter_jsonl(p) if kind == "jsonl" else _csv_rows(p, raw)
    events: list[LabelEvent] = []
    problems: list[Problem] = []
    ignored: dict[str, None] = {}
    for number, row, problem in rows:
        if problem is not None:
            problems.append(Problem(str(p), number, problem))
            continue
        assert row is not None
        for key in row:
            if key not in REQUIRED_COLUMNS and key not in OPTIONAL_COLUMNS:
                ignored.setdefault(str(key))
        values: dict[str, str | None] = {}
        bad = None
        for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
            value = row.get(column)
            if value is not None and not isinstance(value, str):
                bad = f"{column} must be text, not {type(value).__name__}"
                break
            values[column] = value.strip() if value is not None else None
            if column in REQUIRED_COLUMNS and not values[column]:
                bad = f"{column} is missing or empty"
                break
        if bad is not None:
            problems.append(Problem(str(p), number, bad))
            continue
        try:
            quote_id, annotator = values["quote_id"] or "", values["annotator"] or ""
            event = make_event(quote_id, annotator, values["label"], codebook, note=values["note"])
        except StanceToolError as exc:
            problems.append(Problem(str(p), number, exc.message))
            continue
        events.append(event)
    return events, problems, list(ignored)


def import_labels(path: Path | str, directory: Path | str, codebook: Codebook) -> ImportResult:
    """Store the good rows of a label file through each annotator's writer; bad rows come back as problems.

    Every annotator's lock is taken before anything is written, so an import either stores all good rows or,
    when one annotator's file is busy, none.
    """
    events, problems, ignored = read_label_rows(path, codebook)
    result = ImportResult(problems=problems, ignored_columns=ignored)
    if not events:
        return result
    with ExitStack() as stack:
        writers = {}
        for annotator in sorted({event.annotator for event in events}):
            writers[annotator] = stack.enter_context(open_writer(directory, annotator))
        for event in events:
            writers[event.annotator].append(event)
            result.stored.append(event)
    return result
