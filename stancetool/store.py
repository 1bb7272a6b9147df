"""The label store: one append-only JSON Lines file of label events per annotator.

`annotations/<annotator>.jsonl` holds one `LabelEvent` per line. Nothing is ever rewritten: a change, an undo
or an adjudication is a new line, and the current state is read back by replaying the lines. One process at
a time may write an annotator's file (an OS lock on `<annotator>.jsonl.lock` that dies with its process);
readers need no lock and tolerate a torn last line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout
from pydantic import ValidationError

from stancetool import __version__
from stancetool.errors import StanceToolError
from stancetool.files import Problem, input_errors_named, validated_lines, validation_message
from stancetool.models import Codebook, Flag, LabelEvent

DEFAULT_ANNOTATIONS_DIR = Path("annotations")

_NAME = re.compile(r"[A-Za-z0-9._-]+")


def check_annotator_name(name: str) -> str:
    """Return `name` if it is a safe annotator name: letters, digits, `.`, `_`, `-`, not starting with `.`."""
    if not name or not _NAME.fullmatch(name) or name.startswith("."):
        raise StanceToolError(
            f"invalid annotator name {name!r}",
            "use letters, digits, '.', '_' and '-' only, not starting with '.' (e.g. --annotator alice)",
        )
    return name


def label_path(directory: Path | str, annotator: str) -> Path:
    """The label file of `annotator` in `directory`."""
    return Path(directory) / f"{check_annotator_name(annotator)}.jsonl"


def make_event(
    quote_id: str,
    annotator: str,
    label: str | None,
    codebook: Codebook,
    *,
    note: str | None = None,
    flags: Iterable[Flag] = (),
    seconds: float | None = None,
    adjudication: bool = False,
) -> LabelEvent:
    """A new label event made now (UTC); `label` must be in the codebook, or None to retract."""
    check_annotator_name(annotator)
    if not quote_id:
        raise StanceToolError("empty quote id")
    if label is not None and label not in {item.name for item in codebook.labels}:
        names = ", ".join(item.name for item in codebook.labels)
        raise StanceToolError(
            f"label {label!r} is not in the codebook (target {codebook.target})", f"choose one of: {names}"
        )
    try:
        return LabelEvent(
            quote_id=quote_id,
            annotator=annotator,
            label=label,
            note=note or None,
            flags=tuple(dict.fromkeys(flags)),
            adjudication=adjudication,
            created_at=datetime.now(UTC),
            seconds=None if seconds is None else round(seconds, 3),
            target=codebook.target,
            codebook_version=codebook.version,
            tool_version=__version__,
        )
    except ValidationError as exc:
        raise StanceToolError(f"invalid label event: {validation_message(exc)}") from None


class AnnotatorWriter:
    """Appends label events to one annotator's file while holding that annotator's lock.

    Use as a context manager (`with open_writer(directory, name) as writer:`); `append` returns only once the
    line is on disk (written, flushed and fsync'ed).
    """

    def __init__(self, directory: Path | str, annotator: str) -> None:
        self.directory = Path(directory)
        self.annotator = check_annotator_name(annotator)
        self.path = label_path(self.directory, annotator)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock = FileLock(self.lock_path, timeout=0, thread_local=False)
        self._fd: int | None = None

    def open(self) -> AnnotatorWriter:
        """Take the lock and open the file for appending; refuse when another writer holds the lock."""
        if self._fd is not None:
            return self
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StanceToolError(f"{self.directory}: cannot create the directory ({exc.strerror})") from None
        if not self.directory.is_dir():
            raise StanceToolError(f"{self.directory}: not a directory", "choose another --annotations-dir")
        try:
            self._lock.acquire()
        except Timeout:
            raise StanceToolError(
                f"{self.path}: already open by another stancetool process (annotator {self.annotator})",
                "finish the other session first, or use another --annotator name",
            ) from None
        except OSError as exc:
            raise StanceToolError(f"{self.lock_path}: cannot take the lock ({exc.strerror})") from None
        try:
            created = not self.path.exists()
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if created:
                _fsync_directory(self.directory)
            else:
                self._end_torn_line()
        except OSError as exc:
            self.close()
            raise StanceToolError(f"{self.path}: cannot open for appending ({exc.strerror})") from None
        return self

    def _end_torn_line(self) -> None:
        """If the file ends inside a line (a crash mid-write), end that line so new events stand alone."""
        size = os.path.getsize(self.path)
        if size == 0:
            return
        with self.path.open("rb") as handle:
            handle.seek(size - 1)
            last = handle.read(1)
        if last != b"\n":
            self._write(b"\n")

    def _write(self, data: bytes) -> None:
        assert self._fd is not None
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)

    def append(self, event: LabelEvent) -> None:
        """Write `event` as one JSON line and return once it is fsync'ed to disk."""
        if self._fd is None:
            raise StanceToolError(f"{self.path}: writer is not open")
        if event.annotator != self.annotator:
            raise StanceToolError(
                f"event by {event.annotator!r} cannot go to the file of {self.annotator!r} ({self.path})"
            )
        try:
            self._write(event.model_dump_json().encode("utf-8") + b"\n")
        except OSError as exc:
            raise StanceToolError(f"{self.path}: cannot write ({exc.strerror})", "check free space") from None

    def close(self) -> None:
        """Close the file and release the lock (safe to call twice)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> AnnotatorWriter:
        return self.open()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_writer(directory: Path | str, annotator: str) -> AnnotatorWriter:
    """Open `annotator`'s label file in `directory` for appending, holding its lock (a context manager)."""
    return AnnotatorWriter(directory, annotator).open()


def read_events(
    directory: Path | str, codebook: Codebook | None = None
) -> tuple[list[LabelEvent], list[Problem]]:
    """Every label event of every `*.jsonl` file in `directory` (files sorted by name, lines in file order).

    Damage is returned as problems, never raised: a line that is not JSON (a torn last line), not a label
    event, by another annotator than the file's name, or (with `codebook`) with a label or target outside the
    codebook is skipped and reported. A missing directory means nobody has labelled yet: empty lists.
    """
    base = Path(directory)
    if not base.exists():
        return [], []
    if not base.is_dir():
        raise StanceToolError(f"{base}: not a directory", "--annotations-dir must name a directory")
    names = {label.name for label in codebook.labels} if codebook is not None else None
    events: list[LabelEvent] = []
    problems: list[Problem] = []
    for path in sorted(base.glob("*.jsonl")):
        annotator = path.stem
        if not _NAME.fullmatch(annotator) or annotator.startswith("."):
            problems.append(Problem(str(path), None, "file name is not an annotator name; file skipped"))
            continue
        try:
            with input_errors_named(path):
                data = path.read_bytes()
        except StanceToolError as exc:
            problems.append(Problem(str(path), None, exc.message))
            continue
        for number, event, problem in validated_lines(data, LabelEvent, "label event"):
            if problem is not None:
                problems.append(Problem(str(path), number, problem))
                continue
            if event.annotator != annotator:
                problems.append(
                    Problem(str(path), number, f"event by {event.annotator!r} in the file of {annotator!r}")
                )
                continue
            if codebook is not None:
                if event.target != codebook.target:
                    problems.append(
                        Problem(
                            str(path),
                            number,
                            f"label for target {event.target!r}, the codebook is for {codebook.target!r}",
                        )
                    )
                    continue
                if event.label is not None and event.label not in names:
                    message = f"label {event.label!r} is not in the codebook"
                    problems.append(Problem(str(path), number, message))
                    continue
            events.append(event)
    return events, problems


def current_events(events: Iterable[LabelEvent]) -> dict[tuple[str, str], LabelEvent]:
    """The last non-adjudication event of each (annotator, quote_id), retractions included.

    Unlike `current_labels`, this keeps an event whose label is None: a plain undo (no flags, no note) or an
    item flagged as an extraction error without a stance.
    """
    result: dict[tuple[str, str], LabelEvent] = {}
    for event in events:
        if not event.adjudication:
            result[(event.annotator, event.quote_id)] = event
    return result


def current_labels(events: Iterable[LabelEvent]) -> dict[tuple[str, str], LabelEvent]:
    """The current label of each (annotator, quote_id): its last non-adjudication event, if that has a label.

    Events are taken in the order given (file order, which is the order they were written); an event with
    label None retracts the label and removes the pair.
    """
    return {key: event for key, event in current_events(events).items() if event.label is not None}


def adjudications(events: Iterable[LabelEvent]) -> dict[str, LabelEvent]:
    """The final decision on each quote_id: its latest adjudication event (by `created_at`, any adjudicator).

    An adjudication with label None retracts the decision and removes the quote.
    """
    latest: dict[str, LabelEvent] = {}
    ordered = sorted((e for e in events if e.adjudication), key=lambda e: e.created_at)
    for event in ordered:
        latest[event.quote_id] = event
    return {quote_id: event for quote_id, event in latest.items() if event.label is not None}


def annotator_events(events: Sequence[LabelEvent], annotator: str) -> list[LabelEvent]:
    """The events written by `annotator`, in order."""
    return [event for event in events if event.annotator == annotator]
