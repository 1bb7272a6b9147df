"""The annotation app driven by Textual's Pilot: keys in, label files checked."""

from __future__ import annotations

import pytest
from _labels_helpers import make_quote, read_lines

from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.selection import filter_quotes, order_quotes, orphan_labels
from stancetool.store import make_event, open_writer, read_events
from stancetool.tui import Item, build_annotate_app
from stancetool.tui.app import FlagScreen, HelpScreen, NoteScreen, format_duration
from stancetool.tui.render import clean_text

CB = DEFAULT_CODEBOOK
SIZE = (100, 30)


@pytest.fixture
def quotes():
    return [make_quote(n) for n in range(5)]


@pytest.fixture
def writer(tmp_path):
    with open_writer(tmp_path, "alice") as w:
        yield w


def labels_in(tmp_path):
    return [(line["quote_id"], line["label"]) for line in read_lines(tmp_path / "alice.jsonl")]


def text_of(app, selector):
    return str(app.item_screen.query_one(selector).render())


async def test_key_labels_saves_and_moves_on(tmp_path, quotes, writer):
    app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        assert app.index == 0
        await pilot.press("3")
        assert labels_in(tmp_path) == [("q00000", "critical")]
        assert app.index == 1
        await pilot.press("1")
        assert "done 2 / 5" in text_of(app, "#progress")
        assert "left at" in text_of(app, "#progress")
    lines = read_lines(tmp_path / "alice.jsonl")
    assert [(line["quote_id"], line["label"]) for line in lines] == [
        ("q00000", "critical"),
        ("q00001", "supportive"),
    ]
    assert all(line["seconds"] is not None and line["seconds"] >= 0 for line in lines)
    assert all(line["adjudication"] is False and line["target"] == "Russia" for line in lines)


async def test_event_is_on_disk_before_the_next_item_shows(tmp_path, quotes):
    shown_when_saved = []
    with open_writer(tmp_path, "alice") as real:

        class Spy:
            def append(self, event):
                real.append(event)
                on_disk = [line["quote_id"] for line in read_lines(tmp_path / "alice.jsonl")]
                shown_when_saved.append((event.quote_id, app.index, on_disk[-1]))

        app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=Spy())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2", "2")
    # each event was read back from the file while its own item was still the one shown
    assert shown_when_saved == [("q00000", 0, "q00000"), ("q00001", 1, "q00001")]


async def test_resume_at_first_open_item(tmp_path, quotes):
    with open_writer(tmp_path, "alice") as w:
        for quote_id in ("q00000", "q00001", "q00003"):
            w.append(make_event(quote_id, "alice", "neutral", CB, seconds=4.0))
        w.append(make_event("q00002", "bob", "critical", CB).model_copy(update={"annotator": "alice"}))
        w.append(make_event("q00002", "alice", None, CB))  # labelled then undone: open again
    events, problems = read_events(tmp_path, CB)
    assert problems == []
    with open_writer(tmp_path, "alice") as w:
        app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=w, events=events)
        async with app.run_test(size=SIZE) as pilot:
            assert app.index == 2
            assert "done 3 / 5" in text_of(app, "#progress")
            assert "about < 1 min left at 4.0 s per item" in text_of(app, "#progress")
            await pilot.press("1")
            assert app.index == 4  # q00003 is done: skipped over
            await pilot.press("1")
            assert app.index == 4  # every item done: stays
            assert "done 5 / 5" in text_of(app, "#progress")


async def test_undo_retracts_then_restores_previous_labels(tmp_path, quotes, writer):
    app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "3")
        assert app.index == 2
        await pilot.press("u")
        assert app.index == 1
        await pilot.press("u")
        assert app.index == 0
        await pilot.press("u")  # nothing left to undo: nothing written
        await pilot.press("2")  # label q0 again
        await pilot.press("left", "3")  # change q0 from neutral to critical
        await pilot.press("u")  # back to neutral, by a new event
        assert app.index == 0
        assert "neutral" in text_of(app, "#state")
    assert labels_in(tmp_path) == [
        ("q00000", "supportive"),
        ("q00001", "critical"),
        ("q00001", None),
        ("q00000", None),
        ("q00000", "neutral"),
        ("q00000", "critical"),
        ("q00000", "neutral"),
    ]


