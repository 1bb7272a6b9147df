"""`stancetool export` and the label reading it rests on: tables, final labels, formula-safe CSV, damage."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stancetool.cli import app
from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.export import decide, safe_cell
from stancetool.labelset import read_labels
from stancetool.models import LabelEvent, Quote
from stancetool.store import read_events

runner = CliRunner()
T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def event(quote_id: str, annotator: str, label: str | None, minute: int = 0, **extra: object) -> LabelEvent:
    return LabelEvent(
        quote_id=quote_id,
        annotator=annotator,
        label=label,
        created_at=T0 + timedelta(minutes=minute),
        target="Russia",
        codebook_version="1",
        tool_version="0.1.0",
        **extra,  # type: ignore[arg-type]
    )


def write_events(directory: Path, *events: LabelEvent, raw: dict[str, list[str]] | None = None) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    lines: dict[str, list[str]] = {}
    for e in events:
        lines.setdefault(e.annotator, []).append(e.model_dump_json())
    for name, extra in (raw or {}).items():
        lines.setdefault(name, []).extend(extra)
    for name, content in lines.items():
        (directory / f"{name}.jsonl").write_text("".join(line + "\n" for line in content), encoding="utf-8")


def quote(quote_id: str, text: str = "We will respond.", speaker: str | None = "Anna Smith") -> Quote:
    return Quote(
        id=quote_id,
        doc_id="doc1.txt",
        text=text,
        speaker=speaker,
        speaker_title="Foreign Minister",
        kind="direct",
        start=0,
        end=len(text),
        context=text,
        context_start=0,
    )


def write_quotes(path: Path, *quotes: Quote) -> Path:
    path.write_text("".join(q.model_dump_json() + "\n" for q in quotes), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Three annotators, four quotations: unanimous, majority, tie, adjudicated; a relabel and an undo."""
    ann = tmp_path / "ann"
    write_events(
        ann,
        event("q1", "alice", "critical"),
        event("q1", "bob", "critical"),
        event("q2", "alice", "neutral"),
        event("q2", "bob", "critical"),
        event("q2", "carol", "critical"),
        event("q3", "alice", "supportive"),
        event("q3", "bob", "critical"),
        event("q4", "alice", "supportive", note="irony?"),
        event("q4", "bob", "neutral", flags=("wrong_speaker",)),
        event("q4", "bob", "critical", minute=1, flags=("wrong_speaker",)),  # a change: the last one counts
        event("q1", "carol", "neutral"),
        event("q1", "carol", None, minute=1),  # undo: carol has no label on q1
        event("q4", "judge", "critical", minute=5, adjudication=True),
    )
    return ann


def test_decide() -> None:
    assert decide([]) == (None, "unlabelled")
    assert decide(["a"]) == ("a", "single")
    assert decide(["a", "a"]) == ("a", "unanimous")
    assert decide(["a", "b", "b"]) == ("b", "majority")
    assert decide(["a", "b", "b", "c", "c"]) == (None, "tie")
    assert decide(["a", "b", "c", "c"]) == ("c", "majority")
    assert decide(["a", "b"], adjudicated="a") == ("a", "adjudicated")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+7", "+7"),
        ("-1.5", "-1.5"),
        ("-1+2", "'-1+2"),
        ("+7 ", "'+7 "),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1", "'＝1"),
        ("plain = text", "plain = text"),
        ("", ""),
        (None, ""),
        (True, "true"),
    ],
)
def test_safe_cell(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_wide_csv(store: Path) -> None:
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "quote_id,doc_id,speaker,title,kind,text,label_alice,label_bob,label_carol,final,basis,adjudicator",
        "q1,,,,,,critical,critical,,critical,unanimous,",
        "q2,,,,,,neutral,critical,critical,critical,majority,",
        "q3,,,,,,supportive,critical,,,tie,",
        "q4,,,,,,supportive,critical,,critical,adjudicated,judge",
    ]


def test_long_jsonl(store: Path) -> None:
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "--layout", "long"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["quote_id"], r["annotator"], r["label"], r["adjudication"]) for r in rows] == [
        ("q1", "alice", "critical", False),
        ("q1", "bob", "critical", False),
        ("q2", "alice", "neutral", False),
        ("q2", "bob", "critical", False),
        ("q2", "carol", "critical", False),
        ("q3", "alice", "supportive", False),
        ("q3", "bob", "critical", False),
        ("q4", "alice", "supportive", False),
        ("q4", "bob", "critical", False),
        ("q4", "judge", "critical", True),
    ]
    q4_bob = rows[8]
    assert q4_bob["flags"] == ["wrong_speaker"]
    assert q4_bob["created_at"] == "2026-01-02T03:05:05Z"
    assert rows[7]["note"] == "irony?"


def test_wide_with_quotes_adds_metadata_and_unlabelled_rows(store: Path, tmp_path: Path) -> None:
    quotes = write_quotes(tmp_path / "quotes.jsonl", *(quote(f"q{i}") for i in range(1, 6)))
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "--quotes", str(quotes)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["quote_id"] for r in rows] == ["q1", "q2", "q3", "q4", "q5"]
    assert rows[0] == {
        "quote_id": "q1",
        "doc_id": "doc1.txt",
        "speaker": "Anna Smith",
        "title": "Foreign Minister",
        "kind": "direct",
        "text": "We will respond.",
        "labels": {"alice": "critical", "bob": "critical", "carol": None},
        "final": "critical",
        "basis": "unanimous",
        "adjudicator": None,
    }
    assert (rows[4]["final"], rows[4]["basis"]) == (None, "unlabelled")


