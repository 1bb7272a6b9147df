"""Reported speech: `X said (that) …`, `According to X, …`, and the forms the parser misreads."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.cues import (
    ADDRESSING_VERB_FORMS,
    EXPRESSED_VIEW_NOUNS,
    EXPRESSING_VERB_FORMS,
    INDIRECT_VERB_FORMS,
    SPEECH_VERB_FORMS,
)
from stancetool.nlp.layout import MIN_QUOTE_WORDS, Candidate, DocLayout, overlaps, quoted_words
from stancetool.nlp.marks import QuotedSegment, paragraph_of

FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
POINT_FORMS = frozenset("point points pointed pointing".split())
MENTION_FORMS = frozenset("mention mentions mentioned mentioning".split())
WITHHOLDING_FORMS = frozenset("decline declines declined declining refuse refuses refused refusing".split())
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
CONCESSIVE_WORDS = frozenset({"although", "though"})
MIN_REPORTED_TOKENS = 4
# Nouns a relative clause can describe without leaving a gap in what it reports.
ADVERBIAL_NOUNS = frozenset("time times day week month year moment way reason".split())


def reported_speech(doc: Doc, lay: DocLayout, skip_paras: set[int]) -> list[Candidate]:
    """`X said (that) …` clauses without quotation marks (or whose only quoted words are too few to be a
    quotation of their own: `warned that the town would face "consequences"`)."""
    out: list[Candidate] = []
    para_starts = [p.start for p in lay.paras]
    quotations = [
        (seg.open_mark, end)
        for seg, (_, end) in zip(lay.segments, lay.quoted_chars, strict=True)
        if quoted_words(doc, seg) >= MIN_QUOTE_WORDS
    ]
    opening_marks = {seg.open_mark for seg in lay.segments}
    for token in doc:
        if token.lower_ == "according":
            found = _according_to(doc, token, quotations)
            paragraph = paragraph_of(para_starts, found.start_char) if found is not None else -1
            if found is not None and paragraph not in skip_paras:
                out.append(
                    Candidate(found.start_char, found.end_char, "indirect", paragraph, cue_token=token)
                )
            continue
        expressed = _expressed_view(token)
        if not (token.lower_ in INDIRECT_VERB_FORMS or _points_out(token) or expressed is not None):
            continue
        if not token.tag_.startswith("VB") or overlaps(token.idx, token.idx + len(token), lay.quoted_chars):
            continue
        clause = (
            next((c for c in token.children if c.dep_ == "ccomp"), None)
            or _misparsed_complement(token)
            or expressed
        )
        reported = None
        if clause is None:
            reported = _before_trailing_conjunct(doc, token)
            if reported is None:
                continue
            clause = token.head
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in FIRST_SECOND_PERSON:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "auxpass") for c in clause.children):
            continue  # `what it says is …`: a clause without its own subject states nothing
        if token.lower_ in MENTION_FORMS and not any(
            c.lower_ == "that" and c.dep_ == "mark" for c in clause.children
        ):
            continue  # `mentions Ana Ruiz, whose sentence …`: what is mentioned, not a statement
        span = reported if reported is not None else _clause_span(doc, clause)
        # the quoted words inside are handled as partial quotations; the clause is kept only as a report
        # (whose subject is no one a later `he` refers to)
        holds_quotation = span is not None and overlaps(span.start_char, span.end_char, quotations)
        if span is not None and not holds_quotation:
            span = _without_reporters_additions(doc, span, clause)
        if span is None or len(span) < 4 or span[0].tag_ in ("WP", "WDT") or span[0].lower_ == "whether":
            continue  # too short, or `said what …`, `would not say whether …`, which report no statement
        if _denied(token):
            continue  # `would not say that …`, `declined to say …`
        if _inside_relative_clause(token):
            continue  # `the weapons he suggested he would not brag about`: the report lacks what it is about
        if clause.i < token.i and not _is_trailing_attribution(doc, span, token):
            continue
        if holds_quotation:
            paragraph = paragraph_of(para_starts, span.start_char)
            # (only a clause after its verb: one before it is a quotation the verb attributes, `"…," X said`)
            if paragraph not in skip_paras and span.start > token.i:
                out.append(Candidate(span.start_char, span.end_char, "report", paragraph, cue_token=token))
            continue
        if span.start > token.i and _cut_mid_noun(doc, span, token):
            span = _without_reporters_additions(doc, _to_sentence_end(doc, span), clause)
        if overlaps(span.start_char, span.end_char, quotations) or _runs_into_quotation(
            doc, span, opening_marks
        ):
            continue
        start, end = _with_whole_marks(span.start_char, span.end_char, lay.segments)
        paragraph = paragraph_of(para_starts, start)
        if paragraph in skip_paras:
            continue
        out.append(Candidate(start, end, "indirect", paragraph, cue_token=token))
    # `A said B said C`: the nested report belongs to the outer one.
    return [
        c
        for c in out
        if not any(o is not c and o.kind == "indirect" and o.start <= c.cue_token.idx < o.end for o in out)
    ]


def _inside_relative_clause(verb: Token) -> bool:
    """A speech verb in a relative clause that holds no relative word of its own (`the plan she said would
    fail`, `the weapons he said he would use`): what it reports has a gap where the described noun belongs."""
    if verb.dep_ != "relcl" or verb.head.lower_ in ADVERBIAL_NOUNS:
        return False  # (`the third time Ruiz said it had happened`: the report is whole)
    relative = RELATIVE_WORDS | {"that", "where", "when"}
    holds_relative = any(t.lower_ in relative for c in verb.children if c.dep_ != "ccomp" for t in c.subtree)
    return not holds_relative  # (`in which he said …`, `who said …`, `many of whom say …`: whole clauses)


def _with_whole_marks(start: int, end: int, segments: list[QuotedSegment]) -> tuple[int, int]:
    """`the army is “depleted”`: a reported clause that ends (or starts) inside a quoted word keeps both
    of its marks."""
    for seg in segments:
        if start <= seg.open_mark < end and seg.close_mark is not None and seg.close_mark >= end:
            end = seg.close_mark + 1
        if seg.open_mark < start and seg.close_mark is not None and start <= seg.close_mark < end:
            start = seg.open_mark
    return start, end


def _before_trailing_conjunct(doc: Doc, verb: Token) -> Span | None:
    """`Russia is ready for talks, but only on its terms, Ruiz told reporters.`, where the parser made the
    attribution a second clause joined to the first: the words before it, up to its comma."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i < 2 or doc[subject.left_edge.i - 1].text != ",":
        return None
    start = verb.head.left_edge.i
    while start < subject.left_edge.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = subject.left_edge.i - 1
    return doc[start:end] if end > start else None


