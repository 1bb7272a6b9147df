"""`stancetool agreement`: how far the annotators agree, as rich tables or one JSON object."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from stancetool.cli._labels import load_labels
from stancetool.cli._util import AnnotationsDir, CodebookPath, app, fail, handle_errors
from stancetool.models import Breakdown as By
from stancetool.store import DEFAULT_ANNOTATIONS_DIR

NAMES = {
    "percent_agreement": "Percent agreement",
    "krippendorff_alpha_nominal": "Krippendorff's alpha (nominal)",
    "krippendorff_alpha_ordinal": "Krippendorff's alpha (ordinal)",
    "fleiss_kappa": "Fleiss' kappa",
    "gwet_ac1": "Gwet's AC1",
    "brennan_prediger": "Brennan–Prediger",
}
BY_HELP = "Break the figures down by speaker or article (doc), which need --quotes, or by label."
MIN_ALPHA_HELP = "Exit with status 1 when Krippendorff's nominal alpha is below X (or undefined)."


def number(value: float | None, reason: str | None = None) -> Text:
    """A figure to 3 decimals, or `undefined` (dim) when it has no value."""
    if value is None:
        return Text("undefined", style="dim")
    return Text(f"{value:.3f}")


def render(report: dict[str, Any], console: Console) -> None:
    """Print the report as rich tables."""
    undefined = report["undefined"]
    names = report["annotator_names"]
    labels = report["labels"]

    counts = Table(title=f"Agreement on stance toward {report['target']}", title_justify="left")
    counts.add_column("count")
    counts.add_column("value", justify="right")
    counts.add_row("annotators", str(report["annotators"]) + (f" ({', '.join(names)})" if names else ""))
    counts.add_row("quotations labelled", str(report["items_labelled"]))
    counts.add_row("labels given", str(report["labels_given"]))
    counts.add_row("quotations labelled by 2+ annotators (overlap)", str(report["items"]))
    counts.add_row("  of which unanimous", str(report["unanimous_items"]))
    console.print(counts)

    figures = Table(title="Over the quotations labelled by 2+ annotators", title_justify="left")
    figures.add_column("coefficient")
    figures.add_column("value", justify="right")
    figures.add_column("note", style="dim")
    for key, name in NAMES.items():
        figures.add_row(name, number(report[key]), undefined.get(key, ""))
    console.print(figures)

    if report["cohen_kappa"]:
        pairs = Table(title="Pairs of annotators (Cohen's kappa)", title_justify="left")
        for column in (
            "a",
            "b",
            "n",
            "agreement",
            "kappa",
            f"weighted kappa ({report['weighted_kappa_weights']})",
        ):
            pairs.add_column(column, justify="left" if column in "ab" else "right")
        for pair in report["cohen_kappa"]:
            pairs.add_row(
                pair["a"],
                pair["b"],
                str(pair["n"]),
                number(pair["percent_agreement"]),
                number(pair["kappa"]),
                number(pair["weighted_kappa"]),
            )
        console.print(pairs)
        for pair in report["cohen_kappa"]:
            matrix = Table(title=f"{pair['a']} (rows) × {pair['b']} (columns)", title_justify="left")
            matrix.add_column("")
            for label in labels:
                matrix.add_column(label, justify="right")
            for label, row in zip(labels, pair["confusion"], strict=True):
                matrix.add_row(label, *(str(cell) for cell in row))
            console.print(matrix)

    per_label = Table(title="Per label (quotations labelled by 2+ annotators)", title_justify="left")
    for column in ("label", "count", "share", "specific agreement", "kappa (label vs rest)", *names):
        per_label.add_column(column, justify="left" if column == "label" else "right")
    for row in report["per_label"]:
        per_label.add_row(
            row["label"],
            str(row["count"]),
            number(row["share"]),
            number(row["specific_agreement"]),
            number(row["fleiss_kappa"]),
            *(str(row["by_annotator"][name]) for name in names),
        )
    console.print(per_label)

    if report.get("by") in ("speaker", "doc"):
        title = "By speaker" if report["by"] == "speaker" else "By article"
        groups = Table(title=title, title_justify="left")
        for column in ("speaker" if report["by"] == "speaker" else "article", "items", "agreement"):
            groups.add_column(column, justify="left" if column in ("speaker", "article") else "right")
        for column in ("alpha (nominal)", "alpha (ordinal)", "Fleiss' kappa", "AC1"):
            groups.add_column(column, justify="right")
        for group in report["groups"]:
            groups.add_row(
                Text(group["group"]),
                str(group["items"]),
                number(group["percent_agreement"]),
                number(group["krippendorff_alpha_nominal"]),
                number(group["krippendorff_alpha_ordinal"]),
                number(group["fleiss_kappa"]),
                number(group["gwet_ac1"]),
            )
        console.print(groups)

    notes = {key: reason for key, reason in undefined.items() if key not in NAMES}
    if notes:
        console.print(Text("undefined figures:", style="dim"))
        for key, reason in notes.items():
            console.print(Text(f"  {key}: {reason}", style="dim"))


@app.command("agreement")
@handle_errors
def agreement_cli(
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    codebook_path: CodebookPath = None,
    quotes_path: Annotated[
        Path | None, typer.Option("--quotes", help="The quotes file (needed by --by speaker and --by doc).")
    ] = None,
    by: Annotated[By | None, typer.Option("--by", help=BY_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    min_alpha: Annotated[float | None, typer.Option("--min-alpha", metavar="X", help=MIN_ALPHA_HELP)] = None,
) -> None:
    """Measure inter-annotator agreement: kappas, Krippendorff's alpha, Gwet's AC1, per pair and per label."""
    if by in ("speaker", "doc") and quotes_path is None:
        fail(f"--by {by} needs the quotes file", "add --quotes QUOTES.jsonl (the file the labels are about)")
    loaded = load_labels(annotations_dir, codebook_path, quotes_path, keep="labels")
    from stancetool.agreement_report import agreement_report  # numpy: only when the command runs

    report = agreement_report(loaded.labels, loaded.quotes, by)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        render(report, Console(highlight=False, soft_wrap=False))
    if min_alpha is not None:
        alpha = report["krippendorff_alpha_nominal"]
        if alpha is None:
            reason = report["undefined"].get("krippendorff_alpha_nominal", "undefined")
            fail(f"Krippendorff's alpha (nominal) is undefined ({reason}): --min-alpha {min_alpha:g} not met")
        if alpha < min_alpha:
            fail(f"Krippendorff's alpha (nominal) {alpha:.3f} is below --min-alpha {min_alpha:g}")
