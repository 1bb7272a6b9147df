"""Candidate quotations in a Doc: quoted segments, transcript turns, embedded posts, reported speech."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from stancetool.nlp.cues import BOILERPLATE, SPEECH_VERB_FORMS
from stancetool.nlp.layout import Candidate, DocLayout, layout_of, overlaps
from stancetool.nlp.marks import Paragraph, paragraph_of
from stancetool.nlp.reported import reported_speech
from stancetool.nlp.syntax import reports_nothing
from stancetool.nlp.transcript import is_narrator


def find_candidates(doc: Doc) -> tuple[DocLayout, list[Candidate]]:
    lay = layout_of(doc)
    source_turns = [t for t in lay.turns if t.spoken and not is_narrator(t, lay.narrators)]
    source_paras = {t.paragraph for t in source_turns}
    cands: list[Candidate] = []
    furniture = {p.index for p in lay.paras if BOILERPLATE.search(lay.text, p.start, p.end)}
    for turn in source_turns:
        if turn.end > turn.start and turn.paragraph not in furniture:
            cands.append(Candidate(turn.start, turn.end, "transcript", turn.paragraph, turn=turn))
    source_paras -= furniture
    posts = [
        post for post in (embedded_post(lay.text, p) for p in lay.paras if p.index not in furniture) if post
    ]
    cands.extend(posts)
    # a turn or a post is the quotation as a whole (nothing inside it is quoted again); furniture is no
    # one's words
    not_segmented = source_paras | {post.paragraph for post in posts} | furniture
    turn_openings = {t.tag_start for t in lay.turns}
    for seg in lay.segments:
        if seg.paragraph in not_segmented or seg.open_mark in turn_openings:
            continue
        cands.append(Candidate(seg.start, seg.end, "direct", seg.paragraph, segment=seg))
    indirect = reported_speech(doc, lay, not_segmented)
    cands.extend(indirect)
    cands.extend(speech_mentions(doc, lay, indirect))
    cands.sort(key=lambda c: (c.start, c.end))
    return lay, cands


# A post embedded in a web page and flattened to text: `Words of the post. pic.twitter.com/… — Ana Ruiz
# (@anaruiz) March 1, 2023`.
EMBEDDED_POST = re.compile(
    r"(?P<text>\S.*?)\s*(?:(?:pic\.twitter\.com|https?://t\.co)/\S+\s*)*[—–-]{1,2}\s*"
    r"(?P<author>[^()—–\n]{2,60}?)\s*\(@\w{1,15}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)


def embedded_post(text: str, para: Paragraph) -> Candidate | None:
    found = EMBEDDED_POST.match(text, para.start, para.end)
    if found is None or found.end() != para.end:
        return None
    return Candidate(
        found.start("text"),
        found.end("text"),
        "post",
        para.index,
        author=(found.start("author"), found.end("author")),
    )


REPORT_FORMS = frozenset({"report", "reports", "reported", "reporting"})


def speech_mentions(doc: Doc, lay: DocLayout, reported: list[Candidate]) -> list[Candidate]:
    """Speech verbs that emit nothing themselves but tell who spoke last (`X called him a master.`)."""
    para_starts = [p.start for p in lay.paras]
    taken = {c.cue_token.i for c in reported if c.cue_token is not None and c.kind == "indirect"}
    # `Ruiz said the minister had stressed the deal`: what someone reports is not who spoke last (but what a
    # news agency reports, `Ruiz has stated …, the agency reported`, is who spoke)
    reports = [
        (c.start, c.end)
        for c in reported
        if c.cue_token is not None and c.cue_token.lower_ not in REPORT_FORMS
    ]
    out: list[Candidate] = []
    for token in doc:
        if token.i in taken or token.lower_ not in SPEECH_VERB_FORMS or not token.tag_.startswith("VB"):
            continue
        if overlaps(token.idx, token.idx + len(token), reports):
            continue
        if reports_nothing(token):
            continue  # `did not confirm the visit`: no one spoke
        if token.dep_ == "acl" and token.tag_ == "VBN":
            continue  # `tensions highlighted by a warning from Xi`: a participle describing a noun
        if overlaps(token.idx, token.idx + len(token), lay.quoted_chars):
            continue
        out.append(
            Candidate(
                token.idx,
                token.idx + len(token),
                "mention",
                paragraph_of(para_starts, token.idx),
                cue_token=token,
            )
        )
    return out
