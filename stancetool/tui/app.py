"""The full-screen annotation app (`stancetool annotate`), also used to adjudicate (`stancetool review`).

Every decision is one label event appended (and fsync'ed) through the writer before the screen moves on.
All text from articles and label files reaches the screen as rich `Text` built by `render`, never as markup.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, get_args

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from stancetool.errors import StanceToolError
from stancetool.models import Codebook, Flag, LabelEvent, Quote
from stancetool.store import make_event
from stancetool.tui.render import clean_text, quote_in_context

Mode = Literal["annotate", "review"]
FLAGS: tuple[Flag, ...] = get_args(Flag)
PACE_WINDOW = 50
"""How many of the annotator's latest decisions the remaining-time estimate is based on."""


@dataclass(frozen=True)
class Item:
    """One quotation to decide on; in review mode with the other annotators' current events on it."""

    quote: Quote
    others: tuple[LabelEvent, ...] = ()


class EventWriter(Protocol):
    """Anything that stores an event durably before returning (an `AnnotatorWriter`)."""

    def append(self, event: LabelEvent) -> None: ...


def is_done(event: LabelEvent | None) -> bool:
    """An item is decided when its current event has a label, or flags (an extraction error, no stance)."""
    return event is not None and (event.label is not None or bool(event.flags))


def own_current(events: Iterable[LabelEvent], annotator: str, mode: Mode) -> dict[str, LabelEvent]:
    """The current event per quote id as the app sees it: the annotator's own last (non-adjudication) event,
    or in review mode the latest adjudication event of the quote (by time, any adjudicator)."""
    current: dict[str, LabelEvent] = {}
    if mode == "annotate":
        for event in events:
            if event.annotator == annotator and not event.adjudication:
                current[event.quote_id] = event
    else:
        for event in sorted((e for e in events if e.adjudication), key=lambda e: e.created_at):
            current[event.quote_id] = event
    return current


