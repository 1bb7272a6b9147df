"""Attribution: the cue and the speaker of each candidate quotation, in reading order.

Which cue a quotation has and which clause it belongs to is decided here; who the subject or owner of that
clause is comes from `speakers.SpeakerFinder`, and who a short name or a pronoun means from `people.People`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.cues import (
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    ROLE_NOUNS,
    SCARE_MARKERS,
    SPEECH_NOUNS,
    SPEECH_VERB_FORMS,
    WORK_NOUNS,
)
from stancetool.nlp.layout import MIN_QUOTE_WORDS, Candidate, DocLayout, quoted_words
from stancetool.nlp.marks import DOUBLE_MARKS, SINGLE_MARKS, QuotedSegment
from stancetool.nlp.names import plain_words
from stancetool.nlp.people import Event, Speaker, has_role
from stancetool.nlp.records import QuoteSpan
from stancetool.nlp.speakers import ISSUED_NOUNS, PORTFOLIO_WORDS, SPOKES_ROLES, SpeakerFinder
from stancetool.nlp.syntax import (
    DASHES,
    coordinated,
    is_speech_verb,
    is_title_case,
    looks_like_title,
    passive_without_agent,
    reports_nothing,
    speech_noun_owner,
)
from stancetool.nlp.tags import (
    is_determiner,
    is_noun,
    is_preposition,
    is_proper_noun,
    is_verb,
)

QUOTE_MARKS = DOUBLE_MARKS | SINGLE_MARKS
QUOTE_CHARS = "".join(sorted(QUOTE_MARKS))
# A quotation with no cue continues the speaker of a speech event with fewer paragraphs than this between
# them (headings not counted: a heading has at most MAX_HEADING_WORDS words and no full stop).
FLOAT_REACH = 1
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_HEADING_WORDS = 20
# What a paragraph ending in a colon announces: `Lavrov's comments:`, `excerpts from Ruiz's speech:`.
INTRODUCING_NOUNS = SPEECH_NOUNS | frozenset({"quotes", "answers", "address", "interview", "testimony"})
MAX_CONTEXT_CHARS = 700
MIN_ORPHAN_WORDS = 4
# A quotation without a speaker takes the speaker of the same words quoted elsewhere when it has this many.
MIN_REPEATED_WORDS = 3
# A photo credit after a caption's dash: `- Jan Kowal/PA Wire`, `- Getty Images`, `(Picture: Reuters)`.
PHOTO_CREDIT = re.compile(r"\w/\w|\b(?:Getty|Shutterstock|Alamy|AFP|Reuters|AP Photo|EPA|PA Wire)\b")
SUBORDINATORS = frozenset(
    "when whenever while after before because since until once if unless although though whereas".split()
)


class Attributor:
    """Attributes the candidates of one Doc, in reading order (later quotations lean on earlier ones)."""

    def __init__(self, doc: Doc, lay: DocLayout) -> None:
        self.doc = doc
        self.lay = lay
        self.text = lay.text
        self.find = SpeakerFinder(doc, lay)
        self.events = self.find.events
        self.speaker_of_span: dict[int, Speaker] = {}
        self.reported: list[tuple[int, int]] = []
        """Where the reported clauses are (a word quoted inside one is part of that report)."""
        self.quoted_paragraphs = {seg.paragraph for seg in lay.segments}

    # ---------------------------------------------------------------- entry point
    def attribute(self, candidates: list[Candidate]) -> list[QuoteSpan]:
        """The quotations among `candidates` (in reading order), attributed."""
        self.reported = [(c.start, c.end) for c in candidates if c.kind == "indirect"]
        # (a report that holds a quotation is no candidate itself, but its subject is no antecedent either)
        self.find.people.leave_out_reported_subjects(
            [(c.start, c.end) for c in candidates if c.kind in ("indirect", "report")]
        )
        candidates = [c for c in candidates if c.kind != "report"]
        introductions = self._introductions()
        spans: list[QuoteSpan] = []
        for cand in candidates:
            while introductions and introductions[0].start < cand.start:
                self.events.append(introductions.pop(0))
            span = self._attribute_one(cand)
            if span is not None:
                spans.append(span)
        self._share_speakers(spans)
        self._introduce_roles(spans)
        return spans

    def _introductions(self) -> list[Event]:
        """`Here is a selection of Lavrov's comments:`: a paragraph announcing the quotations that follow it,
        as whose words they read even with headings between them."""
        found: list[Event] = []
        for para in self.lay.paras:
            if para.index in self.quoted_paragraphs or not self.text[para.start : para.end].endswith(":"):
                continue
            span = self.doc.char_span(para.start, para.end, alignment_mode="expand")
            nouns = [t for t in span or [] if t.lower_ in INTRODUCING_NOUNS and is_noun(t)]
            for noun in nouns:
                speaker = self.find.author_of(noun, para.start)
                if speaker is not None:
                    found.append(Event(para.start, para.index, speaker))
                    break
        return found

    def _introduce_roles(self, spans: list[QuoteSpan]) -> None:
        """`Top diplomat says West should "…"` in a headline, before anyone is named: the person the article
        goes on to quote with that role (`prominent diplomat Qu Xing`)."""
        for n, span in enumerate(spans):
            described = self.speaker_of_span.get(id(span))
            if described is None or described.name is None or described.named:
                continue
            role_words = plain_words(described.name)
            # (`a defence ministry spokesperson said`: one who speaks on the record, named later)
            role = described.role or (
                role_words[-1] if role_words[-1:] and role_words[-1] in SPOKES_ROLES else None
            )
            if role is None or role not in role_words:
                continue
            after_role = set(role_words[role_words.index(role) + 1 :])
            portfolio = set(role_words[: role_words.index(role)]) & PORTFOLIO_WORDS
            for later in spans[n + 1 :]:
                person = self.speaker_of_span.get(id(later))
                if person is None or not person.is_person or not person.name or not later.speaker_title:
                    continue
                title_words = set(plain_words(later.speaker_title))
                # (`a defence ministry spokesperson` is not the `foreign ministry spokesperson`)
                other_portfolio = bool(title_words & PORTFOLIO_WORDS) and not portfolio <= title_words
                if has_role(later.speaker_title, role) and after_role <= title_words and not other_portfolio:
                    span.speaker, span.speaker_title = person.name, described.name
                    break

    def _share_speakers(self, spans: list[QuoteSpan]) -> None:
        """Give a quotation left without a speaker the speaker of the same words elsewhere in the article (a
        headline repeating a quote from the body), or of another quotation in its own sentence (`called the
        plan "reckless" and said it would "end in tears"`)."""
        attributed = [s for s in spans if s.speaker]
        if not attributed:
            return
        words = {id(s): _quote_words(self.text[s.start : s.end]) for s in spans}
        for span in spans:
            if span.kind == "transcript":
                continue
            mine = words[id(span)]
            if span.speaker:
                # `'We should be ready'` as a subheading, which took the speaker before it: the speaker of the
                # quotation below that it excerpts
                if span.cue is None and self._quotation_is_heading(span):
                    source = next(
                        (
                            o
                            for o in attributed
                            if o.start > span.end and o.cue and _repeats(mine, words[id(o)])
                        ),
                        None,
                    )
                    if source is not None:
                        span.speaker, span.speaker_title = source.speaker, source.speaker_title
                continue
            source = next((o for o in attributed if _repeats(mine, words[id(o)])), None)
            if source is None:
                sentence = self._sentence_bounds(span.start)
                same = [o for o in attributed if sentence[0] <= o.start < sentence[1]]
                same.sort(key=lambda o: (o.start > span.start, abs(o.start - span.start)))
                source = same[0] if same else None
            if source is not None:
                span.speaker, span.speaker_title = source.speaker, source.speaker_title

    def _quotation_is_heading(self, span: QuoteSpan) -> bool:
        """Whether the quotation is a paragraph of its own, as short as a heading and without a full stop."""
        para = self.lay.paras[self.find.paragraph_of(span.start)]
        line = self.text[para.start : para.end].strip(QUOTE_CHARS + " ")
        return (
            line == self.text[span.start : span.end].strip(QUOTE_CHARS + " ")
            and len(line.split()) <= MAX_HEADING_WORDS
            and line[-1:] not in ".:;,"
        )

    def _sentence_bounds(self, offset: int) -> tuple[int, int]:
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None:
            return offset, offset
        sent = token[0].sent
        return sent.start_char, sent.end_char

    def _attribute_one(self, cand: Candidate) -> QuoteSpan | None:
        if cand.kind == "transcript":
            speaker, cue = self.find.of_turn(cand), cand.turn.tag if cand.turn else None
            kind = "transcript"
        elif cand.kind == "mention":
            speaker = self.find.of_verb(cand.cue_token, cand.start)
            if speaker is None or not speaker.is_person:
                return None
            cue, kind = cand.cue_token.text, "mention"
        elif cand.kind == "post":
            assert cand.author is not None
            name = self.text[cand.author[0] : cand.author[1]]
            speaker, cue, kind = (
                self.find.person_from_words(name.split(), cand.author[0], None),
                "posted",
                "direct",
            )
        elif cand.kind == "indirect":
            speaker = self.find.of_verb(cand.cue_token, cand.start)
            if speaker is None or speaker.name is None:
                return None
            cue, kind = cue_text(cand.cue_token), "indirect"
        else:
            found = self._direct(cand)
            if found is None:
                return None
            speaker, cue, kind = found
        if speaker.name:
            self.events.append(Event(cand.start, cand.paragraph, speaker))
        if kind == "mention":
            return None
        ctx_start, ctx_end = self._context(cand)
        span = QuoteSpan(
            start=cand.start,
            end=cand.end,
            kind=kind,
            context_start=ctx_start,
            context_end=ctx_end,
            speaker=speaker.name,
            speaker_title=speaker.title,
            cue=cue,
        )
        self.speaker_of_span[id(span)] = speaker
        return span

    # ---------------------------------------------------------------- quoted segments
    def _direct(self, cand: Candidate) -> tuple[Speaker, str | None, str] | None:
        seg = cand.segment
        assert seg is not None
        quote = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if quote is None:
            return None
        standalone = self._starts_sentence(seg.open_mark) and not self.text[seg.start].islower()
        kind = "direct" if standalone else "partial"
        words = quoted_words(self.doc, seg)
        if words < MIN_QUOTE_WORDS:
            return self._one_word(quote, seg, kind) if words == 1 else None
        if not standalone and looks_like_title(quote) and not self._named_by_speech(quote):
            return None  # a show, a book, a law: `appeared on "Fox News Sunday"`
        if self._names_a_work(quote):
            return None  # `her column, "Tell your own story," is thoughtful`
        lead = self.text[max(0, seg.open_mark - 24) : seg.open_mark].lower().rstrip(" ,")
        lead = lead.removesuffix(" the").removesuffix(" a").removesuffix(" an")
        if lead.endswith(SCARE_MARKERS):
            return None  # `the so-called "peace dividend"`
        cue = self._cue_for(quote, seg)
        if cue is not None:
            cue_text, speaker = cue
            if speaker is not None:
                return speaker, cue_text, kind
        if seg.continuation and self.events:
            return self.events[-1].speaker, None, kind
        named = self._name_before_colon(seg.open_mark)
        if named is not None:
            return named, ":", kind
        if not standalone or self._after_colon(seg.open_mark):
            # `likened the plan to a "slow-motion shipwreck"`, `posted: "It is about us."`: the words
            # belong to whoever the clause is about, when that is someone named.
            if not standalone and self._labels_a_noun(quote):
                return None  # `the "carried interest" loophole`: a name for the thing, not anyone's words
            verbs = self._governing_verbs(quote)
            someone_else = self._someone_acts(verbs, quote)
            reported = any(is_speech_verb(verb) and not _describes_a_thing(verb) for verb in verbs)
            if reported:
                verbs = []  # `voters agreed that Ruiz is in "good health"`: not Ruiz's words
            for verb in verbs:
                if self._in_subject_of(quote, verb):
                    continue  # `"super PACs" backed by donors seized on the issue`: the words are what acted
                # a name merely standing near a verb of another kind is no sign of who spoke
                speaker = self.find.of_verb(verb, quote.start_char, guess_adjacent=False)
                if speaker is not None and speaker.name and speaker.named:
                    return speaker, verb.text, kind
            if not standalone:
                last = self.events[-1] if self.events else None
                if (
                    not reported
                    and last is not None
                    and last.speaker.name
                    and someone_else in (None, last.speaker.name)
                    and (
                        self._in_previous_sentence(last.start, quote)
                        or self._opens_run_paragraph(last, cand, quote)
                    )
                ):
                    # `Ruiz said … . But she doesn't "see a window …"`: the speaker of the sentence before
                    return last.speaker, None, kind
                return Speaker(None), None, kind
        subject = self._previous_sentence_subject(quote)
        if subject is not None:
            return subject, None, kind
        last = self.events[-1] if self.events else None
        if (
            last is not None
            and last.speaker.name
            and self._paragraphs_between(last.paragraph, cand.paragraph) < FLOAT_REACH
        ):
            return last.speaker, None, kind
        # `Then the foreign minister makes a confession. ¶ "To be honest, I worry …"`
        subject = self._previous_sentence_subject(quote, across_paragraphs=True)
        if subject is not None and subject.name and subject.named:
            return subject, None, kind
        if len(quote) < MIN_ORPHAN_WORDS:
            return None
        return Speaker(None), None, kind

    def _one_word(self, quote: Span, seg: QuotedSegment, kind: str) -> tuple[Speaker, str | None, str] | None:
        """`Ruiz called the reaction "predictable"`, `"No," he told reporters`: one quoted word is a quotation
        only as what a named speaker's verb says, never as a term alone (`the "reset"`)."""
        if any(start <= seg.start and seg.end <= end for start, end in self.reported):
            return None  # `said the army is "depleted"`: the report holds the word
        word = next(t for t in quote if t.is_alpha or t.like_num)
        head = word.head
        if head.lower_ == "as" and head.dep_ == "prep":
            head = head.head  # `described it as "unacceptable"`
        elif word.i > head.i and head.dep_ == "dobj" and is_noun(head):
            head = head.head  # `called the reaction "predictable"`, the word parsed as the noun's modifier
        if head.i == word.i or not is_speech_verb(head) or self.find.inside_quotes(head):
            return None
        speaker = self.find.of_verb(head, quote.start_char, guess_adjacent=False)
        if speaker is None or not speaker.name or not speaker.named:
            return None
        return speaker, cue_text(head), kind

    def _someone_acts(self, verbs: list[Token], quote: Span) -> str | None:
        """Who the clauses around the quotation are about, if a name or pronoun says so (`They … found there
        had been "…"`): "" when it is no one the article names."""
        for verb in verbs:
            subject = self.find.subject_of(verb)
            if subject is None or quote.start <= subject.i < quote.end:
                continue
            if subject.tag_ == "PRP" or is_proper_noun(subject):
                found = self.find.of_noun(subject, quote.start_char)
                return found.name if found is not None and found.name else ""
        return None

    def _opens_run_paragraph(self, last: Event, cand: Candidate, quote: Span) -> bool:
        """`— On Ukraine ¶ If the West had kept to the accords, "the crisis would be settled."`: a paragraph
        of one sentence whose main clause is the quoted words, in a run of the same speaker's quotations."""
        sent = self.doc[quote.start].sent
        para = self.lay.paras[cand.paragraph]
        if sent.start_char > para.start or sent.end_char < para.end - 1:
            return False
        if not quote.start <= sent.root.i < quote.end:
            return False
        return self._paragraphs_between(last.paragraph, cand.paragraph) < FLOAT_REACH

    def _in_previous_sentence(self, offset: int, quote: Span) -> bool:
        """Whether `offset` lies in the sentence just before the quotation's, in the same paragraph."""
        sent = self.doc[quote.start].sent
        if sent.start == 0:
            return False
        previous = self.doc[sent.start - 1].sent
        return previous.start_char <= offset < previous.end_char and self.find.paragraph_of(
            previous.start_char
        ) == self.find.paragraph_of(quote.start_char)

    def _paragraphs_between(self, first: int, last: int) -> int:
        """Paragraphs strictly between two, not counting headings (`What did the minister say?`, `— On
        Syria`), which break no run of one speaker's quotations."""
        count = 0
        for para in self.lay.paras[first + 1 : last]:
            line = self.text[para.start : para.end]
            heading = (
                para.index not in self.quoted_paragraphs
                and len(line.split()) <= MAX_HEADING_WORDS
                and line.rstrip()[-1:] not in ".:;,"
            )
            count += not heading
        return count

    def _labels_a_noun(self, quote: Span) -> bool:
        """`the notorious "carried interest" loophole`: the quoted words modify a noun that follows them."""
        roots = [t for t in quote if not quote.start <= t.head.i < quote.end]
        if len(roots) != 1:
            return False
        root = roots[0]
        return root.dep_ in ("amod", "compound", "nmod") and root.head.i >= quote.end and is_noun(root.head)

    def _in_subject_of(self, quote: Span, verb: Token) -> bool:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        return any(s.left_edge.i <= quote.start and quote.end - 1 <= s.right_edge.i for s in subjects)

    def _names_a_work(self, quote: Span) -> bool:
        """Whether the words are the title of a piece of writing or art named just before them: `the film
        "…"`, `her op-ed, "…,"`."""
        j = quote.start - 1
        while j >= 0 and (self.doc[j].is_space or set(self.doc[j].text) <= QUOTE_MARKS | {","}):
            j -= 1
        return j >= 0 and self.doc[j].lower_ in WORK_NOUNS and is_noun(self.doc[j])

    def _previous_sentence_subject(self, quote: Span, across_paragraphs: bool = False) -> Speaker | None:
        """`Ruiz named … as one reason. "The younger people are …"`: the person the sentence before,
        in the same paragraph (or, across paragraphs, the one just before), is about."""
        sent = self.doc[quote.start].sent
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        previous_paragraph = self.find.paragraph_of(previous.start_char)
        paragraph = self.find.paragraph_of(quote.start_char)
        if previous_paragraph != paragraph and not (
            across_paragraphs
            and previous_paragraph == paragraph - 1
            and previous_paragraph not in self.quoted_paragraphs
        ):
            return None
        if self.find.inside_quotes(previous.root):
            return None
        subject = self.find.subject_of(previous.root)
        if subject is None or subject.tag_ == "PRP":
            return None
        speaker = self.find.of_noun(subject, quote.start_char)
        return speaker if speaker is not None and speaker.is_person else None

    def _named_by_speech(self, quote: Span) -> bool:
        """`called the plan "Peace Through Strength"`: a speech verb takes the words as its object, not as
        the place it happened (`said on "Face the Nation"`)."""
        root = quote.root
        before = self.doc[quote.start - 2] if quote.start >= 2 else None
        if before is not None and (is_preposition(before) or is_determiner(before) or before.tag_ == "POS"):
            return False  # `said on "…"`, `told NBC's "…"`: the name of a show, a paper, a book
        head, through_preposition = root, False
        for _ in range(6):
            if head.dep_ in ("pobj", "prep", "pcomp", "agent"):
                through_preposition = True
            if head.head.i == head.i:
                return False
            head = head.head
            if is_speech_verb(head) and not self.find.inside_quotes(head):
                return not through_preposition
            if is_verb(head):
                return False  # the words belong to another clause (`backed the policy "…", the survey found`)
        return False

    def _governing_verbs(self, quote: Span) -> list[Token]:
        """Verbs outside the quotation that the quoted words depend on, nearest first."""
        verbs: list[Token] = []
        roots = [t for t in quote if not quote.start <= t.head.i < quote.end]
        if self._after_colon(quote.start_char - 1):
            # `X made the following comment: "…"`: the clause before the colon (in the quotation's sentence
            # or, where the parser ended the sentence at the colon, the one before).
            before = quote.start - 1
            while before >= 0 and (self.doc[before].is_space or self.doc[before].text in QUOTE_MARKS):
                before -= 1
            if before >= 0 and self.doc[before].text == ":":
                before -= 1
            while before >= 0 and self.doc[before].is_space:
                before -= 1
            if before >= 0:
                roots.append(self.doc[before])
        for token in roots:
            head = token.head if not self.find.inside_quotes(token) or token.head.i != token.i else token
            for _ in range(8):
                if is_verb(head) and not self.find.inside_quotes(head) and head not in verbs:
                    verbs.append(head)
                    if len(verbs) >= 4:
                        return verbs
                if head.head.i == head.i:
                    break
                head = head.head
        return verbs

    def _name_before_colon(self, mark: int) -> Speaker | None:
        """`Foreign Minister Ana Ruiz: "…"`: a name, with no verb, introducing the words with a colon."""
        if not self._after_colon(mark):
            return None
        colon = self._colon_before(mark)
        if colon is None or colon.i == 0:
            return None
        last = self.doc[colon.i - 1]
        if self.find.inside_quotes(last):
            return None
        fragment = self.doc[last.sent.start : last.i + 1]
        if last.ent_type_ not in ("PERSON", "ORG") or any(is_verb(t) for t in fragment) or len(fragment) > 8:
            # `Quoting Jim Grobe after the win over Duke:`, `Bob Stoops on beating his brother, Mark:`: a
            # label without a finite verb, about the first person it names
            # (the label opens with the name, and is no headline in title case, whose verbs read as names)
            label_like = (
                len(fragment) <= 15
                and not any(t.tag_ in FINITE_VERB_TAGS for t in fragment)
                and not is_title_case(fragment.text)
            )
            first = next((t for t in fragment[:3] if t.ent_type_ == "PERSON"), None) if label_like else None
            entity = self.find.entity_of[first.i] if first is not None else None
            if entity is None:
                return None
            last = entity.root
        speaker = self.find.of_noun(last, mark)
        return speaker if speaker is not None and speaker.name and speaker.named else None

    def _colon_before(self, mark: int) -> Token | None:
        """The token of the last colon before an opening mark (which `_after_colon` says there is)."""
        colon = self.text.rindex(":", 0, mark)
        span = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        return span[0] if span is not None else None

    def _after_colon(self, mark: int) -> bool:
        i = mark - 1
        while i >= 0 and (self.text[i].isspace() or self.text[i] in '“"'):
            i -= 1
        return i >= 0 and self.text[i] == ":"

    def _starts_sentence(self, mark: int) -> bool:
        i = mark - 1
        while i >= 0 and self.text[i].isspace() and self.text[i] != "\n":
            i -= 1
        if i > 0 and self.text[i] in QUOTE_MARKS and self.text[i - 1] in ".!?…":
            return True  # `…." "Next sentence`
        return i < 0 or self.text[i] in "\n.:!?…," or self.text[i] in DASHES and self.text[i - 1 : i] == " "

    def _cue_for(self, quote: Span, seg: QuotedSegment) -> tuple[str, Speaker | None] | None:
        # 1. A dash right after the closing mark: `”― Sonya Herridge`.
        dash = self._dash_attribution(seg)
        if dash is not None:
            return dash
        # 2. A speech verb that governs the quoted words.
        best: tuple[int, Token] | None = None
        for token in quote:
            head, depth = token, 0
            while head.head.i != head.i and depth < 8:
                child, head, depth = head, head.head, depth + 1
                if head.i >= quote.start and head.i < quote.end:
                    continue
                if _judges_the_words(child, head):
                    break  # `Ruiz's "wrongful and dangerous" remarks`: someone else's verdict on her words
                if (is_speech_verb(head) or speech_noun_owner(head)) and not self.find.inside_quotes(head):
                    if _describes_a_thing(head):
                        break  # `actions that would indicate that "…"`: no one speaks
                    if best is None or depth < best[0]:
                        best = (depth, head)
                    break
        after_colon = self._after_colon(seg.open_mark)
        owned = self._owned_words_before_colon(seg, quote) if after_colon else None
        colon_verb = self._speech_verb_before_colon(seg) if after_colon else None
        if owned is not None:
            by_verb = self.find.of_verb(colon_verb, quote.start_char) if colon_verb is not None else None
            if by_verb is None or by_verb.name != owned[1].name:
                # `… what she said was Yermak's message: "…"`: the words are the message's owner's (but
                # `prompting him to write in his message:` keeps its verb)
                return owned
        if colon_verb is not None:
            best = (0, colon_verb)  # `…, prompting him to write: "…"`: the verb that introduces the words
        if best is not None and passive_without_agent(best[1]):
            return best[1].text, None  # `what is being criticized as "…"`: the clause names no speaker
        if best is not None:
            spokesperson = self._speaking_for(best[1], quote)
            if spokesperson is not None:
                return spokesperson
        candidates: list[Token] = [best[1]] if best else []
        # 3. Speech verbs (or `according to`) elsewhere in the sentences the quotation touches.
        region = self._region(quote, seg)
        nearby = [
            t
            for t in region
            if not self.find.inside_quotes(t)
            and not reports_nothing(t)
            # (`…, which Beijing claims as its own`: a relative clause describes a noun, attributes nothing)
            and t.dep_ != "relcl"
            # (`in an interview posted on Saturday`: a passive participle describing a noun says no one spoke)
            and not (t.dep_ == "acl" and t.tag_ == "VBN")
            and (
                is_speech_verb(t)
                or (t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to")
            )
        ]
        # `"I never saw it," when Ortiz pressed him`: a verb in a clause set beside the quotation by
        # `when`, `after`, `because` … tells what happened around the words, not who spoke them.
        nearby.sort(key=lambda t: (self._subordinate(t), min(abs(t.i - quote.start), abs(t.i - quote.end))))
        candidates += [t for t in nearby if t not in candidates]
        # A named speaker beats a description (`Holm said the advertisement "…" suggests`), unless the two
        # speak in coordinated clauses (`the Kremlin said …, but officials warned "…"`).
        fallback: tuple[str, Speaker, Token] | None = None
        for verb in candidates:
            speaker = self.find.of_verb(verb, quote.start_char)
            if speaker is not None and speaker.name is not None:
                cue = cue_text(verb)
                if speaker.named and (fallback is None or not coordinated(verb, fallback[2])):
                    return cue, speaker
                if not speaker.named:
                    fallback = fallback or (cue, speaker, verb)
        if fallback is not None:
            return fallback[0], fallback[1]
        # 4. `"Why did he say that?" Mason pushed further.`: a bare clause closing the quotation's sentence
        # (before a speech verb nearby that named no one: `"… put forth our viewpoint …," Modi rued.`)
        trailing = self._bare_trailing_verb(seg)
        if trailing is not None:
            speaker = self.find.of_verb(trailing, quote.start_char, guess_adjacent=False)
            if speaker is not None and speaker.name and speaker.named:
                return trailing.text, speaker
        if candidates:
            return candidates[0].text, None
        return None

    def _speaking_for(self, verb: Token, quote: Span) -> tuple[str, Speaker] | None:
        """`Singapore condemns Russia's "…", Foreign Minister Ana Ruiz said`: a country or a body speaks
        through the person whose report holds its words."""
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # `Ryabkov said Moscow would study the proposals and respond "…"`
        outer = clause.head
        if clause.dep_ != "ccomp" or not is_speech_verb(outer) or self.find.inside_quotes(outer):
            return None
        inner = self.find.of_verb(verb, quote.start_char, guess_adjacent=False)
        if inner is None or inner.is_person or not inner.name:
            return None
        person = self.find.of_verb(outer, quote.start_char)
        if person is None or not person.is_person or not person.name:
            return None
        return cue_text(outer), person

    def _bare_trailing_verb(self, seg: QuotedSegment) -> Token | None:
        """The verb of `NAME VERB [ADVERB].` right after the closing mark, ending the sentence: a verb of any
        kind in that place tells who spoke (`Mason pressed`, `she smiled`)."""
        if seg.close_mark is None:
            return None
        para = self.lay.paras[self.find.paragraph_of(seg.close_mark)]
        after = self.doc.char_span(seg.close_mark + 1, para.end, alignment_mode="expand")
        if after is None:
            return None
        tokens = [t for t in after if not t.is_space]
        while tokens and tokens[0].is_punct and tokens[0].text not in ".!?":
            tokens = tokens[1:]
        end = next((k for k, t in enumerate(tokens) if t.text in ".!?"), None)
        if end is None or not 2 <= end <= 5:
            return None
        clause = tokens[:end]
        verb = clause[-1] if clause[-1].tag_ in ("VBD", "VBZ") else None
        if verb is None and len(clause) >= 3 and clause[-1].tag_ in ("RB", "RBR"):
            verb = clause[-2] if clause[-2].tag_ in ("VBD", "VBZ") else None
        # (the quoted words themselves may hang on the verb as its complement: `"…," Modi rued.`)
        if verb is None or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp")
            and not seg.open_mark <= c.idx <= seg.close_mark
            for c in verb.children
        ):
            return None
        subject = clause[: verb.i - clause[0].i]
        if not subject or not (subject[-1].tag_ == "PRP" or is_proper_noun(subject[-1])):
            return None
        return verb

    def _owned_words_before_colon(self, seg: QuotedSegment, quote: Span) -> tuple[str, Speaker] | None:
        """`Read Nowak's statement:`, `what she said was Yermak's message:`: a noun of speech with its owner,
        right before the colon, says whose the quoted words are."""
        colon = self._colon_before(seg.open_mark)
        if colon is None or colon.i == 0:
            return None
        noun = self.doc[colon.i - 1]
        owner = speech_noun_owner(noun)
        if owner is None or self.find.inside_quotes(owner):
            return None
        speaker = self.find.of_noun(owner, quote.start_char)
        if speaker is None or not speaker.name or not speaker.named:
            return None
        return noun.text, speaker

    def _speech_verb_before_colon(self, seg: QuotedSegment) -> Token | None:
        """The last speech verb of the clause that a colon before the quotation ends."""
        colon = self._colon_before(seg.open_mark)
        if colon is None:
            return None
        j = colon.i - 1
        sentence_start = colon.sent.start
        while (
            j >= sentence_start and not self.find.inside_quotes(self.doc[j]) and self.doc[j].text not in ",;"
        ):
            if is_speech_verb(self.doc[j]):
                return self.doc[j]
            j -= 1
        return None

    @staticmethod
    def _subordinate(verb: Token) -> bool:
        return verb.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS and c.i < verb.i for c in verb.children
        )

    def _region(self, quote: Span, seg: QuotedSegment) -> list[Token]:
        doc = self.doc
        first = doc[quote.start].sent
        last = doc[quote.end - 1].sent
        start, end = first.start, last.end
        # `Qu said: "…"` where the parser ended the sentence at the colon.
        if start > 0:
            before = doc[start - 1].sent
            if before.end > 0 and doc[before.end - 1].text == ":" or any(t.text == ":" for t in before[-2:]):
                start = before.start
        # The attribution the parser put in the next sentence: `"…" ― Name` / `said X.`
        unfinished = (
            self.text[seg.end : seg.close_mark].strip(" ”\"’'") in (",", "")
            and self.text[seg.end - 1] not in ".!?…"
        )
        if end < len(doc) and seg.close_mark is not None:
            nxt = doc[end].sent
            right_after = nxt.start_char - seg.close_mark <= 3  # the parser split right at the closing mark
            if right_after and self.find.paragraph_of(nxt.start_char) == self.find.paragraph_of(seg.start):
                # the first verb, after at most a noun phrase (`Scott's niece, state Del. Price, shouted`)
                first_verb = next((t for t in nxt[:24] if is_verb(t)), None)
                verb = (
                    first_verb if first_verb is not None and first_verb.lower_ in SPEECH_VERB_FORMS else None
                )
                # `…?" Ruiz said, looking …`, not `…" Russia insisted that …`, which reports its own words,
                # except in a headline (`'Why talk to traitors?' Lukashenko says he will meet the opposition`)
                bare = verb is not None and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
                if verb is not None and (unfinished or bare or self._opens_headline(seg)):
                    end = nxt.end
        para = self.find.paragraph_of(seg.start)
        colon_sentence = start < first.start
        return [
            t
            for t in doc[start:end]
            if self.find.paragraph_of(t.idx) == para or (colon_sentence and t.i < first.start)
        ]

    def _opens_headline(self, seg: QuotedSegment) -> bool:
        """Whether the quotation opens a headline: a paragraph of one line that ends without a full stop."""
        para = self.lay.paras[self.find.paragraph_of(seg.start)]
        line = self.text[para.start : para.end].strip()
        return seg.open_mark <= para.start + 1 and not line.endswith((".", "!", "?", "…", '"', "”", "’", ":"))

    def _dash_attribution(self, seg: QuotedSegment) -> tuple[str, Speaker | None] | None:
        if seg.close_mark is None:
            return None
        i = seg.close_mark + 1
        while i < len(self.text) and self.text[i].isspace() and self.text[i] != "\n":
            i += 1
        if i >= len(self.text) or self.text[i] not in DASHES:
            return None
        line_end = self.text.find("\n", i)
        line_end = len(self.text) if line_end < 0 else line_end
        if PHOTO_CREDIT.search(self.text, i, line_end):
            return None  # `Ana Ruiz: 'We will strike' - Jan Kowal/PA Wire`: who took the photo, not who spoke
        after = self.doc.char_span(i + 1, min(len(self.text), i + 60), alignment_mode="expand")
        if after is None:
            return None
        words: list[Token] = []
        owner: list[Token] = []
        for t in after:
            if t.is_space and not words:
                continue
            if "\n" in t.text or len(words) >= 5:
                break
            if t.tag_ == "POS" and words:
                owner, words = words, []  # `- EU's Kallas`: the words before the possessive are her title
            elif t.text[:1].isupper():
                words.append(t)
            else:
                break
        if not words:
            return None
        title = " ".join(t.text for t in owner) or None
        return self.text[i], self.find.person_from_words([t.text for t in words], words[0].idx, title)

    # ---------------------------------------------------------------- speakers
    def _context(self, cand: Candidate) -> tuple[int, int]:
        para = self.lay.paras[cand.paragraph]
        if para.end - para.start <= MAX_CONTEXT_CHARS:
            return para.start, para.end
        first = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if first is None:
            return cand.start, cand.end
        return first[0].sent.start_char, first[-1].sent.end_char


