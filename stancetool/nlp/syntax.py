"""Small readings of a parse shared by the attribution rules: phrase text, titles, speech verbs and nouns."""

from __future__ import annotations

from spacy.tokens import Span, Token

from stancetool.nlp.cues import (
    CONTINUE_FORMS,
    DOCUMENT_NOUNS,
    FINDING_VERB_FORMS,
    PERSONAL_PRONOUNS,
    PUT_FORMS,
    SPEECH_NOUNS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
)
from stancetool.nlp.tags import is_noun, is_proper_noun

FEMALE_TITLES = frozenset(
    {"ms", "ms.", "mrs", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "dame"}
)
MALE_TITLES = frozenset({"mr", "mr.", "spokesman", "chairman", "congressman", "sir", "lord"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def gender_of(words: list[str]) -> str | None:
    lowered = {w.lower() for w in words}
    if lowered & FEMALE_TITLES:
        return "f"
    if lowered & MALE_TITLES:
        return "m"
    return None


def phrase_text(tokens: list[Token]) -> str:
    """The tokens' text with the article's own spacing (a space where tokens were left out)."""
    parts: list[str] = []
    for n, t in enumerate(tokens):
        parts.append(t.text)
        if n + 1 < len(tokens):
            parts.append(t.whitespace_ if tokens[n + 1].i == t.i + 1 else (t.whitespace_ or " "))
    text = "".join(parts).strip(" ,;:\n")
    return " ".join(text.split())


def is_title_case(line: str) -> bool:
    """Whether nearly every longer word of a line is capitalised, as in headlines (`Minister Calls Talks With
    US in Oman 'Good Start'`), where the tagger reads verbs as names."""
    words = [w for w in line.split() if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def title_text(tokens: list[Token]) -> str | None:
    tokens = [t for t in tokens if not t.text.startswith("@")]  # `(@anaruiz)`: a handle, not a role
    if all(t.ent_type_ in NON_SPEAKER_ENTITIES or not any(c.isalpha() for c in t.text) for t in tokens):
        return None  # an age, a date or a time beside a name (`Ana Ruiz, 63,`, `Ruiz: (01:16)`)
    while tokens and tokens[0].lower_ in ("a", "an", "the", "quoting", "citing"):
        tokens = tokens[1:]  # (`Quoting James Madison head coach Mickey Matthews:`)
    while tokens and tokens[-1].tag_ == "POS":  # `the Chinese leader's count`: the leader
        tokens = tokens[:-1]
    # `the president of Russia - Mikhail Metzel/TASS via Getty Images` (a caption's credit), `INTERFAX - NATO
    # Secretary General` (a dateline): of the two sides of a spaced dash, the one naming a role
    cut = next((k for k, t in enumerate(tokens) if k and t.text in DASHES and t.whitespace_), None)
    if cut is not None and tokens[cut - 1].whitespace_:
        before, after = tokens[:cut], tokens[cut + 1 :]
        tokens = after if _names_role(after) and not _names_role(before) else before
    return phrase_text(tokens) or None


def _names_role(tokens: list[Token]) -> bool:
    return any(t.lower_.rstrip(".") in TITLE_WORDS for t in tokens)


DASHES = frozenset({"-", "–", "—", "―"})
NON_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def is_speech_verb(token: Token) -> bool:
    if token.lower_ in PUT_FORMS:  # `as one analyst put it`
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    if token.lower_ in CONTINUE_FORMS and any(c.dep_ in ("xcomp", "dobj") for c in token.children):
        return False  # `continuing to implement …`, `continued its work`
    if token.lower_ in FINDING_VERB_FORMS:  # `a report released last year found that …`
        return any(c.dep_ in SUBJECT_DEPS and c.lower_ in DOCUMENT_NOUNS for c in token.children)
    return token.lower_ in SPEECH_VERB_FORMS and token.tag_.startswith("VB")


def is_definite(noun: Token) -> bool:
    """`the minister`, `the statement`: a noun that refers back to something the article has named."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def reports_nothing(verb: Token) -> bool:
    """`without telling anyone`, `did not confirm`: a speech verb that reports no words."""
    return (verb.dep_ == "pcomp" and verb.head.lower_ == "without") or any(
        c.dep_ == "neg" for c in verb.children
    )


def speech_noun_owner(token: Token) -> Token | None:
    """The owner of a noun of speech (`Ruiz's claim`, `the minister's remarks`), if `token` is one."""
    if token.lower_ not in SPEECH_NOUNS or not is_noun(token):
        return None
    owner = next(
        (
            c
            for c in token.children
            if c.dep_ == "poss" and (c.tag_ != "PRP$" or c.lower_ in THIRD_PERSON_POSSESSIVES)
        ),
        None,
    )
    if owner is None:  # `a claim by the party's leader that …`
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return owner


def coordinated(a: Token, b: Token) -> bool:
    """Whether two verbs are coordinated clauses (`the Kremlin said …, but officials warned …`)."""
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)


def could_speak(token: Token) -> bool:
    if token.ent_type_ in NON_SPEAKER_ENTITIES:
        return False
    return is_proper_noun(token) or (token.tag_ == "PRP" and token.lower_ in PERSONAL_PRONOUNS)


TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"]
)


def looks_like_title(quote: Span) -> bool:
    """`Fox News Sunday`, `Make America Great Again`: every word capitalised, as names of works are."""
    words = [t.text for t in quote if t.is_alpha]
    return (
        bool(words)
        and len(words) <= 8
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        and words[0][0].isupper()
    )


def is_passive(verb: Token) -> bool:
    """`is being criticized`, `was told` (but not `who's called for`, which is `has called`)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "nsubjpass" or (c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s")) for c in verb.children
    )


def passive_agent(verb: Token) -> Token | None:
    """Who did it, in a passive clause: `by Ana Ruiz`, also where the parser hung the `by` on a noun
    (`described as "a tax" by Ruiz`)."""
    for token in verb.subtree:
        if token.lower_ == "by" and token.dep_ in ("agent", "prep") and token.i > verb.i:
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None and (token.dep_ == "agent" or could_speak(obj)):
                return obj
    return None


def passive_without_agent(verb: Token) -> bool:
    """`is being criticized as`, `was told that`: speech whose speaker the clause does not give (and whose
    subject is the one spoken of or to)."""
    return is_passive(verb) and passive_agent(verb) is None
