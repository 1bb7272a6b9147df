"""One small test per quotation structure the extractor must handle (issue 2, section 3).

Every snippet is made up for the test. The pipeline is loaded once for the module.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from _pipeline_helpers import quotes_despite
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from stancetool.extract import doc_to_quotes
from stancetool.models import Quote
from stancetool.nlp.pipeline import load_pipeline
from stancetool.nlp.syntax import title_text

QuotesOf = Callable[..., list[Quote]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def quotes_of(nlp: Language) -> QuotesOf:
    def quotes_of(text: str, indirect: bool = True) -> list[Quote]:
        quotes = doc_to_quotes(nlp(text), "t.txt", indirect=indirect)
        for q in quotes:  # invariants every quotation must satisfy
            assert q.text == text[q.start : q.end]
            assert q.text in q.context
        return quotes

    return quotes_of


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def attach(doc: Doc, child: str, head: str, dep: str) -> None:
    word(doc, child).head, word(doc, child).dep_ = word(doc, head), dep


def only(quotes: list[Quote], opening: str) -> Quote:
    """The one quotation whose text starts with `opening`."""
    found = [q for q in quotes if q.text.startswith(opening)]
    assert len(found) == 1, f"{opening!r}: {[(q.text, q.speaker, q.kind) for q in quotes]}"
    return found[0]


def summary(quotes: list[Quote]) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker, q.kind) for q in quotes]


# ------------------------------------------------------------------ cue verb before or after


def test_cue_after_with_title_before_name(quotes_of: QuotesOf) -> None:
    text = (
        '"Our country respects the independence of every nation," said Foreign Ministry Spokesman Li Ming.\n'
    )
    [q] = quotes_of(text)
    assert q.text == "Our country respects the independence of every nation"
    assert (q.speaker, q.kind, q.cue) == ("Li Ming", "direct", "said")
    assert q.speaker_title == "Foreign Ministry Spokesman"


def test_cue_after_surname_then_said(quotes_of: QuotesOf) -> None:
    text = 'Harbour officials met on Tuesday.\n"The new terminal will open in the spring," Baker said.\n'
    [q] = quotes_of(text)
    assert (q.text, q.speaker, q.kind, q.cue) == (
        "The new terminal will open in the spring",
        "Baker",
        "direct",
        "said",
    )


def test_cue_before_with_colon(quotes_of: QuotesOf) -> None:
    text = 'Chen said: "We will not accept any conditions imposed from outside."\n'
    [q] = quotes_of(text)
    assert q.text.rstrip(".") == "We will not accept any conditions imposed from outside"
    assert (q.speaker, q.kind, q.cue) == ("Chen", "direct", "said")


def test_cue_after_with_lowercase_role_before_name(quotes_of: QuotesOf) -> None:
    text = '"Another flood could wash the road away," said engineer Omar Haddad.\n'
    [q] = quotes_of(text)
    assert (q.text, q.speaker, q.speaker_title, q.cue) == (
        "Another flood could wash the road away",
        "Omar Haddad",
        "engineer",
        "said",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "title", "cue"),
    [
        (
            '"The budget leaves schools without enough teachers," explained Maria Ortega.',
            "Maria Ortega",
            None,
            "explained",
        ),
        (
            '"We cannot wait another decade for the bridge," stressed Paul Renner.',
            "Paul Renner",
            None,
            "stressed",
        ),
        (
            '"The vote was a victory for every farmer," tweeted Senator Dana Whitfield.',
            "Dana Whitfield",
            "Senator",
            "tweeted",
        ),
        (
            '"The factory will close at the end of the year," Tom Kessler told reporters.',
            "Tom Kessler",
            None,
            "told",
        ),
        ('"Prices will fall again next month," added Ruth Adler.', "Ruth Adler", None, "added"),
        (
            '"Another flood could wash the road away," warned engineer Omar Haddad.',
            "Omar Haddad",
            "engineer",
            "warned",
        ),
        (
            '"Every family should register before Friday," urged Mayor Ines Varga.',
            "Ines Varga",
            "Mayor",
            "urged",
        ),
        (
            '"The talks are finished for now," according to Karl Brenner, who led the talks.',
            "Karl Brenner",
            None,
            "according to",
        ),
    ],
    ids=["explained", "stressed", "tweeted", "told", "added", "warned", "urged", "according_to"],
)
def test_cues_beyond_said(quotes_of: QuotesOf, text: str, speaker: str, title: str | None, cue: str) -> None:
    [q] = quotes_of(text + "\n")
    assert q.text == text[1 : text.index(',"')]
    assert (q.speaker, q.kind, q.cue) == (speaker, "direct", cue)
    assert q.speaker_title == title


# ------------------------------------------------------------------ split and multi-paragraph quotes


def test_split_quote_both_parts_to_the_speaker(quotes_of: QuotesOf) -> None:
    text = '"The first part of the plan is ready," Greta Holm said. "The second part will follow in June."\n'
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Greta Holm", "Greta Holm"]
    assert quotes[0].text == "The first part of the plan is ready"
    assert quotes[1].text.rstrip(".") == "The second part will follow in June"


def test_quote_over_several_paragraphs(quotes_of: QuotesOf) -> None:
    text = (
        "Nora Vance, a lawyer for the union, described the strike.\n"
        '"The workers have waited three years for a contract. Nobody listened to them at the start.\n'
        '"Now the company has to come to the table and make a serious offer," she said.\n'
    )
    quotes = quotes_of(text)
    first = only(quotes, "The workers have waited three years")
    second = only(quotes, "Now the company has to come to the table")
    assert first.speaker == second.speaker == "Nora Vance"
    assert first.text.endswith("Nobody listened to them at the start.")
    assert second.text.endswith("make a serious offer")


def test_quote_in_single_marks_over_several_paragraphs(quotes_of: QuotesOf) -> None:
    text = (
        "Nora Vance, a lawyer for the union, told the Courier that the strike would go on.\n"
        "She said: 'The workers have waited three years for a contract.'\n"
        "'Nobody listened to them at the start, and nobody is listening now.\n"
        "'The company has to come to the table and make a serious offer.'\n"
    )
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert summary(quotes) == [
        ("The workers have waited three years for a contract.", "Nora Vance", "direct"),
        ("Nobody listened to them at the start, and nobody is listening now.", "Nora Vance", "direct"),
        ("The company has to come to the table and make a serious offer.", "Nora Vance", "direct"),
    ]


# ------------------------------------------------------------------ partial quotes


def test_partial_quote_in_reported_speech(quotes_of: QuotesOf) -> None:
    text = (
        "Trade Minister Chen Haoran arrived in Lisbon on Monday. Chen said the deal was "
        '"a historic step for both of our economies" and would be signed in May.\n'
    )
    q = only(quotes_of(text), "a historic step")
    assert (q.text, q.speaker, q.kind) == (
        "a historic step for both of our economies",
        "Chen Haoran",
        "partial",
    )


def test_partial_quote_after_calling_on(quotes_of: QuotesOf) -> None:
    text = (
        "Deputy Foreign Minister Olga Petrova spoke at the forum, calling on the West to "
        '"drop its cold war thinking" before the summit.\n'
    )
    [q] = quotes_of(text)
    assert (q.text, q.speaker, q.kind) == ("drop its cold war thinking", "Olga Petrova", "partial")
    assert q.speaker_title == "Deputy Foreign Minister"


# ------------------------------------------------------------------ floating and orphan quotes


def test_floating_quote_continues_previous_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "Fisheries expert Hanna Lund said the catch had fallen for a third year.\n"
        '"There are simply fewer fish in the northern waters than there were a decade ago."\n'
    )
    q = only(quotes_of(text), "There are simply fewer fish")
    assert (q.speaker, q.kind) == ("Hanna Lund", "direct")


def test_quotations_announced_by_a_paragraph_with_headings_between(quotes_of: QuotesOf) -> None:
    text = (
        "Foreign Minister Anna Petrova held her annual news conference on Monday, speaking for hours.\n\n"
        "Here is a selection of Petrova's comments:\n\n"
        "— On the grain deal\n\n"
        '"We will not sign anything that changes the wording of the agreement."\n\n'
        "— Does Petrova ever wish she had stayed in parliament instead of joining the government?\n\n"
        '"A minister deals in facts, not in wishes."\n\n'
        "— On the accords\n\n"
        'If the other side had kept to the accords "the quarrel would have ended years ago."\n\n'
        '"The only requirement was to leave the harbour alone."\n'
    )
    assert summary(quotes_of(text)) == [
        ("We will not sign anything that changes the wording of the agreement.", "Anna Petrova", "direct"),
        ("A minister deals in facts, not in wishes.", "Anna Petrova", "direct"),
        ("the quarrel would have ended years ago.", "Anna Petrova", "partial"),
        ("The only requirement was to leave the harbour alone.", "Anna Petrova", "direct"),
    ]


def test_a_heading_does_not_break_a_speaker_s_run(quotes_of: QuotesOf) -> None:
    text = (
        "Port chief Jonas Lind said the harbour would reopen next week.\n\n"
        "What exactly did the port chief say?\n\n"
        '"The channel is clear and the cranes are working again."\n\n'
        "The port chief said the ferries would run on the winter timetable.\n"
    )
    quotes = quotes_of(text)
    assert only(quotes, "The channel is clear").speaker == "Jonas Lind"
    assert only(quotes, "the ferries would run").speaker == "Jonas Lind"


def test_a_role_in_the_opening_paragraph_is_the_person_named_later_with_a_hyphenated_title(
    quotes_of: QuotesOf,
) -> None:
    text = (
        'The alliance secretary general has told the invaders to "halt the attacks at once".\n\n'
        'Alliance Secretary-General Lars Holm said the members were "united as never before".\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "halt the attacks").speaker == only(quotes, "united as never").speaker == "Lars Holm"


def test_orphan_quote_has_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "The harbour was quiet on Sunday morning and the boats stayed in.\n"
        '"Nobody knows what will happen to the old warehouses along the water."\n'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == [None]
    assert quotes[0].text.startswith("Nobody knows what will happen")


# ------------------------------------------------------------------ transcripts

TRANSCRIPT = (
    "ANNA SMITH, BYLINE: The talks in Vienna ended late on Friday. Here is the spokesman, Li Ming.\n"
    "\n"
    "LI MING: (Through interpreter) Our position on the border has not changed at all.\n"
    "\n"
    "SMITH: Li Ming spoke after the meeting had ended. "
    "The mayor of the town, Peter Kowalski, was less hopeful.\n"
    "\n"
    "KOWALSKI: Nobody here believes the ceasefire will hold through the winter.\n"
    "\n"
    "SMITH: A farmer answered in his own language.\n"
    "\n"
    "FARMER: (Non-English language spoken).\n"
    "\n"
    "SMITH: Li Ming was asked about the timetable.\n"
    "\n"
    "LI M: (Through interpreter) We hope that both sides can return to the table soon.\n"
)


def test_transcript_turn_speaker_in_normal_case_without_direction(quotes_of: QuotesOf) -> None:
    q = only(quotes_of(TRANSCRIPT), "Our position on the border")
    assert (q.speaker, q.kind) == ("Li Ming", "transcript")
    assert q.text == "Our position on the border has not changed at all."


def test_transcript_truncated_tag_resolved_to_full_name(quotes_of: QuotesOf) -> None:
    q = only(quotes_of(TRANSCRIPT), "We hope that both sides")
    assert (q.speaker, q.kind) == ("Li Ming", "transcript")
    assert "interpreter" not in q.text


def test_transcript_truncated_tag_asking_a_question(quotes_of: QuotesOf) -> None:
    # A source may ask a (rhetorical) question: that does not make them the interviewer.
    text = TRANSCRIPT.replace(
        "We hope that both sides can return to the table soon.",
        "Why can't both sides return to the table soon?",
    )
    q = only(quotes_of(text), "Why can't both sides return")
    assert (q.speaker, q.kind) == ("Li Ming", "transcript")


def test_transcript_surname_tag_resolved_from_narration(quotes_of: QuotesOf) -> None:
    q = only(quotes_of(TRANSCRIPT), "Nobody here believes")
    assert (q.speaker, q.kind) == ("Peter Kowalski", "transcript")


def test_transcript_narration_is_not_a_quotation(quotes_of: QuotesOf) -> None:
    quotes = quotes_of(TRANSCRIPT)
    assert not [q for q in quotes if q.speaker in ("Anna Smith", "Smith")]
    assert not [q for q in quotes if "Vienna" in q.text or "spoke after" in q.text or "answered" in q.text]
    assert len([q for q in quotes if q.kind == "transcript"]) == 3


def test_transcript_non_english_spoken_is_no_quotation(quotes_of: QuotesOf) -> None:
    quotes = quotes_of(TRANSCRIPT)
    assert not [q for q in quotes if "Non-English" in q.text or q.speaker == "Farmer"]


WEB_TRANSCRIPT = (
    "Anna Petrova, the chairwoman of the harbour board, gave a long interview to the weekly Coast Review.\n"
    "Question:\n"
    "Will the board raise the port fees before the winter?\n"
    "Petrova:\n"
    "We have no such plan. The fees stay where they are until the audit.\n"
    "Question:\n"
    "And after the audit?\n"
    "Petrova:\n"
    "Then we will talk to the shipping lines first, as we always do.\n"
)

TIMED_TRANSCRIPT = (
    "Port Strike: Full interview with the board's chairwoman Transcript\n\n"
    "Port Strike: Full interview with the chairwoman Transcript\n\n"
    "Speaker 1: (00:00)\n"
    "Good evening. The strike is in its third week. Will the board give way?\n\n"
    "Ines Varga: (00:41)\n"
    "No. We have made our offer and it is a fair one.\n\n"
    "Speaker 1: (01:02)\n"
    "Is that your last word?\n\n"
    "Ines Varga: (01:09)\n"
    "It is the board's last word, and I stand by it.\n"
)


PRESS_CONFERENCE = (
    "Foreign Ministry Spokesperson Li Ming's Regular Press Conference on March 3\n"
    "Harbour Daily News: The trade commissioner said on Monday that the new tariffs would stay. "
    "What's your comment?\n"
    "Li Ming: We have noted the reports. Tariffs hurt the countries that impose them as much as anyone.\n"
    "Our country firmly upholds free trade and the rules everyone agreed to.\n"
    "Coast TV: Will the minister travel to the summit next week?\n"
    "Li Ming: I have no information to release on that at the moment.\n"
    "Valley Radio: Is there any progress on the fishing talks?\n"
    "Li Ming: The talks go on. Both sides want a result before the season opens.\n"
)


def test_press_conference_questions_are_not_quotations_and_answers_run_over_paragraphs(
    quotes_of: QuotesOf,
) -> None:
    quotes = [q for q in quotes_of(PRESS_CONFERENCE) if q.kind == "transcript"]
    assert [(q.text, q.speaker) for q in quotes] == [
        (
            "We have noted the reports. Tariffs hurt the countries that impose them as much as anyone.",
            "Li Ming",
        ),
        ("Our country firmly upholds free trade and the rules everyone agreed to.", "Li Ming"),
        ("I have no information to release on that at the moment.", "Li Ming"),
        ("The talks go on. Both sides want a result before the season opens.", "Li Ming"),
    ]


def test_transcript_tag_alone_on_its_line_speaks_the_next_line(quotes_of: QuotesOf) -> None:
    quotes = quotes_of(WEB_TRANSCRIPT)
    assert summary(quotes) == [
        ("We have no such plan. The fees stay where they are until the audit.", "Anna Petrova", "transcript"),
        ("Then we will talk to the shipping lines first, as we always do.", "Anna Petrova", "transcript"),
    ]


def test_timed_transcript_tags_and_page_headings(quotes_of: QuotesOf) -> None:
    quotes = quotes_of(TIMED_TRANSCRIPT)
    assert [(q.text, q.speaker, q.speaker_title, q.kind) for q in quotes] == [
        ("No. We have made our offer and it is a fair one.", "Ines Varga", None, "transcript"),
        ("It is the board's last word, and I stand by it.", "Ines Varga", None, "transcript"),
    ]


# ------------------------------------------------------------------ indirect speech

INDIRECT = [
    (
        "Interior Minister Sofia Marin said that the new border checks would start in March.",
        "Sofia Marin",
        "said",
        "the new border checks would start in March",
    ),
    (
        "Asked about the sanctions, President Anton Kral responded that "
        "his government would not change its course.",
        "Anton Kral",
        "responded",
        "his government would not change its course",
    ),
    (
        "Finance Minister Ivo Berger stated that the country's debt would be halved within five years.",
        "Ivo Berger",
        "stated",
        "the country's debt would be halved within five years",
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "said"), INDIRECT, ids=["said_that", "responded_that", "stated_that"]
)
def test_indirect_speech(quotes_of: QuotesOf, text: str, speaker: str, cue: str, said: str) -> None:
    [q] = quotes_of(text + "\n")
    assert (q.speaker, q.kind, q.cue) == (speaker, "indirect", cue)
    assert q.text.rstrip(".") == said


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "said"), INDIRECT, ids=["said_that", "responded_that", "stated_that"]
)
def test_indirect_speech_left_out_on_request(
    quotes_of: QuotesOf, text: str, speaker: str, cue: str, said: str
) -> None:
    assert quotes_of(text + "\n", indirect=False) == []


def test_no_indirect_keeps_direct_quotes(quotes_of: QuotesOf) -> None:
    text = (
        "Interior Minister Sofia Marin said that the new border checks would start in March.\n"
        '"We are ready for the first day," Marin said.\n'
    )
    quotes = quotes_of(text, indirect=False)
    assert summary(quotes) == [("We are ready for the first day", "Sofia Marin", "direct")]


# ------------------------------------------------------------------ name resolution


def test_surname_resolved_to_full_name(quotes_of: QuotesOf) -> None:
    text = (
        "Professor Keith Hollander of Westfield University studies rivers. "
        '"The dams have changed the whole delta," Hollander said.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "Keith Hollander"
    assert q.speaker_title is not None and "Professor" in q.speaker_title
    assert "Professor" not in q.speaker


def test_pronoun_resolved_to_named_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "Economist Laura Brandt presented the report on Tuesday. "
        '"Wages have not kept up with rents in any city we studied," she said.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "Laura Brandt"


def test_pronoun_resolved_to_most_recent_compatible_speaker(quotes_of: QuotesOf) -> None:
    # Mr. Fischer is named last, but `she` can only be Ms. Brandt.
    text = (
        "Ms. Laura Brandt presented the report on Tuesday, and Mr. Tom Fischer listened from the front row. "
        '"Wages have not kept up with rents," she said.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "Laura Brandt"


def test_pronoun_he_after_two_people(quotes_of: QuotesOf) -> None:
    text = (
        "Ms. Laura Brandt presented the report on Tuesday, and Mr. Tom Fischer listened from the front row. "
        '"We will build more homes next year," he said.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "Tom Fischer"


def test_definite_description_resolved_to_person_named_before(quotes_of: QuotesOf) -> None:
    text = (
        'Veteran diplomat Xu Wenling urged Europe to "look beyond the old divisions" '
        "at a forum in Brussels.\n"
        "According to the state news agency, the Chinese ambassador to Belgium said Europe should "
        '"open a new chapter in its relations with Asia".\n'
    )
    quotes = quotes_of(text)
    first = only(quotes, "look beyond the old divisions")
    second = only(quotes, "open a new chapter")
    assert first.speaker == second.speaker == "Xu Wenling"
    assert second.kind == "partial"
    assert "ambassador" not in (second.speaker or "")


# ------------------------------------------------------------------ organisations


def test_city_as_speaker(quotes_of: QuotesOf) -> None:
    [q] = quotes_of('Beijing said the visit would "deepen mutual trust between the two countries."\n')
    assert (q.speaker, q.kind) == ("Beijing", "partial")


def test_ministry_as_speaker(quotes_of: QuotesOf) -> None:
    [q] = quotes_of('The Foreign Ministry said the report was "full of lies and groundless accusations."\n')
    assert q.speaker in ("Foreign Ministry", "the Foreign Ministry")
    assert q.text.startswith("full of lies")


# ------------------------------------------------------------------ quotation marks


def test_curly_double_marks(quotes_of: QuotesOf) -> None:
    [q] = quotes_of("\u201cOur harbour will stay open to every ship,\u201d said port director Elena Rossi.\n")
    assert (q.text, q.speaker, q.speaker_title) == (
        "Our harbour will stay open to every ship",
        "Elena Rossi",
        "port director",
    )


def test_curly_single_marks(quotes_of: QuotesOf) -> None:
    [q] = quotes_of("\u2018The weather ruined the whole harvest,\u2019 said farmer Jonas Weber.\n")
    assert (q.text, q.speaker) == ("The weather ruined the whole harvest", "Jonas Weber")


def test_single_inside_double(quotes_of: QuotesOf) -> None:
    text = (
        "\"The minister told us, 'We are not going to raise taxes this year,' and we believed him,\" "
        "said union leader Mark Doyle.\n"
    )
    quotes = quotes_of(text)
    outer = only(quotes, "The minister told us")
    assert outer.text.endswith("and we believed him")
    assert outer.speaker == "Mark Doyle"
    # The inner quotation is not a separate quotation of Mark Doyle's own words cut loose.
    assert all(
        q.start >= outer.start and q.end <= outer.end
        for q in quotes
        if q is not outer and q.kind != "indirect"
    )


STORM = (
    "The storm reached the coast on Sunday night.\n"
    'Residents called it "the worst in living memory, and many left their homes before dawn.\n'
    '"We lost the roof and the whole kitchen," said fisherman Aldo Conti.\n'
    "Rescue teams worked through Monday.\n"
    '"Nobody was hurt, and that is what matters most," said fire chief Maren Dahl.\n'
)


def test_stray_opening_mark_does_not_cost_later_paragraphs(quotes_of: QuotesOf) -> None:
    quotes = quotes_of(STORM)
    assert only(quotes, "We lost the roof").speaker == "Aldo Conti"
    assert only(quotes, "Nobody was hurt").speaker == "Maren Dahl"
    assert only(quotes, "We lost the roof").text == "We lost the roof and the whole kitchen"


def test_stray_closing_mark_does_not_cost_later_paragraphs(quotes_of: QuotesOf) -> None:
    text = (
        '"We lost the roof and the whole kitchen," said fisherman Aldo Conti. He walked to the pier." '
        "The water is still rising.\n"
        '"Nobody was hurt, and that is what matters most," said fire chief Maren Dahl.\n'
        '"The town will rebuild every house by summer," said Mayor Ines Varga.\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "We lost the roof").speaker == "Aldo Conti"
    assert only(quotes, "Nobody was hurt").speaker == "Maren Dahl"
    assert only(quotes, "The town will rebuild").speaker == "Ines Varga"


def test_inch_marks_are_not_quotation_marks(quotes_of: QuotesOf) -> None:
    text = (
        "The tallest wave reached the 6' 2\" mark on the pier wall.\n"
        '"We lost the roof and the whole kitchen," said fisherman Aldo Conti.\n'
        '"Nobody was hurt, and that is what matters most," said fire chief Maren Dahl.\n'
    )
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert summary(quotes) == [
        ("We lost the roof and the whole kitchen", "Aldo Conti", "direct"),
        ("Nobody was hurt, and that is what matters most", "Maren Dahl", "direct"),
    ]


# ------------------------------------------------------------------ not quotations


def test_title_in_non_speech_context_is_not_a_quote(quotes_of: QuotesOf) -> None:
    text = (
        'Voters in the state backed the policy "Make America Great Again" in large numbers, '
        "the survey found.\n"
    )
    assert [q for q in quotes_of(text) if q.kind != "indirect"] == []


def test_name_of_a_work_is_not_a_quote(quotes_of: QuotesOf) -> None:
    text = (
        'The museum opened an exhibition called "Light Over Water" last week. '
        "The curator, Ada Lindqvist, said visitors had come from every part of the country.\n"
    )
    assert not [q for q in quotes_of(text) if "Light Over Water" in q.text]


def test_scare_quotes_are_not_a_quote(quotes_of: QuotesOf) -> None:
    text = 'The so-called "peace dividend" never reached the small towns of the north.\n'
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Premier Ana Ruiz closed the notorious "carried interest" loophole in her first budget.\n',
        'The two governments signed the "no limits" partnership in February, months before the war began.\n',
    ],
)
def test_quoted_words_naming_a_noun_are_not_a_quote(quotes_of: QuotesOf, text: str) -> None:
    assert [q for q in quotes_of(text) if q.kind != "indirect"] == []


def test_quoted_words_that_act_are_nobody_s_words(quotes_of: QuotesOf) -> None:
    text = 'Tea Party "super PACs" backed by the tycoon Oleg Sorokin had seized on the tax as a weapon.\n'
    assert [(q.text, q.speaker) for q in quotes_of(text)] in ([], [("super PACs", None)])


def test_sign_up_boilerplate_is_not_a_quote(quotes_of: QuotesOf) -> None:
    text = (
        'The council approved the new park on Monday. "This park belongs to every child in the district," '
        "said councillor Ben Okafor.\n"
        "\n"
        "Sign up now for FREE unlimited access to our journalism\n"
        "Please enter a valid email\n"
        "Register for free to continue reading\n"
        "By clicking \u2018Register\u2019 you confirm that you have read and agree to our Terms of use.\n"
    )
    quotes = quotes_of(text)
    assert summary(quotes) == [("This park belongs to every child in the district", "Ben Okafor", "direct")]


def test_cookie_notice_is_not_a_quote(quotes_of: QuotesOf) -> None:
    text = (
        'The council approved the new park on Monday. "This park belongs to every child in the district," '
        "said councillor Ben Okafor.\n"
        "\n"
        'We use cookies to improve your experience. By clicking "Accept all cookies" you agree to the '
        "storing of cookies on your device.\n"
    )
    quotes = quotes_of(text)
    assert summary(quotes) == [("This park belongs to every child in the district", "Ben Okafor", "direct")]


@pytest.mark.parametrize(
    "text",
    [
        '"We do not accept that our position favours one side," Anna Ruiz said in a weekly newsletter.\n',
        '"We baked cookies for every family on the street," the organiser Ben Okafor said.\n',
    ],
)
def test_a_source_s_words_about_a_newsletter_or_cookies_are_no_boilerplate(
    quotes_of: QuotesOf, text: str
) -> None:
    assert len(quotes_of(text)) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our daily newsletter to get the news first",
        "By registering you also get exclusive newsletters and events",
        "This site uses cookies. Read our cookie policy.",
    ],
)
def test_page_furniture_about_newsletters_and_cookies_is_no_quotation(quotes_of: QuotesOf, line: str) -> None:
    text = f'"This park belongs to every child," said councillor Ben Okafor.\n\n"{line}," it says.\n'
    assert [q.text for q in quotes_of(text)] == ["This park belongs to every child"]


# ------------------------------------------------------------------ records


def test_offsets_context_and_stable_ids(quotes_of: QuotesOf) -> None:
    first, second = quotes_of(STORM), quotes_of(STORM)
    assert first and [q.id for q in first] == [q.id for q in second]
    assert len({q.id for q in first}) == len(first)
    for q in first:
        assert q.doc_id == "t.txt"
        assert q.text == STORM[q.start : q.end]
        assert q.text in q.context
        assert STORM[q.context_start : q.context_start + len(q.context)] == q.context
        assert q.context_start <= q.start and q.end <= q.context_start + len(q.context)


def test_ids_differ_between_documents(nlp: Language) -> None:
    text = '"We lost the roof and the whole kitchen," said fisherman Aldo Conti.\n'
    [a] = doc_to_quotes(nlp(text), "a.txt")
    [b] = doc_to_quotes(nlp(text), "b.txt")
    assert a.id != b.id


# ------------------------------------------------------------------ attribution rules added while measuring


def test_owner_of_a_noun_of_speech_is_the_speaker(quotes_of: QuotesOf) -> None:
    text = 'Fact-checkers examined Mayor Dana Reyes\'s claim of "record low crime in every district".\n'
    q = only(quotes_of(text), "record low crime")
    assert q.speaker == "Dana Reyes"


def test_as_someone_put_it(quotes_of: QuotesOf) -> None:
    text = 'The program rewards a "steady source of private income," as one senior analyst put it.\n'
    q = only(quotes_of(text), "steady source")
    assert q.speaker == "one senior analyst"


def test_role_description_prefers_the_person_introduced_with_that_title(quotes_of: QuotesOf) -> None:
    text = (
        "Sen. Maria Lopez met Governor Tom Field in the capital on Monday.\n\n"
        "Field spoke first about the budget and the roads.\n\n"
        'Later, the senator said the plan was "a good start but not enough."\n'
    )
    q = only(quotes_of(text), "a good start")
    assert q.speaker == "Maria Lopez"
    assert q.speaker_title == "senator"


def test_interviewer_of_a_transcript_is_not_a_source(quotes_of: QuotesOf) -> None:
    text = (
        "The minister Anna Berg spoke to the program on Sunday.\n\n"
        "DOYLE: Will the government raise taxes next year?\n\n"
        "BERG: We have no plans to raise taxes.\n\n"
        "DOYLE: And what about spending?\n\n"
        "BERG: Spending will stay flat.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Anna Berg", "transcript")] * 2


def test_press_conference_transcript_with_names_in_normal_case(quotes_of: QuotesOf) -> None:
    text = (
        "Foreign Ministry Spokesperson Ines Varga's Regular Press Conference on March 1\n\n"
        "Baltic Radio: It is reported that new sanctions are planned. What is your comment?\n\n"
        "Ines Varga: We firmly oppose unilateral sanctions.\n\n"
        "Reuters: Will the minister travel to Kyiv?\n\n"
        "Ines Varga: I have no information to release at the moment.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Ines Varga", "transcript", "We firmly oppose unilateral sanctions."),
        ("Ines Varga", "transcript", "I have no information to release at the moment."),
    ]


def test_lines_with_a_label_and_a_colon_are_no_transcript(quotes_of: QuotesOf) -> None:
    text = (
        "Poll: Varga leads in the north.\n\n"
        "Related: Nowak concedes the port vote.\n\n"
        "The mayor spoke on Monday.\n\n"
        "Related: Ruiz wins the runoff.\n\n"
        "Note: Figures are rounded.\n"
    )
    assert [q for q in quotes_of(text) if q.kind == "transcript"] == []


def test_participle_after_a_comma_belongs_to_the_clause_before(quotes_of: QuotesOf) -> None:
    text = "When the council voted on the plan, Norway stayed out, saying more talks should be held first.\n"
    [q] = quotes_of(text)
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Norway", "saying")
    assert q.text == "more talks should be held first"


def test_a_report_that_found_is_a_source(quotes_of: QuotesOf) -> None:
    text = (
        "An audit office report published in May found that the fund could not trace money "
        'that may have come from "smuggling, fraud or other crimes."\n'
    )
    q = only(quotes_of(text), "smuggling")
    assert (q.cue, q.speaker) == ("found", "audit office report")


def test_host_tag_alone_on_its_line_marks_a_narrator(quotes_of: QuotesOf) -> None:
    text = (
        "MARY COLE, HOST:\n\n"
        "Talks resume today. Here is the envoy, Ivo Petrov.\n\n"
        "IVO PETROV: We are ready to sign.\n\n"
        "COLE: When will that happen?\n\n"
        "PETROV: Soon, I hope.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ivo Petrov", "transcript")] * 2


def test_unidentified_speaker_turn_has_no_name(quotes_of: QuotesOf) -> None:
    text = (
        "ANNA SMITH, BYLINE: People lined up for bread.\n\n"
        "UNIDENTIFIED PERSON #1: We have waited since dawn.\n\n"
        "SMITH: The shop opened at noon.\n"
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.speaker_title, q.kind) == (None, "unidentified person #1", "transcript")
    assert q.text == "We have waited since dawn."


def test_capitalised_role_at_sentence_start_is_a_title(quotes_of: QuotesOf) -> None:
    text = "Analyst Tatiana Orlova says the message is meant for a domestic audience.\n"
    [q] = quotes_of(text)
    assert (q.speaker, q.speaker_title) == ("Tatiana Orlova", "Analyst")


def test_document_speaks_for_its_owner(quotes_of: QuotesOf) -> None:
    text = (
        "Lena Ortiz filed for review in March.\n"
        'Lena Ortiz\'s brief called the ruling "a plain misreading of the law."\n'
    )
    q = only(quotes_of(text), "a plain misreading")
    assert (q.speaker, q.cue) == ("Lena Ortiz", "called")


def test_statement_speaks_for_whoever_made_it(quotes_of: QuotesOf) -> None:
    text = (
        "The vote in the council went badly, which led the mayor, Mayor Ines Varga, to issue a statement "
        'that described the outcome as "a loss for every tenant."\n'
    )
    q = only(quotes_of(text), "a loss for every tenant")
    assert q.speaker == "Ines Varga"


def test_joint_subjects_speak_together(quotes_of: QuotesOf) -> None:
    text = 'Since the strike began, Marek Nowak and Ana Ruiz called the offer "an insult to the crews."\n'
    q = only(quotes_of(text), "an insult to the crews")
    assert q.speaker == "Marek Nowak and Ana Ruiz"


def test_organisation_keeps_its_whole_name_and_role(quotes_of: QuotesOf) -> None:
    text = (
        'Some 4,000 people joined the "sit-out" at noon, according to the march organizer Coalition for '
        "Clean Rivers (CCR).\n"
    )
    q = only(quotes_of(text), "sit-out")
    assert (q.speaker, q.speaker_title) == ("Coalition for Clean Rivers", "march organizer")


def test_speech_verb_in_a_when_clause_does_not_claim_the_quote(quotes_of: QuotesOf) -> None:
    text = (
        'The clip shows Paul Brandt saying at the hearing, "I never saw the invoice," when Ortiz '
        "asked him about the payments.\n"
    )
    q = only(quotes_of(text), "I never saw the invoice")
    assert q.speaker == "Paul Brandt"


def test_headline_quote_takes_the_speaker_of_the_same_words_in_the_body(quotes_of: QuotesOf) -> None:
    text = (
        "Port deal likened to 'selling the lighthouse' by critics.\n\n"
        'Harbour commissioner Ruth Okafor said the sale amounted to "selling the lighthouse" to pay for '
        "a season of repairs.\n"
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes if q.text == "selling the lighthouse"] == ["Ruth Okafor"] * 2


def test_second_fragment_shares_the_speaker_of_its_sentence(quotes_of: QuotesOf) -> None:
    text = (
        'Ines Varga has a word for the plan, "a gift to landlords," and for its cost: "they will never '
        'see it on the books."\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "they will never").speaker == only(quotes, "a gift").speaker == "Ines Varga"


def test_words_reported_by_a_speech_verb_are_not_its_topics(quotes_of: QuotesOf) -> None:
    text = 'Asked in March, 40 percent agreed that Ana Ruiz is "the right person for the harbour job."\n'
    q = only(quotes_of(text), "the right person")
    assert q.speaker is None


def test_a_share_of_a_group_is_a_described_speaker(quotes_of: QuotesOf) -> None:
    text = 'In the poll, 61 percent of likely voters agreed that the bridge is "a waste of public money."\n'
    q = only(quotes_of(text), "a waste of public money")
    assert q.speaker == "61 percent of likely voters"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Okafor said she expects the ferry to resume in May, which would end a long winter here.\n",
            "she expects the ferry to resume in May",
        ),
        (
            "Okafor said the council would review the contract and warned against any further delay.\n",
            "the council would review the contract",
        ),
        (
            "Okafor said the money could be better spent on the harbour, the town's oldest asset that "
            "still earns.\n",
            "the money could be better spent on the harbour",
        ),
        (
            "Okafor said skipping the audit was sensible, although she again refused to publish it.\n",
            "skipping the audit was sensible",
        ),
    ],
)
def test_reported_clause_leaves_out_the_reporters_additions(
    quotes_of: QuotesOf, text: str, reported: str
) -> None:
    indirect = [q for q in quotes_of(text) if q.kind == "indirect" and q.cue == "said"]
    assert [q.text for q in indirect] == [reported]


def test_participle_after_a_reported_clause_belongs_to_the_reporting_subject(quotes_of: QuotesOf) -> None:
    text = "Okafor said the tenants did not trust the landlord, arguing that the rent had doubled.\n"
    q = only(quotes_of(text), "the rent had doubled")
    assert (q.speaker, q.cue, q.kind) == ("Okafor", "arguing", "indirect")


def test_person_named_inside_a_quote_is_not_a_later_pronouns_referent(quotes_of: QuotesOf) -> None:
    text = (
        "Leila Haddad chairs the council.\n\n"
        '"They thought Marek Nowak would carry the vote, but Nowak failed," she said.\n\n'
        "She added that the turnout in the north was weaker than expected.\n"
    )
    q = only(quotes_of(text), "the turnout in the north")
    assert q.speaker == "Leila Haddad"


def test_pro_prefix_is_not_part_of_a_name(quotes_of: QuotesOf) -> None:
    text = (
        "Most voters seem more anti-Trump than pro-Haddad this year.\n\n"
        "Haddad told the audience that she believes the harbour must stay public.\n"
    )
    q = only(quotes_of(text), "she believes the harbour")
    assert q.speaker == "Haddad"


def test_relative_clause_before_the_reported_verb_stays(quotes_of: QuotesOf) -> None:
    text = "Police said the officer, who was placed on leave last week, was not wearing a camera.\n"
    [q] = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.text == "the officer, who was placed on leave last week, was not wearing a camera"


def test_it_refers_to_the_organisation_of_an_earlier_clause(quotes_of: QuotesOf) -> None:
    text = (
        "Although the World Bank did not name any country in its long and careful report on lending, it "
        'referenced "mounting debt risks" in poorer economies.\n'
    )
    q = only(quotes_of(text), "mounting debt risks")
    assert q.speaker == "World Bank"


def test_a_name_beside_a_verb_of_another_kind_does_not_speak(quotes_of: QuotesOf) -> None:
    text = 'Harbour Plan Stalls Again: Finishing "the long quay" remains the first aim of the port board.\n'
    q = only(quotes_of(text), "the long quay")
    assert q.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        'Ruth Okafor\'s column, "Leave the harbour to the fishermen," is the best thing in the paper.\n',
        'The documentary "when the river came back to town" opens in March.\n',
    ],
)
def test_title_of_a_work_after_its_noun_is_not_a_quote(quotes_of: QuotesOf, text: str) -> None:
    assert quotes_of(text) == []


def test_role_in_a_headline_is_the_person_the_article_names_with_it(quotes_of: QuotesOf) -> None:
    text = (
        "Harbour row: chief economist says port should 'stop the dredging now'\n\n"
        "The city's dredging plan drew fire on Monday.\n\n"
        '"We are digging out the foundations of the pier," said chief economist Omar Haddad.\n'
    )
    q = only(quotes_of(text), "stop the dredging now")
    assert (q.speaker, q.speaker_title) == ("Omar Haddad", "chief economist")


def test_hyphenated_names_keep_their_hyphen(quotes_of: QuotesOf) -> None:
    text = '"We will not be moved," said South Korean official Kim Soo-jin.\n'
    [q] = quotes_of(text)
    assert q.speaker == "Kim Soo-jin"


def test_two_word_surname_resolves_to_the_full_name(quotes_of: QuotesOf) -> None:
    text = (
        "Mayor Bill de Vries opened the session.\n\n"
        '"We have waited long enough," De Vries said at the start.\n'
    )
    q = only(quotes_of(text), "We have waited long enough")
    assert q.speaker == "Bill de Vries"


def test_she_skips_a_man_the_article_calls_mr(quotes_of: QuotesOf) -> None:
    text = (
        "Mr. Marek Nowak chaired the meeting, and Laura Brandt spoke first.\n\n"
        "Nowak then defended the budget at length.\n\n"
        '"We cannot keep cutting the ferries," she said.\n'
    )
    q = only(quotes_of(text), "We cannot keep cutting")
    assert q.speaker == "Laura Brandt"


def test_statement_from_an_organisation_speaks_for_it(quotes_of: QuotesOf) -> None:
    text = 'Talks ended.\n\n"We regret the decision," according to a statement from the Harbour Authority.\n'
    q = only(quotes_of(text), "We regret the decision")
    assert q.speaker == "Harbour Authority"


def test_an_unnamed_source_is_not_the_last_person_named(quotes_of: QuotesOf) -> None:
    text = (
        'Press secretary Laura Brandt said the city would "hold the contractor accountable."\n\n'
        '"Nobody wants another delay," a senior city official said on condition of anonymity.\n'
    )
    q = only(quotes_of(text), "Nobody wants another delay")
    assert q.speaker != "Laura Brandt"
    assert q.speaker == "senior city official"


def test_hyphenated_title_keeps_its_hyphen(quotes_of: QuotesOf) -> None:
    text = (
        'Meanwhile, NATO Secretary-General Jens Stoltenberg warned allies not to "underestimate the risks."\n'
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.speaker_title) == ("Jens Stoltenberg", "NATO Secretary-General")


def test_an_epithet_inside_a_quote_does_not_become_part_of_a_name(nlp: Language) -> None:
    text = (
        "Laura Brandt spoke in Ohio on Friday.\n\n"
        'Her rival tweeted: "Crooked Laura Brandt should never be president."\n\n'
        'Brandt said the attacks were "beneath the office."\n'
    )

    def epithet_in_name(
        doc: Doc,
    ) -> None:  # as NER sometimes reads an epithet inside a quotation as the name's
        quoted = doc.char_span(text.index("Crooked"), text.index(" should"), label="PERSON")
        doc.ents = [e for e in doc.ents if not (e.start < quoted.end and quoted.start < e.end)] + [quoted]

    quotes = quotes_despite(nlp, text, epithet_in_name)
    assert only(quotes, "beneath the office").speaker == "Laura Brandt"


def test_name_and_colon_introduce_a_quotation(quotes_of: QuotesOf) -> None:
    text = (
        '"We are cautiously optimistic," says Anna Kowalska, an analyst.\n\n'
        "Officials in Kyiv were less hopeful. Foreign Minister Dmytro Kuleba: "
        '"Nobody is negotiating in good faith."\n'
    )
    q = only(quotes_of(text), "Nobody is negotiating")
    assert (q.speaker, q.speaker_title, q.cue) == ("Dmytro Kuleba", "Foreign Minister", ":")


def test_including_clause_is_not_part_of_a_described_speaker(quotes_of: QuotesOf) -> None:
    text = 'Her critics, including several council members, have called the plan "a giveaway."\n'
    q = only(quotes_of(text), "a giveaway")
    assert q.speaker == "Her critics"


def test_role_word_before_an_unrecognised_name_is_a_title(quotes_of: QuotesOf) -> None:
    text = '"It is a test," European Commission President Ursula von der Leyen told lawmakers.\n'
    q = only(quotes_of(text), "It is a test")
    assert (q.speaker, q.speaker_title) == ("Ursula von der Leyen", "European Commission President")


def test_name_with_a_role_apposition_is_a_person(quotes_of: QuotesOf) -> None:
    text = (
        "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, "
        'said the test "cannot be left without consequences."\n\n'
        '"We will not wait," he said.\n'
    )
    quotes = quotes_of(text)
    first, second = only(quotes, "cannot be left"), only(quotes, "We will not wait")
    assert (first.speaker, first.speaker_title) == ("Jean-Marc Ayrault", "foreign minister of France")
    assert second.speaker == "Jean-Marc Ayrault"


def test_description_in_a_coordinated_clause_keeps_its_own_words(quotes_of: QuotesOf) -> None:
    text = (
        'The Kremlin said it would "honor its commitments," but Russian officials warned that the '
        'sanctions were "an obstacle to any deal."\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "honor its commitments").speaker == "Kremlin"
    assert only(quotes, "an obstacle").speaker == "Russian officials"


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz declined to say whether the council would approve the budget next week.\n",
        "Ruiz would not say that the council had approved the budget in secret.\n",
        "But Mayor Ruiz isn't saying if the council broke any rules last year.\n",
    ],
)
def test_withheld_speech_is_no_reported_statement(quotes_of: QuotesOf, text: str) -> None:
    assert [q for q in quotes_of(text) if q.kind == "indirect"] == []


def test_subordinate_clause_with_its_own_subject_keeps_its_speaker(quotes_of: QuotesOf) -> None:
    text = (
        'Norway on Wednesday called on all parties to "remain calm" over the dispute, as Western '
        "governments warned that the talks could collapse within days.\n"
    )
    [q] = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert (q.speaker, q.text) == ("Western governments", "the talks could collapse within days")


def test_they_refers_to_the_group_the_sentence_is_about(quotes_of: QuotesOf) -> None:
    text = (
        "Parliament said it would review the cap next month. Proponents, including the Harbour Renters "
        "Union, have urged Parliament to leave the cap intact, although they say they support some of the "
        "changes.\n"
    )
    q = only(quotes_of(text), "they support")
    assert q.speaker == "Proponents"


def test_each_refers_back_to_the_joint_subject(quotes_of: QuotesOf) -> None:
    text = (
        "Marek Nowak and Laura Brandt vied for the title of harbour master Wednesday, each touting their own "
        "experience and saying the other lacks the judgment to run the port.\n"
    )
    [q] = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.speaker == "Marek Nowak and Laura Brandt"


def test_role_noun_beside_a_name_is_its_title(quotes_of: QuotesOf) -> None:
    text = (
        'Speaking in Leeds, the Transport Secretary, Laura Brandt, said: "The trains will run."\n\n'
        '"We have the money," said David Okafor, a lawyer for the rail unions.\n'
    )
    quotes = quotes_of(text)
    brandt, okafor = only(quotes, "The trains will run"), only(quotes, "We have the money")
    assert (brandt.speaker, brandt.speaker_title) == ("Laura Brandt", "Transport Secretary")
    assert (okafor.speaker, okafor.speaker_title) == ("David Okafor", "lawyer for the rail unions")


def test_doubled_single_marks_quote_like_double_ones(quotes_of: QuotesOf) -> None:
    text = "''We have admiration for the plan,'' Ms. Laura Brandt said. ''But it is incomplete.''\n"
    quotes = quotes_of(text)
    assert summary(quotes) == [
        ("We have admiration for the plan", "Laura Brandt", "direct"),
        ("But it is incomplete.", "Laura Brandt", "direct"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The tax is what has become known as the "Okafor rule" after its author.\n',
        'She closed the evening with the old harbour anthem "bring the boats home again" to loud cheers.\n',
    ],
)
def test_names_of_terms_and_works_are_not_quotes(quotes_of: QuotesOf, text: str) -> None:
    assert quotes_of(text) == []


def test_his_claim_is_the_claim_of_the_person_he_refers_to(quotes_of: QuotesOf) -> None:
    text = (
        "Marek Nowak spoke on Monday.\n\n"
        'Contrary to his claim that voters would "learn nothing," the records were useful.\n'
    )
    q = only(quotes_of(text), "learn nothing")
    assert q.speaker == "Marek Nowak"


def test_a_document_that_reads_speaks(quotes_of: QuotesOf) -> None:
    text = '"The harbour must stay public," the letter reads. "We will not sell it."\n'
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind) for q in quotes] == [("letter", "direct"), ("letter", "direct")]


def test_it_refers_to_the_institution_of_the_sentence_before(quotes_of: QuotesOf) -> None:
    text = (
        "Laura Brandt's campaign is defending her tweets about the port. It is denouncing what it calls "
        '"the biggest smear of the season."\n'
    )
    q = only(quotes_of(text), "the biggest smear")
    assert q.speaker == "Laura Brandt's campaign"


def test_stray_marks_anywhere_never_make_the_rules_fail(nlp: Language) -> None:
    """Seed text cut at random places with quotation marks, dashes and breaks thrown in at random."""
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("seeds/*.txt"))]
    marks = ['"', "“", "”", "'", "‘", "’", "''", ":", "—", " -- ", "\n", "\n\n", "(", ")", ",", ";"]
    snippets = []
    for _ in range(120):
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        chars = list(text[start : start + rng.randrange(20, 1200)])
        for _ in range(rng.randrange(12)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(marks))
        snippets.append("".join(chars))
    failures = [doc._.stancetool_error for doc in nlp.pipe(snippets) if doc._.stancetool_error]
    assert failures == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'MOSCOW — Russia\'s central bank raised rates on Friday, citing "inflationary pressure."\n',
            "Russia's central bank",
        ),
        (
            'HARBOURTON -- Mayor Ines Varga, opening the quay Saturday, said it would "change the town."\n',
            "Ines Varga",
        ),
    ],
)
def test_a_dateline_is_not_a_speaker(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    [q] = [q for q in quotes_of(text) if q.kind == "partial"]
    assert q.speaker == speaker


def test_reported_clause_running_into_a_quotation_is_left_to_the_partial_quote(quotes_of: QuotesOf) -> None:
    text = (
        "The Indiana senator said Democrats and the press are to blame for focusing on "
        "“she said this, she posted that.”\n"
    )
    quotes = quotes_of(text)
    assert [q.kind for q in quotes] == ["partial"]
    assert quotes[0].text == "she said this, she posted that."


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Varga said the board needs a contingency plan in case Hungary’s most important partner were "
            "to turn hostile.\n",
            "the board needs a contingency plan in case Hungary’s most important partner were to turn "
            "hostile",
        ),
        (
            "Laura Brandt said she felt the 13th Amendment was worth examining because “most people don’t "
            "know about that clause,” she said.\n",
            None,  # the whole report holds a quotation: the partial quotation carries it
        ),
    ],
)
def test_reported_clause_the_parser_cut_inside_a_noun_runs_on(
    quotes_of: QuotesOf, text: str, reported: str | None
) -> None:
    indirect = [q.text for q in quotes_of(text) if q.kind == "indirect"]
    assert indirect == ([reported] if reported else [])


def test_passive_speech_without_an_agent_names_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "The fight is over the closure of dozens of rural clinics, in what is being described as a "
        '"slow retreat" from the countryside.\n'
    )
    assert only(quotes_of(text), "slow retreat").speaker is None


def test_passive_speech_with_an_agent_names_the_agent(quotes_of: QuotesOf) -> None:
    text = 'The plan was described as "a tax on the poor" by Ines Varga, the mayor.\n'
    assert only(quotes_of(text), "a tax on the poor").speaker == "Ines Varga"


def test_a_describing_subject_speaks_for_itself_not_for_a_later_clause(quotes_of: QuotesOf) -> None:
    text = (
        "The auditors reported that the port holds $4.2 billion in reserves and would owe $1.1 billion if "
        "the law changed; Baltica Freight holds $900 million offshore.\n"
    )
    q = only(quotes_of(text), "the port holds")
    assert (q.speaker, q.cue) == ("auditors", "reported")


def test_many_of_whom_speaks_for_the_group_it_shares(quotes_of: QuotesOf) -> None:
    text = (
        "The plan has angered the parents of the pupils, many of whom say the new timetable is unworkable "
        "for families.\n"
    )
    assert only(quotes_of(text), "the new timetable").speaker == "parents of the pupils"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The mayor denounces the port closure, others vow protests.\n", None),
        ("The toll will hurt the harbour, Nowak told reporters.\n", "The toll will hurt the harbour"),
    ],
)
def test_a_cue_after_the_clause_reports_it_only_without_an_object_of_its_own(
    quotes_of: QuotesOf, text: str, reported: str | None
) -> None:
    indirect = [q.text for q in quotes_of(text) if q.kind == "indirect"]
    assert indirect == ([reported] if reported else [])


def test_a_named_person_beats_a_second_subject_the_parser_added(quotes_of: QuotesOf) -> None:
    text = (
        "THE SAVINGS Back when she ran the fund, Ms. Ines Varga said that she considered gold a poor bet.\n"
    )
    assert only(quotes_of(text), "she considered gold").speaker == "Ines Varga"


def test_withheld_speech_reaches_through_a_conjunction(quotes_of: QuotesOf) -> None:
    text = "Nowak refused to release his records or explain that his wife was a citizen.\n"
    assert [q for q in quotes_of(text) if q.kind == "indirect"] == []


def test_a_name_the_tagger_took_for_a_verb_is_still_the_person(nlp: Language) -> None:
    """Model mistakes forced on purpose: `Nowak` tagged as a verb, not marked as a person, and with
    `this week` hung on it."""
    text = (
        "Marek Nowak met the mayor on Monday.\n\n"
        "Nowak this week also said he would consider naming Ines Varga to the board.\n"
    )

    def name_as_verb(doc: Doc) -> None:
        nowak = word(doc, "Nowak", 1)
        nowak.tag_ = "VB"
        doc.ents = [e for e in doc.ents if e.start != nowak.i]
        word(doc, "week").head, word(doc, "week").dep_ = nowak, "npadvmod"

    [q] = quotes_despite(nlp, text, name_as_verb)
    assert (q.speaker, q.text) == ("Marek Nowak", "he would consider naming Ines Varga to the board")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        (
            'The mayor\'s cousin, Ines Varga, said the port "will close soon."\n',
            "Ines Varga",
            "mayor's cousin",
        ),
        ('The carrier, Baltica Freight, said the port "will close soon."\n', "Baltica Freight", "carrier"),
    ],
)
def test_the_name_beside_a_description_speaks(
    quotes_of: QuotesOf, text: str, speaker: str, title: str
) -> None:
    q = only(quotes_of(text), "will close soon")
    assert (q.speaker, q.speaker_title) == (speaker, title)


def test_british_single_quotes_with_apostrophes_inside(quotes_of: QuotesOf) -> None:
    text = (
        "‘We don’t accept Russia’s claims, and we won’t trade our land,’ said the minister, Ines Varga. "
        "‘It’s as simple as that.’\n"
    )
    assert summary(quotes_of(text)) == [
        ("We don’t accept Russia’s claims, and we won’t trade our land", "Ines Varga", "direct"),
        ("It’s as simple as that.", "Ines Varga", "direct"),
    ]


def test_a_name_beside_the_subject_is_what_a_later_pronoun_refers_to(quotes_of: QuotesOf) -> None:
    text = (
        "‘We won’t trade our land for a ceasefire,’ Marek Nowak told reporters on Tuesday.\n\n"
        "The Kremlin spokesman, Dmitry Peskov, dismissed the remarks. ‘Their position changes nothing,’ "
        "he said.\n"
    )
    assert only(quotes_of(text), "Their position").speaker == "Dmitry Peskov"


@pytest.mark.parametrize(
    ("text", "speaker", "reported"),
    [
        (
            "The Kremlin said in a readout of the call that Nowak had briefed Varga on the situation.\n",
            "Kremlin",
            "Nowak had briefed Varga on the situation",
        ),
        (
            "The White House said in a statement on the call that Ruiz had raised human rights.\n",
            "White House",
            "Ruiz had raised human rights",
        ),
        (
            "Lavrov said in an interview with state television that the West was to blame.\n",
            "Lavrov",
            "the West was to blame",
        ),
    ],
)
def test_said_in_a_statement_that_reports_the_clause(
    quotes_of: QuotesOf, text: str, speaker: str, reported: str
) -> None:
    indirect = [(q.speaker, q.text) for q in quotes_of(text) if q.kind == "indirect"]
    assert indirect == [(speaker, reported)]


def test_the_one_quoted_as_saying_speaks(quotes_of: QuotesOf) -> None:
    text = (
        "Prime Minister Ines Varga met the union on Monday.\n\n"
        'State television quoted Varga as saying that the two sides should "keep talking until it is '
        'settled".\n'
    )
    q = only(quotes_of(text), "keep talking")
    assert (q.speaker, q.cue) == ("Ines Varga", "saying")


def test_a_wire_dateline_is_no_part_of_a_title(quotes_of: QuotesOf) -> None:
    text = (
        "WARSAW/VILNIUS (Reuters) - Polish President Ines Varga told Lithuanian President Marek Nowak on "
        'Wednesday that Poland was ready to "keep the border open", state media reported.\n'
    )
    q = only(quotes_of(text), "keep the border open")
    assert (q.speaker, q.speaker_title) == ("Ines Varga", "Polish President")


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            'Varga warned that the town would face "consequences" if it raised the toll.\n',
            'the town would face "consequences" if it raised the toll',
        ),
        ("Nowak told the union that the fleet is “depleted”.\n", "the fleet is “depleted”"),
    ],
)
def test_a_report_whose_only_quoted_word_is_a_term_stays_a_report(
    quotes_of: QuotesOf, text: str, reported: str
) -> None:
    assert [(q.kind, q.text) for q in quotes_of(text)] == [("indirect", reported)]


def test_a_name_before_an_inserted_clause_speaks(quotes_of: QuotesOf) -> None:
    text = (
        "Lithuanian Foreign Ministry spokeswoman Ines Varga, asked about the strike at a daily briefing in "
        "Vilnius, said Lithuania’s position on the toll “is consistent and clear.”\n"
    )
    assert only(quotes_of(text), "is consistent").speaker == "Ines Varga"


def test_an_opening_phrase_is_no_part_of_the_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "In a post on Telegram, Poland’s border guard agency said migrants had crossed the river near the "
        "Bug valley.\n"
    )
    assert only(quotes_of(text), "migrants had crossed").speaker == "Poland’s border guard agency"


def test_pointed_out_that_reports_the_clause(quotes_of: QuotesOf) -> None:
    text = "Varga pointed out that Poland and Lithuania are each other's largest neighbour.\n"
    q = only(quotes_of(text), "Poland and Lithuania")
    assert (q.speaker, q.cue, q.kind) == ("Varga", "pointed", "indirect")


@pytest.mark.parametrize(
    ("text", "speaker", "reported"),
    [
        (
            "According to Ines Varga, Poland's position on the toll is consistent and clear.\n",
            "Ines Varga",
            "Poland's position on the toll is consistent and clear",
        ),
        (
            "The talks collapsed on Friday, according to two officials familiar with the matter.\n",
            "two officials familiar with the matter",
            "The talks collapsed on Friday",
        ),
    ],
)
def test_according_to_reports_the_rest_of_the_sentence(
    quotes_of: QuotesOf, text: str, speaker: str, reported: str
) -> None:
    q = only(quotes_of(text), reported)
    assert (q.speaker, q.cue, q.kind) == (speaker, "according to", "indirect")


@pytest.mark.parametrize(
    "text",
    [
        'Pressure is building on the mayor, who was greeted with chants of "Ines!" at a labor conference in '
        "Gdansk last month, according to union president Marek Nowak.\n",
        "Police have said they have no plans to release the recordings, according to attorneys for the "
        "family.\n",
    ],
)
def test_according_to_a_fragment_or_to_a_report_adds_no_report(quotes_of: QuotesOf, text: str) -> None:
    assert [q.cue for q in quotes_of(text) if q.cue == "according to"] == []


def test_which_after_a_name_refers_to_it_where_the_parser_saw_no_relative_clause(nlp: Language) -> None:
    """A parser mistake forced on purpose: `which reported` hung on `turned`, as no relative clause."""
    text = (
        "Fact checkers said the claim was false and asked for the records.\n\n"
        "To settle it, they turned to the Vilnius Port Authority which reported “2,521 delayed ships” in "
        "the harbour between January and May.\n"
    )
    quotes = quotes_despite(nlp, text, lambda doc: attach(doc, "reported", "turned", "advcl"))
    assert only(quotes, "2,521").speaker == "Vilnius Port Authority"


def test_a_trailing_attribution_the_parser_joined_as_a_second_clause(quotes_of: QuotesOf) -> None:
    text = (
        "Lithuania is ready for talks on the border, but only on the basis of the new realities, Foreign "
        "Minister Ines Varga told reporters on Friday.\n"
    )
    q = only(quotes_of(text), "Lithuania is ready")
    assert (q.text, q.speaker, q.kind) == (
        "Lithuania is ready for talks on the border, but only on the basis of the new realities",
        "Ines Varga",
        "indirect",
    )


def test_a_pronoun_falls_back_to_a_person_its_paragraph_names_in_any_role(quotes_of: QuotesOf) -> None:
    text = (
        "On a cold morning in Kharkiv, Oksana Melnyk, 63, sweeps broken glass from her kitchen floor. "
        '"Every night we wait for the sirens," she says.\n'
    )
    assert only(quotes_of(text), "Every night").speaker == "Oksana Melnyk"


@pytest.mark.parametrize(
    ("text", "word", "speaker", "title"),
    [
        (
            'Ms Zakharova, the foreign ministry spokeswoman, called the Western reaction "predictable".\n',
            "predictable",
            "Zakharova",
            "foreign ministry spokeswoman",
        ),
        ('Ines Varga described the toll as "unacceptable" on Monday.\n', "unacceptable", "Ines Varga", None),
    ],
)
def test_one_quoted_word_is_a_quotation_of_the_named_speaker_whose_verb_says_it(
    quotes_of: QuotesOf, text: str, word: str, speaker: str, title: str | None
) -> None:
    q = only(quotes_of(text), word)
    assert (q.speaker, q.speaker_title, q.kind) == (speaker, title, "partial")


@pytest.mark.parametrize(
    "text",
    [
        'The "reset" with Moscow failed within a year, analysts said.\n',
        'Critics called it a "reset" that never happened.\n',
    ],
)
def test_one_quoted_word_alone_is_a_term(quotes_of: QuotesOf, text: str) -> None:
    assert [q for q in quotes_of(text) if q.text.strip(".") == "reset"] == []


def test_an_embedded_post_is_a_quotation_of_its_author(quotes_of: QuotesOf) -> None:
    text = (
        "The minister answered within minutes.\n\n"
        "The port must stay open to every ship. pic.twitter.com/AbC123xyz — Ines Varga (@inesvarga) "
        "February 24, 2023\n\n"
        "The post was shared thousands of times.\n"
    )
    [q] = quotes_of(text)
    assert (q.text, q.speaker, q.speaker_title, q.cue, q.kind) == (
        "The port must stay open to every ship.",
        "Ines Varga",
        None,
        "posted",
        "direct",
    )


def test_an_age_beside_a_name_is_no_title(quotes_of: QuotesOf) -> None:
    text = '"Every night we wait for the sirens," said Oksana Melnyk, 63.\n'
    q = only(quotes_of(text), "Every night")
    assert (q.speaker, q.speaker_title) == ("Oksana Melnyk", None)


def test_the_clause_before_a_colon_names_the_speaker_in_brackets(quotes_of: QuotesOf) -> None:
    text = (
        '"The port will reopen," Marek Nowak said on Monday.\n\n'
        'The mayor\'s chief of staff (Ines Varga) was blunter: "The port will stay shut."\n'
    )
    q = only(quotes_of(text), "The port will stay shut")
    assert (q.speaker, q.speaker_title) == ("Ines Varga", "mayor's chief of staff")


def test_one_official_is_an_unnamed_source_not_the_last_person_named(quotes_of: QuotesOf) -> None:
    text = (
        '"The toll is fair," Marek Nowak said.\n\n'
        'Others are less sure. As one European diplomat put it: "The port is playing a long game."\n'
    )
    q = only(quotes_of(text), "The port is playing")
    assert (q.speaker, q.speaker_title) == ("one European diplomat", None)


def test_an_honorific_gives_way_to_the_role_the_article_gave(quotes_of: QuotesOf) -> None:
    text = (
        "Hungary's Prime Minister Viktor Orbán, a frequent critic of the sanctions, was more cautious.\n\n"
        '"Sanctions have hurt Europe more than Russia," Mr. Orbán said in Budapest.\n'
    )
    q = only(quotes_of(text), "Sanctions have hurt")
    assert (q.speaker, q.speaker_title) == ("Viktor Orbán", "Hungary's Prime Minister")


def test_a_stray_mark_inside_a_speaker_name_costs_nothing(nlp: Language) -> None:
    text = (
        'According to a statement from the Polish ”Foreign Ministry, Warsaw "highly values" Vilnius\'s '
        '"calm".\n'
    )
    doc = nlp(text)
    assert doc._.stancetool_error is None
    assert doc_to_quotes(doc, "t.txt", indirect=True)


def test_the_role_in_a_transcript_tag_is_the_title(quotes_of: QuotesOf) -> None:
    text = (
        "ANNA BERG, HOST: Welcome to the program.\n\n"
        "MAREK NOWAK, POLISH FOREIGN MINISTER: Not while foreign troops are on our land.\n\n"
        "BERG: And the peace plan?\n\n"
        "NOWAK: We read it carefully.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.speaker_title) for q in quotes] == [("Marek Nowak", "Polish Foreign Minister")] * 2


def test_question_and_answer_interview(quotes_of: QuotesOf) -> None:
    text = (
        "Foreign Minister Ines Varga spoke to the Baltic Herald about the war.\n\n"
        "Q: Will Lithuania support the peace plan?\n\n"
        "A: We read it carefully. Some points are good.\n\n"
        "Q: And sanctions?\n\n"
        "A: Sanctions must stay until the troops withdraw.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Ines Varga", "transcript", "We read it carefully. Some points are good."),
        ("Ines Varga", "transcript", "Sanctions must stay until the troops withdraw."),
    ]


def test_rejecting_or_dismissing_as_a_word_is_speech(quotes_of: QuotesOf) -> None:
    text = 'Russia\'s ambassador to Finland, Pavel Kuznetsov, rejected the accusation as "absurd".\n'
    q = only(quotes_of(text), "absurd")
    assert (q.speaker, q.cue) == ("Pavel Kuznetsov", "rejected")


def test_a_report_inside_an_embedded_post_is_not_quoted_again(quotes_of: QuotesOf) -> None:
    text = (
        "The minister answered.\n\n"
        "The council said that the port must stay open to every ship. pic.twitter.com/AbC — Ines Varga "
        "(@inesvarga) May 1, 2023\n"
    )
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("direct", "Ines Varga")]


def test_a_person_of_an_organisation_speaks_when_the_parser_made_the_organisation_the_subject(
    nlp: Language,
) -> None:
    """Model mistake forced on purpose: `Kowalski` hung on `Trust`, and `Trust` made the subject."""
    text = 'Marta Kowalski of the Riverside Trees Trust said the comments were "appalling".\n'

    def organisation_as_subject(doc: Doc) -> None:
        attach(doc, "Kowalski", "Trust", "nmod")
        attach(doc, "Trust", "said", "nsubj")

    [q] = quotes_despite(nlp, text, organisation_as_subject)
    assert (q.speaker, q.speaker_title) == ("Marta Kowalski", "Riverside Trees Trust")


def test_a_role_written_with_capitals_is_no_name(quotes_of: QuotesOf) -> None:
    text = (
        "Chief Executive Tomas Berg took charge of the port authority in May.\n\n"
        'The authority\'s Chief Executive apologised for the delays, calling them "wholly unacceptable".\n'
    )
    [q] = quotes_of(text)
    assert (q.text, q.speaker, q.speaker_title) == (
        "wholly unacceptable",
        "Tomas Berg",
        "authority's Chief Executive",
    )


def test_a_name_ending_a_role_phrase_is_the_speaker(nlp: Language) -> None:
    """Model mistake forced on purpose: the name hung on `for` as its object, `affairs` on the name."""
    text = '"We still see a way out," France\'s minister for European affairs Paul Girard told the radio.\n'

    def name_in_the_role(doc: Doc) -> None:
        attach(doc, "Girard", "for", "pobj")
        attach(doc, "affairs", "Girard", "compound")
        attach(doc, "minister", "told", "nsubj")

    [q] = quotes_despite(nlp, text, name_in_the_role)
    assert (q.speaker, q.speaker_title) == ("Paul Girard", "France's minister for European affairs")


def test_a_spokeswoman_for_a_person_is_not_that_person(quotes_of: QuotesOf) -> None:
    text = "A spokeswoman for Anna Petrova said the minister had not received the letter.\n"
    [q] = quotes_of(text)
    assert q.speaker != "Anna Petrova"


def test_his_office_is_the_named_person_s_office(quotes_of: QuotesOf) -> None:
    text = (
        "President Paul Girard called the prime minister on Sunday, and afterwards his office said that both "
        "leaders were open to the idea.\n"
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.text) == ("Paul Girard's office", "both leaders were open to the idea")


def test_partial_quote_without_a_cue_goes_to_the_speaker_of_the_sentence_before(quotes_of: QuotesOf) -> None:
    text = (
        'Lars Holm added that "the harder the fighting gets, the more willing they will be to talk." '
        'However, he doesn\'t "expect any talks before the winter."\n'
    )
    assert only(quotes_of(text), "expect any talks before").speaker == "Lars Holm"


def test_partial_quote_in_a_clause_about_someone_else_is_not_borrowed(quotes_of: QuotesOf) -> None:
    text = (
        'The fact-checkers looked at Mayor Anna Petrova\'s claim of "thousands of break-ins" in the city. '
        'They checked the police figures and found there had been "2,104 reported burglaries" in the year.\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "2,104 reported burglaries").speaker != "Anna Petrova"


def test_a_speech_verb_that_reports_nothing_is_no_cue(quotes_of: QuotesOf) -> None:
    text = (
        "'Midnight massacre' that saw 90 trees felled in the dark without telling anyone cost the city "
        "at least £2m.\n"
    )
    assert [q for q in quotes_of(text) if q.speaker == "90 trees" or q.cue == "telling"] == []


def test_the_official_is_the_anonymous_official_introduced_before(quotes_of: QuotesOf) -> None:
    text = (
        "The government may add new tariffs on steel next year, a senior trade official said on Tuesday.\n"
        '"Expect the duties to go up," the official, speaking on condition of anonymity, told the '
        "Courier.\n"
    )
    assert {q.speaker for q in quotes_of(text)} == {"senior trade official"}


def test_the_ministry_is_the_ministry_named_before(quotes_of: QuotesOf) -> None:
    text = (
        "Norway's Ministry of Foreign Affairs released a statement on the border incident on Monday.\n"
        '"Any step across the border will be met with a firm response," the ministry said.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "Norway's Ministry of Foreign Affairs"


def test_it_said_at_a_paragraph_start_is_the_institution_the_lead_opened_with(quotes_of: QuotesOf) -> None:
    text = (
        "Norway's Ministry of Foreign Affairs has released a statement on the incident at the northern "
        "border crossing.\n\n"
        '"The border guards recorded three violations of the border on Saturday night," it said on Sunday.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker is not None and "Ministry of Foreign Affairs" in q.speaker


def test_the_statement_continued_is_whoever_issued_it(quotes_of: QuotesOf) -> None:
    text = (
        '"Many reports from the region cast doubt on these figures," the Coast Guard Office said in a '
        "statement.\n\n"
        '"Time and again the numbers have been wrong," the statement continued.\n'
    )
    assert {q.speaker for q in quotes_of(text)} == {"Coast Guard Office"}


def test_a_subject_the_parser_hung_on_a_name_before_it_speaks(nlp: Language) -> None:
    """Model mistake forced on purpose: `Forces` an apposition of `News`, `said` left without a subject."""
    text = 'In a statement to Coast News, the Harbour Defense Forces said it "acts against smugglers only".\n'
    quotes = quotes_despite(nlp, text, lambda doc: attach(doc, "Forces", "News", "appos"))
    [q] = [q for q in quotes if q.kind == "partial"]
    assert q.speaker == "Harbour Defense Forces"


def test_he_in_an_article_that_never_names_him_is_the_role_it_is_about(quotes_of: QuotesOf) -> None:
    text = (
        "A fiery coach made headlines over the weekend after a protest on the sidelines.\n"
        "The coach's actions earned him a yellow card, but he remained unapologetic. "
        '"We scored, and everybody in the ground saw it," he said after the match.\n'
    )
    [q] = quotes_of(text)
    assert q.speaker == "coach"


def test_the_object_of_prompting_or_forcing_is_who_speaks(quotes_of: QuotesOf) -> None:
    text = (
        "Senator Anna Petrova forced the bank's chief executive, Lars Holm, to admit that no one had been "
        "held accountable.\n"
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.text) == ("Lars Holm", "no one had been held accountable")


def test_the_speech_verb_that_a_colon_ends_introduces_the_words(quotes_of: QuotesOf) -> None:
    text = (
        'The ministry voiced "deep astonishment" at the remarks by envoy Lars Holm, prompting him to '
        'write in a post: "Clearly I still have a lot to learn about tact."\n'
    )
    q = only(quotes_of(text), "Clearly I still have")
    assert (q.speaker, q.cue) == ("Lars Holm", "write")


def test_a_person_before_an_apposition_naming_an_institution_speaks(quotes_of: QuotesOf) -> None:
    text = (
        '"The results surprised even us," lead author Daniel Okafor, '
        "director of the Centre for Sleep and Memory Research at Northfield University of Technology "
        "in Ohio, told The Courier.\n"
    )
    [q] = quotes_of(text)
    assert q.speaker == "Daniel Okafor"


def test_a_dateline_with_a_colon_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        '"New tariffs will not change our course," says Anna Petrova\n'
        'OSLO: The government "will not bend" to foreign pressure, the country\'s trade minister told a '
        "newspaper.\n"
    )
    quotes = quotes_of(text)
    assert only(quotes, "will not bend").speaker != "OSLO"


def test_a_role_the_parser_hung_on_a_place_before_it_speaks(nlp: Language) -> None:
    """Model mistake forced on purpose: `ambassador` an apposition of `Ukraine`, `told` without a subject."""
    text = (
        '"We stay calm," says Viktor Orlov\n'
        'Moscow "does not care" about sanctions if it were to invade Ukraine, Russia\'s ambassador to Sweden '
        "told a newspaper.\n"
    )

    def role_as_apposition(doc: Doc) -> None:
        attach(doc, "ambassador", "Ukraine", "appos")

    quotes = quotes_despite(nlp, text, role_as_apposition)
    assert only(quotes, "does not care").speaker == "Viktor Orlov"


def test_he_after_a_report_is_the_reporter_not_the_person_reported_on(quotes_of: QuotesOf) -> None:
    text = (
        "Kremlin spokesman Pavel Sokolov spoke to reporters on Friday.\n\n"
        "He also announced that Kyrgyzstan's President Sadyr Zhaparov will visit Moscow next week, but did "
        "not confirm the visit of Armenian Prime Minister Nikol Pashinyan.\n\n"
        'His visit plans are being discussed, "but there is no final agreement," he said.\n'
    )
    assert only(quotes_of(text), "but there is no final").speaker == "Pavel Sokolov"


def test_a_speech_verb_in_a_relative_clause_attributes_nothing(quotes_of: QuotesOf) -> None:
    text = (
        'Defence Minister Anna Petrova on Wednesday voiced "deep unease" over the drills near the island, '
        "which the neighbouring state claims as part of its territory.\n"
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.cue) == ("Anna Petrova", "voiced")


def test_a_wire_dateline_with_the_agency_and_date_in_brackets_is_no_title(quotes_of: QuotesOf) -> None:
    text = (
        "OSLO (Nordic Wire / Baltinfo - 17th February, 2022) EU trade chief Anna Petrova said on Thursday "
        "that new tariffs were ready.\n"
    )
    [q] = quotes_of(text)
    assert (q.speaker, q.speaker_title) == ("Anna Petrova", "EU trade chief")


def test_they_said_no_one_knows_who_is_not_the_name_after_the_verb(quotes_of: QuotesOf) -> None:
    text = (
        "The court heard closing arguments on Wednesday.\n\n"
        'They said Norvik "sought unfair benefits" more actively than other firms.\n'
    )
    assert only(quotes_of(text), "sought unfair benefits").speaker != "Norvik"


def test_of_two_subjects_the_parser_gives_a_verb_the_nearer_one_speaks(nlp: Language) -> None:
    """Model mistake forced on purpose: the clause before the comma made a second subject of `heard`."""
    text = (
        "When protesters in the hall jeer councillors after the vote, the same voice is heard saying "
        '"oh, look at them all".\n'
    )
    quotes = quotes_despite(nlp, text, lambda doc: attach(doc, "protesters", "heard", "nsubjpass"))
    assert [q.speaker for q in quotes] == ["same voice"]


def test_a_bare_clause_closing_the_quotation_tells_who_spoke(quotes_of: QuotesOf) -> None:
    text = (
        "Press secretary Lars Holm faced Anna Petrova of the Courier at the briefing.\n\n"
        '"I have nothing to add," Holm said.\n\n'
        '"Why not? What should we read into it?" Petrova pushed further.\n'
    )
    assert only(quotes_of(text), "Why not?").speaker == "Anna Petrova"


def test_an_interview_tagged_by_initials_after_the_first_turns(quotes_of: QuotesOf) -> None:
    text = (
        "Radio host Anna Petrova spoke with reporter Lars Holm about the port strike.\n\n"
        "Anna Petrova: I'm joined by Lars Holm, who has covered the strike from the start. Welcome.\n\n"
        "Lars Holm: Good to see you. It has been a long three weeks down at the docks.\n\n"
        "AP: What do the dockers want now, after all this time?\n\n"
        "LH: They want a contract that lasts longer than a year. Nobody expects one soon.\n"
    )
    q = only(quotes_of(text), "They want a contract")
    assert (q.speaker, q.speaker_title) == ("Lars Holm", "reporter")


def test_an_editor_s_note_is_no_speaker_turn(quotes_of: QuotesOf) -> None:
    text = (
        "Editor's Note: Courier reporter Lars Holm interviewed the harbour master, Anna Petrova, about the "
        "strike.\n\n"
        "Courier: When will the port open again?\n\n"
        "Petrova: Not before the contract is signed. We have said so from the start.\n\n"
        "Courier: And when will that be?\n\n"
        "Petrova: Ask the shipping lines. They know.\n"
    )
    assert {q.speaker for q in quotes_of(text) if q.kind == "transcript"} == {"Anna Petrova"}


def test_continuing_to_do_something_is_no_speech(quotes_of: QuotesOf) -> None:
    text = (
        'By imposing the duties, the ministry is continuing "to honour the pledges" made at the summit, said '
        "Deputy Minister Lars Holm.\n"
    )
    [q] = quotes_of(text)
    assert q.speaker == "Lars Holm"


def test_two_named_answers_beside_questions_tagged_in_capitals(quotes_of: QuotesOf) -> None:
    text = (
        "Editor's Note: Courier reporter Lars Holm interviewed the harbour master, Anna Petrova.\n\n"
        "CR: When will the port open again?\n\n"
        "Petrova: Not before the contract is signed. We have said so from the start.\n\n"
        "CR: And when will that be?\n\n"
        "Petrova: Ask the shipping lines. They know.\n"
    )
    assert summary(quotes_of(text)) == [
        ("Not before the contract is signed. We have said so from the start.", "Anna Petrova", "transcript"),
        ("Ask the shipping lines. They know.", "Anna Petrova", "transcript"),
    ]


def test_adding_hung_inside_a_report_is_the_reporter_s(quotes_of: QuotesOf) -> None:
    text = (
        "Foreign Secretary Anna Petrova said she doubted the talks would work and said President Viktor "
        'Orlov needed to withdraw his troops first, adding that he must be stopped "at all costs".\n'
    )
    assert only(quotes_of(text), "at all costs").speaker == "Anna Petrova"


def test_a_verb_coordinated_inside_a_report_keeps_the_report_s_subject(quotes_of: QuotesOf) -> None:
    text = "Lars Holm says Anna Petrova promised to keep backing the union and said she would not give in.\n"
    assert only(quotes_of(text), "she would not give in").speaker == "Anna Petrova"


def test_a_role_far_from_any_name_is_the_one_person_quoted(quotes_of: QuotesOf) -> None:
    text = (
        'Trade commissioner Anna Petrova says there are "no positive signs" from the other side.\n\n'
        "She spoke on the sidelines of a summit in Riga.\n\n"
        "The talks have gone on for a month without a result.\n\n"
        "Ships remain stuck in the harbour, and prices keep rising across the region.\n\n"
        "Watch the full interview\n\n"
        "Your browser does not support video\n\n"
        "Asked about a deadline, the former prime minister stressed that pressure must be kept up.\n"
    )
    assert only(quotes_of(text), "pressure must be kept up").speaker == "Anna Petrova"


def test_the_polish_president_is_not_the_person_introduced_as_president(quotes_of: QuotesOf) -> None:
    text = (
        "Andrzej Nowak was speaking to the media during the summit in Madrid.\n\n"
        "Leaders agreed to strengthen the eastern flank.\n\n"
        "Moreover, President Joe Biden announced that Washington would open a new headquarters in Poland.\n\n"
        'The Polish president told reporters: "These decisions make our countries safer."\n'
    )
    assert only(quotes_of(text), "These decisions").speaker == "Andrzej Nowak"


def test_the_us_president_is_the_only_president_the_article_named(quotes_of: QuotesOf) -> None:
    text = (
        "China warned President Joe Biden to be careful with his words.\n\n"
        'Asked about the warning, the U.S. president said: "We will not step back."\n'
    )
    assert only(quotes_of(text), "We will not step back").speaker == "Joe Biden"


def test_a_pronoun_refers_to_someone_named_before_it_not_after(quotes_of: QuotesOf) -> None:
    text = (
        'President Anna Petrova said the mission would start "as soon as possible".\n\n'
        'She said Lars Holm and Marek Nowak had given her the go-ahead to "begin the preparations."\n'
    )
    assert only(quotes_of(text), "begin the preparations").speaker == "Anna Petrova"


def test_the_president_is_the_president_who_has_been_speaking(quotes_of: QuotesOf) -> None:
    text = (
        'South African President Anna Petrova said leaders would travel "as soon as possible".\n\n'
        "Petrova spoke with Ukrainian President Marek Nowak by phone on Sunday.\n\n"
        "Five other leaders will join the mission, the president said.\n"
    )
    assert only(quotes_of(text), "Five other leaders").speaker == "Anna Petrova"


def test_by_telling_someone_the_doer_of_the_clause_speaks(quotes_of: QuotesOf) -> None:
    text = (
        'President Anna Petrova compared the attacks to a flood. "Our towns live through it every day," she '
        'said. She also quoted a famous speech by telling Parliament, "I have a need. I need to protect our '
        'sky."\n'
    )
    assert only(quotes_of(text), "I have a need").speaker == "Anna Petrova"


def test_a_dash_attribution_with_a_possessive_gives_the_person(quotes_of: QuotesOf) -> None:
    text = (
        "Harbour deal adopting ‘the other side's story’ - EU’s Petrova\n\nAnna Petrova spoke in Brussels.\n"
    )
    q = only(quotes_of(text), "the other side")
    assert (q.speaker, q.speaker_title) == ("Anna Petrova", "EU")


def test_a_statement_opened_once_and_closed_paragraphs_later(quotes_of: QuotesOf) -> None:
    text = (
        "Petrova: “Talks are stalled”\n"
        "This was highlighted by the foreign policy chief Anna Petrova after the council met on Monday.\n"
        "“We had a very long day. First we discussed the harbour and then the border.\n"
        "Our first priority remains a full ceasefire.\n"
        "We also adopted a package of measures on the fleet”.\n"
        "The council meets again in June.\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.text) for q in quotes if q.text != "Talks are stalled"] == [
        ("Anna Petrova", "We had a very long day. First we discussed the harbour and then the border."),
        ("Anna Petrova", "Our first priority remains a full ceasefire."),
        ("Anna Petrova", "We also adopted a package of measures on the fleet"),
    ]


def test_a_speech_verb_inside_someone_s_report_is_not_who_spoke_last(quotes_of: QuotesOf) -> None:
    text = (
        "Analyst Anna Petrova said the harbour agreement showed the minister Marek Nowak had stressed the "
        "border talks.\n"
        "“I see little room for a deal here, unfortunately.”\n"
    )
    assert only(quotes_of(text), "I see little room").speaker == "Anna Petrova"


def test_what_a_news_agency_reports_someone_stated_tells_who_spoke(quotes_of: QuotesOf) -> None:
    text = (
        "Alliance chief Marek Nowak has stated that the members differ on arms, the agency reported.\n"
        "“I believe the members must help the harbour towns,” he said in an interview with the Daily "
        "Courier newspaper posted on Saturday.\n"
    )
    assert only(quotes_of(text), "I believe the members").speaker == "Marek Nowak"


def test_a_participle_describing_a_noun_names_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "The board has stated that the members differ on arms, the agency wrote.\n"
        "“I believe the members must help the harbour towns,” he said in an interview with the Daily "
        "Courier newspaper posted on Saturday.\n"
    )
    assert only(quotes_of(text), "I believe the members").speaker != "Daily Courier newspaper"


def test_an_interview_in_normal_case_whose_interviewer_greets_and_asks(quotes_of: QuotesOf) -> None:
    text = (
        'Minister Nowak: The port is "a lifeline for the region"\n\n'
        '"The quickest way to end the blockade is to open the port", says Minister Marek Nowak in an '
        "interview with Baltic Radio anchor Anna Ruiz.\n\n"
        "Anna Ruiz: Good evening, minister. Thank you for your time.\n\n"
        "Marek Nowak: It is my pleasure.\n\n"
        "Ruiz: The blockade is in its third month. Is this an act of war?\n\n"
        "Nowak: For years the port was used as a weapon. It should not surprise anyone.\n\n"
        "Ruiz: Do you expect the sanctions to hold?\n\n"
        "Nowak: I do not think that the union will fall under that pressure.\n\n"
        "In the end, the blockade will fail and the port will open again.\n\n"
        "The region will remain what it is. So no one trusts the blockade.\n\n"
        "Follow Baltic Radio on Twitter for more interviews.\n"
    )
    quotes = quotes_of(text)
    assert {q.speaker for q in quotes} == {"Marek Nowak"}
    assert [(q.kind, q.text) for q in quotes[1:]] == [
        ("direct", "The quickest way to end the blockade is to open the port"),
        ("transcript", "It is my pleasure."),
        ("transcript", "For years the port was used as a weapon. It should not surprise anyone."),
        ("transcript", "I do not think that the union will fall under that pressure."),
        ("transcript", "In the end, the blockade will fail and the port will open again."),
        ("transcript", "The region will remain what it is. So no one trusts the blockade."),
    ]


def test_after_the_last_answer_the_article_s_own_voice_is_no_answer(quotes_of: QuotesOf) -> None:
    text = (
        "HOLM: Will the port open?\n\n"
        "NOWAK: It will open in May.\n\n"
        "HOLM: And the border?\n\n"
        "NOWAK: The border stays closed.\n\n"
        'The ministry later said the border would "stay closed until autumn".\n'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes if q.kind == "transcript"] == [
        "It will open in May.",
        "The border stays closed.",
    ]


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "US Secretary of State Anna Holm on Wednesday brushed off the harbour deal.\n"
            "President Marek Nowak on Wednesday closed a trip to the capital.\n"
            '"They have a marriage of convenience," America\'s top diplomat told the committee.\n',
            "They have a marriage",
            "Anna Holm",
        ),
        (
            "Prime Minister Anna Holm met the union leaders in the morning, and President Marek Nowak joined "
            "them later.\n"
            'The PM said: "This is a crucial moment for the harbour."\n',
            "This is a crucial moment",
            "Anna Holm",
        ),
        (
            "'We are already at war,' Polish PM tells radio\n"
            "In an interview on Wednesday, the country's Prime Minister Marek Nowak discussed the border.\n"
            '"It is impossible to hold elections under the gun," Nowak said.\n',
            "We are already at war",
            "Marek Nowak",
        ),
    ],
)
def test_a_role_given_in_other_words_is_the_person_with_that_title(
    quotes_of: QuotesOf, text: str, opening: str, speaker: str
) -> None:
    assert only(quotes_of(text), opening).speaker == speaker


def test_a_quoted_subheading_takes_the_speaker_of_the_quotation_it_excerpts(quotes_of: QuotesOf) -> None:
    text = (
        "President Marek Nowak told the radio he did not trust his neighbour.\n\n"
        "The agency says at least 6,000 people have been displaced since the fighting started.\n\n"
        "'We should be ready'\n\n"
        'Mr Nowak said he believed the army was preparing for "an offensive" in the summer.\n\n'
        '"I think we should be ready and that we give them no chance," he said.\n'
    )
    assert only(quotes_of(text), "We should be ready").speaker == "Marek Nowak"


def test_a_pronoun_no_one_is_found_for_is_not_the_agency_reporting_it(quotes_of: QuotesOf) -> None:
    text = (
        "The harbour board highlighted the importance of the talks, as he said more steps would be taken "
        "on the grain deal soon, the Daily Courier reports.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.text.startswith("more steps")] in ([], [None])


def test_told_with_a_colon_in_a_headline_is_said_to_the_one_named(quotes_of: QuotesOf) -> None:
    text = (
        "Marek Nowak told: 'The world is watching'\n\n"
        "Defence Secretary Anna Holm spoke after the talks failed.\n\n"
        "Holm added that the risks must be taken seriously, because the world is watching and the region is "
        "watching.\n"
    )
    assert only(quotes_of(text), "The world is watching").speaker == "Anna Holm"


@pytest.mark.parametrize(
    ("words", "title"),
    [
        (
            "the chairman of the harbour board - Jan Kowal/Agency via Getty Images",
            "chairman of the harbour board",
        ),
        ("BALTIC WIRE - Harbour Board Chairman", "Harbour Board Chairman"),
        ("the harbour board", "harbour board"),
    ],
)
def test_a_title_is_the_side_of_a_spaced_dash_that_names_a_role(
    nlp: Language, words: str, title: str
) -> None:
    assert title_text(list(nlp.make_doc(words))) == title


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Nowak presented his case for the new rules. The missiles he suggested he would not boast about "
            "were shown at a parade last week.\n",
            [],
        ),
        (
            "Ana Ruiz, who said that the port would open soon, arrived in the city on Monday.\n",
            ["the port would open soon"],
        ),
        (
            "It was the third time the union said it had organised such a strike in the harbour.\n",
            ["it had organised such a strike in the harbour"],
        ),
    ],
)
def test_a_report_in_a_relative_clause_with_a_gap_is_no_statement(
    quotes_of: QuotesOf, text: str, reported: list[str]
) -> None:
    assert [q.text for q in quotes_of(text) if q.kind == "indirect"] == reported


def test_a_photo_credit_after_a_caption_s_dash_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = "Union leader Anna Holm: ‘We will plan more strike dates’ - Jan Kowal/PA Wire\n\nThe union met.\n"
    assert only(quotes_of(text), "We will plan").speaker == "Anna Holm"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            'Education Secretary Anna Holm: "I think we have gone as far as we can"\n\n'
            'The union executive has agreed to seek "local agreements" with head teachers.\n',
            "local agreements",
            "union executive",
        ),
        (
            "EU foreign policy chief Anna Holm spoke in Brussels on Monday.\n\n"
            '"It is clear that the harbour towns want it," the former Baltic prime minister added.\n',
            "It is clear",
            "Anna Holm",
        ),
        (
            '"The harbour will not close," Anna Holm, chairman of the harbour council, told the radio.\n'
            'According to the professor, "more important actors need to decide."\n',
            "more important actors",
            "Anna Holm",
        ),
    ],
)
def test_a_role_is_not_someone_the_article_gave_another_role(
    quotes_of: QuotesOf, text: str, opening: str, speaker: str
) -> None:
    assert only(quotes_of(text), opening).speaker == speaker


def test_adding_after_a_subordinate_clause_belongs_to_the_main_clause(quotes_of: QuotesOf) -> None:
    text = (
        '"Our main aim is victory," Marek Nowak wrote after parliament voted to back him, adding, "I will do '
        'everything possible for the harbour."\n'
    )
    assert only(quotes_of(text), "I will do everything").speaker == "Marek Nowak"


def test_a_police_rank_is_a_title(nlp: Language) -> None:
    text = 'Detective Marek Nowak explains, "Two men were involved in a dispute that escalated."\n'

    def rank_in_name(doc: Doc) -> None:  # as the model reads some real reports
        doc.ents = [Span(doc, 0, 3, label="PERSON")]

    q = only(quotes_despite(nlp, text, rank_in_name), "Two men were involved")
    assert (q.speaker, q.speaker_title) == ("Marek Nowak", "Detective")


def test_a_quotation_alone_after_a_paragraph_about_its_speaker(quotes_of: QuotesOf) -> None:
    text = (
        '"We are concerned about the harbour," writes Marek Nowak in a letter to the council.\n'
        "Then the harbour minister, a loyal ally of the mayor, makes a confession.\n"
        '"To be honest, I worry about the future of the council."\n'
    )
    assert only(quotes_of(text), "To be honest").speaker == "Marek Nowak"


def test_an_interview_printed_without_tags(quotes_of: QuotesOf) -> None:
    text = (
        "Marek Nowak, deputy envoy of the republic to the council, in an interview with journalist Anna "
        "Holm, spoke about the harbour and the talks.\n"
        "In your opinion, how likely are new provocations at the harbour?\n"
        "This should be assessed by our police. I am sure that everything possible is being done.\n"
        "Do you agree with the mayor about the harbour?\n"
        "– Yes, I absolutely agree, I wrote about it on my page.\n"
        "Will there be peace in the region?\n"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        (
            "Marek Nowak",
            "transcript",
            "This should be assessed by our police. I am sure that everything possible is being done.",
        ),
        ("Marek Nowak", "transcript", "Yes, I absolutely agree, I wrote about it on my page."),
    ]


def test_questions_in_an_article_that_is_no_interview_are_no_turns(quotes_of: QuotesOf) -> None:
    text = (
        "The council met on Monday to discuss the harbour.\n"
        "What will happen to the fishing fleet?\n"
        "Nobody on the council could say.\n"
        "And who will pay for the new pier?\n"
        "The budget leaves that open.\n"
    )
    assert quotes_of(text) == []


def test_according_to_someone_s_count_is_that_person(quotes_of: QuotesOf) -> None:
    text = (
        '"This is my eighth trip here," President Marek Nowak told journalists.\n\n'
        'According to the president\'s count, he and the mayor "have met almost thirty times in six years."\n'
    )
    q = only(quotes_of(text), "have met almost")
    assert (q.speaker, q.speaker_title) == ("Marek Nowak", "president")


def test_the_company_is_the_firm_the_article_named(nlp: Language) -> None:
    text = (
        "Harbourline Shipping reported a loss for the quarter on Wednesday.\n\n"
        '"We continued to perform well in our key routes," the company said.\n'
    )

    def firm(doc: Doc) -> None:
        doc.ents = [Span(doc, 0, 2, label="ORG")]

    assert only(quotes_despite(nlp, text, firm), "We continued").speaker == "Harbourline Shipping"


def test_a_name_the_model_left_unlabelled_whose_family_name_speaks(nlp: Language) -> None:
    text = (
        "Xu Wenlong visits the harbour more than any other place, the president revealed.\n\n"
        '"This is my eighth trip here," Xu told the journalists.\n'
    )

    def no_entities(doc: Doc) -> None:
        doc.ents = []

    assert only(quotes_despite(nlp, text, no_entities), "This is my eighth").speaker == "Xu Wenlong"


def test_a_statement_published_on_someone_s_channel_is_theirs(quotes_of: QuotesOf) -> None:
    text = (
        "Opposition leader Anna Holm left the country in August.\n\n"
        "A statement published on Holm's Telegram channel said that her aide's \"whereabouts are unknown.\"\n"
    )
    assert only(quotes_of(text), "whereabouts are unknown").speaker == "Anna Holm"


def test_a_thing_that_would_indicate_something_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        '"The conflict will reveal whether there is a deeper bond," said Marek Nowak, a harbour expert.\n\n'
        'He outlined three possible actions that would indicate that "the city has thrown its lot with the '
        'port."\n'
    )
    assert only(quotes_of(text), "the city has thrown").speaker == "Marek Nowak"


def test_a_body_that_indicated_something_speaks_rather_than_the_agency_relaying_it(nlp: Language) -> None:
    text = (
        "The Harbour Ministry indicated that it is reviewing the note and referred to the republic as a "
        "«strategic partner of the port,» according to the state news agency.\n"
    )

    def ministry(doc: Doc) -> None:
        doc.ents = [Span(doc, 0, 3, label="ORG")]

    assert only(quotes_despite(nlp, text, ministry), "strategic partner").speaker == "Harbour Ministry"


def test_the_one_person_given_a_role_far_back_holds_it(quotes_of: QuotesOf) -> None:
    paragraphs = [
        "Judge Anna Holm sentenced the former coach Marek Nowak on Tuesday.",
        *[f"Paragraph {n} of the court report says nothing about anyone in particular." for n in range(10)],
        "His wife, Ewa, had tears in her eyes.",
        'The judge acknowledged Nowak\'s "positive work" but said it served only to hide his character.',
    ]
    text = "\n".join(paragraphs) + "\n"
    assert only(quotes_of(text), "positive work").speaker == "Anna Holm"


def test_a_participle_describing_a_noun_tells_no_one_spoke(quotes_of: QuotesOf) -> None:
    text = (
        "Tomas Berg is declaring a trade win despite tensions highlighted by a warning from Marek Nowak.\n"
        "The two leaders met on the sidelines of the summit on Monday.\n"
        '"Impediments have been removed across a range of industries," he told reporters.\n'
    )
    assert only(quotes_of(text), "Impediments have been").speaker == "Tomas Berg"


def test_a_minister_of_another_portfolio_is_not_the_foreign_minister(quotes_of: QuotesOf) -> None:
    text = (
        "The republic's Minister for Harbours Anna Holm on Friday reiterated that the country would buy "
        "discounted fuel.\n"
        'Days before, the country\'s foreign minister denied "pursuing or receiving" any fuel.\n'
    )
    assert only(quotes_of(text), "pursuing or receiving").speaker != "Anna Holm"


def test_a_participle_after_a_relative_clause_and_its_comma_is_the_main_clause_s(quotes_of: QuotesOf) -> None:
    text = (
        "Sarah Collins took over the harbour board from David Miller in 2011.\n"
        'She also opened up about the day Miller died, saying it was "sort of the worst day ever".\n'
    )
    assert only(quotes_of(text), "sort of the worst").speaker == "Sarah Collins"


def test_a_role_before_a_portfolio_and_a_name_is_the_name_s_title(quotes_of: QuotesOf) -> None:
    text = (
        "The republic's State Minister for Harbours Anna Holm on Friday reiterated that the port would "
        "open.\n"
        "Foreign Minister Marek Nowak told the radio this week that the port would stay closed.\n"
        "But Holm said the port was ready.\n"
        '"We are trying for an agreement with the union," the minister said at a press conference.\n'
    )
    assert only(quotes_of(text), "We are trying").speaker == "Anna Holm"


def test_a_role_with_an_adjective_of_origin_in_capitals_is_a_role(quotes_of: QuotesOf) -> None:
    text = (
        "Prime Minister Tomas Berg said he would travel.\n"
        "“It is practical,” the PM said on Tuesday.\n"
        "“I will veto it,” the Slovak PM told RTVS.\n"
    )
    assert only(quotes_of(text), "I will veto it").speaker == "Tomas Berg"


def test_his_ministry_is_the_ministry_of_a_person_named_by_surname_first(nlp: Language) -> None:
    text = (
        "Foreign Minister Li Wenhao met his counterpart on Monday.\n"
        "Li, who apparently referred to the harbour dispute, told Holm that one country's security could "
        "not come at the expense of others, his ministry said.\n"
    )

    def surname_unlabelled(doc: Doc) -> None:  # as the model reads the real sentence
        names = [
            doc.char_span(text.index(n), text.index(n) + len(n), label="PERSON")
            for n in ("Li Wenhao", "Holm")
        ]
        doc.ents = [span for span in names if span is not None]

    reported = [q for q in quotes_despite(nlp, text, surname_unlabelled) if q.kind == "indirect"]
    assert [q.speaker for q in reported] == ["Li Wenhao's ministry"]


def test_a_country_speaks_through_the_minister_whose_report_holds_its_words(quotes_of: QuotesOf) -> None:
    text = (
        'Singapore strongly condemns the republic\'s "unprovoked military invasion of a sovereign state", '
        "Foreign Affairs Minister Vivian Tan said in parliament on Monday.\n"
    )
    assert only(quotes_of(text), "unprovoked military").speaker == "Vivian Tan"


def test_the_newspaper_is_the_outlet_that_has_been_speaking(quotes_of: QuotesOf) -> None:
    text = (
        "As the alliance has been making discord, the bloc is brittle deep inside, the Harbour Times wrote.\n"
        '"Their efforts to show unity are overshadowed by internal divisions," the newspaper reported.\n'
    )
    assert only(quotes_of(text), "Their efforts").speaker == "Harbour Times"


def test_a_dateline_with_the_agency_and_a_colon_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        "KABUL (Harbour Agency): The foreign minister, who arrived on Sunday night, says he will hold talks "
        "with the president today.\n"
    )
    assert all(q.speaker != "KABUL" for q in quotes_of(text))


def test_a_noun_of_speech_with_its_owner_before_a_colon_names_whose_words_follow(quotes_of: QuotesOf) -> None:
    text = (
        "The former mayor Marek Nowak said on Monday that he would resign.\n"
        "Reporter Anna Kowalska posted a screenshot of what she said was Nowak's message:\n"
        "\u201cI am leaving office with my head held high. I am an honest man.\u201d\n"
    )
    quote = only(quotes_of(text), "I am leaving office")
    assert (quote.speaker, quote.cue) == ("Marek Nowak", "message")


def test_a_speech_verb_before_a_colon_stays_the_cue_of_the_same_owner(quotes_of: QuotesOf) -> None:
    text = (
        "The ministry protested against the ambassador Tom Reyes's remarks, prompting him to write in his "
        'Twitter message: "Still learning the craft of speaking more diplomatically."\n'
    )
    quote = only(quotes_of(text), "Still learning")
    assert (quote.speaker, quote.cue) == ("Tom Reyes", "write")


def test_a_quotation_opening_a_headline_is_the_speaker_s_who_reports_after_it(quotes_of: QuotesOf) -> None:
    text = (
        "\u2018Why would I talk to traitors?\u2019 Aldovian leader Petar Varga says he will meet "
        "the opposition\n"
        "\n"
        "President Petar Varga said on Tuesday that he was open to a dialogue.\n"
    )
    assert only(quotes_of(text), "Why would I").speaker == "Petar Varga"


def test_a_view_expressed_with_a_that_clause_is_reported_speech(quotes_of: QuotesOf) -> None:
    text = (
        "Aldovian Foreign Minister Ivan Petrov arrived in Berlin on Friday.\n"
        "The Aldovian foreign minister expressed regret that Chancellor Tom Reyes did not give much time to "
        'their meeting. "I appreciate gestures, but we need weapons," he said.\n'
        "The mayor voiced concerns that were raised by residents last year.\n"
    )
    quotes = quotes_of(text)
    reported = [(q.text, q.cue) for q in quotes if q.kind == "indirect"]
    assert reported == [("Chancellor Tom Reyes did not give much time to their meeting", "expressed")]
    assert only(quotes, "I appreciate").speaker == "Ivan Petrov"


def test_the_subject_of_a_report_holding_a_quotation_is_no_antecedent(quotes_of: QuotesOf) -> None:
    text = (
        "Kremlin spokesman Dmitry Orlov answered questions on Monday. Dmitry Orlov said that the Kremlin has "
        'no interest in getting to the bottom of why Ana Varga was labeled a "foreign agent," and is more '
        'concerned with enforcement of the law. He also said that the loss of any outlet "would not be felt '
        'strongly."\n'
    )
    assert only(quotes_of(text), "would not be felt").speaker == "Dmitry Orlov"


def test_quoted_words_before_a_noun_of_speech_judge_the_words_of_its_owner(quotes_of: QuotesOf) -> None:
    text = (
        "Foreign ministry spokesperson Lin Tao told a news conference on Monday that the post was a response "
        'to Prime Minister Ana Varga\'s "wrongful and dangerous" remarks on the strait.\n'
    )
    assert only(quotes_of(text), "wrongful and dangerous").speaker == "Lin Tao"


def test_an_unnamed_spokesperson_in_the_lead_is_the_one_the_article_names_later(quotes_of: QuotesOf) -> None:
    text = (
        'The navy achieved its "expected goals" during two days of drills, a defence ministry spokesperson '
        "said on Thursday.\n"
        'The drills were "a measure to contain separatist activities," the spokesperson, Wu Lan, said.\n'
        '"We have reached our goals," he told a press briefing.\n'
    )
    assert only(quotes_of(text), "expected goals").speaker == "Wu Lan"


def test_an_unnamed_spokesperson_is_not_one_of_another_ministry(quotes_of: QuotesOf) -> None:
    text = (
        'The navy achieved its "expected goals" during two days of drills, a defence ministry spokesperson '
        "said on Thursday.\n"
        'The drills were "a provocation," foreign ministry spokesperson Li Ming told reporters.\n'
    )
    assert only(quotes_of(text), "expected goals").speaker != "Li Ming"


def test_a_role_after_the_body_it_serves_is_a_role(quotes_of: QuotesOf) -> None:
    text = (
        'Rutte said on Monday that the alliance was ready. "We will act," he said.\n'
        'The NATO Secretary General added, "A lot of work is being done."\n'
    )
    assert only(quotes_of(text), "A lot of work").speaker == "Rutte"


def test_mentioned_that_reports_speech(quotes_of: QuotesOf) -> None:
    text = (
        "Nowak mentioned that President Ana Ruiz has made ending the war a top priority. "
        '"Since February, she has broken the deadlock," he said.\n'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.cue) for q in quotes if q.kind == "indirect"] == [
        ("President Ana Ruiz has made ending the war a top priority", "mentioned")
    ]
    assert only(quotes, "Since February").speaker == "Nowak"


def test_a_body_described_again_is_the_one_that_spoke_under_its_longer_name(quotes_of: QuotesOf) -> None:
    text = (
        "Taiwan's defence ministry said Wednesday it had detected 28 aircraft around the island.\n"
        "\n"
        '"Since 3:20 pm, we have detected a total of 28 aircraft," the defence ministry said.\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Taiwan's defence ministry", "Taiwan's defence ministry"]


def test_a_stray_comma_between_the_speaker_and_the_verb_keeps_the_speaker(nlp: Language) -> None:
    text = (
        "In an interview with Harbour news agency,Mohammad Reza Tabari, said, "
        "\u201cNo meeting will take place.\u201d\n"
    )

    def agency_read_as_a_person(doc: Doc) -> None:  # as the model reads the real sentence
        names = [
            doc.char_span(text.index(n), text.index(n) + len(n), label="PERSON")
            for n in ("Harbour", "Mohammad Reza Tabari")
        ]
        doc.ents = [span for span in names if span is not None]

    [quote] = quotes_despite(nlp, text, agency_read_as_a_person)
    # (and the agency the parser hung the name on is no title of his)
    assert (quote.speaker, quote.speaker_title) == ("Mohammad Reza Tabari", None)


def test_a_fronted_phrase_and_a_dangling_and_are_no_part_of_a_title(nlp: Language) -> None:
    text = (
        "Foreign Minister Ana Ruiz said on Monday that the talks went well.\n"
        "For his part, Aldovia's foreign minister today called on Washington to settle its differences "
        '"one by one" and added that his country is ready.\n'
    )

    def fronted_phrase_on_the_subject(doc: Doc) -> None:  # as the model parses the real sentence
        start = text.index("For his part")
        subject = next(t for t in doc if t.text == "minister" and t.idx > start)
        doc[next(t.i for t in doc if t.text == "For")].head = subject
        doc[next(t.i for t in doc if t.text == "and" and t.idx > start)].head = subject

    titles = {q.speaker_title for q in quotes_despite(nlp, text, fronted_phrase_on_the_subject)}
    assert "Aldovia's foreign minister" in titles
    assert not any(title and title.startswith("For his part") for title in titles)


def test_a_person_described_by_age_is_the_one_the_sentences_before_are_about(quotes_of: QuotesOf) -> None:
    text = (
        "Tom Reyes, who lives nearby, said he heard gunshots early on Wednesday.\n"
        "\u201cIt woke me up this morning, the gunshots,\u201d the 72-year-old told The Harbour Times in a "
        "telephone interview.\n"
    )
    quote = only(quotes_of(text), "It woke me up")
    assert (quote.speaker, quote.speaker_title) == ("Tom Reyes", "72-year-old")


def test_a_label_before_a_colon_gives_the_person_it_opens_with(quotes_of: QuotesOf) -> None:
    text = (
        "Some post-game quotes from Saturday:\n"
        "\u201cWe did a poor job preparing them,\u201d said coach Tom Reyes.\n"
        'Quoting Jim Lorca after 54-48 win over Duke: "I think more than anything, we challenged them."\n'
        'Bob Harding on defeating his brother, Mark: "It is a rotten place to be."\n'
    )
    quotes = quotes_of(text)
    assert only(quotes, "I think").speaker == "Jim Lorca"
    assert only(quotes, "It is a rotten").speaker == "Bob Harding"


def test_a_country_speaks_through_the_minister_whose_report_holds_its_coordinated_words(
    quotes_of: QuotesOf,
) -> None:
    text = (
        "Deputy Foreign Minister Ivan Petrov emphasized that Moscow would calmly study the proposals and "
        "respond to Washington\u2019s request \u201cat the appropriate moment.\u201d\n"
    )
    assert only(quotes_of(text), "at the appropriate").speaker == "Ivan Petrov"


def test_a_bare_verb_after_the_quotation_names_the_speaker_when_the_words_hang_on_it(
    quotes_of: QuotesOf,
) -> None:
    text = (
        "Prime Minister Ravi Menon spoke to the rally by phone from Lucknow.\n"
        "\n"
        "Opposition leader Asha Rao accused him of running away from parliament.\n"
        "\n"
        "The ministers spoke later.\n"
        "\n"
        "\u201cThey come to the well of the House. They are not allowing us to put forth our viewpoint. In a "
        "way they are trying to suppress the truth,\u201d Menon rued.\n"
    )
    quote = only(quotes_of(text), "They come to the well")
    assert (quote.speaker, quote.cue) == ("Ravi Menon", "rued")