def format_duration(seconds: float) -> str:
    """A rough human duration: "< 1 min", "12 min", "3 h 05 min"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "< 1 min"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class HelpScreen(ModalScreen[None]):
    """Keys and codebook definitions; any key closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; height: auto; max-height: 90%; border: round $accent;
                                  background: $surface; padding: 1 2; }
    """

    def __init__(self, codebook: Codebook, mode: Mode) -> None:
        super().__init__()
        self.codebook = codebook
        self.mode = mode

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(f"Stance toward {clean_text(self.codebook.target)}", style="bold")
        text.append(f" (codebook version {clean_text(self.codebook.version)})\n\n")
        for label in self.codebook.labels:
            text.append(f" {clean_text(label.key)} ", style="bold reverse")
            text.append(f" {clean_text(label.name)}", style="bold")
            text.append(f"  {clean_text(label.description)}\n")
        decision = "final label (adjudication)" if self.mode == "review" else "label"
        text.append("\nKeys\n", style="bold")
        for key, what in (
            ("label keys", f"give the {decision} and move on to the next open item"),
            ("u", "undo your last change (a new event restores the item's previous state)"),
            ("← →", "browse back and forth to see or revise any item"),
            ("s", "skip: leave the item open and go to the next open one"),
            ("f", "flag an extraction error (a flag without a label also closes the item)"),
            ("n", "add or edit a note on the item"),
            ("?", "this help"),
            ("q", "quit: every decision is already on disk"),
        ):
            text.append(f" {key:<11}", style="bold")
            text.append(f"{what}\n")
        text.append("\nPress any key to close.", style="dim")
        with VerticalScroll():
            yield Static(text)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(None)


class FlagScreen(ModalScreen["tuple[Flag, ...] | None"]):
    """Toggle one extraction-error flag with its number key; escape cancels."""

    DEFAULT_CSS = """
    FlagScreen { align: center middle; }
    FlagScreen > Static { width: auto; height: auto; border: round $warning; background: $surface;
                          padding: 1 2; }
    """

    def __init__(self, flags: Sequence[Flag]) -> None:
        super().__init__()
        self.flags = tuple(flags)

    def compose(self) -> ComposeResult:
        text = Text("Flag an extraction error (press its number to set or clear it, escape to cancel)\n\n")
        for number, flag in enumerate(FLAGS, start=1):
            mark = "x" if flag in self.flags else " "
            text.append(f" {number} ", style="bold reverse")
            text.append(f" [{mark}] {flag.replace('_', ' ')}\n")
        yield Static(text)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "escape":
            self.dismiss(None)
        elif event.character and event.character.isdigit() and 1 <= int(event.character) <= len(FLAGS):
            flag = FLAGS[int(event.character) - 1]
            if flag in self.flags:
                self.dismiss(tuple(f for f in self.flags if f != flag))
            else:
                self.dismiss((*self.flags, flag))


class NoteScreen(ModalScreen["str | None"]):
    """Edit the item's note: enter saves (an empty note removes it), escape cancels."""

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical { width: 80%; height: auto; border: round $accent; background: $surface;
                            padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, note: str | None) -> None:
        super().__init__()
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Note (enter saves, escape cancels, an empty note removes it)"))
            yield Input(value=self.note, id="note-input", select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        self.dismiss(message.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemScreen(Screen[None]):
    """The main screen: one item at a time. Keys are handled here so that modal screens never see them."""

    BINDINGS = [
        Binding("u", "undo", "undo"),
        Binding("left", "browse(-1)", "previous", priority=True),
        Binding("right", "browse(1)", "next", priority=True),
        Binding("s", "skip", "skip"),
        Binding("f", "flag", "flag"),
        Binding("n", "note", "note"),
        Binding("question_mark", "help", "help"),
        Binding("q", "quit", "quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="main"):
            yield Static(id="where")
            yield Static(id="speaker")
            with VerticalScroll(id="context-box"):
                yield Static(id="context")
            yield Static(id="others")
            yield Static(id="state")
            yield Static(id="codebook")
            yield Static(id="progress")
            yield Static(id="keys")

    @property
    def annotate_app(self) -> AnnotateApp:
        assert isinstance(self.app, AnnotateApp)
        return self.app

    def on_mount(self) -> None:
        self.annotate_app.start()

    def on_key(self, event: events.Key) -> None:
        label = self.annotate_app.label_for_key(event.character)
        if label is not None:
            event.stop()
            event.prevent_default()
            self.annotate_app.decide(label)

    def action_undo(self) -> None:
        self.annotate_app.undo()

    def action_browse(self, step: int) -> None:
        self.annotate_app.browse(step)

    def action_skip(self) -> None:
        self.annotate_app.skip()

    def action_flag(self) -> None:
        self.annotate_app.ask_flags()

    def action_note(self) -> None:
        self.annotate_app.ask_note()

    def action_help(self) -> None:
        self.annotate_app.push_screen(HelpScreen(self.annotate_app.codebook, self.annotate_app.mode))

    def action_quit(self) -> None:
        self.annotate_app.exit()


class AnnotateApp(App[None]):
    """Label (or adjudicate) items one keystroke at a time; build it with `build_annotate_app`."""

    TITLE = "stancetool"
    CSS = """
    #main { padding: 0 1; }
    #where { color: $text-muted; }
    #speaker { text-style: bold; margin-bottom: 1; }
    #context-box { height: 1fr; border: round $primary; padding: 0 1; }
    #others { height: auto; margin-top: 1; }
    #state { margin-top: 1; }
    #codebook { margin-top: 1; }
    #keys { color: $text-muted; }
    """

    def __init__(
        self,
        items: Sequence[Item],
        *,
        codebook: Codebook,
        annotator: str,
        writer: EventWriter,
        mode: Mode = "annotate",
        events: Iterable[LabelEvent] = (),
        notice: str | None = None,
    ) -> None:
        super().__init__()
        if not items:
            raise StanceToolError("no quotations to show")
        self.items = list(items)
        self.codebook = codebook
        self.annotator = annotator
        self.writer = writer
        self.mode: Mode = mode
        self.notice = notice
        self.keys = {label.key: label.name for label in codebook.labels}
        past = list(events)
        self.current: dict[str, LabelEvent] = own_current(past, annotator, mode)
        self.pace: list[float] = [
            e.seconds
            for e in past
            if e.annotator == annotator and e.adjudication == (mode == "review") and e.seconds and e.label
        ][-PACE_WINDOW:]
        self.saved: list[LabelEvent] = []
        """Every event this session appended, in order (each one already on disk)."""
        self.undo_stack: list[tuple[int, LabelEvent | None]] = []
        self.done_count = sum(1 for item in self.items if is_done(self.current.get(item.quote.id)))
        first_open = self.next_open(-1)
        self.index = first_open if first_open is not None else 0
        self.shown_at = time.monotonic()
        self.item_screen: ItemScreen | None = None

    # -- state -------------------------------------------------------------------------------------------

    def label_for_key(self, character: str | None) -> str | None:
        """The codebook label bound to `character`, if any."""
        return self.keys.get(character) if character else None

    def event_of(self, index: int) -> LabelEvent | None:
        return self.current.get(self.items[index].quote.id)

    def next_open(self, after: int, *, include_after: bool = False) -> int | None:
        """The next open item after position `after`, wrapping around; None when every other item is done."""
        count = len(self.items)
        for step in range(1, count + 1):
            index = (after + step) % count
            if index == after and not include_after:
                break
            if not is_done(self.event_of(index)):
                return index
        return None

    def _record(
        self, index: int, label: str | None, note: str | None, flags: Sequence[Flag], seconds: float | None
    ) -> bool:
        """Append one event for item `index` (fsync'ed), then update the state; False on error."""
        quote_id = self.items[index].quote.id
        previous = self.current.get(quote_id)
        try:
            event = make_event(
                quote_id,
                self.annotator,
                label,
                self.codebook,
                note=note,
                flags=flags,
                seconds=seconds,
                adjudication=self.mode == "review",
            )
            self.writer.append(event)
        except StanceToolError as exc:
            self.notify(f"not saved: {exc.message}", severity="error", markup=False, timeout=10)
            return False
        self.current[quote_id] = event
        self.done_count += int(is_done(event)) - int(is_done(previous))
        self.saved.append(event)
        return True

    def decide(self, label: str) -> None:
        """Give the current item `label` (keeping its note and flags), save it, show the next open item."""
        index = self.index
        previous = self.event_of(index)
        seconds = time.monotonic() - self.shown_at
        note = previous.note if previous else None
        flags = previous.flags if previous else ()
        if not self._record(index, label, note, flags, seconds):
            return
        self.undo_stack.append((index, previous))
        self.pace = [*self.pace, seconds][-PACE_WINDOW:]
        following = self.next_open(index)
        if following is None:
            self.notify("Every item is done. Press q to quit (everything is saved).", timeout=6)
            self.refresh_item()
        else:
            self.show(following)

    def undo(self) -> None:
        """Restore the item changed last in this session to its state before that change (a new event)."""
        if not self.undo_stack:
            self.notify("Nothing to undo in this session.", timeout=3)
            return
        index, previous = self.undo_stack.pop()
        if previous is None:
            ok = self._record(index, None, None, (), None)
        else:
            ok = self._record(index, previous.label, previous.note, previous.flags, previous.seconds)
        if not ok:
            self.undo_stack.append((index, previous))
            return
        if self.pace and previous is None:
            self.pace = self.pace[:-1]
        self.show(index)

    def browse(self, step: int) -> None:
        """Show the previous or next item, done or not."""
        index = min(max(self.index + step, 0), len(self.items) - 1)
        if index != self.index:
            self.show(index)

    def skip(self) -> None:
        """Leave the current item open and show the next open one."""
        following = self.next_open(self.index)
        if following is None:
            self.notify("No other open item.", timeout=3)
        else:
            self.show(following)

    def ask_flags(self) -> None:
        event = self.event_of(self.index)
        index = self.index

        def done(flags: tuple[Flag, ...] | None) -> None:
            if flags is None:
                return
            previous = self.event_of(index)
            if self._record(
                index, previous.label if previous else None, previous.note if previous else None, flags, None
            ):
                self.undo_stack.append((index, previous))
            self.refresh_item()

        self.push_screen(FlagScreen(event.flags if event else ()), done)

    def ask_note(self) -> None:
        event = self.event_of(self.index)
        index = self.index

        def done(note: str | None) -> None:
            if note is None:
                return
            previous = self.event_of(index)
            if (previous.note if previous else None) == (note or None):
                return
            if self._record(
                index,
                previous.label if previous else None,
                note or None,
                previous.flags if previous else (),
                None,
            ):
                self.undo_stack.append((index, previous))
            self.refresh_item()

        self.push_screen(NoteScreen(event.note if event else None), done)

    # -- display -----------------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        self.item_screen = ItemScreen()
        return self.item_screen

    def start(self) -> None:
        """Called by the item screen once mounted: draw the first item and say what needs saying."""
        self.refresh_item()
        if self.notice:
            self.notify(self.notice, severity="warning", markup=False, timeout=10)
        if self.next_open(self.index, include_after=True) is None:
            self.notify("Every item is done; ← → to revise, q to quit.", timeout=6)

    def show(self, index: int) -> None:
        self.index = index
        self.shown_at = time.monotonic()
        self.refresh_item()

    def refresh_item(self) -> None:
        """Redraw every part of the screen for the current item."""
        screen = self.item_screen
        if screen is None:
            return
        item = self.items[self.index]
        quote = item.quote
        event = self.event_of(self.index)

        def part(selector: str, text: Text) -> None:
            screen.query_one(selector, Static).update(text)

        where = Text()
        if self.mode == "review":
            where.append("REVIEW ", style="bold magenta")
        where.append(f"item {self.index + 1} of {len(self.items)}  ·  article ")
        where.append(clean_text(quote.doc_id), style="bold")
        where.append(f"  ·  {quote.kind}  ·  quote {clean_text(quote.id)}")
        part("#where", where)

        speaker = Text()
        speaker.append(clean_text(quote.speaker) if quote.speaker else "(no speaker)")
        if quote.speaker_title:
            speaker.append(", ")
            speaker.append(clean_text(quote.speaker_title), style="italic")
        part("#speaker", speaker)
        part("#context", quote_in_context(quote))

        others = Text()
        if self.mode == "review":
            others.append("Annotators\n", style="bold")
            for other in item.others:
                others.append(f"  {clean_text(other.annotator)}: ", style="bold")
                others.append(self._describe(other))
                others.append("\n")
            if not item.others:
                others.append("  (no other labels)\n", style="dim")
        part("#others", others)
        screen.query_one("#others").display = self.mode == "review"

        state = Text()
        state.append("Final label: " if self.mode == "review" else "Your label: ", style="bold")
        if event is None or not (event.label or event.flags or event.note):
            state.append("open", style="yellow")
        else:
            state.append(self._describe(event))
        part("#state", state)

        codebook = Text()
        codebook.append(f"Stance toward {clean_text(self.codebook.target)}:  ")
        for label in self.codebook.labels:
            style = "bold reverse" if event is not None and event.label == label.name else "bold"
            codebook.append(f" {clean_text(label.key)} ", style=style)
            codebook.append(f" {clean_text(label.name)}   ")
        part("#codebook", codebook)

        part("#progress", self._progress())
        part("#keys", Text("u undo · ←/→ browse · s skip · f flag · n note · ? help · q quit"))

    def _describe(self, event: LabelEvent) -> Text:
        text = Text()
        text.append(
            clean_text(event.label) if event.label else "no label", style="bold" if event.label else "dim"
        )
        if event.flags:
            text.append("  flags: ", style="dim")
            text.append(", ".join(event.flags), style="yellow")
        if event.note:
            text.append("  note: ", style="dim")
            text.append(clean_text(event.note).replace("\n", " "))
        return text

    def _progress(self) -> Text:
        total = len(self.items)
        remaining = total - self.done_count
        text = Text(f"done {self.done_count} / {total}")
        if remaining == 0:
            text.append("  ·  all done", style="green")
        elif self.pace:
            per_item = statistics.median(self.pace)
            text.append(f"  ·  about {format_duration(per_item * remaining)} left")
            text.append(f" at {per_item:.1f} s per item", style="dim")
        else:
            text.append("  ·  time left: estimated after your first decision", style="dim")
        return text


def build_annotate_app(
    items: Sequence[Item | Quote],
    *,
    codebook: Codebook,
    annotator: str,
    writer: EventWriter,
    mode: Mode = "annotate",
    events: Iterable[LabelEvent] = (),
    notice: str | None = None,
) -> AnnotateApp:
    """The annotation app over `items`, in the order given (quotes are wrapped as items without others).

    `writer` stores each event before the app moves on (an open `AnnotatorWriter` of `annotator`). `events`
    are the label events already stored (e.g. from `read_events`): the annotator's own ones give the state of
    each item (where to resume) and their pace; in review mode the latest adjudication of each quote does, and
    every key press records an adjudication event. `notice` is shown as a warning when the app starts.
    """
    wrapped = [item if isinstance(item, Item) else Item(item) for item in items]
    return AnnotateApp(
        wrapped,
        codebook=codebook,
        annotator=annotator,
        writer=writer,
        mode=mode,
        events=events,
        notice=notice,
    )
