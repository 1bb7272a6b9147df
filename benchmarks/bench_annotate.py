"""Annotation speed: time until the app shows its first item, and key press to fsync'ed event.

    .venv/bin/python benchmarks/bench_annotate.py [--quotes 10000] [--labelled 5000] [--presses 300]

Builds a synthetic quotes file and a label file with `--labelled` earlier decisions in a temporary directory
on the current disk (so fsync costs what it costs here), then, in this process:

- first item: reading the quotes file and the label files, ordering, building the app and running it
  (Textual headless, as `run_test` does) until the first open item is drawn; the import of Textual is timed
  apart;
- the same from the command line: `stancetool annotate` started in a pseudo-terminal, timed until the first
  open item appears in its output (process start, imports and all);
- key press: Pilot sends a label key; timed from the send until the writer has fsync'ed the event, and until
  the next frame (showing the next item) is composed for the terminal; Pilot's own round trip (which waits
  for the app to go idle) and the writer's append + fsync alone are printed apart.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stancetool.codebook import DEFAULT_CODEBOOK  # noqa: E402
from stancetool.files import read_quotes  # noqa: E402
from stancetool.models import Quote  # noqa: E402
from stancetool.selection import order_quotes  # noqa: E402
from stancetool.store import make_event, open_writer, read_events  # noqa: E402


def synthetic_quotes(count: int) -> list[Quote]:
    quotes = []
    for n in range(count):
        text = f"We will not accept the sanctions imposed on Russia, number {n}, under any circumstances"
        prefix = f"In a statement on day {n % 365}, the minister said: “"
        context = prefix + text + "”, adding that talks would continue."
        start = 1000 * n + len(prefix)
        quotes.append(
            Quote(
                id=f"{n:016x}",
                doc_id=f"article_{n // 20:05d}.txt",
                text=text,
                speaker=f"Speaker Number{n % 97}",
                speaker_title="Foreign Minister",
                cue="said",
                kind="direct",
                start=start,
                end=start + len(text),
                context=context,
                context_start=1000 * n,
            )
        )
    return quotes


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def run(args: argparse.Namespace, directory: Path) -> None:
    quotes_path = directory / "quotes.jsonl"
    quotes_path.write_text("".join(q.model_dump_json() + "\n" for q in synthetic_quotes(args.quotes)))
    annotations = directory / "annotations"
    with open_writer(annotations, "alice") as writer:
        for quote in synthetic_quotes(args.labelled):
            writer.append(make_event(quote.id, "alice", "neutral", DEFAULT_CODEBOOK, seconds=3.0))

    started = time.perf_counter()
    from stancetool.tui import build_annotate_app

    imported = time.perf_counter()
    quotes, _ = read_quotes(quotes_path)
    events, _ = read_events(annotations, DEFAULT_CODEBOOK)
    ordered = order_quotes(quotes, "document")
    loaded = time.perf_counter()
    with open_writer(annotations, "alice") as writer:
        app = build_annotate_app(
            ordered, codebook=DEFAULT_CODEBOOK, annotator="alice", writer=writer, events=events
        )
        first_frame: list[float] = []
        first_display = app._display

        def display_first(screen, renderable):
            first_display(screen, renderable)
            if renderable is not None and not first_frame and app.item_screen is not None:
                where = str(app.item_screen.query_one("#where").render())
                if f"item {args.labelled + 1} of {args.quotes}" in where:
                    first_frame.append(time.perf_counter())

        app._display = display_first
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert first_frame, "the first open item was never drawn"
            shown = first_frame[0]

            # Time stamps: when the key is sent, when the event is fsync'ed (the writer returns), and when
            # the next frame (the next item) is composed for the terminal (App._display, called headless too).
            saved_at: list[float] = []
            drawn_at: list[float] = []
            real_append, real_display = writer.append, first_display

            def timed_append(event):
                real_append(event)
                saved_at.append(time.perf_counter())

            def timed_display(screen, renderable):
                real_display(screen, renderable)
                if renderable is not None and len(drawn_at) < len(saved_at):
                    drawn_at.append(time.perf_counter())

            app.writer = type("TimedWriter", (), {"append": staticmethod(timed_append)})()
            app._display = timed_display
            to_disk, to_screen, pilot_round_trip = [], [], []
            for n in range(args.presses):
                before_index = app.index
                t0 = time.perf_counter()
                await pilot.press("123"[n % 3])
                pilot_round_trip.append(time.perf_counter() - t0)
                assert app.index == before_index + 1 and len(app.saved) == n + 1
                assert len(saved_at) == len(drawn_at) == n + 1 and saved_at[n] <= drawn_at[n]
                to_disk.append(saved_at[n] - t0)
                to_screen.append(drawn_at[n] - t0)
        appends = []
        for n in range(args.presses):
            event = make_event(f"bench{n}", "alice", "critical", DEFAULT_CODEBOOK)
            t0 = time.perf_counter()
            writer.append(event)
            appends.append(time.perf_counter() - t0)

    print(f"{args.quotes:,} quotations, {args.labelled:,} already labelled, {args.presses} key presses")
    print(f"import of the app (Textual):          {ms(imported - started)}")
    print(f"read quotes + labels, order:           {ms(loaded - imported)}")
    print(f"build + start app to first item drawn: {ms(shown - loaded)}")
    print(f"first item drawn, in all:              {ms(shown - started)}")
    for name, values in (
        ("key press -> event fsync'ed", to_disk),
        ("key press -> next item drawn", to_screen),
        ("Pilot.press round trip (test harness, idle waits)", pilot_round_trip),
        ("append + fsync alone", appends),
    ):
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"{name}: median {ms(statistics.median(values))}, 95th percentile {ms(p95)}, max {ms(values[-1])}"
        )


def end_to_end(directory: Path, args: argparse.Namespace) -> float:
    """Seconds from starting `stancetool annotate` in a pseudo-terminal until the first open item is on it."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    command = [str(Path(sys.executable).with_name("stancetool")), "annotate", str(directory / "quotes.jsonl")]
    command += ["--annotator", "alice", "--annotations-dir", str(directory / "annotations")]
    wanted = re.compile(rb"item \d+ of " + str(args.quotes).encode())
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env={**os.environ, "TERM": "xterm-256color"}
    )
    os.close(slave)
    seen = b""
    try:
        while not wanted.search(seen):
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                raise RuntimeError(f"annotate did not show its first item within 30 s: {seen[-400:]!r}")
            seen += os.read(master, 65536)
        shown = time.perf_counter() - started
        os.write(master, b"q")
        deadline = time.monotonic() + 30
        while child.poll() is None and time.monotonic() < deadline:  # keep draining the terminal
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--labelled", type=int, default=5_000)
    parser.add_argument("--presses", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd(), prefix=".bench-annotate-") as tmp:
        asyncio.run(run(args, Path(tmp)))
        runs = sorted(end_to_end(Path(tmp), args) for _ in range(3))
        print(
            "`stancetool annotate` in a pseudo-terminal, process start to first item on the terminal: "
            f"median of 3 {ms(runs[1])} (min {ms(runs[0])}, max {ms(runs[2])})"
        )


if __name__ == "__main__":
    main()
