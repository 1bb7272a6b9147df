"""Reading and writing the files stancetool owns: atomic replacement and tolerant JSON Lines reading."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from stancetool.errors import StanceToolError
from stancetool.models import Quote


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


def iter_jsonl(path: Path | str) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, object, problem) per non-blank line; a bad line gives a problem, not an error."""
    p = Path(path)
    try:
        handle = p.open("rb")
    except FileNotFoundError:
        raise StanceToolError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise StanceToolError(f"{p}: is a directory, expected a JSON Lines file") from None
    except PermissionError:
        raise StanceToolError(f"{p}: permission denied") from None
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
    quotes: list[Quote] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, obj, problem in iter_jsonl(path):
        if problem is not None:
            problems.append(Problem(str(path), number, problem))
            continue
        try:
            quote = Quote.model_validate(obj)
        except ValidationError as exc:
            problems.append(Problem(str(path), number, f"not a quotation record: {validation_message(exc)}"))
            continue
        if quote.id in seen:
            problems.append(Problem(str(path), number, f"duplicate quote id {quote.id}"))
            continue
        seen.add(quote.id)
        quotes.append(quote)
    return quotes, problems
