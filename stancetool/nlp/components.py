"""spaCy components: `stancetool_person_names` mends names NER mislabelled, `stancetool_quotes` finds
quotations, `stancetool_speakers` attributes them."""

from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from stancetool.nlp.attribution import Attributor
from stancetool.nlp.candidates import find_candidates
from stancetool.nlp.person_names import repair_person_names

if not Doc.has_extension("stancetool_candidates"):
    Doc.set_extension("stancetool_candidates", default=None)
if not Doc.has_extension("stancetool_quotes"):
    Doc.set_extension("stancetool_quotes", default=None)
if not Doc.has_extension("stancetool_error"):
    Doc.set_extension("stancetool_error", default=None)


class ParagraphBoundaries:
    """Starts a sentence at every line break: no headline or form is joined to the next line."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if not token.is_space and ("\n" in previous.text_with_ws):
                token.is_sent_start = True
        return doc


class PersonNames:
    """Relabels as PERSON the names NER took for organisations or places where the article shows a person."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            repair_person_names(doc)
        except Exception as exc:  # one odd article must not end a run over thousands
            doc._.stancetool_error = _failure(exc)
        return doc


def _failure(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


class QuoteFinder:
    """Finds quoted segments, transcript turns and reported-speech clauses (unattributed)."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.stancetool_candidates = find_candidates(doc)
        except Exception as exc:  # one odd article must not end a run over thousands
            doc._.stancetool_error = _failure(exc)
        return doc


class SpeakerAttributor:
    """Gives each candidate its cue, speaker (full name) and title; drops what is not speech."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.stancetool_quotes = []
        if doc._.stancetool_error is not None:
            return doc
        try:
            found = doc._.stancetool_candidates
            layout, candidates = found if found is not None else find_candidates(doc)
            # Plain dicts: with --n-process the Doc travels back from its worker through msgpack.
            doc._.stancetool_quotes = [asdict(span) for span in Attributor(doc, layout).attribute(candidates)]
        except Exception as exc:  # one odd article must not end a run over thousands
            doc._.stancetool_error = _failure(exc)
        doc._.stancetool_candidates = None  # token-bound data must not travel back from worker processes
        return doc


@Language.factory("stancetool_paragraphs")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()


@Language.factory("stancetool_person_names")
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames()


@Language.factory("stancetool_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


@Language.factory("stancetool_speakers")
def make_speaker_attributor(nlp: Language, name: str) -> SpeakerAttributor:
    return SpeakerAttributor()
