"""`stancetool review`: disagreements most severe first, the list, and adjudication in the app (Pilot)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stancetool.cli import app
from stancetool.cli._labels import load_labels
from stancetool.cli.review import build_review_app
from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.labelset import read_labels
from stancetool.models import LabelEvent, Quote
from stancetool.review import find_disagreements
from stancetool.store import open_writer

runner = CliRunner()
T0 = datetime(2026, 1, 2, tzinfo=UTC)


def event(quote_id: str, annotator: str, label: str | None, **extra: object) -> LabelEvent:
    return LabelEvent(
        quote_id=quote_id,
        annotator=annotator,
        label=label,
        created_at=T0,
        target="Russia",
        codebook_version="1",
        tool_version="0.1.0",
        **extra,  # type: ignore[arg-type]
    )


def quote(quote_id: str, text: str) -> Quote:
    return Quote(
        id=quote_id,
        doc_id="doc.txt",
        text=text,
        speaker=f"Speaker {quote_id}",
        kind="direct",
        start=0,
        end=len(text),
        context=text,
        context_start=0,
    )


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """q1 unanimous; q2 neutral/critical (distance 1, 1 dissenting); q3 supportive/critical (distance 2);
    q4 neutral, critical, critical, supportive (distance 2, 2 dissenting); q5 neutral/critical by 3 (1, 1)."""
    ann = tmp_path / "ann"
    ann.mkdir()
    labels = {
        "ann": {"q1": "critical", "q2": "neutral", "q3": "supportive", "q4": "neutral", "q5": "neutral"},
        "bob": {"q1": "critical", "q2": "critical", "q3": "critical", "q4": "critical", "q5": "critical"},
        "cat": {"q4": "critical", "q5": "neutral"},
        "dan": {"q4": "supportive"},
    }
    for name, given in labels.items():
        lines = []
        for quote_id, label in given.items():
            extra = (
                {"note": "sarcasm", "flags": ("wrong_speaker",)} if (name, quote_id) == ("bob", "q3") else {}
            )
            lines.append(event(quote_id, name, label, **extra).model_dump_json())
        (ann / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    quotes = tmp_path / "quotes.jsonl"
    quotes.write_text("".join(quote(f"q{i}", f"words {i}").model_dump_json() + "\n" for i in range(1, 6)))
    return ann, quotes


def test_most_severe_first(project: tuple[Path, Path]) -> None:
    ann, _ = project
    found = find_disagreements(read_labels(ann, DEFAULT_CODEBOOK))
    assert [(d.quote_id, d.distance, d.dissenting) for d in found] == [
        ("q4", 2, 2),
        ("q3", 2, 1),
        ("q2", 1, 1),
        ("q5", 1, 1),
    ]


def test_list_json(project: tuple[Path, Path]) -> None:
    ann, quotes = project
    result = runner.invoke(app, ["review", "--json", "--annotations-dir", str(ann), "--quotes", str(quotes)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["quote_id"] for r in records] == ["q4", "q3", "q2", "q5"]
    assert records[1] == {
        "quote_id": "q3",
        "doc_id": "doc.txt",
        "speaker": "Speaker q3",
        "text": "words 3",
        "distance": 2,
        "dissenting": 1,
        "labels": {
            "ann": {"label": "supportive", "note": None, "flags": []},
            "bob": {"label": "critical", "note": "sarcasm", "flags": ["wrong_speaker"]},
        },
        "adjudicated": None,
        "adjudicator": None,
    }


def test_list_table(project: tuple[Path, Path]) -> None:
    ann, _ = project
    result = runner.invoke(app, ["review", "--list", "--annotations-dir", str(ann)], env={"COLUMNS": "150"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "4 disagreements"
    rows = [line for line in lines if line.startswith("│")]
    assert [row.split("│")[2].strip() for row in rows] == ["q4", "q3", "q2", "q5"]
    assert "critical *" in rows[1]
    assert "* the annotator left a note or flags (see --json)" in result.stdout


def test_app_needs_adjudicator_quotes_and_terminal(project: tuple[Path, Path]) -> None:
    ann, quotes = project
    result = runner.invoke(app, ["review", "--annotations-dir", str(ann)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: review needs --annotator NAME (the adjudicator)")
    result = runner.invoke(app, ["review", "--annotator", "judge", "--annotations-dir", str(ann)])
    assert result.stderr.startswith("error: review needs --quotes QUOTES.jsonl to show the quotations")
    result = runner.invoke(
        app, ["review", "-a", "../judge", "--annotations-dir", str(ann), "--quotes", str(quotes)]
    )
    assert result.stderr.startswith("error: invalid annotator name '../judge'")
    result = runner.invoke(
        app, ["review", "-a", "judge", "--annotations-dir", str(ann), "--quotes", str(quotes)]
    )
    assert result.exit_code == 1
    assert "review needs an interactive terminal" in result.stderr
    assert "--adjudicate" in result.stderr


async def test_adjudicate_in_the_app_then_export(project: tuple[Path, Path]) -> None:
    ann, quotes = project
    loaded = load_labels(ann, None, quotes)
    found = find_disagreements(loaded.labels, loaded.quotes)
    with open_writer(ann, "judge") as writer:
        review_app = build_review_app(found, loaded, "judge", writer)
        async with review_app.run_test(size=(100, 30)) as pilot:
            others = str(review_app.item_screen.query_one("#others").render())
            assert "ann" in others and "bob" in others and "cat" in others and "dan" in others
            await pilot.press("3")  # q4 → critical
            await pilot.press("2")  # q3 → neutral
            await pilot.pause()
    lines = [json.loads(line) for line in (ann / "judge.jsonl").read_text().splitlines()]
    assert [(e["quote_id"], e["label"], e["adjudication"]) for e in lines] == [
        ("q4", "critical", True),
        ("q3", "neutral", True),
    ]
    result = runner.invoke(app, ["export", "--annotations-dir", str(ann), "--quotes", str(quotes)])
    rows = {row["quote_id"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert (rows["q4"]["final"], rows["q4"]["basis"], rows["q4"]["adjudicator"]) == (
        "critical",
        "adjudicated",
        "judge",
    )
    assert (rows["q3"]["final"], rows["q3"]["basis"]) == ("neutral", "adjudicated")
    assert (rows["q2"]["final"], rows["q2"]["basis"]) == (None, "tie")
    assert (rows["q5"]["final"], rows["q5"]["basis"]) == ("neutral", "majority")
    # the next session resumes at the first open disagreement
    loaded = load_labels(ann, None, quotes)
    found = find_disagreements(loaded.labels, loaded.quotes)
    assert [d.adjudication.label if d.adjudication else None for d in found] == [
        "critical",
        "neutral",
        None,
        None,
    ]
    with open_writer(ann, "judge") as writer:
        review_app = build_review_app(found, loaded, "judge", writer)
        async with review_app.run_test(size=(100, 30)):
            assert review_app.items[review_app.index].quote.id == "q2"


def test_adjudication_from_a_script_is_picked_up(project: tuple[Path, Path]) -> None:
    ann, _ = project
    result = runner.invoke(
        app, ["label", "q2", "neutral", "-a", "judge", "--adjudicate", "--annotations-dir", str(ann)]
    )
    assert result.exit_code == 0, result.output
    records = json.loads(runner.invoke(app, ["review", "--json", "--annotations-dir", str(ann)]).stdout)
    assert {r["quote_id"]: r["adjudicated"] for r in records}["q2"] == "neutral"


def test_later_adjudication_wins_across_adjudicators(project: tuple[Path, Path]) -> None:
    ann, _ = project
    early = event("q2", "judge", "neutral", adjudication=True)
    late = event("q2", "chief", "critical", adjudication=True).model_copy(
        update={"created_at": T0 + timedelta(hours=1)}
    )
    (ann / "judge.jsonl").write_text(early.model_dump_json() + "\n")
    (ann / "chief.jsonl").write_text(late.model_dump_json() + "\n")
    labels = read_labels(ann, DEFAULT_CODEBOOK)
    assert labels.adjudicated["q2"].annotator == "chief"
    assert "judge" not in labels.annotators  # adjudicators are not counted as annotators


def test_commands_do_not_import_spacy_or_textual(project: tuple[Path, Path]) -> None:
    ann, quotes = project
    code = (
        "import sys\n"
        "from stancetool.cli import app\n"
        "for args in (['export'], ['agreement'], ['review', '--list']):\n"
        f"    try: app([*args, '--annotations-dir', {str(ann)!r}, '--quotes', {str(quotes)!r}])\n"
        "    except SystemExit: pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'textual'))\n"
        "print('IMPORTED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "IMPORTED []" in result.stderr
