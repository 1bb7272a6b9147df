"""Attribution: the cue and the speaker of each candidate quotation, with names resolved to full names."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.candidates import Candidate, DocLayout
from stancetool.nlp.cues import (
    DOCUMENT_NOUNS,
    FINDING_VERB_FORMS,
    GROUP_PRONOUNS,
    INSTITUTION_NOUNS,
    MAKING_VERB_FORMS,
    PERSONAL_PRONOUNS,
    PERSONAL_TITLES,
    PUT_FORMS,
    ROLE_NOUNS,
    SCARE_MARKERS,
    SPEECH_NOUNS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
    WORK_NOUNS,
)
from stancetool.nlp.marks import DOUBLE_MARKS, SINGLE_MARKS, QuotedSegment
from stancetool.nlp.names import (
    NameRegistry,
    clean_name_token,
    name_words,
    normal_case,
    split_title,
    without_trailing_verb,
)
from stancetool.nlp.people import Event, Mention, People, Speaker
from stancetool.nlp.records import QuoteSpan
from stancetool.nlp.tags import (
    is_determiner,
    is_nominal,
    is_noun,
    is_preposition,
    is_proper_noun,
    is_verb,
)
from stancetool.nlp.transcript import is_unidentified

DASHES = frozenset("—–―-")
QUOTE_MARKS = DOUBLE_MARKS | SINGLE_MARKS
FEMALE_TITLES = frozenset(
    {"ms", "ms.", "mrs", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "dame"}
)
MALE_TITLES = frozenset({"mr", "mr.", "spokesman", "chairman", "congressman", "sir", "lord"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "relcl")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A quotation with no cue continues the speaker of a speech event at most this many paragraphs back.
FLOAT_REACH = 1
MAX_CONTEXT_CHARS = 700
MIN_QUOTE_WORDS = 2
MIN_ORPHAN_WORDS = 4
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "its", "their"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "any"})
# A quotation without a speaker takes the speaker of the same words quoted elsewhere when it has this many.
MIN_REPEATED_WORDS = 3
SUBORDINATORS = frozenset(
    "when whenever while after before because since until once if unless although though whereas".split()
)


def _gender_of(words: list[str]) -> str | None:
    lowered = {w.lower() for w in words}
    if lowered & FEMALE_TITLES:
        return "f"
    if lowered & MALE_TITLES:
        return "m"
    return None


def _words(tokens: list[Token]) -> str:
    """The tokens' text with the article's own spacing (a space where tokens were left out)."""
    parts: list[str] = []
    for n, t in enumerate(tokens):
        parts.append(t.text)
        if n + 1 < len(tokens):
            parts.append(t.whitespace_ if tokens[n + 1].i == t.i + 1 else (t.whitespace_ or " "))
    text = "".join(parts).strip(" ,;:\n")
    return " ".join(text.split())


def _title(tokens: list[Token]) -> str | None:
    while tokens and tokens[0].lower_ in ("a", "an", "the"):
        tokens = tokens[1:]
    return _words(tokens) or None


NON_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _is_speech_verb(token: Token) -> bool:
    if token.lower_ in PUT_FORMS:  # `as one analyst put it`
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    if token.lower_ in FINDING_VERB_FORMS:  # `a report released last year found that …`
        return any(c.dep_ in SUBJECT_DEPS and c.lower_ in DOCUMENT_NOUNS for c in token.children)
    return token.lower_ in SPEECH_VERB_FORMS and token.tag_.startswith("VB")


def _possessed_speech_noun(token: Token) -> Token | None:
    """The owner of a noun of speech (`Ruiz's claim`, `the minister's remarks`), if `token` is one."""
    if token.lower_ not in SPEECH_NOUNS or not is_noun(token):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "poss" and (c.tag_ != "PRP$" or c.lower_ in THIRD_PERSON_POSSESSIVES)
        ),
        None,
    )


def _coordinate(a: Token, b: Token) -> bool:
    """Whether two verbs are coordinated clauses (`the Kremlin said …, but officials warned …`)."""
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)


def _could_speak(token: Token) -> bool:
    if token.ent_type_ in NON_SPEAKER_ENTITIES:
        return False
    return is_proper_noun(token) or (token.tag_ == "PRP" and token.lower_ in PERSONAL_PRONOUNS)


TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"]
)


def _looks_like_title(quote: Span) -> bool:
    """`Fox News Sunday`, `Make America Great Again`: every word capitalised, as names of works are."""
    words = [t.text for t in quote if t.is_alpha]
    return (
        bool(words)
        and len(words) <= 8
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        and words[0][0].isupper()
    )


class Attributor:
    """Attributes the candidates of one Doc, in reading order (later quotations lean on earlier ones)."""

    def __init__(self, doc: Doc, lay: DocLayout) -> None:
        self.doc = doc
        self.lay = lay
        self.text = lay.text
        self.para_starts = [p.start for p in lay.paras]
        self.events: list[Event] = []
        self.speaker_of_span: dict[int, Speaker] = {}
        # Looked up for nearly every token; spaCy builds new Span objects on each `doc.ents`.
        self.ents = list(doc.ents)
        self.entity_of: list[Span | None] = [None] * len(doc)
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.entity_of[i] = ent
        self.quoted_tokens = [False] * len(doc)
        for a, b in lay.quoted_chars:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.quoted_tokens[i] = True
        self.people = People(self._person_mentions(), self.events, self._paragraph_of)

    # ---------------------------------------------------------------- entry point
    def attribute(self, candidates: list[Candidate]) -> list[QuoteSpan]:
        """The quotations among `candidates` (in reading order), attributed."""
        spans = [span for span in (self._attribute_one(cand) for cand in candidates) if span is not None]
        self._share_speakers(spans)
        self._introduce_roles(spans)
        return spans

    def _introduce_roles(self, spans: list[QuoteSpan]) -> None:
        """`Top diplomat says West should "…"` in a headline, before anyone is named: the person the article
        goes on to quote with that role (`prominent diplomat Qu Xing`)."""
        for n, span in enumerate(spans):
            described = self.speaker_of_span.get(id(span))
            if described is None or described.role is None or described.name is None:
                continue
            role_words = re.findall(r"[\w'’-]+", described.name.lower())
            if described.role not in role_words:
                continue
            after_role = set(role_words[role_words.index(described.role) + 1 :])
            for later in spans[n + 1 :]:
                person = self.speaker_of_span.get(id(later))
                if person is None or not person.is_person or not person.name or not later.speaker_title:
                    continue
                title_words = set(re.findall(r"[\w'’-]+", later.speaker_title.lower()))
                if described.role in title_words and after_role <= title_words:
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
            if span.speaker or span.kind == "transcript":
                continue
            mine = words[id(span)]
            source = next((o for o in attributed if _repeats(mine, words[id(o)])), None)
            if source is None:
                sentence = self._sentence_bounds(span.start)
                same = [o for o in attributed if sentence[0] <= o.start < sentence[1]]
                same.sort(key=lambda o: (o.start > span.start, abs(o.start - span.start)))
                source = same[0] if same else None
            if source is not None:
                span.speaker, span.speaker_title = source.speaker, source.speaker_title

    def _sentence_bounds(self, offset: int) -> tuple[int, int]:
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None:
            return offset, offset
        sent = token[0].sent
        return sent.start_char, sent.end_char

    def _attribute_one(self, cand: Candidate) -> QuoteSpan | None:
        if cand.kind == "transcript":
            speaker, cue = self._turn_speaker(cand), cand.turn.tag if cand.turn else None
            kind = "transcript"
        elif cand.kind == "mention":
            speaker = self._speaker_of_verb(cand.cue_token, cand.start)
            if speaker is None or not speaker.is_person:
                return None
            cue, kind = cand.cue_token.text, "mention"
        elif cand.kind == "indirect":
            speaker = self._speaker_of_verb(cand.cue_token, cand.start)
            if speaker is None or speaker.name is None:
                return None
            cue, kind = cand.cue_token.text, "indirect"
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
        if quote is None or sum(1 for t in quote if t.is_alpha or t.like_num) < MIN_QUOTE_WORDS:
            return None
        standalone = self._starts_sentence(seg.open_mark) and not self.text[seg.start].islower()
        kind = "direct" if standalone else "partial"
        if not standalone and _looks_like_title(quote) and not self._named_by_speech(quote):
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
            verbs = self._governing_verbs(quote)
            if any(_is_speech_verb(verb) for verb in verbs):
                verbs = []  # `voters agreed that Ruiz is in "good health"`: not Ruiz's words
            for verb in verbs:
                # a name merely standing near a verb of another kind is no sign of who spoke
                speaker = self._speaker_of_verb(verb, quote.start_char, guess_adjacent=False)
                if speaker is not None and speaker.name and speaker.named:
                    return speaker, verb.text, kind
            if not standalone:
                return Speaker(None), None, kind
        subject = self._previous_sentence_subject(quote)
        if subject is not None:
            return subject, None, kind
        last = self.events[-1] if self.events else None
        if last is not None and cand.paragraph - last.paragraph <= FLOAT_REACH and last.speaker.name:
            return last.speaker, None, kind
        if len(quote) < MIN_ORPHAN_WORDS:
            return None
        return Speaker(None), None, kind

    def _names_a_work(self, quote: Span) -> bool:
        """Whether the words are the title of a piece of writing or art named just before them: `the film
        "…"`, `her op-ed, "…,"`."""
        j = quote.start - 1
        while j >= 0 and (self.doc[j].is_space or set(self.doc[j].text) <= QUOTE_MARKS | {","}):
            j -= 1
        return j >= 0 and self.doc[j].lower_ in WORK_NOUNS and is_noun(self.doc[j])

    def _previous_sentence_subject(self, quote: Span) -> Speaker | None:
        """`Ruiz named … as one reason. "The younger people are …"`: the person the sentence before,
        in the same paragraph, is about."""
        sent = self.doc[quote.start].sent
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        if self._paragraph_of(previous.start_char) != self._paragraph_of(quote.start_char):
            return None
        if self._inside_quotes(previous.root):
            return None
        subject = self._subject_of(previous.root)
        if subject is None or subject.tag_ == "PRP":
            return None
        speaker = self._speaker_of_noun(subject, quote.start_char)
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
            if _is_speech_verb(head) and not self._inside_quotes(head):
                return not through_preposition
            if is_verb(head):
                return False  # the words belong to another clause (`backed the policy "…", the survey found`)
        return False

    def _governing_verbs(self, quote: Span) -> list[Token]:
        """Verbs outside the quotation that the quoted words depend on, nearest first."""
        verbs: list[Token] = []
        roots = [t for t in quote if not quote.start <= t.head.i < quote.end]
        if self._after_colon(quote.start_char - 1):
            # `X made the following comment: "…"`: the clause before the colon.
            before = self.doc[quote.start].sent.start - 1
            while before >= 0 and self.doc[before].is_space:
                before -= 1
            if before >= 0:
                roots.append(self.doc[before])
        for token in roots:
            head = token.head if not self._inside_quotes(token) or token.head.i != token.i else token
            for _ in range(8):
                if is_verb(head) and not self._inside_quotes(head) and head not in verbs:
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
        colon = self.text.rindex(":", 0, mark)
        before = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        if before is None or before.start == 0:
            return None
        last = self.doc[before.start - 1]
        if last.ent_type_ not in ("PERSON", "ORG") or self._inside_quotes(last):
            return None
        fragment = self.doc[last.sent.start : last.i + 1]
        if any(is_verb(t) for t in fragment) or len(fragment) > 8:
            return None
        speaker = self._speaker_of_noun(last, mark)
        return speaker if speaker is not None and speaker.name and speaker.named else None

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

    def _inside_quotes(self, token: Token) -> bool:
        return self.quoted_tokens[token.i]

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
                head, depth = head.head, depth + 1
                if head.i >= quote.start and head.i < quote.end:
                    continue
                if (_is_speech_verb(head) or _possessed_speech_noun(head)) and not self._inside_quotes(head):
                    if best is None or depth < best[0]:
                        best = (depth, head)
                    break
        candidates: list[Token] = [best[1]] if best else []
        # 3. Speech verbs (or `according to`) elsewhere in the sentences the quotation touches.
        region = self._region(quote, seg)
        nearby = [
            t
            for t in region
            if not self._inside_quotes(t)
            and (
                _is_speech_verb(t)
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
            speaker = self._speaker_of_verb(verb, quote.start_char)
            if speaker is not None and speaker.name is not None:
                cue = verb.text if verb.lower_ != "according" else "according to"
                if speaker.named and (fallback is None or not _coordinate(verb, fallback[2])):
                    return cue, speaker
                if not speaker.named:
                    fallback = fallback or (cue, speaker, verb)
        if fallback is not None:
            return fallback[0], fallback[1]
        if candidates:
            return candidates[0].text, None
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
            if right_after and self._paragraph_of(nxt.start_char) == self._paragraph_of(seg.start):
                # the first verb, after at most a noun phrase (`Scott's niece, state Del. Price, shouted`)
                first_verb = next((t for t in nxt[:24] if is_verb(t)), None)
                verb = (
                    first_verb if first_verb is not None and first_verb.lower_ in SPEECH_VERB_FORMS else None
                )
                # `…?" Ruiz said, looking …`, not `…" Russia insisted that …`, which reports its own words.
                bare = verb is not None and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
                if verb is not None and (unfinished or bare):
                    end = nxt.end
        para = self._paragraph_of(seg.start)
        colon_sentence = start < first.start
        return [
            t
            for t in doc[start:end]
            if self._paragraph_of(t.idx) == para or (colon_sentence and t.i < first.start)
        ]

    def _dash_attribution(self, seg: QuotedSegment) -> tuple[str, Speaker | None] | None:
        if seg.close_mark is None:
            return None
        i = seg.close_mark + 1
        while i < len(self.text) and self.text[i].isspace() and self.text[i] != "\n":
            i += 1
        if i >= len(self.text) or self.text[i] not in DASHES:
            return None
        after = self.doc.char_span(i + 1, min(len(self.text), i + 60), alignment_mode="expand")
        if after is None:
            return None
        words: list[Token] = []
        for t in after:
            if t.is_space and not words:
                continue
            if "\n" in t.text or len(words) >= 5:
                break
            if t.text[:1].isupper():
                words.append(t)
            else:
                break
        if not words:
            return None
        return self.text[i], self._person_from_words([t.text for t in words], words[0].idx, None)

    # ---------------------------------------------------------------- speakers
    def _speaker_of_verb(self, verb: Token, at: int, guess_adjacent: bool = True) -> Speaker | None:
        owner = _possessed_speech_noun(verb)
        if owner is not None:
            return self._speaker_of_noun(owner, at)  # `Ruiz's claim of "thousands of voters"`
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            return self._speaker_of_noun(obj, at) if obj is not None else None
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON":
            return self._speaker_of_noun(before, at)  # `footage of Ana Ruiz asking, "…"`
        opener = before
        if before is not None and before.tag_ == "IN" and verb.i > 1:
            opener = self.doc[verb.i - 2]  # `…, while chanting`, `— after saying`
        if verb.tag_ == "VBG" and opener is not None and opener.text in (",", "—", "–", "-"):
            # `When Russia vetoed it, China abstained, saying …`: the clause just before says who, whatever
            # verb the parser hung the participle on.
            doer = self._subject_of_previous_clause(verb)
            if doer is not None:
                return doer
        current = verb
        description: Speaker | None = None
        for _ in range(5):
            found: Speaker | None = None
            subject = next((c for c in self._subjects(current) if not self._inside_quotes(c)), None)
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            agent_obj = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
            if subject is not None:
                if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    found = self._speaker_of_noun(current.head, at)
                else:
                    found = self._joint_speaker(subject, self._speaker_of_noun(subject, at), at)
            elif agent_obj is not None:
                found = self._speaker_of_noun(agent_obj, at)
            elif current.dep_ in ("acl", "relcl") and is_nominal(current.head):
                found = self._speaker_of_noun(current.head, at)
            if found is not None and found.name and found.named:
                return found
            # `the Council issued a statement calling …`: a document speaks for whoever issued it.
            description = description or found
            if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj", "attr"):
                current = current.head  # on to the verb that governs the document's noun
            if (
                current.head.i == current.i
                or (found is None and current.dep_ not in CLIMB_DEPS)
                or current.dep_ in ("ROOT",)
                # `…, but officials warned`, `as Western governments warned`: a clause with its own subject
                or (found is not None and current.dep_ in ("conj", "advcl"))
            ):
                break
            current = current.head
        if description is not None or not guess_adjacent:
            return description
        return self._adjacent_speaker(verb, at)

    def _subjects(self, verb: Token) -> list[Token]:
        """The verb's subjects, leaving out a dateline the parser took for one (`MOSCOW — The bank said`, or
        `MOSCOW — Ana Ruiz said`, where the name hangs on the dateline as an apposition)."""
        subjects: list[Token] = []
        for child in verb.children:
            if child.dep_ not in SUBJECT_DEPS:
                continue
            if not self._is_dateline(child):
                subjects.append(child)
            else:
                subjects.extend(c for c in child.children if c.dep_ == "appos")
        return subjects

    def _subject_of(self, verb: Token) -> Token | None:
        subjects = self._subjects(verb)
        return subjects[0] if subjects else None

    def _is_dateline(self, token: Token) -> bool:
        """`MOSCOW —`, `KYIV, Ukraine (AP) —`: the capitals and dash that open a wire story."""
        para_start = self.para_starts[self._paragraph_of(token.idx)]
        if token.idx - para_start > 40 or not token.text.isupper() or len(token.text) < 2:
            return False
        rest = self.text[token.idx : token.idx + 50]
        return (
            re.match(r"[A-Z][A-Z .'-]*(?:, [A-Z][\w .'-]*)?(?: \([\w .]+\))? ?(?:—|–|--| - )", rest)
            is not None
        )

    def _joint_speaker(self, subject: Token, first: Speaker | None, at: int) -> Speaker | None:
        """`Nowak and Ruiz call them "lone wolves"`: every named conjunct speaks, not only the first."""
        if first is None or not first.name or not first.named:
            return first
        names = [first.name]
        for conjunct in subject.conjuncts:
            if conjunct.i < subject.i or not is_proper_noun(conjunct) or self._inside_quotes(conjunct):
                continue
            other = self._speaker_of_noun(conjunct, at)
            if other is None or not other.name or not other.named or other.name in names:
                return first
            names.append(other.name)
        if len(names) == 1:
            return first
        return Speaker(", ".join(names[:-1]) + " and " + names[-1])

    def _subject_of_previous_clause(self, participle: Token) -> Speaker | None:
        sent = participle.sent
        for j in range(participle.i - 2, sent.start - 1, -1):
            token = self.doc[j]
            if token.dep_ in ("aux", "auxpass"):
                token = token.head
            if token.tag_ in ("VBD", "VBZ", "VBP", "VB") and not self._inside_quotes(token):
                if token.dep_ == "ccomp" or any(
                    c.dep_ == "mark" and c.lower_ in ("whether", "if", "that") for c in token.children
                ):
                    # `X said the plan was dead, adding …`, `… whether Y would agree, saying`: a reported or
                    # subordinate clause is not the doer
                    continue
                if token.dep_ in ("relcl", "acl") and any(
                    c.tag_ in ("WDT", "WP", "WRB") for c in token.children
                ):
                    continue  # `where the team played` describes a noun; the clause's doer is further back
                subject = self._subject_of(token)
                if subject is None and token.dep_ == "xcomp":
                    continue  # `Wang declined to say …, saying`: the doer is the one who declined
                if subject is None:
                    return None
                found = self._speaker_of_noun(subject, participle.idx)
                return found if found is not None and found.name else None
        return None

    def _adjacent_speaker(self, verb: Token, at: int) -> Speaker | None:
        """`"…," Flynn, a top surrogate, said` or `" said Hong Lei` when the parse missed the subject."""
        doc = self.doc
        sent = verb.sent
        j = verb.i - 1
        leftmost: Token | None = None
        while j >= sent.start and not self._inside_quotes(doc[j]) and verb.i - j <= 12:
            if _could_speak(doc[j]):
                leftmost = doc[j]
            j -= 1
        if leftmost is not None:
            return self._joint_speaker(leftmost, self._speaker_of_noun(leftmost, at), at)
        for k in range(verb.i + 1, min(sent.end, verb.i + 8)):
            token = doc[k]
            if self._inside_quotes(token) or token.is_punct or is_preposition(token):
                break
            if _could_speak(token) and token.ent_type_ not in NON_SPEAKER_ENTITIES:
                speaker = self._speaker_of_noun(token, at)
                role = [t for t in doc[verb.i + 1 : token.i] if t.is_lower and t.is_alpha]
                if (
                    speaker is not None
                    and speaker.title is None
                    and role
                    and len(role) == token.i - verb.i - 1
                ):
                    # `said engineer Omar Haddad`, which the parser may read as a verb and its object
                    speaker = replace(speaker, title=_words(role))
                return speaker
        return None

    def _noun_phrase(self, head: Token) -> list[Token]:
        skip: set[int] = set()
        for child in head.children:
            if (
                child.dep_ in ("relcl", "acl", "appos", "advcl")
                or (child.dep_ == "punct" and child.i > head.i)
                or (child.dep_ == "prep" and child.lower_ in ("including", "like", "such", "among"))
            ):
                skip.update(t.i for t in child.subtree)
        tokens = [t for t in head.subtree if t.i not in skip and not self._inside_quotes(t)]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "det" or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens

    def _speaker_of_noun(self, head: Token, at: int) -> Speaker | None:
        lower = head.lower_
        if head.tag_ == "PRP$" and lower in THIRD_PERSON_POSSESSIVES:  # `his claim that …`
            if lower in ("his", "her"):
                return self.people.resolve_pronoun("m" if lower == "his" else "f", at)
            return self._resolve_group(at, plural=lower == "their")
        if lower in PERSONAL_PRONOUNS and head.tag_ == "PRP":
            return self.people.resolve_pronoun(PERSONAL_PRONOUNS[lower], at)
        if lower in GROUP_PRONOUNS or lower == "it":
            return self._resolve_group(at, plural=lower != "it")
        if self._share_of_group(head):
            # `Only 52 percent of registered voters agreed that …`: a share of a group, as a poll reports it
            return Speaker(_words(self._noun_phrase(head)), named=False)
        if head.tag_ in ("PRP", "WP", "WDT", "EX") or head.is_punct or head.ent_type_ in NON_SPEAKER_ENTITIES:
            return None
        if head.tag_ == "DT" and lower in ("that", "this", "each", "both", "either", "neither", "all"):
            # `"That makes me smart," … asserting`: the words, not a speaker; `each saying`: whoever the
            # clause before names
            return None
        person = self._person_entity(head)
        if person is not None:
            ent, phrase = person
            words = name_words(ent)
            before = [t for t in phrase if t.i < ent.start and (not t.is_punct or t.tag_ == "HYPH")]
            appos = self._appositive(head, exclude=ent)
            return self._person_from_words(words, ent.start_char, _title(before) or appos)
        phrase = self._noun_phrase(head)
        if not phrase:
            return None
        if is_proper_noun(head):
            name_tokens = [
                t
                for t in phrase
                if t.i <= head.i and (is_proper_noun(t) or t.dep_ == "compound" or t.tag_ == "HYPH")
            ]
            while name_tokens and name_tokens[0].tag_ == "HYPH":
                name_tokens = name_tokens[1:]
            title_words, rest = split_title([t.text for t in name_tokens])
            first = name_tokens[0]
            personal = first.lower_.rstrip(".") in PERSONAL_TITLES
            if (
                personal
                and len(name_tokens) > len(title_words)
                and (head.ent_type_ not in ("ORG", "GPE", "NORP") or first.is_sent_start)
            ) or (
                # `Harbour Board President Ines van der Berg`: a role word, then a name of two words
                title_words
                and title_words[-1].lower().rstrip(".") in PERSONAL_TITLES
                and len(rest) >= 2
                and all(w[:1].isupper() or w.islower() and len(w) <= 3 for w in rest)
            ):
                # `Mayor Ines Varga` that NER did not mark as a person: the title says it is one.
                return self._person_from_words(name_words(name_tokens), name_tokens[0].idx, None)
            name = _words(name_tokens) or head.text
            name = clean_name_token(name) if " " not in name else name.removesuffix("'s").removesuffix("’s")
            resolved = self.people.registry(at).resolve(name)
            if resolved is not None and (" " not in name or NameRegistry.same_person(name, resolved)):
                return self.people.known_person(resolved, at)  # `Darden`, `De Vries` → the full name
            role = self._role_apposition(head)
            if role is not None and len(name_tokens) >= 2:
                # `Marek Nowak, Poland's infrastructure minister,` that NER took for an organisation
                return self._person_from_words(name_words(name_tokens), name_tokens[0].idx, role)
            organisation = self._organisation(head, phrase)
            if organisation is not None:
                return organisation
            return Speaker(name)
        if lower in SPEECH_NOUNS or lower in DOCUMENT_NOUNS:
            author = self._author_of(head, at)
            if author is not None:
                return author
        if lower in ROLE_NOUNS and head.tag_ == "NN":
            description = _title(phrase) or head.text
            if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
                return Speaker(description, named=False)  # `a senior diplomat said`: someone not named
            referent = self.people.person_with_role(lower, at) or self.people.recent_person(at, None)
            if referent is not None:
                return Speaker(referent.name, description, True, referent.gender)
            return Speaker(description, named=False, role=lower)
        # `the Chinese embassy said` speaks for an institution; `the statement said` for whoever issued it.
        return Speaker(_title(phrase) or head.text, named=lower in INSTITUTION_NOUNS)

    def _role_apposition(self, head: Token) -> str | None:
        """`…, Ukraine's infrastructure minister,`: an apposition naming a role only a person has."""
        for child in head.children:
            if child.dep_ == "appos" and child.lower_ in ROLE_NOUNS and not self._inside_quotes(child):
                return _title(self._noun_phrase(child)) or child.text
        return None

    def _organisation(self, head: Token, phrase: list[Token]) -> Speaker | None:
        """`the event organizer Alliance to Reclaim Our Schools`: the whole name NER found, which the parser
        may have cut (`to Reclaim` read as a clause); common nouns in front are the title."""
        ent = self.entity_of[head.i]
        if ent is None or ent.label_ not in ("ORG", "NORP", "GPE", "FAC") or len(ent) < 2:
            return None
        tokens = [t for t in ent if not self._inside_quotes(t)]
        while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
            tokens = tokens[:-1]
        if len(tokens) < 2 or not tokens[0].text[:1].isupper():
            return None
        name = _words(tokens).removesuffix("'s").removesuffix("’s")
        before = [t for t in phrase if t.i < ent.start and (not t.is_punct or t.tag_ == "HYPH")]
        return Speaker(name, _title(before) if before and all(t.is_lower for t in before) else None)

    def _author_of(self, noun: Token, at: int) -> Speaker | None:
        """The person or body behind a statement or document: its owner (`the senator's letter said`, `a
        report by the World Bank`) or whoever made it (`led Varga to issue a statement that called …`)."""
        owner = next((c for c in noun.children if c.dep_ == "poss" and is_proper_noun(c)), None)
        if owner is None:  # `a statement from the Foreign Ministry`, `a report by the World Bank`
            owner = next(
                (
                    g
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for g in c.children
                    if g.dep_ == "pobj" and is_proper_noun(g)
                ),
                None,
            )
        if owner is not None:
            found = self._speaker_of_noun(owner, at)
            return found if found is not None and found.name and found.named else None
        maker = noun.head
        if noun.dep_ != "dobj" or maker.lower_ not in MAKING_VERB_FORMS:
            return None
        subject = self._subject_of(maker)
        if subject is not None:
            found = self._speaker_of_noun(subject, at)
        else:
            found = self._infinitive_doer(maker, at)
        return found if found is not None and found.name and found.named else None

    def _infinitive_doer(self, verb: Token, at: int) -> Speaker | None:
        """`urged Wang, the minister, to make a statement`: the person named just before `to`."""
        to = self.doc[verb.i - 1] if verb.i > 0 else None
        if to is None or to.tag_ != "TO":
            return None
        j = to.i - 1
        while j >= 0 and self.doc[j].is_punct and not self._inside_quotes(self.doc[j]):
            j -= 1
        if j < 0 or self._inside_quotes(self.doc[j]) or not is_proper_noun(self.doc[j]):
            return None
        return self._speaker_of_noun(self.doc[j], at)

    def _share_of_group(self, head: Token) -> bool:
        """`52 percent of voters`, `two of the jurors` (but not `one of the attorneys, Ana Ruiz`)."""
        if head.ent_type_ not in ("PERCENT", "CARDINAL"):
            return False
        group = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and is_noun(g)
        ]
        return bool(group) and self._person_entity(head) is None

    def _person_entity(self, head: Token) -> tuple[Span, list[Token]] | None:
        """The PERSON entity that heads or is the subject noun phrase (with its appositions)."""
        if head.ent_type_ == "PERSON":
            ent = self.entity_of[head.i]
            if ent is not None:
                return ent, self._noun_phrase(head)
        # `His partner at Lenox, Lawrence B. Cummings,`: the parser may hang the name on any noun inside.
        for token in head.subtree:
            if token.dep_ == "appos" and token.ent_type_ == "PERSON" and not self._inside_quotes(token):
                ent = self.entity_of[token.i]
                if ent is not None:
                    # `the Transport Secretary, Laura Brandt,`: the noun it stands beside is the title
                    described = token.head.i == head.i and (
                        head.lower_ in ROLE_NOUNS or head.lower_ in TITLE_WORDS
                    )
                    return ent, self._noun_phrase(head) if described else []
        return None

    def _appositive(self, head: Token, exclude: Span) -> str | None:
        for child in head.children:
            if child.dep_ == "appos" and not (exclude.start <= child.i < exclude.end):
                text = _title([t for t in child.subtree if not self._inside_quotes(t)])
                if text:
                    return text
            if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and is_proper_noun(obj):
                    tokens = [t for t in obj.subtree if t.dep_ != "det"]
                    return _words(tokens)
        return None

    def _person_from_words(self, words: list[str], at: int, title: str | None) -> Speaker:
        title_words, names = split_title([w for w in words if w not in ("'s", "’s")])
        names = without_trailing_verb([w for w in (clean_name_token(w) for w in names) if w])
        gender = _gender_of(title_words)
        name = " ".join(names)
        resolved = self.people.registry(at).resolve(name)
        if resolved is not None and (
            len(names) <= 1 or name == name.upper() or NameRegistry.same_person(name, resolved)
        ):
            name = resolved  # `Darden`, `WANG Y`, `De Vries` → the full name
        elif name == name.upper():
            name = normal_case(name)
        full_title = " ".join(x for x in [title or "", " ".join(title_words)] if x).strip() or None
        if title and title_words and " ".join(title_words) in title:
            full_title = title
        known = self.people.mention_for(name, at)
        if full_title is None and known is not None:
            full_title = known.title
        if gender is None and known is not None:
            gender = known.gender
        return Speaker(name, full_title, True, gender)

    def _turn_speaker(self, cand: Candidate) -> Speaker:
        assert cand.turn is not None
        if is_unidentified(cand.turn):
            return Speaker(None, normal_case(cand.turn.tag).lower())
        return self._person_from_words(cand.turn.tag.split(), cand.turn.tag_start, None)

    # ---------------------------------------------------------------- reference
    def _resolve_group(self, at: int, plural: bool = False) -> Speaker | None:
        """`it`/`they`: the organisation (or, for `they`, the group) the sentence is about, else the last
        organisation that spoke nearby."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is not None:
            # `Although the World Bank did not name …, it referenced "…"`: the nearest organisation that is
            # the subject of a clause before, in the same sentence
            sent = span[0].sent
            for token in reversed(sent[: max(0, span[0].i - sent.start)]):
                if token.dep_ not in SUBJECT_DEPS or self._inside_quotes(token):
                    continue
                if is_proper_noun(token) or (plural and token.tag_ == "NNS"):  # `Tenant groups …, they say`
                    found = self._speaker_of_noun(token, at)
                    if found is not None and found.name and not found.is_person:
                        return found
            if not plural:
                # `Brandt's campaign is defending … It is denouncing what it calls "…"`: the institution the
                # sentence before, in the same paragraph, is about
                found = self._institution_before(sent, at)
                if found is not None:
                    return found
        para = self._paragraph_of(at)
        for event in reversed(self.events):
            if para - event.paragraph > 1:
                break
            if event.speaker.name and not event.speaker.is_person:
                return event.speaker
        return None

    def _institution_before(self, sent: Span, at: int) -> Speaker | None:
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        if self._paragraph_of(previous.start_char) != self._paragraph_of(at):
            return None
        subject = self._subject_of(previous.root)
        if subject is None or self._inside_quotes(subject):
            return None
        if not (is_proper_noun(subject) or subject.lower_ in INSTITUTION_NOUNS):
            return None
        found = self._speaker_of_noun(subject, at)
        return found if found is not None and found.name and not found.is_person else None

    def _person_mentions(self) -> list[Mention]:
        mentions: list[Mention] = []
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            if len(ent) > 2 and ent[0].is_lower and ent[1].text == "-":
                ent = ent[2:]  # `pro-Ruiz`, `anti-Nowak`: a prefix, not a first name
            title_words, names = split_title(name_words(ent))
            names = without_trailing_verb([w for w in (clean_name_token(w) for w in names) if w])
            if not names:
                continue
            name = " ".join(names)
            if name == name.upper():
                name = normal_case(name)
            # the subject of a clause someone is quoted saying is not who a later `he` or `she` refers to
            is_subject = ent.root.dep_ in SUBJECT_DEPS and not self._inside_quotes(ent.root)
            preceding = [self.doc[ent.start - 1].text] if ent.start > 0 else []
            gender = _gender_of(title_words + preceding)  # `Ms. Laura Brandt`, where NER leaves out the `Ms.`
            title = " ".join(title_words) or None
            if title is None:
                before = [t for t in self._noun_phrase(ent.root) if t.i < ent.start]
                title = _title(before) or self._appositive(ent.root, ent)
            if title is None and ent.root.dep_ == "appos" and is_noun(ent.root.head):
                title = _title(self._noun_phrase(ent.root.head))
            paragraph = self._paragraph_of(ent.start_char)
            quoted = self._inside_quotes(ent.root)
            mentions.append(Mention(ent.start_char, paragraph, name, title, gender, is_subject, quoted))
        for turn in self.lay.turns:
            if len(turn.tag.split()) >= 2:
                name = normal_case(turn.tag)
                mentions.append(Mention(turn.tag_start, turn.paragraph, name, None, None, False))
        mentions.sort(key=lambda m: m.start)
        return mentions

    # ---------------------------------------------------------------- layout helpers
    def _paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def _context(self, cand: Candidate) -> tuple[int, int]:
        para = self.lay.paras[cand.paragraph]
        if para.end - para.start <= MAX_CONTEXT_CHARS:
            return para.start, para.end
        first = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if first is None:
            return cand.start, cand.end
        return first[0].sent.start_char, first[-1].sent.end_char


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
