"""Reading and writing the files stancetool owns: atomic replacement and tolerant JSON Lines reading."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from pydantic import BaseModel, ValidationError

from stancetool.errors import StanceToolError
from stancetool.models import Quote

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """A line (or a whole file) that could not be used, with where it is."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@contextlib.contextmanager
def atomic_writer(path: Path | str, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """Write a text file so that readers see either the old file or the whole new one, never half of it.

    The content goes to a temporary file in the same directory, is flushed and fsync'ed, then renamed over
    `path`; if the block raises, the temporary file is removed and `path` is untouched.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise StanceToolError(
            f"{target}: directory {directory} does not exist", "create it or choose another path"
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


@contextlib.contextmanager
def input_errors_named(path: Path, expected: str = "a JSON Lines file") -> Iterator[None]:
    """Turn the OS errors of opening an input file into a one-line StanceToolError naming it."""
    try:
        yield
    except FileNotFoundError:
        raise StanceToolError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StanceToolError(f"{path}: is a directory, expected {expected}") from None
    except PermissionError:
        raise StanceToolError(f"{path}: permission denied") from None


def iter_jsonl(path: Path | str) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, object, problem) per non-blank line; a bad line gives a problem, not an error."""
    p = Path(path)
    with input_errors_named(p):
        handle = p.open("rb")
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield number, None, "not UTF-8 text"
                continue
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON ({exc.msg})"
                continue
            if not isinstance(obj, dict):
                yield number, None, "expected a JSON object"
                continue
            yield number, obj, None


def validation_message(exc: ValidationError) -> str:
    """One short line out of a pydantic error: the first problem, with its field."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first.get("loc", ())) or "record"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{field}: {first.get('msg', 'invalid')}{more}"


def read_quotes(path: Path | str) -> tuple[list[Quote], list[Problem]]:
    """Read a quotes file written by `stancetool extract`; bad lines are returned as problems and skipped."""
    p = Path(path)
    with input_errors_named(p):
        data = p.read_bytes()
    quotes: list[Quote] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    with collector_paused():
        for number, quote, problem in validated_lines(data, Quote, "quotation record"):
            if problem is not None:
                problems.append(Problem(str(p), number, problem))
            elif quote.id in seen:
                problems.append(Problem(str(p), number, f"duplicate quote id {quote.id}"))
            else:
                seen.add(quote.id)
                quotes.append(quote)
    return quotes, problems


def validated_lines(
    data: bytes, model: type[M], what: str
) -> Iterator[tuple[int, M, None] | tuple[int, None, str]]:
    """(line number, record, None) for each valid non-blank JSON line of `data`, (line number, None, why)
    for each other one. Lines are validated by pydantic straight from their bytes, several times faster than
    `json.loads` then `model_validate`; a line that fails is diagnosed again the slow way to say why."""
    validate = model.__pydantic_validator__.validate_json
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw or raw.isspace():
            continue
        try:
            yield number, validate(raw), None
        except ValidationError as exc:
            yield number, None, diagnose_line(raw, exc, model, what)


def diagnose_line(raw: bytes, exc: ValidationError, model: type[BaseModel], what: str) -> str:
    """Why a JSON line failed fast validation against `model`, in the words `iter_jsonl` readers use."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except json.JSONDecodeError as decode_error:
        return f"invalid JSON ({decode_error.msg})"
    if not isinstance(obj, dict):
        return "expected a JSON object"
    try:
        model.model_validate(obj)
    except ValidationError as again:
        return f"not a {what}: {validation_message(again)}"
    return f"not a {what}: {validation_message(exc)}"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while 100,000s of long-lived events are created.

    Label events hold no reference cycles; without the pause the collector re-scans every event already read
    each time a generation fills up, which makes reading several times slower.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
