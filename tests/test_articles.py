"""read_articles: every kind of input, decoding, repair, and every kind of bad input as a Problem."""

from __future__ import annotations

import codecs
import io
import json
import types
from pathlib import Path

import pytest

from stancetool.articles import Article, read_articles
from stancetool.files import Problem

QUOTE = "\u201cThe caf\u00e9 stays open,\u201d said Jean Dupr\u00e9."


def read(*paths: Path | str, stdin: bytes | None = None) -> list[Article | Problem]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_articles([str(p) for p in paths], stdin=stream))


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_text_file_gives_its_name_as_doc_id_and_its_text(tmp_path: Path) -> None:
    path = write(tmp_path / "000_a.txt", QUOTE + "\n")
    assert read(path) == [Article("000_a.txt", QUOTE + "\n")]


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", codecs.BOM_UTF8 + QUOTE.encode("utf-8"))
    assert read(path) == [Article("a.txt", QUOTE)]


def test_cp1252_file_is_decoded_not_rejected(tmp_path: Path) -> None:
    text = "\u201cWe are na\u00efve,\u201d said Jean Dupr\u00e9 \u2014 the caf\u00e9\u2019s owner."
    path = write(tmp_path / "legacy.txt", text.encode("cp1252"))
    assert read(path) == [Article("legacy.txt", text)]


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", QUOTE.encode("utf-16"))
    assert read(path) == [Article("wide.txt", QUOTE)]


def test_mojibake_is_repaired_and_quote_marks_are_kept(tmp_path: Path) -> None:
    # "Â" before a no-break space (as in seed 002) and "â€™" for ’ are UTF-8 read as cp1252.
    text = 'Stable.\u00c2\u00a0 It\u00e2\u20ac\u2122s \u201cclear\u201d, "fine", \u2018so\u2019.\r\nNext.'
    path = write(tmp_path / "m.txt", text)
    [article] = read(path)
    assert article.text == 'Stable.\u00a0 It\u2019s \u201cclear\u201d, "fine", \u2018so\u2019.\nNext.'


def test_seed_002_loses_its_mojibake_and_nothing_else(tmp_path: Path) -> None:
    seed = Path(__file__).parent.parent / "seeds" / "002_377741bda0ffc783.txt"
    raw = seed.read_text(encoding="utf-8")
    [article] = read(seed)
    assert "\u00c2" in raw and "\u00c2" not in article.text
    assert article.text == raw.replace("\u00c2\u00a0", "\u00a0")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file, no text to read"),
        (b"  \n\t\r\n ", "empty file, no text to read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), expected text"),
        (bytes(range(1, 32)) * 20, "binary file (control characters), expected text"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-bytes"],
)
def test_unusable_file_is_a_problem_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    assert read(path) == [Problem(str(path), None, message)]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert read(missing) == [Problem(str(missing), None, "no such file or directory")]


def test_directory_reads_its_txt_files_sorted_and_ignores_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "second")
    write(tmp_path / "a.txt", "first")
    write(tmp_path / "C.TXT", "upper case suffix")
    write(tmp_path / "notes.md", "not an article")
    write(tmp_path / ".hidden.txt", "editor leftovers")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deep.txt", "not read: directories are not walked")
    assert read(tmp_path) == [
        Article("C.TXT", "upper case suffix"),
        Article("a.txt", "first"),
        Article("b.txt", "second"),
    ]


def test_directory_without_articles_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path / "readme.md", "no articles here")
    assert read(tmp_path) == [Problem(str(tmp_path), None, "no .txt articles in this directory")]


def test_bad_file_in_a_directory_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "first")
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.txt", "third")
    assert read(tmp_path) == [
        Article("a.txt", "first"),
        Problem(str(tmp_path / "b.txt"), None, "empty file, no text to read"),
        Article("c.txt", "third"),
    ]


def test_corpus_reads_every_good_line_and_names_each_bad_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": "First \u00e2\u20ac\u2122 text."}),
        "",
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": 7, "text": "numeric id"}),
        json.dumps({"id": "notext"}),
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    where = str(path)
    assert read(path) == [
        Article("one", "First \u2019 text."),
        Problem(where, 3, "invalid JSON (Expecting value at column 26)"),
        Problem(where, 4, 'expected a JSON object with "id" and "text"'),
        Problem(where, 5, '"id" missing or not a non-empty string'),
        Problem(where, 6, "empty text (id 'empty')"),
        Article("7", "numeric id"),
        Problem(where, 8, "\"text\" missing or not a string (id 'notext')"),
    ]
    assert str(read(path)[1]).startswith(f"{where}:3: invalid JSON")


def test_corpus_line_not_utf8_and_empty_corpus(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", b'{"id": "a", "text": "caf\xe9"}\n')
    empty = write(tmp_path / "empty.jsonl", b"\n\n")
    assert read(bad, empty) == [
        Problem(str(bad), 1, "not UTF-8 text"),
        Problem(str(empty), None, "empty corpus, no articles to read"),
    ]


def test_stdin_is_one_article(tmp_path: Path) -> None:
    assert read("-", stdin=QUOTE.encode("cp1252")) == [Article("<stdin>", QUOTE)]
    assert read("-", stdin=b"") == [Problem("<stdin>", None, "empty file, no text to read")]


def test_duplicate_doc_ids_are_problems_and_the_first_article_wins(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    first = write(tmp_path / "x" / "a.txt", "first")
    other = tmp_path / "y"
    other.mkdir()
    second = write(other / "a.txt", "second")
    corpus = write(tmp_path / "c.jsonl", json.dumps({"id": "a.txt", "text": "third"}) + "\n")
    assert read(first, second, corpus) == [
        Article("a.txt", "first"),
        Problem(str(second), None, f"duplicate doc_id 'a.txt' (already read from {first}); skipped"),
        Problem(str(corpus), 1, f"duplicate doc_id 'a.txt' (already read from {first}); skipped"),
    ]


def test_reading_is_lazy_one_input_at_a_time(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", "first")
    later = tmp_path / "b.txt"
    stream = read_articles([str(first), str(later)])
    assert isinstance(stream, types.GeneratorType)
    assert next(stream) == Article("a.txt", "first")
    write(later, "written after the first article was read")  # the second path is only looked at now
    assert next(stream) == Article("b.txt", "written after the first article was read")
    assert next(stream, None) is None


def test_other_legacy_encodings_are_not_forced_into_cp1252(tmp_path: Path) -> None:
    text = "„Zażółć gęślą jaźń” – powiedział minister.\n"  # Polish
    path = write(tmp_path / "pl.txt", text.encode("cp1250"))
    assert read(path) == [Article("pl.txt", text)]
