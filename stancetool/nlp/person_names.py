"""Person names the entity recogniser labelled as something else, relabelled where the article shows a person.

The small English model often takes a foreign name for an organisation or a place (`Oleh Nikolenko` as ORG),
or cuts a first name off into the organisation before it (`Kremlin aide Yury(ORG) Ushakov(PERSON)`). A name
NER missed cannot be resolved from its surname, nor be what a later `he` refers to. The article itself tells
which of these entities are people: a role in apposition (`the spokesman, Oleh Nikolenko,`), a personal title
right before the name (`Dr. Norris Little`), or the surname alone speaking later (`Nikolenko said`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.cues import (
    INSTITUTION_NOUNS,
    PERSONAL_TITLES,
    ROLE_NOUNS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
)

# Entity labels a person's name is mistaken for (never dates, numbers or amounts).
MISTAKEN_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
MAX_NAME_WORDS = 3
# Words that end or make up the names of organisations, works and events rather than of people.
ORGANISATION_WORDS = INSTITUTION_NOUNS | frozenset(
    """
    act association assembly board bureau caucus center centre church city club college commission
    convention corp corporation court exchange federation fc forum forces foundation fund guard hospital
    house inc institute institution journal league ltd media network news post press program programme
    radio reserve school service services summit times treasury tv united
    """.split()
)


def repair_person_names(doc: Doc) -> None:
    """Relabel, in place, the entities that the article shows to be people's names."""
    ents = list(doc.ents)
    places = {e.text for e in ents if e.label_ in PLACE_LABELS}
    speaking = _surnames_speaking(doc)
    repaired: list[Span] = []
    changed = False
    for ent in ents:
        if ent.label_ == "PERSON":
            previous = repaired[-1] if repaired else None
            if previous is not None and previous.label_ != "PERSON" and previous.end == ent.start:
                first = doc[ent.start - 1]
                if _cut_off_first_name(first, ent, places):
                    repaired.pop()
                    if len(previous) > 1:
                        repaired.append(Span(doc, previous.start, previous.end - 1, label=previous.label_))
                    repaired.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
                    changed = True
                    continue
            repaired.append(ent)
            continue
        name = _mislabelled_name(ent, places, speaking) if ent.label_ in MISTAKEN_LABELS else None
        if name is None:
            repaired.append(ent)
            continue
        if name.start > ent.start:
            lead = doc[ent.start : name.start]
            if lead.text in places:  # `Ambassador to Ukraine Bridget Brink`, read as one organisation
                repaired.append(Span(doc, lead.start, lead.end, label="GPE"))
        repaired.append(Span(doc, name.start, name.end, label="PERSON"))
        changed = True
    if changed:
        doc.ents = repaired


def _surnames_speaking(doc: Doc) -> set[str]:
    """Capitalised single words that are the subject of a speech verb (`Nikolenko said`)."""
    found: set[str] = set()
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lower_ not in SPEECH_VERB_FORMS or not _name_word(token):
            continue
        if any(c.dep_ in ("compound", "det", "amod") for c in token.children):
            continue  # part of a longer name or a description
        found.add(token.text)
    return found


def _name_word(token: Token) -> bool:
    text = token.text
    return (
        token.tag_ == "NNP"
        and text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and token.lower_ not in ORGANISATION_WORDS
        and token.lower_.rstrip(".") not in TITLE_WORDS
        and token.lower_ not in ROLE_NOUNS
    )


def _cut_off_first_name(first: Token, person: Span, places: set[str]) -> bool:
    """`Yury` of `Kremlin aide Yury Ushakov`, which NER put in an organisation before the surname."""
    return (
        _name_word(first)
        and first.text not in places
        and first.dep_ == "compound"
        and person.start <= first.head.i < person.end
    )


def _mislabelled_name(ent: Span, places: set[str], speaking: set[str]) -> Span | None:
    """The words of `ent` that are a person's name (without a place or title NER joined to its front), if
    the article shows them to be one."""
    doc = ent.doc
    start = ent.start
    while start < ent.end - 1 and (
        doc[start].text in places
        or doc[start].lower_ == "the"
        or doc[start].lower_.rstrip(".") in TITLE_WORDS
    ):
        start += 1
    name = doc[start : ent.end]
    if not 2 <= len(name) <= MAX_NAME_WORDS:
        return None
    if not all(_name_word(t) for t in name) or any(t.text in places for t in name):
        return None
    root = name.root
    in_apposition = (root.dep_ == "appos" and root.head.lower_ in ROLE_NOUNS) or any(
        c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in root.children
    )
    before = doc[name.start - 1] if name.start > 0 else None
    titled = before is not None and before.lower_.rstrip(".") in PERSONAL_TITLES
    if in_apposition or titled or name[-1].text in speaking:
        return name
    return None