def _expressed_view(verb: Token) -> Token | None:
    """`Wang expressed hope that the sides would meet`, `voiced concern that …`: the clause of the view
    stated (not a relative clause: `concerns that were raised by voters`)."""
    if verb.lower_ not in EXPRESSING_VERB_FORMS:
        return None
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.lower_ not in EXPRESSED_VIEW_NOUNS:
            continue
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                return clause
    return None


def _points_out(verb: Token) -> bool:
    """`Xi pointed out that …`."""
    return verb.lower_ in POINT_FORMS and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _according_to(doc: Doc, according: Token, quotations: list[tuple[int, int]]) -> Span | None:
    """`According to the ministry, the talks failed.` / `The talks failed, according to the ministry.`: the
    sentence, less the attribution set off by its comma, is what the source reports."""
    to = doc[according.i + 1] if according.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to" or not any(c.dep_ == "pobj" for c in to.children):
        return None
    sent = according.sent
    last = max(according.right_edge.i, to.right_edge.i)
    if doc[last].text != "," and last + 1 < len(doc) and doc[last + 1].text == ",":
        last += 1
    end = sent.end
    while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if according.i == sent.start and last + 1 < end and doc[last].text == ",":
        span = doc[last + 1 : end]
    elif last + 1 >= end and according.i > sent.start and doc[according.i - 1].text == ",":
        span = doc[sent.start : according.i - 1]
    else:
        return None
    if len(span) < MIN_REPORTED_TOKENS or overlaps(span.start_char, span.end_char, quotations):
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span):
        return None  # a fragment (`at a conference last month, according to …`), not a statement
    if any(t.lower_ in INDIRECT_VERB_FORMS and t.tag_.startswith("VB") for t in span):
        return None  # `Police have said …, according to the family`: the report inside speaks for itself
    return span


def _next_word(doc: Doc, span: Span) -> Token | None:
    """The token after `span` when nothing parts them (no punctuation, no paragraph break): the parser's
    sentence boundaries are not trusted here, because a cut-short clause often comes with a wrong one."""
    after = span.end
    if after < len(doc) and doc[after].is_space:
        if "\n" in doc[after].text:
            return None
        after += 1
    return doc[after] if after < len(doc) else None


def _runs_into_quotation(doc: Doc, clause: Span, opening_marks: set[int]) -> bool:
    """`… are to blame for focusing on "…"`: the report goes on, with no break, into a quotation, and the
    partial quotation carries it."""
    nxt = _next_word(doc, clause)
    return nxt is not None and nxt.idx in opening_marks


