"""`stancetool review`: walk through the disagreements, most severe first, and settle them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from stancetool.cli._labels import Loaded, load_labels
from stancetool.cli._util import AnnotationsDir, CodebookPath, app, handle_errors
from stancetool.errors import StanceToolError
from stancetool.review import Disagreement, disagreement_record, find_disagreements
from stancetool.store import DEFAULT_ANNOTATIONS_DIR, check_annotator_name, label_path, open_writer

if TYPE_CHECKING:
    from stancetool.tui.app import AnnotateApp, EventWriter

ANNOTATOR_HELP = "The adjudicator (letters, digits, '.', '_', '-'); decisions go to DIR/NAME.jsonl."


def render_list(found: list[Disagreement], annotators: list[str], console: Console) -> None:
    table = Table(title=f"{len(found)} disagreement{'s' if len(found) != 1 else ''}", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("quote id")
    table.add_column("speaker")
    table.add_column("distance", justify="right")
    table.add_column("dissenting", justify="right")
    for name in annotators:
        table.add_column(name)
    table.add_column("adjudicated")
    for number, d in enumerate(found, start=1):
        cells = []
        for name in annotators:
            event = d.events.get(name)
            cell = Text(event.label or "" if event else "")
            if event is not None and (event.note or event.flags):
                cell.append(" *", style="yellow")
            cells.append(cell)
        table.add_row(
            str(number),
            Text(d.quote_id),
            Text(d.quote.speaker or "" if d.quote else ""),
            str(d.distance),
            str(d.dissenting),
            *cells,
            Text(d.adjudication.label or "" if d.adjudication else "", style="bold"),
        )
    console.print(table)
    if any(event.note or event.flags for d in found for event in d.events.values()):
        console.print(Text("* the annotator left a note or flags (see --json)", style="dim"))


def build_review_app(
    found: list[Disagreement], loaded: Loaded, annotator: str, writer: EventWriter
) -> AnnotateApp:
    """The annotation app in review mode over the disagreements, in the order given (most severe first)."""
    from stancetool.tui.app import Item, build_annotate_app  # Textual is imported only here

    items = [Item(d.quote, tuple(d.events.values())) for d in found if d.quote is not None]
    return build_annotate_app(
        items,
        codebook=loaded.codebook,
        annotator=annotator,
        writer=writer,
        mode="review",
        events=list(loaded.labels.adjudicated.values()),
    )


@app.command("review")
@handle_errors
def review_cli(
    annotator: Annotated[
        str | None, typer.Option("--annotator", "-a", help=ANNOTATOR_HELP, show_default=False)
    ] = None,
    annotations_dir: AnnotationsDir = DEFAULT_ANNOTATIONS_DIR,
    quotes_path: Annotated[
        Path | None,
        typer.Option("--quotes", help="The quotes file (the app needs it to show the quotations)."),
    ] = None,
    codebook_path: CodebookPath = None,
    as_list: Annotated[
        bool, typer.Option("--list", help="Print the disagreements as a table, no app.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --list: print them as JSON.")] = False,
) -> None:
    """Settle disagreements: the annotators' labels, notes and flags side by side; your key press decides.

    Most severe first (ordinal distance between the labels, then the number of dissenting annotators). Each
    decision is an adjudication event in the adjudicator's own label file; `export` takes it as final.
    """
    if not (as_list or as_json):
        if annotator is None:
            raise StanceToolError(
                "review needs --annotator NAME (the adjudicator)", "or use --list to only list"
            )
        check_annotator_name(annotator)
        if quotes_path is None:
            raise StanceToolError(
                "review needs --quotes QUOTES.jsonl to show the quotations", "or use --list to only list them"
            )
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise StanceToolError(
                "review needs an interactive terminal, and standard input or output is not one",
                "use `stancetool review --list` to see the disagreements and "
                "`stancetool label QUOTE_ID LABEL --annotator NAME --adjudicate` to settle one from a script",
            )
    loaded = load_labels(annotations_dir, codebook_path, quotes_path)
    found = find_disagreements(loaded.labels, loaded.quotes)
    if as_json:
        typer.echo(json.dumps([disagreement_record(d) for d in found], ensure_ascii=False, indent=2))
        return
    if as_list:
        render_list(found, loaded.labels.annotators, Console(highlight=False))
        return
    assert annotator is not None
    if not found:
        typer.echo("no disagreements to review")
        return
    open_count = sum(1 for d in found if d.adjudication is None)
    with open_writer(annotations_dir, annotator) as writer:
        review_app = build_review_app(found, loaded, annotator, writer)
        review_app.run()
    saved = len(review_app.saved)
    where = label_path(annotations_dir, annotator)
    typer.echo(
        f"{review_app.done_count} of {len(found)} disagreements settled ({open_count} were open); "
        f"{saved} decision{'s' if saved != 1 else ''} saved this session in {where}"
    )
