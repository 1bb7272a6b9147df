"""Articles in, Quote records out: the one place where spaCy objects become pydantic records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from stancetool.articles import Article
from stancetool.files import Problem
from stancetool.models import Quote
from stancetool.nlp.pipeline import load_pipeline
from stancetool.nlp.records import QuoteSpan


def quote_id(doc_id: str, start: int, end: int, text: str) -> str:
    """A stable id: the same article and span give the same id on every run and machine."""
    digest = hashlib.sha256(f"{doc_id}\x00{start}\x00{end}\x00{text}".encode()).hexdigest()
    return f"q{digest[:15]}"


def doc_to_quotes(doc: Doc, doc_id: str, *, indirect: bool = True) -> list[Quote]:
    """Turn the quote spans the pipeline found in `doc` into Quote records."""
    quotes: list[Quote] = []
    for record in doc._.stancetool_quotes:
        span = QuoteSpan(**record)
        if span.kind == "indirect" and not indirect:
            continue
        text = doc.text[span.start : span.end]
        quotes.append(
            Quote(
                id=quote_id(doc_id, span.start, span.end, text),
                doc_id=doc_id,
                text=text,
                speaker=span.speaker,
                speaker_title=span.speaker_title,
                cue=span.cue,
                kind=span.kind,
                start=span.start,
                end=span.end,
                context=doc.text[span.context_start : span.context_end],
                context_start=span.context_start,
            )
        )
    return quotes


def extract_quotes(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    indirect: bool = True,
    failures: list[Problem] | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Stream articles through the pipeline and yield each with its quotations, in input order.

    An article on which stancetool's own rules fail is yielded with no quotations and, when `failures` is
    given, recorded there, so that one odd article never ends a run.
    """
    nlp = load_pipeline(model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        error = doc._.stancetool_error
        if error is not None and failures is not None:
            failures.append(Problem(article.doc_id, None, f"extraction failed ({error}); article skipped"))
        yield article, doc_to_quotes(doc, article.doc_id, indirect=indirect)