def _cut_mid_noun(doc: Doc, clause: Span, verb: Token) -> bool:
    """The parse ended the reported clause inside a noun phrase (`she felt the Fifth | Amendment was …`,
    `a plan in case | Mexico's partner …`)."""
    nxt = _next_word(doc, clause)
    return (
        nxt is not None
        and nxt.i != verb.i
        and nxt.tag_.startswith("NN")
        and clause[-1].tag_ in ("NNP", "NNPS", "NN", "NNS", "JJ", "DT", "CD")
    )


def _to_sentence_end(doc: Doc, clause: Span) -> Span:
    end = doc[clause.end].sent.end
    while end > clause.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[clause.start : end]


def _misparsed_complement(verb: Token) -> Token | None:
    """`said in a statement on the call that Ruiz had raised …`: the parser took the reported clause for a
    relative clause of the noun before it. It is one when its `that` is a conjunction (`mark`) or when the
    clause has an object besides the `that` (`that Ruiz had briefed Nowak`)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for clause in prep.subtree:
            if clause.dep_ != "relcl" or clause.left_edge.lower_ != "that":
                continue
            that = clause.left_edge
            objects = [c for c in clause.children if c.dep_ == "dobj" and c.i != that.i]
            if that.dep_ == "mark" or (that.dep_ == "dobj" and objects):
                return clause
    return None


def _denied(verb: Token) -> bool:
    """`did not say`, `declined to say`, `refused to confirm`: speech that was withheld."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # `refused to release the file or explain how …`
    return verb.dep_ == "xcomp" and verb.head.lower_ in WITHHOLDING_FORMS


def _is_trailing_attribution(doc: Doc, clause: Span, verb: Token) -> bool:
    """`Crimea is costly for Russia, said Keith Darden.` / `…, Darden said.`: a clause before its cue counts
    only when a comma parts them and the attribution closes the sentence."""
    if clause.end >= len(doc) or doc[clause.end].text not in (",", "—", "–"):
        return False
    if verb.i - clause.end > 5:
        return False
    if verb.lower_ not in ADDRESSING_VERB_FORMS and any(c.dep_ == "dobj" for c in verb.children):
        return False  # `…; Ruiz and others vow consequences`: the verb has its own object
    sentence_end = verb.sent.end
    tail = [t for t in doc[verb.i + 1 : sentence_end] if not t.is_punct and not t.is_space]
    return len(tail) <= 8


def _clause_span(doc: Doc, clause: Token) -> Span | None:
    left, right = clause.left_edge.i, clause.right_edge.i
    while left <= right and (
        doc[left].lower_ == "that"
        and (
            doc[left].dep_ == "mark" or left == clause.left_edge.i and not doc[left].dep_.startswith("nsubj")
        )
        or doc[left].is_punct
        and doc[left].text not in "(["
    ):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right < left:
        return None
    return doc[left : right + 1]


def _without_reporters_additions(doc: Doc, span: Span, root: Token) -> Span:
    """The reported clause without what the reporter added at its end: `…, which forced her to leave`,
    `…, the alliance that …`, `… and warned against …`, `…, arguing …`,
    `…, although he refused …`, `… ― as was true …`. A relative clause or apposition is the reporter's
    only once the reported clause's own verb has come (`the officer, who was on leave, was not wearing …`
    keeps it)."""
    for token in span[MIN_REPORTED_TOKENS:]:
        nxt = doc[token.i + 1] if token.i + 1 < span.end else None
        lone_dash = token.text in ("—", "―", "–") and all(
            t.text != token.text for t in doc[token.i + 1 : span.end]
        )
        if lone_dash:
            return _cut(doc, span, token.i)
        if token.text == "," and nxt is not None:
            if nxt.lower_ in RELATIVE_WORDS and root.i < token.i:
                return _cut(doc, span, token.i)
            if nxt.lower_ in CONCESSIVE_WORDS:
                return _cut(doc, span, token.i)
            if nxt.tag_ == "VBG" and nxt.lower_ in SPEECH_VERB_FORMS:
                return _cut(doc, span, token.i)
            appositive = next((t for t in doc[token.i + 1 : span.end] if t.dep_ == "appos"), None)
            if appositive is not None and appositive.left_edge.i == token.i + 1 and root.i < token.i:
                return _cut(doc, span, token.i)
        if (
            token.dep_ == "cc"
            and nxt is not None
            and nxt.dep_ == "conj"
            and nxt.lower_ in SPEECH_VERB_FORMS
            and nxt.tag_.startswith("VB")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)
        ):
            return _cut(doc, span, token.i)
    return span


def _cut(doc: Doc, span: Span, at: int) -> Span:
    end = at
    while end > span.start and (
        doc[end - 1].is_punct and doc[end - 1].text not in ")]" or doc[end - 1].is_space
    ):
        end -= 1
    return doc[span.start : end] if end - span.start >= MIN_REPORTED_TOKENS else span
