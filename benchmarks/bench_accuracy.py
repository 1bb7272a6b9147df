"""Quote extraction accuracy on the PolNeAR development set, scored by the shared scorer.

usage: python benchmarks/bench_accuracy.py [--dev ../shared/data/polnear-dev] [--out DIR] [--verbose]

Extracts every article of the set (with and without indirect speech) and prints the scorer's line for each:
quote recall, precision, speaker accuracy and end-to-end F1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from stancetool.articles import Article
from stancetool.extract import extract_quotes

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "data" / "polnear-dev"))
    parser.add_argument("--scorer", default=str(ROOT.parent / "shared" / "bench" / "eval_polnear.py"))
    parser.add_argument("--out", default=None, help="where to keep the quotes files (default: a temp dir)")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer")
    args = parser.parse_args()

    paths = sorted(Path(args.dev, "text").glob("*.txt"))
    articles = [Article(p.name, p.read_text(encoding="utf-8")) for p in paths]
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="stancetool-accuracy-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for indirect in (True, False):
        target = out_dir / ("quotes-indirect.jsonl" if indirect else "quotes-direct.jsonl")
        with target.open("w", encoding="utf-8") as handle:
            for _article, quotes in extract_quotes(articles, indirect=indirect):
                for quote in quotes:
                    handle.write(quote.model_dump_json() + "\n")
        label = "with indirect speech   " if indirect else "without indirect speech"
        command = [sys.executable, args.scorer, args.dev, str(target)] + (
            ["--verbose"] if args.verbose else []
        )
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        print(f"{label}: {result.stdout.strip().splitlines()[-1]}")
        if args.verbose:
            (out_dir / (target.stem + ".verbose.txt")).write_text(result.stdout, encoding="utf-8")
    print(f"quotes files in {out_dir}")


if __name__ == "__main__":
    main()
