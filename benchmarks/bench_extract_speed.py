"""Extraction speed and memory: stancetool's `extract_quotes` beside the spaCy model's own full `nlp.pipe`.

    .venv/bin/python benchmarks/bench_extract_speed.py [--articles 300] [--repeats 3] [--batch-size N]

The corpus is read at run time from ../shared (never copied into the repository): the 84 development
articles in ../shared/data/polnear-dev/text and the 5 seeds in ../shared/seeds, repeated (each copy with its
own doc_id) up to --articles. Both sides see the same texts, the same batch size and one process; each time
includes loading the pipeline, and the best of --repeats interleaved runs counts.

Memory: extraction runs again in fresh processes over --memory-sizes articles (default 100 and 300; keep
them above the 89 distinct articles so each run sees the longest ones) and prints each one's peak resident
set size, and the highest RSS during each full pass over the distinct articles (the same texts each pass):
flat memory means later passes and the larger corpus cost (almost) no more.
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = [SHARED / "data" / "polnear-dev" / "text", SHARED / "seeds"]

sys.path.insert(0, str(ROOT))

from stancetool.articles import Article, read_articles  # noqa: E402
from stancetool.files import Problem  # noqa: E402


def base_articles() -> list[Article]:
    missing = [str(p) for p in SOURCES if not p.is_dir()]
    if missing:
        sys.exit(f"corpus not found: {', '.join(missing)} (run from a checkout with ../shared beside it)")
    items = list(read_articles([str(p) for p in SOURCES]))
    problems = [item for item in items if isinstance(item, Problem)]
    if problems:
        sys.exit(f"unreadable corpus file: {problems[0]}")
    return [item for item in items if isinstance(item, Article)]


def corpus(base: list[Article], size: int) -> Iterator[Article]:
    """`size` articles streamed from the base set in turn; each copy gets its own doc_id."""
    for number, article in zip(range(size), itertools.cycle(base), strict=False):
        yield Article(f"{article.doc_id}#{number // len(base)}", article.text)


def default_batch_size() -> int:
    from stancetool.extract import extract_quotes

    return inspect.signature(extract_quotes).parameters["batch_size"].default


def run_spacy(name: str, base: list[Article], size: int, batch_size: int) -> float:
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(name)  # every component of the model
    for _doc in nlp.pipe((a.text for a in corpus(base, size)), batch_size=batch_size, n_process=1):
        pass
    return time.perf_counter() - start


def run_stancetool(name: str, base: list[Article], size: int, batch_size: int) -> tuple[float, int]:
    from stancetool.extract import extract_quotes

    start = time.perf_counter()
    quotes = 0
    for _article, found in extract_quotes(corpus(base, size), model=name, n_process=1, batch_size=batch_size):
        quotes += len(found)
    return time.perf_counter() - start, quotes


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float | None:
    """Resident set size now (Linux only; None elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def memory_probe(size: int, batch_size: int) -> None:
    """Child process: extract `size` articles; print as JSON the peak RSS and, for each pass over the distinct
    articles, the highest RSS seen after one of its articles (pipeline loaded, same texts in every pass)."""
    from stancetool.extract import extract_quotes

    base = base_articles()
    quotes = 0
    passes: list[float] = []
    for number, (_article, found) in enumerate(
        extract_quotes(corpus(base, size), model=model_name(), batch_size=batch_size)
    ):
        quotes += len(found)
        rss = current_rss_mib() or 0.0
        index = number // len(base)
        if index == len(passes):
            passes.append(rss)
        passes[index] = max(passes[index], rss)
    full = size // len(base)  # a last, partial pass does not see every article
    print(
        json.dumps(
            {
                "articles": size,
                "quotes": quotes,
                "peak_rss_mib": round(peak_rss_mib(), 1),
                "pass_rss_mib": [round(rss, 1) for rss in passes[:full]],
            }
        )
    )


def model_name() -> str:
    from stancetool.nlp.pipeline import default_model

    return default_model()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--memory-sizes", type=int, nargs="*", default=[100, 300])
    parser.add_argument("--memory-probe", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    batch_size = args.batch_size or default_batch_size()
    if args.memory_probe is not None:
        memory_probe(args.memory_probe, batch_size)
        return

    base = base_articles()
    name = model_name()
    chars = sum(len(a.text) for a in corpus(base, args.articles))
    average = chars / args.articles
    print(f"corpus: {args.articles} articles ({len(base)} distinct, {average:.0f} characters on average)")
    print(f"model: {name}, batch size {batch_size}, 1 process, times include loading the pipeline")

    spacy_times: list[float] = []
    tool_times: list[float] = []
    quotes = 0
    for _ in range(args.repeats):  # interleaved, so both sides meet the same machine conditions
        spacy_times.append(run_spacy(name, base, args.articles, batch_size))
        elapsed, quotes = run_stancetool(name, base, args.articles, batch_size)
        tool_times.append(elapsed)
    spacy_best, tool_best = min(spacy_times), min(tool_times)
    spacy_rate, tool_rate = args.articles / spacy_best, args.articles / tool_best
    best = f"best of {args.repeats}"
    print(f"spaCy full nlp.pipe       : {spacy_rate:7.1f} articles/s ({spacy_best:.2f} s, {best})")
    print(f"stancetool extract_quotes : {tool_rate:7.1f} articles/s ({tool_best:.2f} s, {best})")
    print(f"quotations found          : {quotes}")
    print(f"ratio stancetool / spaCy  : {tool_rate / spacy_rate:.2f}x")

    rows = []
    for size in args.memory_sizes:
        command = [sys.executable, __file__, "--memory-probe", str(size), "--batch-size", str(batch_size)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"memory probe over {size} articles failed:\n{done.stderr}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    for row in rows:
        passes = ", ".join(f"{rss:.1f}" for rss in row["pass_rss_mib"]) or "-"
        print(
            f"RSS over {row['articles']:5d} articles: peak {row['peak_rss_mib']:.1f} MiB; "
            f"highest per pass over the {len(base)} articles: {passes} MiB ({row['quotes']} quotes)"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = last["peak_rss_mib"] - first["peak_rss_mib"]
        print(f"peak RSS growth from {first['articles']} to {last['articles']} articles: {growth:+.1f} MiB")


if __name__ == "__main__":
    main()
