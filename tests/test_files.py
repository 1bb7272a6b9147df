"""Reading quotes files: every bad line is reported with its number and skipped; atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancetool.errors import StanceToolError
from stancetool.files import atomic_writer, read_quotes
from stancetool.models import Quote


def quote(quote_id: str) -> Quote:
    return Quote(
        id=quote_id,
        doc_id="a.txt",
        text="Words here",
        speaker="Ann Lee",
        kind="direct",
        start=0,
        end=10,
        context="Words here",
        context_start=0,
    )


def test_read_quotes_reports_each_bad_line_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    good = "".join(quote(i).model_dump_json() + "\n" for i in ("q1", "q2", "q1"))
    path.write_bytes(good.encode() + b'{"id": "q3"}\n[1]\n\n{"torn\n\xff\n')
    quotes, problems = read_quotes(path)
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert [str(p) for p in problems] == [
        f"{path}:3: duplicate quote id q1",
        f"{path}:4: not a quotation record: doc_id: Field required (and 7 more)",
        f"{path}:5: expected a JSON object",
        f"{path}:7: invalid JSON (Unterminated string starting at)",
        f"{path}:8: not UTF-8 text",
    ]


def test_read_quotes_of_a_missing_file_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(StanceToolError, match="no such file"):
        read_quotes(tmp_path / "absent.jsonl")


def test_atomic_writer_leaves_the_old_file_when_the_block_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
