"""`stancetool export`: the labels as a long or wide table, in JSON Lines or formula-safe CSV."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from stancetool.cli._labels import load_labels
from stancetool.cli._util import AnnotationsDir, CodebookPath, app, handle_errors
from stancetool.export import Format, Layout, write_export
from stancetool.files import atomic_writer
from stancetool.store import DEFAULT_ANNOTATIONS_DIR

LAYOUT_HELP = (
    "long: one row per quotation and annotator; wide: one row per quotation with each annotator's label, "
    "the final label and its basis."
)


@app.command("export")
@handle_errors
def export_cli(
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    quotes_path: Annotated[
        Path | None,
        typer.Option(
            "--quotes", help="The quotes file: adds text, speaker, article and kind; rows follow it."
        ),
    ] = None,
    codebook_path: CodebookPath = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="jsonl or csv (safe to open in a spreadsheet).")
    ] = "jsonl",
    layout: Annotated[Layout, typer.Option("--layout", help=LAYOUT_HELP)] = "wide",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of standard output."),
    ] = None,
) -> None:
    """Export the labels (and final decisions) as a table for spreadsheets, pandas or a model."""
    # The wide table shows labels only; notes, flags and times are for the long one.
    keep = "details" if layout == "long" else "labels"
    loaded = load_labels(annotations_dir, codebook_path, quotes_path, keep=keep)
    if output is None:
        write_export(loaded.labels, sys.stdout, layout=layout, fmt=fmt, quotes=loaded.quotes)
        sys.stdout.flush()
        return
    newline = "" if fmt == "csv" else None
    with atomic_writer(output, newline=newline) as handle:
        rows = write_export(loaded.labels, handle, layout=layout, fmt=fmt, quotes=loaded.quotes)
    typer.echo(f"wrote {rows} row{'s' if rows != 1 else ''} ({layout}, {fmt}) to {output}", err=True)