def _judges_the_words(modifier: Token, noun: Token) -> bool:
    """Whether quoted words modify a noun of speech from before it (`her "wrongful" remarks`, `the
    "extremely inappropriate" remarks by the envoy`): a judgement on the remarks, not what they said."""
    return (
        noun.lower_ in SPEECH_NOUNS
        and modifier.i < noun.i
        and modifier.dep_ in ("amod", "compound", "nmod", "advmod")
    )


def _describes_a_thing(verb: Token) -> bool:
    """A speech verb in a relative clause whose subject is a thing that cannot speak (`actions that would
    indicate …`), unlike a speaker or a document (`a statement which said …`, `Ruiz, who said …`)."""
    noun = verb.head
    if verb.dep_ != "relcl" or not is_noun(noun) or is_proper_noun(noun) or noun.ent_type_:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ not in ("that", "which"):
        return False  # `an explosion that the mayor described as "…"`: the mayor speaks
    speakers = SPEECH_NOUNS | DOCUMENT_NOUNS | INSTITUTION_NOUNS | ROLE_NOUNS | ISSUED_NOUNS
    return noun.lower_ not in speakers


def _quote_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+(?:['’]\w+)?", text.lower()))


def _repeats(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words of one quotation reappear, in order, in another (`"working the referees"`)."""
    if len(short) > len(long):
        short, long = long, short
    if len(short) < MIN_REPEATED_WORDS and short != long or len(short) < MIN_QUOTE_WORDS:
        return False
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def cue_text(verb: Token) -> str:
    return "according to" if verb.lower_ == "according" else verb.text
