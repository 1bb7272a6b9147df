"""Names the entity recogniser labels as organisations or places, relabelled where the article shows a person.

Each test forces the recogniser's mistake (it makes them on real foreign names, unpredictably on made-up
ones), then checks what the repair and the extractor make of it."""

from __future__ import annotations

import pytest
from _pipeline_helpers import quotes_despite
from spacy.language import Language
from spacy.tokens import Doc

from stancetool.nlp.person_names import repair_person_names
from stancetool.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def labelled(doc: Doc, *entities: tuple[str, str] | tuple[str, str, int]) -> None:
    """Set the entities as if the recogniser had found exactly these (text, label[, occurrence]) spans."""
    spans = []
    for text, label, *nth in entities:
        start = -1
        for _ in range(1 + (nth[0] if nth else 0)):
            start = doc.text.index(text, start + 1)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans


def test_a_name_in_apposition_to_a_role_is_a_person(nlp: Language) -> None:
    text = (
        "The press secretary of the harbour ministry, Oleh Dovhan, stated this on Monday.\n"
        '"We will reopen the port next week," Dovhan said.\n'
    )
    [quote] = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Oleh Dovhan", "ORG"), ("Dovhan", "ORG", 1))
    )
    assert quote.speaker == "Oleh Dovhan"


def test_a_first_name_cut_off_into_an_organisation_joins_the_surname(nlp: Language) -> None:
    text = 'Kremlin aide Yury Orlov said on Monday: "The plan was not discussed."\n'
    [quote] = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Kremlin", "ORG"), ("Yury", "ORG"), ("Orlov", "PERSON"))
    )
    assert (quote.speaker, quote.speaker_title) == ("Yury Orlov", "Kremlin aide")


def test_a_name_whose_surname_speaks_later_is_a_person_without_the_place_joined_to_it(
    nlp: Language,
) -> None:
    text = (
        "Former U.S. Ambassador to Ukraine Bridget Holm announced a bid for Congress on Monday.\n"
        '"My next mission is here at home," Holm wrote. The war in Ukraine goes on.\n'
    )
    quotes = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Ukraine Bridget Holm", "ORG"), ("Ukraine", "GPE", 1))
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Bridget Holm"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # an organisation's name, even when its last word speaks
        ('The Baltic Times reported the deal. "It is done," Times said.\n', "Baltic Times"),
        # a place, with no sign of a person
        ("Talks in New Harbour ended on Monday.\n", "New Harbour"),
    ],
)
def test_organisations_and_places_stay_as_they_are(nlp: Language, text: str, entity: str) -> None:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "stancetool_person_names":
            break
        doc = component(doc)
    labelled(doc, (entity, "ORG"))
    repair_person_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [(entity, "ORG")]


def test_the_repair_leaves_true_people_alone(nlp: Language) -> None:
    doc = nlp("Minister Anna Petrova met Marek Nowak in Warsaw.")
    before = [(e.text, e.label_) for e in doc.ents]
    repair_person_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == before


def test_a_first_name_left_out_of_the_entity_joins_the_surname(nlp: Language) -> None:
    text = 'President of the republic Recep Tayyip Orlov said: "The talks will go on."\n'
    [quote] = quotes_despite(nlp, text, lambda doc: labelled(doc, ("Tayyip Orlov", "PERSON")))
    assert quote.speaker == "Recep Tayyip Orlov"


def test_a_common_word_before_a_name_is_no_first_name(nlp: Language) -> None:
    text = (
        'Rival Anna Holm had mocked the complaint, saying it was "not a good night."\n'
        "Her rival did not answer.\n"
    )
    [quote] = quotes_despite(nlp, text, lambda doc: labelled(doc, ("Anna Holm", "PERSON")))
    assert quote.speaker == "Anna Holm"


@pytest.mark.parametrize(
    ("entity", "label"),
    [
        ("the Harbour Republic Anna Holm", "ORG"),
        ("Prime Minister of the Harbour Republic Anna Holm", "PERSON"),
    ],
)
def test_a_title_and_place_read_into_the_name_are_left_out(nlp: Language, entity: str, label: str) -> None:
    text = (
        "Prime Minister of the Harbour Republic Anna Holm has assured the union of support.\n"
        '"We are with you until the end," Holm wrote.\n'
    )
    quotes = quotes_despite(nlp, text, lambda doc: labelled(doc, (entity, label)))
    assert {q.speaker for q in quotes} == {"Anna Holm"}


def test_a_hyphenated_first_name_stays_whole(nlp: Language) -> None:
    text = 'Jean-Marc Orlov, the foreign minister, said the plan was "a provocation without consequence."\n'
    [quote] = quotes_despite(nlp, text, lambda doc: labelled(doc, ("Jean-Marc Orlov", "ORG")))
    assert quote.speaker == "Jean-Marc Orlov"


