"""`stancetool annotate`: the full-screen labelling app over a quotes file."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, get_args

import typer

from stancetool.cli._util import AnnotationsDir, CodebookPath, app, handle_errors, warn, warn_all
from stancetool.codebook import load_codebook
from stancetool.errors import StanceToolError
from stancetool.files import read_quotes
from stancetool.models import QuoteKind
from stancetool.selection import Order, filter_quotes, order_quotes, orphan_labels
from stancetool.store import (
    DEFAULT_ANNOTATIONS_DIR,
    check_annotator_name,
    label_path,
    open_writer,
    read_events,
)

KindChoice = Enum("KindChoice", {kind: kind for kind in get_args(QuoteKind)}, type=str)

ANNOTATOR_HELP = "Your name (letters, digits, '.', '_', '-'); your labels go to DIR/NAME.jsonl."
SPEAKER_HELP = "Only quotations whose speaker contains this text, any case (repeatable)."
ORDER_HELP = "document: article by article; random: shuffled, the same way for the same --seed."


def orphan_message(count: int, annotator: str, quotes: Path, labels: Path) -> str:
    """The warning about labels whose quotation is not in the quotes file (kept, not dropped)."""
    plural = "s are" if count != 1 else " is"
    return (
        f"{count} label{plural} by {annotator} for quotations not in {quotes}; "
        f"kept in {labels}, they count again when their quotations come back"
    )


@app.command("annotate")
@handle_errors
def annotate_cli(
    quotes_path: Annotated[
        Path,
        typer.Argument(metavar="QUOTES", help="A quotes file from `stancetool extract`.", show_default=False),
    ],
    annotator: Annotated[str, typer.Option("--annotator", "-a", help=ANNOTATOR_HELP, show_default=False)],
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    codebook_path: CodebookPath = None,
    kinds: Annotated[
        list[KindChoice] | None, typer.Option("--kind", help="Only this kind (repeatable).")
    ] = None,
    speakers: Annotated[list[str] | None, typer.Option("--speaker", help=SPEAKER_HELP)] = None,
    order: Annotated[Order, typer.Option("--order", help=ORDER_HELP)] = "document",
    seed: Annotated[int, typer.Option("--seed", help="The seed of --order random.")] = 0,
) -> None:
    """Label quotations one keystroke at a time; every decision is saved as it is made.

    Keys: the codebook keys (1 2 3) label and move on, u undo, left/right browse, s skip, f flag an
    extraction error, n note, ? help, q quit.
    """
    check_annotator_name(annotator)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise StanceToolError(
            "annotate needs an interactive terminal, and standard input or output is not one",
            "from scripts use `stancetool label QUOTE_ID LABEL --annotator NAME` or `stancetool import FILE`",
        )
    codebook = load_codebook(codebook_path)
    quotes, problems = read_quotes(quotes_path)
    warn_all(problems)
    events, event_problems = read_events(annotations_dir, codebook)
    warn_all(event_problems)
    selected = order_quotes(
        filter_quotes(quotes, [kind.value for kind in kinds or ()], speakers or ()), order, seed
    )
    if not selected:
        raise StanceToolError(
            f"{quotes_path}: "
            + (
                "no quotation matches the filters"
                if quotes and (kinds or speakers)
                else "no quotation to annotate"
            ),
            "check the file and the --kind/--speaker filters",
        )
    labels_file = label_path(annotations_dir, annotator)
    orphans = orphan_labels(events, (quote.id for quote in quotes), annotator)
    notice = orphan_message(len(orphans), annotator, quotes_path, labels_file) if orphans else None
    if notice:
        warn(notice)
    with open_writer(annotations_dir, annotator) as writer:
        from stancetool.tui import build_annotate_app  # Textual is imported only here

        annotate_app = build_annotate_app(
            selected, codebook=codebook, annotator=annotator, writer=writer, events=events, notice=notice
        )
        annotate_app.run()
    saved = len(annotate_app.saved)
    typer.echo(
        f"{annotate_app.done_count} of {len(selected)} quotations done; "
        f"{saved} decision{'s' if saved != 1 else ''} saved this session in {labels_file}"
    )
    if notice:
        warn(notice)
