"""`stancetool label`, `import` and the non-terminal case of `annotate`, through typer's CliRunner."""

from __future__ import annotations

import json

from _labels_helpers import make_quote, read_lines, write_quotes
from typer.testing import CliRunner

from stancetool.cli import app
from stancetool.store import open_writer, read_events

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_label_appends_one_event(tmp_path):
    result = run(
        "label", "q1", "critical", "--annotator", "alice", "--note", "sharp", "--annotations-dir", tmp_path
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"saved label q1 = critical by alice in {tmp_path / 'alice.jsonl'}\n"
    result = run(
        "label", "q1", "neutral", "-a", "alice", "--flag", "wrong_speaker", "--annotations-dir", tmp_path
    )
    assert result.exit_code == 0
    lines = read_lines(tmp_path / "alice.jsonl")
    assert [(x["label"], x["note"], x["flags"], x["adjudication"]) for x in lines] == [
        ("critical", "sharp", [], False),
        ("neutral", None, ["wrong_speaker"], False),
    ]


def test_label_adjudicate(tmp_path):
    result = run(
        "label", "q1", "neutral", "--annotator", "judge", "--adjudicate", "--annotations-dir", tmp_path
    )
    assert result.stdout == f"saved adjudication q1 = neutral by judge in {tmp_path / 'judge.jsonl'}\n"
    assert read_lines(tmp_path / "judge.jsonl")[0]["adjudication"] is True


def test_label_refuses_unknown_label_and_bad_name(tmp_path):
    result = run("label", "q1", "hostile", "--annotator", "alice", "--annotations-dir", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: label 'hostile' is not in the codebook (target Russia)\n"
        "hint: choose one of: supportive, neutral, critical\n"
    )
    result = run("label", "q1", "critical", "--annotator", "../evil", "--annotations-dir", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: invalid annotator name '../evil'\n")
    assert list(tmp_path.iterdir()) == []


def test_label_with_codebook_file(tmp_path):
    codebook = tmp_path / "cb.toml"
    codebook.write_text(
        'target = "China"\nversion = "3"\n[[labels]]\nname = "for"\nkey = "1"\n[[labels]]\nname = "against"\n'
        'key = "2"\n',
        encoding="utf-8",
    )
    result = run(
        "label", "q1", "against", "-a", "alice", "--codebook", codebook, "--annotations-dir", tmp_path
    )
    assert result.exit_code == 0, result.output
    line = read_lines(tmp_path / "alice.jsonl")[0]
    assert (line["target"], line["codebook_version"], line["label"]) == ("China", "3", "against")


def test_label_checks_quote_id_against_quotes_file(tmp_path):
    quotes = write_quotes(tmp_path / "quotes.jsonl", [make_quote(1)])
    args = ("--annotator", "alice", "--annotations-dir", tmp_path / "ann", "--quotes", quotes)
    assert run("label", "q00001", "neutral", *args).exit_code == 0
    result = run("label", "q99", "neutral", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {quotes}: no quotation with id 'q99'\n")


def test_label_is_refused_while_the_annotator_file_is_open(tmp_path):
    with open_writer(tmp_path, "alice"):
        result = run("label", "q1", "critical", "--annotator", "alice", "--annotations-dir", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {tmp_path / 'alice.jsonl'}: already open by another stancetool process (annotator alice)\n"
    )


def test_import_csv_stores_good_rows_and_reports_bad_ones(tmp_path):
    source = tmp_path / "labels.csv"
    source.write_text(
        "quote_id,annotator,label,note,extra\n"
        "q1,bob,neutral,,x\n"
        "q2,bob,bogus,,x\n"
        '"q3",carol,critical,"two\nlines",y\n'
        ",bob,neutral,,\n"
        "q4,bad name,neutral,,\n"
        "q5,bob,critical\n"
        "\n"
        "q6,carol,supportive,fine,z\n",
        encoding="utf-8",
    )
    ann = tmp_path / "ann"
    result = run("import", source, "--annotations-dir", ann)
    assert result.exit_code == 1
    assert (
        result.stdout == f"imported 3 labels by 2 annotators (bob, carol) into {ann}; 4 bad rows left out\n"
    )
    assert result.stderr == (
        f"warning: {source}: ignored column(s) extra\n"
        f"warning: {source}:3: label 'bogus' is not in the codebook (target Russia)\n"
        f"warning: {source}:6: quote_id is missing or empty\n"
        f"warning: {source}:7: invalid annotator name 'bad name'\n"
        f"warning: {source}:8: 3 cells where the header has 5\n"
    )
    assert [(x["quote_id"], x["label"], x["note"]) for x in read_lines(ann / "bob.jsonl")] == [
        ("q1", "neutral", None)
    ]
    assert [(x["quote_id"], x["label"], x["note"]) for x in read_lines(ann / "carol.jsonl")] == [
        ("q3", "critical", "two\nlines"),
        ("q6", "supportive", "fine"),
    ]


def test_import_jsonl(tmp_path):
    source = tmp_path / "labels.jsonl"
    rows = [
        json.dumps({"quote_id": "q1", "annotator": "bob", "label": "critical", "note": "n"}),
        "{broken",
        json.dumps({"quote_id": 7, "annotator": "bob", "label": "critical"}),
        json.dumps({"quote_id": "q2", "annotator": "bob", "label": "supportive"}),
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("import", source, "--annotations-dir", tmp_path / "ann")
    assert result.exit_code == 1
    assert (
        result.stdout
        == f"imported 2 labels by 1 annotator (bob) into {tmp_path / 'ann'}; 2 bad rows left out\n"
    )
    assert f"{source}:2: invalid JSON" in result.stderr
    assert f"{source}:3: quote_id must be text, not int" in result.stderr
    assert [x["quote_id"] for x in read_lines(tmp_path / "ann" / "bob.jsonl")] == ["q1", "q2"]


def test_import_all_good_exits_zero(tmp_path):
    source = tmp_path / "labels.csv"
    source.write_text("annotator,quote_id,label\nbob,q1,neutral\n", encoding="utf-8")
    result = run("import", source, "--annotations-dir", tmp_path / "ann")
    assert result.exit_code == 0
    assert result.stdout == f"imported 1 label by 1 annotator (bob) into {tmp_path / 'ann'}\n"
    assert result.stderr == ""


def test_import_needs_the_columns(tmp_path):
    source = tmp_path / "labels.csv"
    source.write_text("id,who,label\nq1,bob,neutral\n", encoding="utf-8")
    result = run("import", source, "--annotations-dir", tmp_path / "ann")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {source}:1: the header lacks the column(s) quote_id, annotator\n"
    )
    assert not (tmp_path / "ann").exists()


def test_import_stores_nothing_when_an_annotator_file_is_busy(tmp_path):
    source = tmp_path / "labels.csv"
    source.write_text("quote_id,annotator,label\nq1,bob,neutral\nq1,alice,neutral\n", encoding="utf-8")
    with open_writer(tmp_path, "bob"):
        result = run("import", source, "--annotations-dir", tmp_path)
    assert result.exit_code == 1
    assert "already open by another stancetool process (annotator bob)" in result.stderr
    assert read_events(tmp_path) == ([], [])  # alice's lock was taken first, but nothing was written


def test_annotate_without_a_terminal_points_to_label_and_import(tmp_path):
    quotes = write_quotes(tmp_path / "quotes.jsonl", [make_quote(1)])
    result = run("annotate", quotes, "--annotator", "alice", "--annotations-dir", tmp_path / "ann")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: annotate needs an interactive terminal, and standard input or output is not one\n"
        "hint: from scripts use `stancetool label QUOTE_ID LABEL --annotator NAME`"
        " or `stancetool import FILE`\n"
    )
    assert not (tmp_path / "ann").exists()
