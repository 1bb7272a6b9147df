"""Quote extraction accuracy on the PolNeAR development set, scored by the shared scorer.

usage: python benchmarks/bench_accuracy.py [--dev ../shared/data/polnear-dev] [--out DIR] [--verbose]

Reads every article of the set with stancetool's own reader, extracts it once, and scores the quotations
with and without indirect speech (`--no-indirect`), printing the scorer's line for each: quote recall,
precision, speaker accuracy and end-to-end F1. The data stays in ../shared; nothing is copied here.

It then audits the scorer's misses (printed below the figures, never mixed into them):
- "false positives inside a gold attribution's content": predictions whose words lie (>= 60 %) inside the
  content of one gold attribution of the same article (in the annotator's file the scorer reads), which the
  scorer refuses all the same, counted by why:
  - a piece of a longer gold quotation: that content, all its quoted pieces joined, is more than 4x + 8
    tokens longer (one quotation of a source quoted in several pieces);
  - the second content of a split attribution (`Content2` in the brat file), which the scorer never reads;
  - a quotation marked by two apostrophes (`''…''`): the scorer does not take them for quotation marks, and
    its tokens keep them (`''that`), so the words no longer match;
  - a content whose quotation marks the scorer pairs otherwise: it keeps only the quoted words it finds (a
    phrase quoted inside reported speech, a nested or unclosed mark) and drops the rest of the content;
  - a content the annotator cut around an aside, or (other) a piece of a longer unquoted content;
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


# Why the scorer refused a prediction that lies inside a gold attribution, in the order they are tested.
PIECE = "a piece of a longer gold quotation"
SECOND_CONTENT = "the second content of a split attribution (Content2), which the scorer skips"
APOSTROPHE_MARKS = "a quotation marked by two apostrophes (''…''), whose words the scorer reads with them"
QUOTED_PHRASE = (
    "a content whose quotation marks the scorer pairs otherwise (a phrase quoted inside reported speech, "
    "a nested or unclosed mark): it keeps only what it takes for the quoted words"
)
CUT_CONTENT = "a content the annotator cut around an aside"
LONGER_CONTENT = "a piece of a longer gold content"


def read_contents(ann: Path, text: str) -> list[tuple[str, str, int]]:
    """Every content of every attribution in a brat file: (relation key, words as written, span count)."""
    spans: dict[str, tuple[str, int]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].startswith("T"):
            label, offsets = parts[1].split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            if label == "Content":
                spans[parts[0]] = (" ".join(text[a:b] for a, b in pieces), len(pieces))
        elif len(parts) >= 2 and parts[0].startswith("E"):
            relations.append(dict(item.split(":", 1) for item in parts[1].split()[1:]))
    return [
        (key, *spans[target])
        for relation in relations
        for key, target in relation.items()
        if key.startswith("Content") and target in spans
    ]


def audit(scorer: str, dev: str, predictions: Path, scored: str) -> str:
    sys.path.insert(0, str(Path(scorer).parent))
    from eval_polnear import QSEG, load_gold, stem  # the scorer's own reading of the gold data
    from eval_quotes import norm_tokens, overlap

    texts, gold = load_gold(dev)
    by_article = collections.defaultdict(list)
    for article, text, source, _quoted in gold:
        by_article[article].append((text, source))
    annotator_files = collections.defaultdict(list)
    for ann in Path(dev, "attributions").glob("*.ann"):
        annotator_files[ann.stem.rsplit("_", 1)[0]].append(ann)
    contents = {  # the scorer reads the first annotator's file of each article, and so does the audit
        article: read_contents(sorted(files)[0], texts[article]) for article, files in annotator_files.items()
    }

    def inside(words: list[str], content: str) -> bool:
        pool = collections.Counter(norm_tokens(content))
        hits = 0
        for word in words:
            if pool[word] > 0:
                hits, pool[word] = hits + 1, pool[word] - 1
        return bool(words) and hits / len(words) >= 0.6

    def why_refused(words: list[str], article: str) -> str | None:
        if any(inside(words, gold_text) for gold_text, _ in by_article[article]):
            return PIECE
        for key, written, span_count in contents.get(article, []):
            if not inside(words, written.replace("''", '"')):
                continue
            if key != "Content":
                return SECOND_CONTENT
            if "''" in written:
                return APOSTROPHE_MARKS
            if QSEG.findall(written):
                return QUOTED_PHRASE
            return CUT_CONTENT if span_count > 1 else LONGER_CONTENT
        return None

    false_positives = 0
    refused: collections.Counter[str] = collections.Counter()
    lines = predictions.read_text(encoding="utf-8").splitlines()
    for line in lines:
        quote = json.loads(line)
        article = stem(quote["doc_id"])
        if any(overlap(quote["text"], text) >= 0.6 for text, _ in by_article[article]):
            continue
        false_positives += 1
        reason = why_refused(norm_tokens(quote["text"]), article)
        if reason is not None:
            refused[reason] += 1

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
    inside_gold = sum(refused.values())
    precision = (len(lines) - false_positives + inside_gold) / len(lines) if lines else 0.0
    speaker = (named - speaker_misses + named_in_source) / named if named else 0.0
    reasons = "".join(f"\n    {count:3d}  {reason}" for reason, count in refused.most_common())
    return (
        f"{inside_gold} of {false_positives} false positives lie inside a gold attribution's content:"
        f"{reasons}\n"
        f"  {named_in_source} of {speaker_misses} speaker misses name someone the gold source names\n"
        f"  counting those as right: precision {precision:.3f}, speaker accuracy {speaker:.3f}"
    )


if __name__ == "__main__":
    main()
