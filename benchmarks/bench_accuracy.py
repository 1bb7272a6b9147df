"""Quote extraction accuracy on the PolNeAR development set, scored by the shared scorer.

usage: python benchmarks/bench_accuracy.py [--dev ../shared/data/polnear-dev] [--out DIR] [--verbose]

Reads every article of the set with stancetool's own reader, extracts it once, and scores the quotations
with and without indirect speech (`--no-indirect`), printing the scorer's line for each: quote recall,
precision, speaker accuracy and end-to-end F1. The data stays in ../shared; nothing is copied here.

It then audits the scorer's misses (printed below the figures, never mixed into them):
- "false positives inside a longer gold content": predictions whose words lie (>= 60 %) inside one gold
  attribution of the same article but which the scorer refuses because that gold content, all its quoted
  pieces joined, is more than 4x + 8 tokens longer (one quotation of a source quoted in several pieces);
- "speaker misses whose predicted name is in the gold source": the scorer keys a gold source by its last
  capitalised word before any comma (`Representative Charles B. Rangel of New York` is keyed `York`), so a
  right name can count as wrong;
- and the precision and speaker accuracy the run would have if those two groups counted as right.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from stancetool.articles import Article, read_articles
from stancetool.extract import extract_quotes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", default=str(SHARED / "data" / "polnear-dev"))
    parser.add_argument("--scorer", default=str(SHARED / "bench" / "eval_polnear.py"))
    parser.add_argument("--out", default=None, help="where to keep the quotes files (default: a temp dir)")
    parser.add_argument(
        "--verbose", action="store_true", help="keep the scorer's itemised output beside them"
    )
    args = parser.parse_args()

    articles = [a for a in read_articles([str(Path(args.dev, "text"))]) if isinstance(a, Article)]
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="stancetool-accuracy-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    quotes = [quote for _article, found in extract_quotes(articles) for quote in found]
    for indirect in (True, False):
        kept = [q for q in quotes if indirect or q.kind != "indirect"]
        target = out_dir / ("quotes-indirect.jsonl" if indirect else "quotes-direct.jsonl")
        target.write_text("".join(q.model_dump_json() + "\n" for q in kept), encoding="utf-8")
        scored = subprocess.run(
            [sys.executable, args.scorer, args.dev, str(target), "--verbose"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if args.verbose:
            (out_dir / f"{target.stem}.verbose.txt").write_text(scored, encoding="utf-8")
        label = "with indirect speech   " if indirect else "without indirect speech"
        print(f"{label}: {scored.strip().splitlines()[-1]}")
        print(f"  audit: {audit(args.scorer, args.dev, target, scored)}")
    print(f"quotes files in {out_dir}")


def audit(scorer: str, dev: str, predictions: Path, scored: str) -> str:
    sys.path.insert(0, str(Path(scorer).parent))
    from eval_polnear import load_gold, stem  # the scorer's own reading of the gold data
    from eval_quotes import norm_tokens, overlap

    _texts, gold = load_gold(dev)
    by_article = collections.defaultdict(list)
    for article, text, source, _quoted in gold:
        by_article[article].append((text, source))

    def inside(words: list[str], content: str) -> bool:
        pool = collections.Counter(norm_tokens(content))
        hits = 0
        for word in words:
            if pool[word] > 0:
                hits, pool[word] = hits + 1, pool[word] - 1
        return bool(words) and hits / len(words) >= 0.6

    false_positives = inside_longer = 0
    for line in predictions.read_text(encoding="utf-8").splitlines():
        quote = json.loads(line)
        contents = by_article[stem(quote["doc_id"])]
        if any(overlap(quote["text"], content) >= 0.6 for content, _ in contents):
            continue
        false_positives += 1
        words = norm_tokens(quote["text"])
        inside_longer += any(inside(words, content) for content, _ in contents)

    prediction_count = len(predictions.read_text(encoding="utf-8").splitlines())
    speaker_misses = named_in_source = 0
    for line in scored.splitlines():
        if not line.startswith("SPK "):
            continue
        speaker_misses += 1
        gold_source = line.split("gold=", 1)[1].split(" pred=", 1)[0]
        predicted = line.split(" pred=", 1)[1]
        predicted = predicted[: predicted.index(predicted[0], 1) + 1] if predicted[:1] in "'\"" else ""
        name = norm_tokens(predicted.strip("'\""))
        source_words = set(norm_tokens(gold_source))
        named_in_source += bool(name) and all(word in source_words for word in name)
    summary = scored.strip().splitlines()[-1]
    named = int(summary.split("(on ")[1].split()[0])
    right = prediction_count - false_positives + inside_longer
    precision = right / prediction_count if prediction_count else 0.0
    speaker = (named - speaker_misses + named_in_source) / named if named else 0.0
    return (
        f"{inside_longer} of {false_positives} false positives lie inside a longer gold content; "
        f"{named_in_source} of {speaker_misses} speaker misses name someone the gold source names; "
        f"counting those as right: precision {precision:.3f}, speaker accuracy {speaker:.3f}"
    )


if __name__ == "__main__":
    main()