async def test_browse_and_skip_write_nothing(tmp_path, quotes, writer):
    app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right")
        assert app.index == 2
        await pilot.press("left")
        assert app.index == 1
        await pilot.press("left", "left", "left")
        assert app.index == 0
        await pilot.press("s")
        assert app.index == 1
        await pilot.press("s", "s", "s")
        assert app.index == 4
        await pilot.press("right")
        assert app.index == 4
        await pilot.press("s")  # wraps around to the first open item
        assert app.index == 0
        assert "item 1 of 5" in text_of(app, "#where")
    assert not (tmp_path / "alice.jsonl").exists() or labels_in(tmp_path) == []


async def test_flag_and_note_are_saved_and_kept_with_the_label(tmp_path, quotes, writer):
    app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FlagScreen)
        await pilot.press("2")  # wrong_speaker
        assert app.index == 0
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"odd", "space", *"one", "enter")
        await pilot.pause()
        assert "note: odd one" in text_of(app, "#state")
        await pilot.press("3")
        assert app.index == 1
        await pilot.press("f", "1")  # not a quote: done without a stance
        await pilot.press("n", "x", "escape")  # cancelled: nothing written
        await pilot.pause()
        assert "done 2 / 5" in text_of(app, "#progress")
    lines = [(x["quote_id"], x["label"], x["flags"], x["note"]) for x in read_lines(tmp_path / "alice.jsonl")]
    assert lines == [
        ("q00000", None, ["wrong_speaker"], None),
        ("q00000", None, ["wrong_speaker"], "odd one"),
        ("q00000", "critical", ["wrong_speaker"], "odd one"),
        ("q00001", None, ["not_a_quote"], None),
    ]


async def test_help_shows_definitions_and_swallows_keys(tmp_path, quotes, writer):
    app = build_annotate_app(quotes, codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("Static").render())
        for label in CB.labels:
            assert label.description in help_text
        await pilot.press("1")  # closes the help, labels nothing
        assert not isinstance(app.screen, HelpScreen)
        assert app.index == 0
        await pilot.press("q")
    assert not app.is_running
    assert not (tmp_path / "alice.jsonl").exists() or labels_in(tmp_path) == []


async def test_markup_and_escape_sequences_are_shown_literally(quotes, writer):
    nasty = make_quote(
        7,
        text="[bold red]Crimea[/] is ours\x1b[2J\x1b]0;pwned\x07",
        speaker="[link=http://x]Ivan[/link] \x1b[31mPetrov",
        speaker_title="Spokesman\x07",
        doc_id="doc[i].txt\x1b[1m",
    )
    app = build_annotate_app([nasty], codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=SIZE):
        context = text_of(app, "#context")
        assert "[bold red]Crimea[/] is ours" in context
        assert "\x1b" not in context and "pwned" not in context and "\x07" not in context
        speaker = text_of(app, "#speaker")
        assert speaker == "[link=http://x]Ivan[/link] Petrov, Spokesman"
        assert "doc[i].txt" in text_of(app, "#where") and "\x1b" not in text_of(app, "#where")


def test_clean_text_strips_terminal_sequences():
    assert clean_text("a\x1b[31mb\x1b[0m\x1b]8;;http://x\x1b\\c\x9b2Jd\x00e\tf\r\ng") == "abc2Jde\tf\ng"
    assert clean_text("[bold]x[/bold]") == "[bold]x[/bold]"