@pytest.mark.parametrize(("label", "relabelled"), [("NORP", True), ("ORG", True), ("GPE", False)])
def test_the_surname_of_a_named_person_is_that_person(nlp: Language, label: str, relabelled: bool) -> None:
    doc = nlp.make_doc("Prime Minister Viktor Halasz spoke. Halasz left early.")
    for name, component in nlp.pipeline:
        if name == "stancetool_person_names":
            break
        doc = component(doc)
    labelled(doc, ("Viktor Halasz", "PERSON"), ("Halasz", label, 1))
    repair_person_names(doc)
    assert ("Halasz", "PERSON" if relabelled else label) in [(e.text, e.label_) for e in doc.ents]


def test_a_surname_left_out_of_the_entity_joins_it(nlp: Language) -> None:
    text = (
        "Foreign Minister Seyed Abbas Ranjbari, who arrived on Sunday night, met the president.\n"
        'Speaking to the media upon arrival, he said: "Our two countries share common concerns."\n'
    )
    [quote] = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Seyed Abbas", "PERSON"), ("Ranjbari", "GPE"))
    )
    assert quote.speaker == "Seyed Abbas Ranjbari"


def test_a_surname_read_as_an_organisation_is_a_person_once_the_full_name_is_repaired(nlp: Language) -> None:
    text = (
        "Pep Lorca enjoyed the result but not the performance.\n"
        "A penalty was retaken after Marco Tessi was spotted encroaching.\n"
        "Lorca has been on the wrong end of such decisions before.\n"
        'He said: "We have to be strong after a game like this."\n'
    )
    [quote] = quotes_despite(
        nlp,
        text,
        lambda doc: labelled(doc, ("Lorca", "PERSON"), ("Marco Tessi", "PERSON"), ("Lorca", "ORG", 1)),
    )
    assert quote.speaker == "Pep Lorca"


def test_a_name_after_a_role_and_the_place_it_serves_is_a_person(nlp: Language) -> None:
    text = (
        "Aldovia's new Ambassador to the U.S. Ivan Sokolov said in an interview that he is focused on "
        "relations.\n"
        '"I am focused on progress of the kind," the ambassador added.\n'
    )
    quotes = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Aldovia", "GPE"), ("the U.S. Ivan Sokolov", "ORG"))
    )
    assert [q.speaker for q in quotes] == ["Ivan Sokolov", "Ivan Sokolov"]


def test_initials_are_kept_in_a_name(nlp: Language) -> None:
    text = 'Rep. G.K. Lutterfield said on Friday: "This is a disgusting day."\n'
    [quote] = quotes_despite(nlp, text, lambda doc: labelled(doc, ("G.K. Lutterfield", "ORG")))
    assert quote.speaker == "G.K. Lutterfield"


def test_a_headline_verb_read_into_a_name_is_left_out(nlp: Language) -> None:
    text = (
        "US NSA Reyes Wraps Up Aldovia Visit, Meets Li; Both Sides Agree to Improve Military Comms\n"
        "\n"
        "US national security adviser Tom Reyes met Aldovian President Li Wenhao on Thursday.\n"
        "\n"
        '"Our commitment has not changed," Li told Reyes.\n'
    )
    quotes = quotes_despite(
        nlp,
        text,
        lambda doc: labelled(doc, ("Meets Li", "PERSON"), ("Tom Reyes", "PERSON"), ("Li Wenhao", "PERSON")),
    )
    assert [q.speaker for q in quotes] == ["Li Wenhao"]


def test_a_surname_with_an_elided_particle_joins_the_name(nlp: Language) -> None:
    text = (
        '"Our preliminary results were affected by reporting issues," interim CEO Martin O\u2019Leary said '
        'in a news release. "We are working rapidly to address them."\n'
        "Ana Ruiz stepped down in November as chief executive.\n"
    )
    quotes = quotes_despite(
        nlp, text, lambda doc: labelled(doc, ("Martin", "PERSON"), ("Ana Ruiz", "PERSON"))
    )
    assert [q.speaker for q in quotes] == ["Martin O\u2019Leary", "Martin O\u2019Leary"]


def test_a_one_word_name_read_as_a_person_once_is_that_person_everywhere(nlp: Language) -> None:
    text = (
        '"Our facilities have been damaged," Tabrizi said on Monday.\n'
        "Fox News anchor Tom Reyes asked him about the fatwa. In response, Tabrizi distanced the government "
        "from it.\n"
        '"It means death to the policy, not to the people," he said.\n'
    )
    quotes = quotes_despite(
        nlp,
        text,
        lambda doc: labelled(doc, ("Tabrizi", "PERSON"), ("Tom Reyes", "PERSON"), ("Tabrizi", "GPE", 1)),
    )
    assert [q.speaker for q in quotes] == ["Tabrizi", "Tabrizi"]


def test_a_one_word_name_the_article_also_uses_as_a_place_stays_a_place(nlp: Language) -> None:
    text = (
        '"We will not yield," Jordan said on Monday.\n'
        "The envoy arrived in Jordan on Tuesday.\n"
        '"The talks were useful," Jordan said.\n'
    )
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "ner":
            labelled(doc, ("Jordan", "PERSON"), ("Jordan", "GPE", 1), ("Jordan", "GPE", 2))
        if name == "stancetool_person_names":
            break
    assert [e.label_ for e in doc.ents] == ["PERSON", "GPE", "GPE"]
