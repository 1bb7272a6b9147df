"""`stancetool extract`: articles in, attributed quotations out as JSON Lines."""

from __future__ import annotations

from stancetool.cli._util import app, handle_errors


@app.command("extract")
@handle_errors
def extract_cli() -> None:
    """Find the quotations in news articles and attribute each to its speaker (JSON Lines out)."""
    raise NotImplementedError
