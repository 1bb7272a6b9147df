"""SIGKILL in the middle of a session loses no decision the app had already shown as done."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from _labels_helpers import make_quote, write_quotes

from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.store import current_labels, make_event, open_writer, read_events

# Drives the real app headless and, after each key press has returned (the next item is on screen), prints the
# quotation the app now counts as done. The parent kills it with SIGKILL at an arbitrary point.
DRIVER = textwrap.dedent(
    """
    import asyncio, sys
    from stancetool.codebook import DEFAULT_CODEBOOK
    from stancetool.files import read_quotes
    from stancetool.store import open_writer
    from stancetool.tui import build_annotate_app

    async def main(quotes_path, directory):
        quotes, _ = read_quotes(quotes_path)
        with open_writer(directory, "alice") as writer:
            app = build_annotate_app(quotes, codebook=DEFAULT_CODEBOOK, annotator="alice", writer=writer)
            async with app.run_test(size=(100, 30)) as pilot:
                print("ready", flush=True)
                for n in range(len(quotes)):
                    await pilot.press("123"[n % 3])
                    last = app.saved[-1]
                    print(last.quote_id, last.label, flush=True)

    asyncio.run(main(sys.argv[1], sys.argv[2]))
    """
)


def test_sigkill_loses_no_decision_shown_as_done(tmp_path):
    quotes = write_quotes(tmp_path / "quotes.jsonl", [make_quote(n) for n in range(200)])
    directory = tmp_path / "ann"
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(quotes), str(directory)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    reported: list[tuple[str, str]] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        while len(reported) < 25:
            line = child.stdout.readline()
            assert line, "the driver stopped early"
            quote_id, label = line.split()
            reported.append((quote_id, label))
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    events, problems = read_events(directory, DEFAULT_CODEBOOK)
    assert all(p.line is not None for p in problems)  # at most a torn last line, reported with its number
    on_disk = {quote_id: event.label for (_, quote_id), event in current_labels(events).items()}
    for quote_id, label in reported:
        assert on_disk.get(quote_id) == label
    # the file is still usable: a new session appends after whatever the kill left
    with open_writer(directory, "alice") as writer:
        writer.append(make_event("after", "alice", "neutral", DEFAULT_CODEBOOK))
    events, _ = read_events(directory, DEFAULT_CODEBOOK)
    assert events[-1].quote_id == "after"
