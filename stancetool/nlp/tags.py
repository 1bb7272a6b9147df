"""Coarse word classes read from the tagger's fine-grained (Penn Treebank) tags.

The pipeline leaves out spaCy's attribute_ruler, which only copies these tags into `pos_`: it costs as much
time as the tagger and parser together on news, and nothing else stancetool uses depends on it.
"""

from __future__ import annotations

from spacy.tokens import Token

PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
NOUN_TAGS = frozenset({"NN", "NNS"})
PRONOUN_TAGS = frozenset({"PRP", "WP"})
DETERMINER_TAGS = frozenset({"DT", "PDT", "WDT"})


def is_proper_noun(token: Token) -> bool:
    return token.tag_ in PROPER_NOUN_TAGS


def is_noun(token: Token) -> bool:
    return token.tag_ in NOUN_TAGS


def is_nominal(token: Token) -> bool:
    """A noun, a proper noun or a pronoun: something that can be a speaker."""
    tag = token.tag_
    return tag in NOUN_TAGS or tag in PROPER_NOUN_TAGS or tag in PRONOUN_TAGS


def is_verb(token: Token) -> bool:
    """A verb or an auxiliary (`said`, `is`, `will`)."""
    tag = token.tag_
    return tag.startswith("VB") or tag == "MD"


def is_preposition(token: Token) -> bool:
    return token.tag_ == "IN"


def is_determiner(token: Token) -> bool:
    return token.tag_ in DETERMINER_TAGS
