"""What `export`, `agreement` and `review` load alike: the codebook, every annotator's labels, the quotes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stancetool.cli._util import warn_all
from stancetool.codebook import load_codebook
from stancetool.files import read_quotes
from stancetool.labelset import Keep, Labels, read_labels
from stancetool.models import Codebook, Quote


@dataclass
class Loaded:
    codebook: Codebook
    labels: Labels
    quotes: list[Quote] | None


def load_labels(
    annotations_dir: Path, codebook_path: Path | None, quotes_path: Path | None, keep: Keep = "events"
) -> Loaded:
    """Read the codebook, the labels and (if given) the quotes; warn about each line left out, with its place.

    Labels on quote ids missing from the quotes file are left out (and reported) when a quotes file is given.
    """
    codebook = load_codebook(codebook_path)
    labels = read_labels(annotations_dir, codebook, keep)
    quotes = None
    quote_problems = []
    if quotes_path is not None:
        quotes, quote_problems = read_quotes(quotes_path)
        labels.keep_quotes((quote.id for quote in quotes), str(quotes_path))
    warn_all([*quote_problems, *labels.problems])
    return Loaded(codebook, labels, quotes)
