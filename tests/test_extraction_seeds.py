"""The seed articles: the quotations of each named speaker, with the full name, and what is not a quotation.

The seeds are read with the project's own reader (so the mojibake repair applies) and extracted once per
module; each test only looks the quotations up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stancetool.articles import Article, read_articles
from stancetool.extract import extract_quotes
from stancetool.models import Quote

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
S000 = "000_f0f960f42a694e5a.txt"
S001 = "001_1d36abfdb6672d03.txt"
S002 = "002_377741bda0ffc783.txt"
S003 = "003_bf548dfdbea0b855.txt"
S004 = "004_cba7f8e12e952185.txt"


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[Article, list[Quote]]]:
    articles = [a for a in read_articles([str(SEEDS)]) if isinstance(a, Article)]
    assert {a.doc_id for a in articles} == {S000, S001, S002, S003, S004}
    return {article.doc_id: (article, quotes) for article, quotes in extract_quotes(articles)}


def _quote(extracted, doc_id: str, opening: str) -> Quote:
    """The one quotation of `doc_id` whose text starts with `opening`."""
    _, quotes = extracted[doc_id]
    found = [q for q in quotes if q.text.startswith(opening)]
    assert found, f"no quotation starting {opening!r} in {doc_id}; found: {[q.text[:40] for q in quotes]}"
    assert len(found) == 1, f"{opening!r} found {len(found)} times in {doc_id}"
    return found[0]


def _paragraph_span(article: Article, prefix: str) -> tuple[int, int]:
    """Offsets of the (single-line) paragraph of `article` that starts with `prefix`."""
    start = article.text.index(prefix)
    assert start == 0 or article.text[start - 1] == "\n"
    end = article.text.find("\n", start)
    return start, end if end != -1 else len(article.text)


def _quotes_in(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    return [q for q in quotes if q.start < end and q.end > start]


# (seed, opening words of the quotation, speaker, kind): the quotations the issue names, with full names.
EXPECTED = [
    # 000: cue after the quotation, title before the name; surname resolved to the full name.
    (S000, "China always respects the sovereignty", "Hong Lei", "direct"),
    (S000, "China has a very strict anti-secession", "Keith Darden", "direct"),
    (S000, "Our hope continues to be that many members", "Jen Psaki", "direct"),
    (S000, "Kazakhstan, for example, is absolutely alarmed", "Keith Darden", "direct"),
    (S000, "more should be done to de-escalate", "China", "indirect"),
    # 001: transcript turns, a full tag, a truncated tag (`WANG Y:`) and a surname tag.
    (S001, "The sovereignty, independence and territorial integrity", "Wang Yi", "transcript"),
    (S001, "Why can't all parties sit down together", "Wang Yi", "transcript"),
    (S001, "There's no real trust between Russia and China", "Jakub Jakobowski", "transcript"),
    (S001, "This constant fear of being overthrown", "Jakub Jakobowski", "transcript"),
    # 003: split quote, tweeted, partial quotes, `she said`, a floating quote, `he said`.
    (S003, "We urge Beijing to use its influence", "Victoria Nuland", "direct"),
    (S003, "There will be a significant impact on the global economy", "Victoria Nuland", "direct"),
    (S003, "well-established Olympic ceasefire", "Zhang Jun", "partial"),
    (S003, "Let us seize this opportunity", "Zhang Jun", "direct"),
    (S003, "It is unlikely that the United States can get China", "Bonnie Glaser", "direct"),
    (S003, "China is likely to take steps to mitigate", "Bonnie Glaser", None),
    (S003, "I do not see much room for cooperation", "Derek Grossman", "direct"),
    (S003, "a fundamental political document", "Wang Yi", "partial"),
    (S003, "the direction and spirit of the agreement", "Wang Yi", "partial"),
    (S003, "continues to err in its words", "Wang Yi", "partial"),
    (S003, "The highest priority at the moment", "Wang Yi", "direct"),
    # 004: `calling on the West to "…"`, `the Chinese ambassador to Belgium said`, `Qu said`, `He said:`.
    (S004, "abandon its zero-sum mentality", "Qu Xing", "partial"),
    (S004, "the real security concerns of Russia", "Qu Xing", "partial"),
    (S004, "nature and root cause", "Qu Xing", "partial"),
    (S004, "become a distraction in its foreign policy", "Qu Xing", "partial"),
    (S004, "The United States is unwilling to see its presence", "Qu Xing", "direct"),
    # 004's headline and standfirst describe him before he is named: `Top Chinese diplomat … says`.
    (S004, "abandon zero-sum mentality", "Qu Xing", "partial"),
    (S004, "Russia's security concerns are legitimate", "Qu Xing", "indirect"),
]


@pytest.mark.parametrize(
    ("doc_id", "opening", "speaker", "kind"),
    EXPECTED,
    ids=[f"{d[:3]}-{s.replace(' ', '_')}-{o[:24].replace(' ', '_')}" for d, o, s, _ in EXPECTED],
)
def test_seed_quotation_speaker(extracted, doc_id: str, opening: str, speaker: str, kind: str | None) -> None:
    quote = _quote(extracted, doc_id, opening)
    assert quote.speaker == speaker
    if kind is not None:
        assert quote.kind == kind


def test_000_titles_kept_apart_from_names(extracted) -> None:
    hong = _quote(extracted, S000, "China always respects the sovereignty")
    assert hong.speaker_title is not None and "Spokesman" in hong.speaker_title
    assert hong.cue == "said"
    darden = _quote(extracted, S000, "China has a very strict anti-secession")
    assert darden.cue == "explained"
    psaki = _quote(extracted, S000, "Our hope continues to be that many members")
    assert psaki.speaker_title is not None and "Spokeswoman" in psaki.speaker_title


def test_000_direct_quotation_texts_are_whole(extracted) -> None:
    hong = _quote(extracted, S000, "China always respects the sovereignty")
    assert hong.text.endswith("avoid further escalation of the tension")
    darden = _quote(extracted, S000, "Kazakhstan, for example, is absolutely alarmed")
    assert darden.text.endswith("going to cause a lot of havoc in those relations")


def test_001_transcript_text_without_stage_direction(extracted) -> None:
    for opening in ("The sovereignty, independence", "Why can't all parties sit down"):
        quote = _quote(extracted, S001, opening)
        assert "(Through interpreter)" not in quote.text
        assert "interpreter" not in quote.text


def test_001_narration_turns_are_not_transcript_quotations(extracted) -> None:
    article, quotes = extracted[S001]
    narration = [
        _paragraph_span(article, "EMILY FENG, BYLINE:"),
        *[_paragraph_span(article, line) for line in article.text.splitlines() if line.startswith("FENG:")],
    ]
    assert len(narration) == 6
    for start, end in narration:
        found = _quotes_in(quotes, start, end)
        assert all(q.kind != "transcript" for q in found), found
    assert not [q for q in quotes if q.speaker in ("Emily Feng", "Feng", "FENG", "EMILY FENG")]


def test_001_non_english_language_spoken_is_no_quotation(extracted) -> None:
    article, quotes = extracted[S001]
    start, end = _paragraph_span(article, "WANG WENBIN: (Non-English language spoken)")
    assert _quotes_in(quotes, start, end) == []
    assert not [q for q in quotes if "Non-English" in q.text]


def test_001_no_quotations_in_page_furniture(extracted) -> None:
    article, quotes = extracted[S001]
    transcript_start = article.text.index("EMILY FENG, BYLINE:")
    assert _quotes_in(quotes, 0, transcript_start) == []
    credits = article.text.index("Emily Feng, NPR News, Beijing.")
    assert _quotes_in(quotes, credits, len(article.text)) == []


def test_002_mojibake_repaired_and_indirect_speech(extracted) -> None:
    article, quotes = extracted[S002]
    assert "Â" not in article.text
    xi = _quote(extracted, S002, "(he) trusts that Russia can coordinate")
    assert (xi.speaker, xi.kind, xi.cue) == ("Xi Jinping", "indirect", "responded")
    yang = _quote(extracted, S002, "China's leaders favor the exercise of restraint")
    assert (yang.speaker, yang.kind, yang.cue) == ("Yang Jiechi", "indirect", "stated")
    assert all(q.kind == "indirect" for q in quotes)  # the article has no quotation marks around speech


def test_003_organisation_speaker(extracted) -> None:
    quote = _quote(extracted, S003, "refrain from doing things that agitate tensions")
    assert quote.speaker == "Beijing"


def test_003_sign_up_boilerplate_is_no_quotation(extracted) -> None:
    article, quotes = extracted[S003]
    for line in ("Sign up now for FREE unlimited access to", "Your email address will not be published."):
        at = 0
        while (at := article.text.find(line, at)) != -1:
            assert _quotes_in(quotes, at, at + len(line)) == []
            at += len(line)
    credits = article.text.index("Reporting by Ryan Woo")
    assert _quotes_in(quotes, credits, len(article.text)) == []


def test_004_registration_form_is_no_quotation(extracted) -> None:
    article, quotes = extracted[S004]
    form = article.text.index("Register for free to continue reading")
    assert _quotes_in(quotes, form, len(article.text)) == []
    assert not [q for q in quotes if "Register" in q.text or "Terms of use" in q.text]


@pytest.mark.parametrize("doc_id", [S000, S001, S002, S003, S004])
def test_seed_offsets_context_and_ids(extracted, doc_id: str) -> None:
    article, quotes = extracted[doc_id]
    assert quotes, f"no quotations in {doc_id}"
    for q in quotes:
        assert q.doc_id == doc_id
        assert q.text == article.text[q.start : q.end]
        assert q.text == q.text.strip() and q.text
        assert q.text in q.context
        assert article.text[q.context_start : q.context_start + len(q.context)] == q.context
    assert len({q.id for q in quotes}) == len(quotes)


@pytest.mark.parametrize("doc_id", [S000, S001, S002, S003, S004])
def test_seed_texts_without_outer_quotation_marks(extracted, doc_id: str) -> None:
    _, quotes = extracted[doc_id]
    bad = [q.text for q in quotes if q.text[0] in "\"“”'‘’" or q.text[-1] in '"“”']
    assert bad == []


def test_003_closing_mark_printed_the_wrong_way_round(extracted) -> None:
    # `… support to Blinken. “` : the closing mark is an opening glyph after a space.
    quote = _quote(extracted, S003, "Wang Yi chose to defend Russia")
    assert quote.speaker == "Daniel Russel"
    assert quote.text.endswith("instead of offer any support to Blinken.")


@pytest.mark.parametrize("doc_id", [S000, S001, S003, S004])
def test_seed_speakers_are_never_bare_pronouns_or_surnames(extracted, doc_id: str) -> None:
    _, quotes = extracted[doc_id]
    short = {
        "he",
        "she",
        "they",
        "Darden",
        "Wang",
        "Glaser",
        "Qu",
        "Zhang",
        "Nuland",
        "Grossman",
        "Jakobowski",
    }
    assert not [q for q in quotes if q.speaker is not None and q.speaker.strip() in short]
    assert not [q for q in quotes if q.speaker is not None and q.speaker.lower() in {"he", "she", "it"}]


def test_seed_ids_stable_across_runs(extracted) -> None:
    articles = [a for a in read_articles([str(SEEDS)]) if isinstance(a, Article)]
    again = {article.doc_id: [q.id for q in quotes] for article, quotes in extract_quotes(articles)}
    assert again == {doc_id: [q.id for q in quotes] for doc_id, (_, quotes) in extracted.items()}
