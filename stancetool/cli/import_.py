"""`stancetool import`: labels from other tools, one decision per row."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stancetool.cli._util import AnnotationsDir, CodebookPath, app, handle_errors, warn, warn_all
from stancetool.codebook import load_codebook
from stancetool.importing import import_labels
from stancetool.store import DEFAULT_ANNOTATIONS_DIR

FILE_HELP = "A CSV file with a header, or JSON Lines: quote_id, annotator, label and optional note per row."


@app.command("import")
@handle_errors
def import_cli(
    path: Annotated[Path, typer.Argument(metavar="FILE", help=FILE_HELP, show_default=False)],
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    codebook_path: CodebookPath = None,
) -> None:
    """Store labels made elsewhere; bad rows are reported with their line and left out.

    The exit status is 1 when any row was bad (the good rows are stored all the same).
    """
    codebook = load_codebook(codebook_path)
    result = import_labels(path, annotations_dir, codebook)
    if result.ignored_columns:
        warn(f"{path}: ignored column(s) {', '.join(result.ignored_columns)}")
    warn_all(result.problems, limit=50)
    count = len(result.stored)
    annotators = result.annotators
    who = f" by {len(annotators)} annotator{'s' if len(annotators) != 1 else ''} ({', '.join(annotators)})"
    summary = (
        f"imported {count} label{'s' if count != 1 else ''}{who if annotators else ''} into {annotations_dir}"
    )
    if result.problems:
        bad = len(result.problems)
        summary += f"; {bad} bad row{'s' if bad != 1 else ''} left out"
    typer.echo(summary)
    if result.problems:
        raise typer.Exit(1)
