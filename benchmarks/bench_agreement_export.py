"""`stancetool agreement` and `export` on 100,000 quotations × 5 annotators, end to end, on one core.

usage: python benchmarks/bench_agreement_export.py [--items 100000] [--annotators 5] [--runs 3] [--keep DIR]

Writes synthetic label files (one event per quotation and annotator, written by the same pydantic model as the
store, each annotator agreeing with a hidden "true" label 80% of the time) and a quotes file, then times the
real command lines in fresh processes pinned to one CPU (`taskset -c 0` when available): interpreter start,
imports, reading and validating every line, the figures, and writing the output. Prints the median and best
of `--runs` runs (wall clock) and the median CPU time (user + system) of the command, which other jobs on the
machine disturb less; the targets are 3 s for `agreement` and 5 s for `export`.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stancetool import __version__
from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.models import LabelEvent, Quote

LABELS = [label.name for label in DEFAULT_CODEBOOK.labels]


def write_data(directory: Path, items: int, annotators: int, seed: int = 1) -> tuple[Path, Path]:
    rng = random.Random(seed)
    ann = directory / "annotations"
    ann.mkdir(parents=True)
    truth = [rng.choice(LABELS) for _ in range(items)]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for a in range(annotators):
        name = f"annotator{a + 1}"
        with (ann / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for i in range(items):
                label = truth[i] if rng.random() < 0.8 else rng.choice(LABELS)
                event = LabelEvent(
                    quote_id=f"q{i:07d}",
                    annotator=name,
                    label=label,
                    note="checked twice" if i % 97 == 0 else None,
                    created_at=start + timedelta(seconds=i * 4 + a),
                    seconds=round(rng.uniform(1, 9), 3),
                    target=DEFAULT_CODEBOOK.target,
                    codebook_version=DEFAULT_CODEBOOK.version,
                    tool_version=__version__,
                )
                handle.write(event.model_dump_json() + "\n")
    quotes = directory / "quotes.jsonl"
    with quotes.open("w", encoding="utf-8") as handle:
        for i in range(items):
            text = f"Moscow will answer this provocation, said official number {i}."
            quote = Quote(
                id=f"q{i:07d}",
                doc_id=f"article{i // 20:05d}.txt",
                text=text,
                speaker=f"Speaker {i % 500}",
                speaker_title="Spokesperson",
                cue="said",
                kind="direct",
                start=100,
                end=100 + len(text),
                context=text,
                context_start=100,
            )
            handle.write(quote.model_dump_json() + "\n")
    return ann, quotes


def time_command(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock seconds and CPU seconds (user + system, of the child process) of each run."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(pin + command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--annotators", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--keep", default=None, help="keep the data in DIR, and reuse it if there (default: temp)"
    )
    args = parser.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="stancetool-bench-agreement-"))
    try:
        ann, quotes = work / "annotations", work / "quotes.jsonl"
        if not (args.keep and ann.is_dir() and quotes.is_file()):  # --keep DIR reuses data written before
            ann, quotes = write_data(work, args.items, args.annotators)
        size = sum(p.stat().st_size for p in ann.glob("*.jsonl")) / 1e6
        print(f"{args.items:,} quotations × {args.annotators} annotators: {size:.0f} MB of label files")
        stancetool = [sys.executable, "-m", "stancetool"]
        cases = [
            ("agreement", [*stancetool, "agreement", "--annotations-dir", str(ann)], 3.0),
            ("agreement --json", [*stancetool, "agreement", "--annotations-dir", str(ann), "--json"], 3.0),
            (
                "export (wide csv, no quotes file)",
                [
                    *stancetool,
                    "export",
                    "--annotations-dir",
                    str(ann),
                    "--format",
                    "csv",
                    "-o",
                    str(work / "w.csv"),
                ],
                5.0,
            ),
            (
                "export --quotes (wide csv)",
                [
                    *stancetool,
                    "export",
                    "--annotations-dir",
                    str(ann),
                    "--quotes",
                    str(quotes),
                    "--format",
                    "csv",
                    "-o",
                    str(work / "wq.csv"),
                ],
                5.0,
            ),
            (
                "export --layout long (csv)",
                [
                    *stancetool,
                    "export",
                    "--annotations-dir",
                    str(ann),
                    "--layout",
                    "long",
                    "--format",
                    "csv",
                    "-o",
                    str(work / "l.csv"),
                ],
                5.0,
            ),
            (
                "export --layout long (jsonl)",
                [
                    *stancetool,
                    "export",
                    "--annotations-dir",
                    str(ann),
                    "--layout",
                    "long",
                    "-o",
                    str(work / "l.jsonl"),
                ],
                5.0,
            ),
        ]
        for name, command, target in cases:
            times, cpu = time_command(command, args.runs)
            median = statistics.median(times)
            verdict = "ok" if median < target else "SLOW"
            figures = f"median {median:5.2f} s  best {min(times):5.2f} s  cpu {statistics.median(cpu):5.2f} s"
            print(f"{name:36s} {figures}  (target < {target:.0f} s) {verdict}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
