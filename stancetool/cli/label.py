"""`stancetool label`: record one decision from a script."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, get_args

import typer

from stancetool.cli._util import AnnotationsDir, CodebookPath, app, handle_errors
from stancetool.codebook import load_codebook
from stancetool.errors import StanceToolError
from stancetool.files import read_quotes
from stancetool.models import Flag
from stancetool.store import DEFAULT_ANNOTATIONS_DIR, check_annotator_name, make_event, open_writer

FlagChoice = Enum("FlagChoice", {flag: flag for flag in get_args(Flag)}, type=str)

ANNOTATOR_HELP = "Who decides (letters, digits, '.', '_', '-'); the label goes to DIR/NAME.jsonl."


@app.command("label")
@handle_errors
def label_cli(
    quote_id: Annotated[str, typer.Argument(help="The id of the quotation.", show_default=False)],
    label: Annotated[
        str, typer.Argument(help="A label of the codebook (e.g. critical).", show_default=False)
    ],
    annotator: Annotated[str, typer.Option("--annotator", "-a", help=ANNOTATOR_HELP, show_default=False)],
    note: Annotated[str | None, typer.Option("--note", help="A note on the decision.")] = None,
    flags: Annotated[
        list[FlagChoice] | None, typer.Option("--flag", help="An extraction error to report (repeatable).")
    ] = None,
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    codebook_path: CodebookPath = None,
    quotes: Annotated[
        Path | None, typer.Option("--quotes", help="Check that QUOTE_ID is in this quotes file first.")
    ] = None,
    adjudicate: Annotated[
        bool, typer.Option("--adjudicate", help="Record the final decision on a disagreement (adjudication).")
    ] = False,
) -> None:
    """Append one label decision to an annotator's label file (for scripts)."""
    check_annotator_name(annotator)
    codebook = load_codebook(codebook_path)
    if quotes is not None:
        known, _ = read_quotes(quotes)
        if quote_id not in {quote.id for quote in known}:
            raise StanceToolError(
                f"{quotes}: no quotation with id {quote_id!r}", "check the id, or leave out --quotes"
            )
    event = make_event(
        quote_id,
        annotator,
        label,
        codebook,
        note=note,
        flags=[flag.value for flag in flags or ()],
        adjudication=adjudicate,
    )
    with open_writer(annotations_dir, annotator) as writer:
        writer.append(event)
    what = "adjudication" if adjudicate else "label"
    typer.echo(f"saved {what} {quote_id} = {label} by {annotator} in {writer.path}")