async def test_review_mode_shows_others_and_writes_adjudications(tmp_path, quotes, writer):
    others = (
        make_event("q00000", "bob", "critical", CB, note="clearly", flags=["wrong_span"]),
        make_event("q00000", "carol", "supportive", CB),
    )
    items = [Item(quotes[0], others), Item(quotes[1], ())]
    app = build_annotate_app(items, codebook=CB, annotator="alice", writer=writer, mode="review")
    async with app.run_test(size=SIZE) as pilot:
        shown = text_of(app, "#others")
        assert "bob: critical  flags: wrong_span  note: clearly" in shown
        assert "carol: supportive" in shown
        await pilot.press("3")
        assert app.index == 1
    (line,) = read_lines(tmp_path / "alice.jsonl")
    assert (line["quote_id"], line["label"], line["adjudication"]) == ("q00000", "critical", True)


async def test_review_resumes_after_adjudicated_items(tmp_path, quotes, writer):
    events = [
        make_event("q00000", "zed", "neutral", CB, adjudication=True),
        make_event("q00001", "alice", "neutral", CB),
    ]
    app = build_annotate_app(
        [Item(q) for q in quotes[:2]],
        codebook=CB,
        annotator="alice",
        writer=writer,
        mode="review",
        events=events,
    )
    async with app.run_test(size=SIZE):
        assert app.index == 1  # q0 settled by an adjudication; alice's own plain label does not settle q1
        assert "Final label: open" in text_of(app, "#state")


def test_filters_and_orders():
    quotes = [
        make_quote(1, doc_id="b.txt", speaker="Vladimir Putin"),
        make_quote(2, doc_id="a.txt", kind="partial", speaker=None),
        make_quote(0, doc_id="b.txt", speaker="Anna Smith", kind="indirect"),
    ]
    assert [q.id for q in filter_quotes(quotes, kinds=["direct", "partial"])] == ["q00001", "q00002"]
    assert [q.id for q in filter_quotes(quotes, speakers=["putin", "SMITH"])] == ["q00001", "q00000"]
    assert [q.id for q in order_quotes(quotes)] == [
        "q00000",
        "q00001",
        "q00002",
    ]  # b.txt first seen, by offset
    many = [make_quote(n) for n in range(50)]
    shuffled = order_quotes(many, "random", seed=1)
    assert shuffled == order_quotes(list(reversed(many)), "random", seed=1)
    assert shuffled != order_quotes(many, "random", seed=2)
    assert shuffled != many
    subset = [q for q in many if q.id.endswith(("1", "3"))]
    assert order_quotes(subset, "random", seed=1) == [q for q in shuffled if q in subset]


def test_orphan_labels_are_found_not_dropped():
    events = [
        make_event("gone", "alice", "critical", CB),
        make_event("q00001", "alice", "neutral", CB),
        make_event("gone2", "bob", "neutral", CB),
        make_event("retracted", "alice", "neutral", CB),
        make_event("retracted", "alice", None, CB),
    ]
    assert [e.quote_id for e in orphan_labels(events, ["q00001"], "alice")] == ["gone"]
    assert sorted(e.quote_id for e in orphan_labels(events, ["q00001"])) == ["gone", "gone2"]


@pytest.mark.parametrize(
    ("seconds", "text"), [(20, "< 1 min"), (600, "10 min"), (3 * 3600 + 300, "3 h 05 min")]
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


async def test_long_context_scrolls_while_arrows_still_browse(quotes, writer):
    long = make_quote(9, prefix="Background sentence. " * 200)
    app = build_annotate_app([long, *quotes], codebook=CB, annotator="alice", writer=writer)
    async with app.run_test(size=(60, 20)) as pilot:
        box = app.item_screen.query_one("#context-box")
        box.focus()
        await pilot.press("right")
        assert app.index == 1
        await pilot.press("left")
        assert app.index == 0
        await pilot.press("down")  # the focused box scrolls; no item change
        assert box.scroll_y > 0 and app.index == 0
