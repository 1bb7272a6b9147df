"""Helpers for the extraction tests that force a model mistake (plain functions, no shared fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from stancetool.extract import doc_to_quotes
from stancetool.models import Quote


def quotes_despite(nlp: Language, text: str, mistake: Callable[[Doc], None]) -> list[Quote]:
    """The quotations of `text` when the model made `mistake` (forced on purpose: a parse or an entity the
    model gets wrong on some real sentence), applied as the model's own components finish."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "ner":  # the model's last component
            mistake(doc)
    return doc_to_quotes(doc, "t.txt", indirect=True)
