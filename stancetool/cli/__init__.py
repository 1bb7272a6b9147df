"""Command-line interface: one module per command, each a thin wrapper over a library function."""

from stancetool.cli import (
    agreement,  # noqa: F401  (registers the command)
    annotate,  # noqa: F401  (registers the command)
    export,  # noqa: F401  (registers the command)
    extract,  # noqa: F401  (registers the command)
    import_,  # noqa: F401  (registers the command)
    label,  # noqa: F401  (registers the command)
    review,  # noqa: F401  (registers the command)
)
from stancetool.cli._util import app


def main() -> None:
    app()
