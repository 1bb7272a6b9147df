"""Reading articles: files, directories, JSONL corpora and standard input, decoded and repaired.

`read_articles` streams: it holds one article (or one corpus line) at a time, so memory stays flat however
large the corpus. Whatever cannot be used comes out as a `Problem` in the stream, in order, and reading goes
on with the next input.
"""

from __future__ import annotations

import codecs
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from stancetool.files import Problem

STDIN = "-"
STDIN_DOC_ID = "<stdin>"
ARTICLE_SUFFIX = ".txt"
CORPUS_SUFFIX = ".jsonl"

# Byte-order marks that name their encoding; UTF-8's is stripped, the others decide the codec.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy single-byte encodings that charset-normalizer often cannot tell apart on short English text; when
# one of the equally good guesses is cp1252 (the web's default for "latin-1"), that one wins.
_PREFERRED_LEGACY = "cp1252"
# Above this share of control characters a decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Article:
    """One article as read: `text` is what quote offsets refer to."""

    doc_id: str
    text: str


class _Unreadable(Exception):
    """Internal: why bytes or a record could not become an article (becomes a Problem)."""


def repair(text: str) -> str:
    """Repair mojibake and normalise line endings; the result is the text quote offsets refer to.

    ftfy fixes text decoded with the wrong codec (`â€™` → `’`, `Â ` → a no-break space), turns `\\r\\n` and
    `\\r` into `\\n` and applies NFC; curly quotation marks are kept as they are, since their kind tells
    quotations apart.
    """
    import ftfy  # here, not at the top: `stancetool --help` need not pay for it

    return ftfy.fix_text(text, uncurl_quotes=False)


def _decode(data: bytes) -> str:
    """Decode an article's bytes: a byte-order mark's encoding, else UTF-8, else a detected encoding.

    Raises `_Unreadable` for binary data or bytes no encoding explains.
    """
    codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise _Unreadable(f"not readable as {codec} despite its byte-order mark") from None
    elif b"\x00" in data:
        raise _Unreadable("binary file (contains NUL bytes), expected text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
    if _looks_binary(text):
        raise _Unreadable("binary file (control characters), expected text")
    return text


def _detect(data: bytes) -> str:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise _Unreadable("binary file or unknown encoding, expected text")
    best = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos <= best and _PREFERRED_LEGACY in match.could_be_from_charset:
            try:
                return data.decode(_PREFERRED_LEGACY)
            except UnicodeDecodeError:
                break
    return str(matches[0])


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _article_from_bytes(doc_id: str, data: bytes) -> Article:
    """Decode, repair and check one article; raises `_Unreadable` when it has no text."""
    text = repair(_decode(data))
    if not text.strip():
        raise _Unreadable("empty file, no text to read")
    return Article(doc_id, text)


def read_articles(paths: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[Article | Problem]:
    """Stream the articles of `paths`, in order, with a `Problem` for whatever cannot be read.

    Each path is a text article (`.txt`, or any other file named explicitly), a directory (its `.txt` files,
    sorted by name; other files, hidden files and subdirectories are ignored), a `.jsonl` corpus with one
    `{"id": …, "text": …}` object per line, or `-` for one article on standard input (`stdin`, by default the
    process's). `doc_id` is the file name, the corpus `id`, or `<stdin>`. A doc_id already read in this run is
    a problem and the later article is skipped: quotations of two different articles must not share a doc_id.
    """
    seen: dict[str, str] = {}
    for raw in paths:
        for item in _read_path(raw, stdin):
            if isinstance(item, Problem):
                yield item
                continue
            article, where = item
            first = seen.get(article.doc_id)
            if first is not None:
                message = f"duplicate doc_id {article.doc_id!r} (already read from {first}); skipped"
                yield Problem(where.path, where.line, message)
                continue
            seen[article.doc_id] = str(where)
            yield article


class _Where(NamedTuple):
    """Where an article was read: a file, or a line of a corpus."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


_Located = tuple[Article, _Where]
_at = _Where


def _read_path(raw: str, stdin: BinaryIO | None) -> Iterator[_Located | Problem]:
    if raw == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            yield _article_from_bytes(STDIN_DOC_ID, stream.read()), _at(STDIN_DOC_ID)
        except _Unreadable as exc:
            yield Problem(STDIN_DOC_ID, None, str(exc))
        return
    path = Path(raw)
    if path.is_dir():
        yield from _read_directory(path)
    elif not path.exists():
        yield Problem(raw, None, "no such file or directory")
    elif path.suffix.lower() == CORPUS_SUFFIX:
        yield from _read_corpus(path)
    else:
        yield _read_file(path)


def _read_file(path: Path) -> _Located | Problem:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), None, f"cannot read: {exc.strerror or exc}")
    try:
        return _article_from_bytes(path.name, data), _at(str(path))
    except _Unreadable as exc:
        return Problem(str(path), None, str(exc))


def _read_directory(directory: Path) -> Iterator[_Located | Problem]:
    try:
        names = sorted(
            entry.name
            for entry in directory.iterdir()
            if entry.suffix.lower() == ARTICLE_SUFFIX and not entry.name.startswith(".") and entry.is_file()
        )
    except OSError as exc:
        yield Problem(str(directory), None, f"cannot list directory: {exc.strerror or exc}")
        return
    if not names:
        yield Problem(str(directory), None, f"no {ARTICLE_SUFFIX} articles in this directory")
        return
    for name in names:
        yield _read_file(directory / name)


def _read_corpus(path: Path) -> Iterator[_Located | Problem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    found = False
    with handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            found = True
            try:
                yield _corpus_record(line), _at(str(path), number)
            except _Unreadable as exc:
                yield Problem(str(path), number, str(exc))
    if not found:
        yield Problem(str(path), None, "empty corpus, no articles to read")


def _corpus_record(line: bytes) -> Article:
    try:
        obj = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError:
        raise _Unreadable("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        at = " " if exc.msg.endswith(" at") else " at "  # json's messages sometimes end in "at"
        raise _Unreadable(f"invalid JSON ({exc.msg}{at}column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _Unreadable('expected a JSON object with "id" and "text"')
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise _Unreadable('"id" missing or not a non-empty string')
    if not isinstance(text, str):
        raise _Unreadable(f'"text" missing or not a string (id {doc_id!r})')
    text = repair(text)
    if not text.strip():
        raise _Unreadable(f"empty text (id {doc_id!r})")
    return Article(doc_id, text)
