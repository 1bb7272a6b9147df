"""`stancetool agreement` end to end: label files in, figures out (tables, --json, --by, --min-alpha)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stancetool.cli import app
from stancetool.models import LabelEvent, Quote

runner = CliRunner()

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units, values 1–5, with
# missing values. Published: nominal alpha .743, ordinal alpha .815.
KRIPPENDORFF = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    "C": [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
}

FIVE_POINTS = """\
target = "Russia"
version = "2"
{labels}
"""


def five_point_codebook(tmp_path: Path) -> Path:
    labels = "".join(
        f'[[labels]]\nname = "{v}"\nkey = "{v}"\ndescription = "point {v}"\n' for v in range(1, 6)
    )
    path = tmp_path / "codebook.toml"
    path.write_text(FIVE_POINTS.format(labels=labels), encoding="utf-8")
    return path


def event(quote_id: str, annotator: str, label: str | None, version: str = "1") -> LabelEvent:
    return LabelEvent(
        quote_id=quote_id,
        annotator=annotator,
        label=label,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        target="Russia",
        codebook_version=version,
        tool_version="0.1.0",
    )


def write_matrix(directory: Path, matrix: dict[str, list[int | None]], version: str = "1") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for annotator, values in matrix.items():
        lines = [
            event(f"u{unit + 1:02d}", annotator, str(value), version).model_dump_json()
            for unit, value in enumerate(values)
            if value is not None
        ]
        (directory / f"{annotator}.jsonl").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8"
        )
    return directory


def quote(quote_id: str, speaker: str | None, doc_id: str) -> Quote:
    return Quote(
        id=quote_id,
        doc_id=doc_id,
        text="x",
        speaker=speaker,
        kind="direct",
        start=0,
        end=1,
        context="x",
        context_start=0,
    )


@pytest.fixture
def krippendorff_store(tmp_path: Path) -> tuple[Path, Path]:
    return write_matrix(tmp_path / "ann", KRIPPENDORFF, "2"), five_point_codebook(tmp_path)


def run_json(*args: str) -> dict:
    result = runner.invoke(app, ["agreement", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_published_example_through_the_label_files(krippendorff_store: tuple[Path, Path]) -> None:
    ann, codebook = krippendorff_store
    report = run_json("--annotations-dir", str(ann), "--codebook", str(codebook))
    assert round(report["krippendorff_alpha_nominal"], 3) == 0.743
    assert round(report["krippendorff_alpha_ordinal"], 3) == 0.815
    assert round(report["percent_agreement"], 3) == 0.818
    assert report["items"] == 11  # unit 12 has a single label: it is not pairable
    assert report["items_labelled"] == 12
    assert report["annotators"] == 4
    assert report["annotator_names"] == ["A", "B", "C", "D"]
    assert report["labels_given"] == 41
    assert report["weighted_kappa_weights"] == "quadratic"
    pairs = {(p["a"], p["b"]): p for p in report["cohen_kappa"]}
    assert sorted(pairs) == [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]
    assert set(pairs[("A", "B")]) >= {"a", "b", "n", "kappa", "weighted_kappa"}
    assert pairs[("A", "B")]["n"] == 9
    assert sum(map(sum, pairs[("A", "B")]["confusion"])) == 9
    assert [row["label"] for row in report["per_label"]] == ["1", "2", "3", "4", "5"]


def test_json_keys_of_the_readme(krippendorff_store: tuple[Path, Path]) -> None:
    ann, codebook = krippendorff_store
    report = run_json("--annotations-dir", str(ann), "--codebook", str(codebook))
    for key in (
        "items",
        "annotators",
        "percent_agreement",
        "krippendorff_alpha_nominal",
        "krippendorff_alpha_ordinal",
        "fleiss_kappa",
        "cohen_kappa",
        "gwet_ac1",
        "brennan_prediger",
        "per_label",
        "undefined",
    ):
        assert key in report


def test_min_alpha_gates_the_exit_status(krippendorff_store: tuple[Path, Path]) -> None:
    ann, codebook = krippendorff_store
    base = ["agreement", "--annotations-dir", str(ann), "--codebook", str(codebook), "--json"]
    assert runner.invoke(app, [*base, "--min-alpha", "0.7"]).exit_code == 0
    result = runner.invoke(app, [*base, "--min-alpha", "0.8"])
    assert result.exit_code == 1
    assert "error: Krippendorff's alpha (nominal) 0.743 is below --min-alpha 0.8" in result.stderr
    assert json.loads(result.stdout)["items"] == 11  # the figures are still printed


def test_tables(krippendorff_store: tuple[Path, Path]) -> None:
    ann, codebook = krippendorff_store
    result = runner.invoke(app, ["agreement", "--annotations-dir", str(ann), "--codebook", str(codebook)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Krippendorff's alpha (nominal) │ 0.743 │" in out
    assert "Krippendorff's alpha (ordinal) │ 0.815 │" in out
    assert "A (rows) × B (columns)" in out
    assert "weighted kappa (quadratic)" in out
    assert "Per label" in out and "specific" in out


def test_one_annotator_is_undefined_not_a_number(tmp_path: Path) -> None:
    ann = write_matrix(tmp_path / "ann", {"solo": [1, 2, 3]})
    codebook = five_point_codebook(tmp_path)
    (codebook.parent / "v1.toml").write_text(codebook.read_text().replace('"2"', '"1"', 1))
    report = run_json("--annotations-dir", str(ann), "--codebook", str(codebook.parent / "v1.toml"))
    assert report["items"] == 0
    assert report["krippendorff_alpha_nominal"] is None
    assert report["undefined"]["krippendorff_alpha_nominal"] == "only one annotator has labels"
    assert report["cohen_kappa"] == []
    result = runner.invoke(
        app,
        ["agreement", "--annotations-dir", str(ann), "--codebook", str(codebook.parent / "v1.toml")],
    )
    assert "undefined" in result.stdout
    assert "only one annotator has labels" in result.stdout
    result = runner.invoke(
        app,
        [
            "agreement",
            "--annotations-dir",
            str(ann),
            "--codebook",
            str(codebook.parent / "v1.toml"),
            "--min-alpha",
            "0.5",
        ],
    )
    assert result.exit_code == 1
    assert "alpha (nominal) is undefined (only one annotator has labels)" in result.stderr


def test_one_label_only_is_undefined(tmp_path: Path) -> None:
    ann = write_matrix(tmp_path / "ann", {"a": [1, 1, 1], "b": [1, 1, 1]})
    codebook = five_point_codebook(tmp_path)
    codebook.write_text(codebook.read_text().replace('version = "2"', 'version = "1"'))
    report = run_json("--annotations-dir", str(ann), "--codebook", str(codebook))
    assert report["percent_agreement"] == 1.0
    assert report["gwet_ac1"] == 1.0
    assert report["fleiss_kappa"] is None
    assert report["krippendorff_alpha_nominal"] is None
    assert report["cohen_kappa"][0]["kappa"] is None
    assert "one label" in report["undefined"]["fleiss_kappa"]
    assert "one and the same label" in report["undefined"]["cohen_kappa[a,b].kappa"]


def test_by_speaker_needs_quotes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["agreement", "--annotations-dir", str(tmp_path), "--by", "speaker"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: --by speaker needs the quotes file\n"
        "hint: add --quotes QUOTES.jsonl (the file the labels are about)\n"
    )


def test_by_speaker_and_doc_and_missing_quotes(tmp_path: Path) -> None:
    ann = tmp_path / "ann"
    ann.mkdir()
    rows = {
        "alice": [("q1", "critical"), ("q2", "critical"), ("q3", "neutral"), ("q9", "critical")],
        "bob": [("q1", "critical"), ("q2", "neutral"), ("q3", "neutral")],
    }
    for name, pairs in rows.items():
        text = "".join(event(q, name, label).model_dump_json() + "\n" for q, label in pairs)
        (ann / f"{name}.jsonl").write_text(text)
    quotes = tmp_path / "quotes.jsonl"
    quotes.write_text(
        "".join(
            q.model_dump_json() + "\n"
            for q in (quote("q1", "Anna", "d1"), quote("q2", "Anna", "d2"), quote("q3", None, "d2"))
        )
    )
    args = ["--annotations-dir", str(ann), "--quotes", str(quotes)]
    result = runner.invoke(app, ["agreement", "--json", "--by", "speaker", *args])
    assert result.exit_code == 0, result.output
    assert f"warning: {ann / 'alice.jsonl'}:4: quote id q9 is not in {quotes}" in result.stderr
    report = json.loads(result.stdout)
    assert report["by"] == "speaker"
    groups = {g["group"]: g for g in report["groups"]}
    assert (groups["Anna"]["items"], groups["Anna"]["percent_agreement"]) == (2, 0.5)
    assert (groups["(no speaker)"]["items"], groups["(no speaker)"]["percent_agreement"]) == (1, 1.0)
    assert report["items_labelled"] == 3  # q9 is left out of the figures
    report = run_json("--by", "doc", *args)
    assert [(g["group"], g["items"]) for g in report["groups"]] == [("d2", 2), ("d1", 1)]
    report = run_json("--by", "label", "--annotations-dir", str(ann))
    assert [g["group"] for g in report["groups"]] == ["supportive", "neutral", "critical"]
    result = runner.invoke(app, ["agreement", "--by", "speaker", *args])
    assert "By speaker" in result.stdout and "(no speaker)" in result.stdout
