"""The typer app, shared options and error rendering. Only this layer prints or exits."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from stancetool import __version__
from stancetool.errors import StanceToolError

app = typer.Typer(
    name="stancetool",
    help="Extract attributed quotations from news and label their stance toward a target.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

# Options several commands share, spelt and explained the same everywhere.
AnnotationsDir = Annotated[
    Path, typer.Option("--annotations-dir", help="The directory of label files (one per annotator).")
]
CodebookPath = Annotated[
    Path | None, typer.Option("--codebook", help="A TOML codebook (default: stance toward Russia).")
]


def fail(message: str, hint: str | None = None, code: int = 1) -> NoReturn:
    """Print a one-line error (and an optional hint) on stderr and exit with `code`."""
    stderr.print(f"[bold red]error:[/] {escape(message)}")
    if hint:
        stderr.print(f"[dim]hint: {escape(hint)}[/]")
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print a one-line warning on stderr."""
    stderr.print(f"[yellow]warning:[/] {escape(message)}")


def warn_all(problems: Iterable[object], limit: int = 20) -> None:
    """Warn about each problem, at most `limit` of them, then say how many more there were."""
    problems = list(problems)
    for problem in problems[:limit]:
        warn(str(problem))
    if len(problems) > limit:
        warn(f"… and {len(problems) - limit} more problems")


def handle_errors(func: F) -> F:
    """Render a StanceToolError as a one-line message instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StanceToolError as exc:
            fail(exc.message, exc.hint)
        except KeyboardInterrupt:
            fail("interrupted", code=130)

    return wrapper  # type: ignore[return-value]


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"stancetool {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Extract attributed quotations from news and label their stance toward a target."""