def test_labels_on_unknown_quotes_are_reported_with_file_and_line(store: Path, tmp_path: Path) -> None:
    quotes = write_quotes(tmp_path / "quotes.jsonl", quote("q1"), quote("q2"), quote("q3"))
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "--quotes", str(quotes)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["quote_id"] for r in rows] == ["q1", "q2", "q3"]
    assert f"warning: {store / 'alice.jsonl'}:4: quote id q4 is not in {quotes}" in result.stderr
    assert f"warning: {store / 'bob.jsonl'}:5: quote id q4 is not in {quotes}" in result.stderr
    assert f"warning: {store / 'judge.jsonl'}:1: quote id q4 is not in {quotes}" in result.stderr


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    ann = tmp_path / "ann"
    write_events(ann, event("q1", "alice", "critical", note='=HYPERLINK("http://x")'))
    quotes = write_quotes(tmp_path / "q.jsonl", quote("q1", text="-2 is @bad", speaker="+Evil"))
    out = tmp_path / "out.csv"
    args = ["export", "--annotations-dir", str(ann), "--quotes", str(quotes), "--format", "csv"]
    result = runner.invoke(app, [*args, "--layout", "long", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote 1 row (long, csv) to {out}\n"
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["note"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["speaker"] == "'+Evil"
    result = runner.invoke(app, [*args, "--layout", "wide"])
    wide = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert wide[0]["text"] == "'-2 is @bad"


def test_output_is_atomic_and_directory_checked(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    out.write_text("old\n")
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "-o", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text().splitlines()) == 4
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    result = runner.invoke(app, ["export", "--annotations-dir", str(store), "-o", str(tmp_path / "no" / "x")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_damaged_lines_are_reported_and_left_out(tmp_path: Path) -> None:
    ann = tmp_path / "ann"
    write_events(
        ann,
        event("q1", "alice", "critical"),
        event("q1", "bob", "critical"),
        raw={
            "alice": [
                '{"quote_id": "q2", "annotator": "alice", "label": "crit',  # torn
                event("q3", "alice", "angry").model_dump_json(),  # not in the codebook
                event("q4", "bob", "neutral").model_dump_json(),  # in the wrong file
                "[1, 2]",
                '{"quote_id": "q5"}',
            ]
        },
    )
    result = runner.invoke(app, ["export", "--annotations-dir", str(ann), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["q1,,,,,,critical,critical,critical,unanimous,"]
    alice = ann / "alice.jsonl"
    assert result.stderr.splitlines() == [
        f"warning: {alice}:2: invalid JSON (Unterminated string starting at)",
        f"warning: {alice}:3: label 'angry' is not in the codebook",
        f"warning: {alice}:4: event by 'bob' in the file of 'alice'",
        f"warning: {alice}:5: expected a JSON object",
        f"warning: {alice}:6: not a label event: annotator: Field required (and 5 more)",
    ]


def test_read_labels_agrees_with_the_store(tmp_path: Path, store: Path) -> None:
    """The fast reader gives the same current labels, decisions and problems as `store.read_events`."""
    from stancetool.store import adjudications, current_labels

    (store / "alice.jsonl").open("a").write('{"torn\n' + event("q9", "alice", "bad").model_dump_json() + "\n")
    labels = read_labels(store, DEFAULT_CODEBOOK)
    events, problems = read_events(store, DEFAULT_CODEBOOK)
    expected = current_labels(events)
    got = {(a, q): e for a, current in labels.by_annotator.items() for q, e in current.items()}
    assert got == expected
    assert labels.adjudicated == adjudications(events)
    assert labels.problems == problems
    assert labels.where("bob", "q4").line == 5


def test_missing_annotations_directory_gives_empty_table(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--annotations-dir", str(tmp_path / "none"), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout == "quote_id,doc_id,speaker,title,kind,text,final,basis,adjudicator\n"


def test_long_jsonl_lines_equal_the_row_objects(store: Path, tmp_path: Path) -> None:
    """The fast long JSON Lines writer gives the same objects as `long_rows` through `write_jsonl`."""
    from stancetool.export import long_rows, write_export, write_jsonl

    write_events(store, event('q"5', "zoë", "neutral", note='say "no"\n', flags=("other", "duplicate")))
    quotes = write_quotes(tmp_path / "q.jsonl", quote("q1", speaker=None), quote('q"5', text="Ünïcode"))
    labels = read_labels(store, DEFAULT_CODEBOOK, keep="details")
    for given in (None, quote_from(quotes)):
        expected, got = io.StringIO(), io.StringIO()
        write_jsonl(long_rows(labels, given), expected)
        assert write_export(labels, got, layout="long", fmt="jsonl", quotes=given) == len(
            expected.getvalue().splitlines()
        )
        assert list(map(json.loads, got.getvalue().splitlines())) == list(
            map(json.loads, expected.getvalue().splitlines())
        )


def quote_from(path: Path) -> list[Quote]:
    return [Quote.model_validate_json(line) for line in path.read_text().splitlines()]
