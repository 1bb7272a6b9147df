"""Transcript turns (`WANG YI: (Through interpreter) …`): who speaks, and which turns are the reporter's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancetool.nlp.cues import NARRATOR_ROLES
from stancetool.nlp.marks import DOUBLE_MARKS, SINGLE_MARKS, Paragraph

_TURN = re.compile(
    r"[\"“]?(?P<tag>[A-Z][A-Z'’.\-]*(?: (?:[A-Z][A-Z'’.\-]*|#\d+)){0,4})"
    r"(?:, (?P<role>[A-Z][A-Z ,'’.\-]{1,40}?))?"
    r"(?: \((?P<aside>[^)]{1,40})\))?:(?:\s+(?P<body>\S.*))?$"
)
# `Wang Wenbin: …`, `Reuters: …`: press-conference transcripts print names in normal case. Such a tag counts
# only in a transcript where several turns have one and some speaker takes more than one turn.
_NAMED_TURN = re.compile(
    r"(?P<tag>(?:(?:Mr|Mrs|Ms|Dr)\. )?[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3}):\s+(?P<body>\S.*)$"
)
MIN_NAMED_TURNS = 3
_MARKS = "".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))
HEADLINE_WORDS = 12
# `Peskov:`, `Speaker 1: (00:51)` alone on a line: the words are the next paragraph (web transcripts).
_LONE_TAG = re.compile(
    r"(?P<tag>(?:(?:Mr|Mrs|Ms|Dr)\. )?[A-Z][\w'’\-]*(?: (?:[A-Z][\w'’\-]*|\d{1,2})){0,3}):"
    r"(?:\s*\(\d{1,2}(?::\d{2}){1,2}\))?$"
)
# `Q: …` / `A: …`: an interview printed as questions and answers.
_QA_TURN = re.compile(r"(?P<tag>[QA])[:.]\s+(?P<body>\S.*)$")
QUESTION, ANSWER = "Q", "A"
# Labels that open lines of web pages and notes, not speakers.
_LABELS = frozenset(
    """related update updated note editor photo photos source sources correction read watch listen see also
    advertisement sponsored warning caption credit image video tags topics published share comments
    disclaimer contact email tel phone fax address""".split()
)
# `(Through interpreter)` and the like: stage directions, not words spoken.
_DIRECTION = re.compile(r"^\((?:[^()]{1,80})\)\s*")
_NOT_SPEECH = re.compile(r"^\s*\((?:[^()]{1,80})\)\s*[.]?\s*$")
# The article's voice between or after turns: `"…", says the minister`, `…, Ruiz said.`, `she told CNN`.
_ATTRIBUTION = re.compile(
    r"[\"”’'],?\s+(?:says|said|adds|added|told|writes|wrote)\b"
    r"|\b(?:he|she|they|[A-Z][a-z]+) (?:says|said|told|added|wrote|explained)\b"
)
# A quotation mark inside a paragraph, not opening or closing it (an apostrophe is none).
_DOUBLE = "".join(sorted(DOUBLE_MARKS))
_MARKS_INSIDE = re.compile(rf"\S\s*[{re.escape(_DOUBLE)}]\s*\S|\s[‘']\w")
# An interview printed without tags says so in its first paragraphs.
INTRODUCTION_PARAGRAPHS = 3
# Datelines and section heads look like tags; a transcript has several turns.
MIN_TURNS = 2


@dataclass(frozen=True)
class Turn:
    """One speaker turn of a transcript."""

    paragraph: int
    tag: str
    """The speaker tag as printed (`WANG Y`)."""
    role: str | None
    """What follows the name in the tag (`BYLINE`, `HOST`), if anything."""
    start: int
    """Offset of the spoken words (after stage directions)."""
    end: int
    tag_start: int
    spoken: bool
    """False when the turn holds only a stage direction such as `(Non-English language spoken)`."""


def find_turns(text: str, paras: list[Paragraph]) -> list[Turn]:
    turns: list[Turn] = []
    named: list[Turn] = []
    qa: list[Turn] = []
    lone = {para.index: match for para in paras if (match := _LONE_TAG.match(text, para.start, para.end))}
    for para in paras:
        line = text[para.start : para.end]
        tag_line = paras[para.index - 1] if para.index > 0 and para.index - 1 in lone else None
        if tag_line is not None and para.index not in lone:
            match = lone[tag_line.index]
            tag = match.group("tag")
            body_start = para.start + _skip_directions(line)
            turn = Turn(tag_line.index + 1, tag, None, body_start, para.end, tag_line.start, True)
            (turns if tag.upper() == tag and len(tag) >= 2 else named).append(turn)
            continue
        if para.index in lone:
            continue  # the tag alone: its words are the next paragraph
        qa_match = _QA_TURN.match(line)
        if qa_match is not None:
            body_start = para.start + qa_match.start("body")
            qa.append(Turn(para.index, qa_match.group("tag"), None, body_start, para.end, para.start, True))
            continue
        match = _TURN.match(line)
        if match is None:
            named_match = _NAMED_TURN.match(line)
            if (
                named_match is not None
                and not _is_label(named_match.group("tag"))
                and not _is_headline(named_match.group("body"))
            ):
                body_start = para.start + named_match.start("body")
                named.append(
                    Turn(para.index, named_match.group("tag"), None, body_start, para.end, para.start, True)
                )
            continue
        if len(match.group("tag").replace(".", "").replace(" ", "")) < 2:
            continue
        # `STEVE INSKEEP, HOST:` alone on its line: the words follow in the next paragraphs
        body_start = para.start + match.start("body") if match.group("body") else para.end
        body = text[body_start : para.end]
        spoken = bool(body) and not _NOT_SPEECH.match(body)
        turns.append(
            Turn(
                paragraph=para.index,
                tag=match.group("tag").strip(),
                role=(match.group("role") or "").strip() or None,
                start=body_start + _skip_directions(body),
                end=para.end,
                tag_start=para.start,
                spoken=spoken,
            )
        )
    tags = [turn.tag for turn in named]
    # (fewer will do beside turns in capitals: `GT: …?` then `Denisov: …`)
    if (len(named) >= MIN_NAMED_TURNS or turns) and any(tags.count(tag) > 1 for tag in tags):
        turns = sorted(turns + named, key=lambda turn: turn.start)
    answers = [turn for turn in qa if turn.tag == ANSWER]
    if len(answers) >= MIN_TURNS and len(qa) > len(answers):
        turns = sorted(turns + qa, key=lambda turn: turn.start)
    if not turns:
        turns = _untagged_interview(text, paras)
    return _with_continuations(text, paras, turns) if len(turns) >= MIN_TURNS else []


def _untagged_interview(text: str, paras: list[Paragraph]) -> list[Turn]:
    """An interview printed without tags (`Ana Ruiz, in an interview with …, spoke about …` ¶ `In your
    opinion, …?` ¶ `This should be assessed …`): each paragraph that only asks is a question, and the
    paragraph after it an answer, whose words are those of the person the introduction is about."""
    opening = " ".join(text[p.start : p.end] for p in paras[:INTRODUCTION_PARAGRAPHS]).lower()
    if "interview" not in opening:
        return []
    turns: list[Turn] = []
    for para, following in zip(paras[1:], paras[2:], strict=False):
        if not _asks_only(text, para) or _asks_only(text, following) or _reports_speech(text, following):
            continue
        if _MARKS_INSIDE.search(text, following.start, following.end):
            continue  # the article quoting someone, not an answer
        turns.append(Turn(para.index, QUESTION, None, para.start, para.end, para.start, True))
        line = text[following.start : following.end]
        lead = len(line) - len(line.lstrip("–—- "))  # `– While the offensive …`: a dash marks the turn
        start = following.start + lead + _skip_directions(line[lead:])
        turns.append(Turn(following.index, ANSWER, None, start, following.end, following.start, True))
    return turns if sum(turn.tag == ANSWER for turn in turns) >= MIN_TURNS else []


def _asks_only(text: str, para: Paragraph) -> bool:
    """A paragraph that ends on a question and quotes no one."""
    line = text[para.start : para.end].rstrip()
    return line.endswith("?") and not any(mark in line for mark in DOUBLE_MARKS)


def _with_continuations(text: str, paras: list[Paragraph], turns: list[Turn]) -> list[Turn]:
    """Paragraphs between one turn and the next that carry no tag of their own go on with the turn before
    them (a spokesperson's answer over several paragraphs); stage directions alone are nobody's words."""
    paragraph_at = {para.start: para.index for para in paras}
    out: list[Turn] = []
    for turn, following in zip(turns, [*turns[1:], None], strict=True):
        out.append(turn)
        last = paragraph_at[following.tag_start] if following is not None else len(paras)
        for para in paras[turn.paragraph + 1 : last]:
            if _reports_speech(text, para):
                break  # the article's own voice (`"…", says the minister in the interview`)
            if following is None and (
                _MARKS_INSIDE.search(text, para.start, para.end) or _asks_only(text, para)
            ):
                break  # after the last turn, a paragraph quoting someone (or asking) is not the answer
            # (a transcript the article quotes whole re-opens each paragraph with a quotation mark)
            opening = len(text[para.start : para.end]) - len(text[para.start : para.end].lstrip(_MARKS))
            end = para.end - (opening > 0 and text[para.end - 1] in _MARKS)
            body = text[para.start + opening : end]
            if not body or _NOT_SPEECH.match(body):
                continue
            start = para.start + opening + _skip_directions(body)
            out.append(Turn(para.index, turn.tag, turn.role, start, end, turn.tag_start, turn.spoken))
    return out


def _reports_speech(text: str, para: Paragraph) -> bool:
    """Whether the paragraph attributes speech in the article's own voice: a quotation closed and followed by
    its speech verb (`"…", says Ana Ruiz`), or a speech verb with the speaker's name or pronoun."""
    return _ATTRIBUTION.search(text, para.start, para.end) is not None


def _is_label(tag: str) -> bool:
    """`Editor's Note:`, `Photo:`, `Related:`: a page's label, not a speaker."""
    return any(re.sub(r"['’]s$", "", word.lower()) in _LABELS for word in tag.split())


def _is_headline(body: str) -> bool:
    """`Ukraine War: Full interview with the spokesman`: a few words and no sentence end, a page's heading."""
    return len(body.split()) < HEADLINE_WORDS and body.rstrip()[-1:] not in '.!?…"”’)]'


def _skip_directions(body: str) -> int:
    """How many characters of stage directions (`(Through interpreter)`) open the spoken words."""
    skip = 0
    while (direction := _DIRECTION.match(body[skip:])) is not None and skip + direction.end() < len(body):
        skip += direction.end()
    return skip


def narrator_names(turns: list[Turn], text: str) -> set[str]:
    """Upper-case names of the reporters and hosts: tags marked BYLINE, HOST …, and interviewers, whose turns
    ask questions and whose names the article's own narration never mentions."""
    names: set[str] = set()
    for turn in turns:
        role_words = set(re.split(r"[ ,]+", turn.role or ""))
        if role_words & NARRATOR_ROLES:
            names.add(turn.tag.upper())
            names.add(turn.tag.upper().split()[-1])
    # Everything but the tags themselves: an NPR host introduces a guest inside the host's own turns.
    pieces, last = [], 0
    for turn in turns:
        pieces.append(text[last : turn.tag_start])
        last = turn.start
    pieces.append(text[last:])
    narration = " ".join(pieces).lower()
    asks: dict[str, bool] = {}
    for turn in turns:
        asks[turn.tag.upper()] = asks.get(turn.tag.upper(), False) or "?" in text[turn.start : turn.end]
    for tag, asked in asks.items():
        words = [w.lower() for w in tag.split() if len(w) > 1]
        if asked and not any(re.search(rf"\b{re.escape(w)}\b", narration) for w in words):
            names.add(tag)
    # A press conference or an interview: whoever ends most turns on a question (`CCTV: … What's your
    # response?`; an interviewer also greets and thanks) asks the questions, as long as someone else answers.
    turn_ends: dict[int, Turn] = {}
    for turn in turns:
        turn_ends[turn.tag_start] = turn  # a turn over several paragraphs ends with its last one
    tags = {turn.tag.upper() for turn in turns}
    ends_on_question: dict[str, list[bool]] = {}
    for turn in turn_ends.values():
        ends = text[turn.start : turn.end].rstrip().endswith("?")
        ends_on_question.setdefault(_full_tag(turn.tag.upper(), tags), []).append(ends)
    if any(not all(ends) for ends in ends_on_question.values()):
        asking = {tag for tag, ends in ends_on_question.items() if 2 * sum(ends) > len(ends)}
        names.update(tag for tag in tags if _full_tag(tag, tags) in asking)
    return names


def _full_tag(tag: str, tags: set[str]) -> str:
    """The longest tag a truncated one stands for (`WANG Y` → `WANG YI`, `MILBORN` → `CORINNA MILBORN`),
    else the tag itself."""
    words = tag.split()
    longer = [
        other
        for other in tags
        if len(other) > len(tag)
        and (
            len(other.split()) == len(words)
            and all(full.startswith(short) for full, short in zip(other.split(), words, strict=True))
            or len(words) == 1
            and other.split()[-1] == tag
        )
    ]
    return max(longer, key=len) if longer else tag


def is_unidentified(turn: Turn) -> bool:
    """`UNIDENTIFIED PERSON #2:`, `UNIDENTIFIED MAN:`: a source the transcript does not name."""
    return turn.tag.upper().startswith("UNIDENTIFIED")


def is_narrator(turn: Turn, narrators: set[str]) -> bool:
    if turn.tag == QUESTION:
        return True  # the interviewer's question
    role_words = set(re.split(r"[ ,]+", turn.role or ""))
    return bool(role_words & NARRATOR_ROLES) or turn.tag.upper() in narrators


def is_answer(turn: Turn) -> bool:
    """`A: …`: the words of the one interviewed, whom the introduction names."""
    return turn.tag == ANSWER
