"""Speakers: who the words governed by a verb, or owned by a noun, belong to, with names resolved."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from stancetool.nlp.cues import (
    ADDRESSING_VERB_FORMS,
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    INSTITUTION_NOUNS,
    MAKING_VERB_FORMS,
    PERSONAL_PRONOUNS,
    PERSONAL_TITLES,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    TITLE_WORDS,
)
from stancetool.nlp.layout import Candidate, DocLayout
from stancetool.nlp.marks import paragraph_of
from stancetool.nlp.names import (
    NameRegistry,
    clean_name_token,
    name_words,
    normal_case,
    plain_words,
    split_title,
    without_trailing_verb,
)
from stancetool.nlp.people import (
    REFERENCE_REACH,
    ROLE_SYNONYMS,
    Event,
    Mention,
    People,
    Speaker,
    has_role,
    honorific,
)
from stancetool.nlp.syntax import (
    NON_SPEAKER_ENTITIES,
    SUBJECT_DEPS,
    THIRD_PERSON_POSSESSIVES,
    could_speak,
    gender_of,
    is_definite,
    is_passive,
    is_speech_verb,
    passive_agent,
    phrase_text,
    speech_noun_owner,
    title_text,
)
from stancetool.nlp.tags import is_determiner, is_nominal, is_noun, is_preposition, is_proper_noun
from stancetool.nlp.transcript import is_answer, is_unidentified

CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "relcl")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DATELINE = re.compile(
    r"[A-Z][A-Z .'/-]*(?:, [A-Z][\w .'-]*)?(?:(?: \([\w .]+\))? ?(?:—|–|--| - )| \([^()\n]{2,80}\):? )"
)
QUOTING_FORMS = frozenset("quote quotes quoted quoting cite cites cited citing".split())
# What an institution issues, which speaks for it: `"…," the statement continued`.
ISSUED_NOUNS = frozenset({"statement", "announcement", "communique", "communiqué", "release", "notice"})
MAX_SUBJECT_REACH = 30
TOLD_FORMS = frozenset({"told", "tells"})
# Roles held on the record: an unnamed holder in a lead is the one the article names later.
SPOKES_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Words that say which minister or secretary a role is.
PORTFOLIO_WORDS = frozenset(
    "foreign defence defense interior finance trade health education justice energy economy prime".split()
)
# `the newspaper reported` stands for the outlet that has been speaking, whatever its name.
MEDIA_NOUNS = frozenset("newspaper paper daily tabloid outlet magazine website publication".split())
# `the company said` stands for the firm the article is about, whatever its name.
CORPORATE_NOUNS = frozenset({"company", "firm", "group", "carrier", "airline", "manufacturer", "retailer"})
# Roles so broad that any named person may hold them.
GENERIC_ROLES = frozenset(
    """official leader head chief aide expert analyst author diplomat representative envoy professor scholar
    historian scientist economist researcher fellow commentator activist""".split()
)
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "any"})


class SpeakerFinder:
    """Finds who speaks in one Doc: the subject of a speech verb, the owner of a statement, a name, a title,
    an organisation or a description, with short names, pronouns and roles resolved through `People`."""

    def __init__(self, doc: Doc, lay: DocLayout) -> None:
        self.doc = doc
        self.lay = lay
        self.text = lay.text
        self.para_starts = [p.start for p in lay.paras]
        self.events: list[Event] = []
        """Speech events attributed so far, in reading order: the attributor appends, references read."""
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
        self.people = People(self._person_mentions(), self.events, self.para_starts)

    def inside_quotes(self, token: Token) -> bool:
        return self.quoted_tokens[token.i]

    def paragraph_of(self, offset: int) -> int:
        return paragraph_of(self.para_starts, offset)

    def of_verb(self, verb: Token, at: int, guess_adjacent: bool = True) -> Speaker | None:
        if _told_in_headline(verb):
            return None  # `Putin told: 'The world is watching'`: Putin is the one told, not the speaker
        owner = speech_noun_owner(verb)
        if owner is not None:
            return self.of_noun(owner, at)  # `Ruiz's claim of "thousands of voters"`
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            owner = next((c for c in obj.children if c.dep_ == "poss"), None) if obj is not None else None
            if owner is not None and obj.lower_ not in SPEECH_NOUNS | DOCUMENT_NOUNS:
                obj = owner  # `according to the Chinese leader's count`: whoever counted
            return self.of_noun(obj, at) if obj is not None else None
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON":
            return self.of_noun(before, at)  # `footage of Ana Ruiz asking, "…"`
        opener = before
        if before is not None and before.tag_ == "IN" and verb.i > 1:
            opener = self.doc[verb.i - 2]  # `…, while chanting`, `— after saying`
        by_doing = before is not None and before.lower_ in ("by", "after", "before", "while")
        if verb.tag_ == "VBG" and (by_doing or (opener is not None and opener.text in (",", "—", "–", "-"))):
            # `When Russia vetoed it, China abstained, saying …`: the clause just before says who, whatever
            # verb the parser hung the participle on.
            doer = self._subject_of_previous_clause(verb)
            if doer is not None:
                return doer
        quoted = self._quoted_as_saying(verb)
        if quoted is not None:
            return self.of_noun(quoted, at)
        if is_passive(verb):
            # `what is being criticized as "…"`, `she was told that …`: the subject is no speaker
            agent = passive_agent(verb)
            return self.of_noun(agent, at) if agent is not None else None
        current = verb
        came_by = ""  # the relation climbed along to reach `current`
        description: Speaker | None = None
        for _ in range(5):
            found: Speaker | None = None
            if (
                current is not verb
                and came_by != "conj"  # (`X says Y promised … and said …`: Y said it)
                and current.dep_ == "ccomp"
                and is_speech_verb(current.head)
            ):
                # `Truss said Putin needed to withdraw, adding …`, the participle hung inside the report:
                # whoever the report is about did not add anything
                current = current.head
                continue
            subject = next((c for c in self._subjects(current) if not self.inside_quotes(c)), None)
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            agent_obj = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
            if subject is not None:
                if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    found = self.of_noun(current.head, at)
                elif subject.tag_ in ("WDT", "WP") and subject.i > 0 and is_nominal(self.doc[subject.i - 1]):
                    # `turned to the police department which reported …`, parsed as no relative clause
                    found = self.of_noun(self.doc[subject.i - 1], at)
                else:
                    found = self._joint_speaker(subject, self.of_noun(subject, at), at)
            elif agent_obj is not None:
                found = self.of_noun(agent_obj, at)
            elif current.dep_ == "xcomp" and (controller := _object_of(current.head)) is not None:
                found = self.of_noun(controller, at)  # `prompting him to write: "…"`: the object writes
            elif current.dep_ in ("acl", "relcl") and is_nominal(current.head):
                found = self.of_noun(current.head, at)
            if found is not None and found.name and found.named:
                return found
            # `the Council issued a statement calling …`: a document speaks for whoever issued it.
            description = description or found
            if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj", "attr"):
                current = current.head  # on to the verb that governs the document's noun
            if (
                current.head.i == current.i
                or (found is None and current.dep_ not in CLIMB_DEPS)
                # `as he said …, the agency reports`: a pronoun no one was found for is still the speaker
                or (found is None and subject is not None and subject.lower_ in PERSONAL_PRONOUNS)
                or current.dep_ in ("ROOT",)
                # `…, but officials warned`, `as Western governments warned`: a clause with its own subject
                or (found is not None and current.dep_ in ("conj", "advcl"))
                # `researchers reported that …; Nike holds …`: a describing subject speaks for itself, unless
                # the clause is what someone else reports (`Ruiz said the study found …`)
                or (found is not None and current.dep_ == "ccomp" and not is_speech_verb(current.head))
            ):
                break
            came_by, current = current.dep_, current.head
        if description is not None or not guess_adjacent:
            return description
        if any(s.tag_ == "PRP" for s in self._subjects(verb)):
            return None  # `They said Norvik "…"`: a pronoun no one was found for, not the name after it
        return self._adjacent_speaker(verb, at)

    @staticmethod
    def _quoted_as_saying(verb: Token) -> Token | None:
        """`State television quoted Ruiz as saying …`: the one quoted speaks, not the one quoting."""
        if verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.dep_ != "prep":
            return None
        quoting = verb.head.head
        if quoting.lower_ not in QUOTING_FORMS:
            return None
        return next((c for c in quoting.children if c.dep_ == "dobj"), None)

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
        # `THE BORROWING Back then, Mr. Nowak said …`, where the parser gives the verb two subjects: a
        # person named is the one that speaks, else the one nearest the verb (`When campaigners heckle, the
        # same voice is heard saying`)
        return sorted(subjects, key=lambda s: (s.ent_type_ != "PERSON", abs(verb.i - s.i)))

    def subject_of(self, verb: Token) -> Token | None:
        subjects = self._subjects(verb)
        return subjects[0] if subjects else None

    def _is_dateline(self, token: Token) -> bool:
        """`MOSCOW —`, `KYIV, Ukraine (AP) —`: the capitals and dash that open a wire story."""
        para_start = self.para_starts[self.paragraph_of(token.idx)]
        if token.idx - para_start > 40 or not token.text.isupper() or len(token.text) < 2:
            return False
        if (
            token.idx == para_start
            and token.ent_type_ in ("GPE", "LOC")
            and self.text[token.idx + len(token)] == ":"
        ):
            return True  # `STOCKHOLM: Moscow does not care …, the ambassador told`
        return DATELINE.match(self.text, token.idx, token.idx + 60) is not None

    def _in_dateline(self, token: Token) -> bool:
        """Whether the token is in the dateline opening its paragraph (`BEIJING/MOSCOW (Reuters) -`)."""
        para_start = self.para_starts[self.paragraph_of(token.idx)]
        if token.idx - para_start > 100:
            return False
        found = DATELINE.match(self.text, para_start, para_start + 100)
        return found is not None and token.idx < found.end()

    def _joint_speaker(self, subject: Token, first: Speaker | None, at: int) -> Speaker | None:
        """`Nowak and Ruiz call them "lone wolves"`: every named conjunct speaks, not only the first."""
        if first is None or not first.name or not first.named:
            return first
        names = [first.name]
        for conjunct in subject.conjuncts:
            if conjunct.i < subject.i or not is_proper_noun(conjunct) or self.inside_quotes(conjunct):
                continue
            other = self.of_noun(conjunct, at)
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
            if token.tag_ in ("VBD", "VBZ", "VBP", "VB") and not self.inside_quotes(token):
                if (
                    token.dep_ == "ccomp"
                    or _reported(token)
                    or any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "that") for c in token.children)
                    # `Ruiz wrote … after parliament voted to back him, adding …`: a clause set beside
                    # the main one by `after`, `when`, `as` … is not the doer either
                    or (token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children))
                ):
                    # `X said the plan was dead, adding …`, `… whether Y would agree, saying`: a reported or
                    # subordinate clause is not the doer
                    continue
                if (
                    token.dep_ in ("relcl", "acl")
                    and any(c.tag_ in ("WDT", "WP", "WRB") for c in token.children)
                    or token.dep_ == "relcl"
                    and self.doc[token.left_edge.i - 1].text != ","
                    and not token.left_edge.i <= participle.i <= token.right_edge.i
                    # (`the laptop she used while helping …`: with no comma between, it is her doing)
                    and any(t.text == "," for t in self.doc[token.i : participle.i])
                ):
                    # `where the team played`, `the day Jobs died` describe a noun; the doer is further back
                    # (`…, China abstained,` misread as describing the noun before the comma is none)
                    continue
                subject = self.subject_of(token)
                if subject is None and token.dep_ == "xcomp":
                    continue  # `Wang declined to say …, saying`: the doer is the one who declined
                if subject is None:
                    return None
                found = self.of_noun(subject, participle.idx)
                return found if found is not None and found.name else None
        return None

    def _adjacent_speaker(self, verb: Token, at: int) -> Speaker | None:
        """`"…," Flynn, a top surrogate, said` or `" said Hong Lei` when the parse missed the subject."""
        doc = self.doc
        sent = verb.sent
        interrupted = self._subject_before_interruption(verb)
        if interrupted is not None:
            return self.of_noun(interrupted, at)
        before = doc[verb.i - 1] if verb.i > sent.start else None
        if before is not None and before.text == "," and verb.i - 2 >= sent.start:
            name = doc[verb.i - 2]
            # `In an interview with the agency, Ana Ruiz, said`: a stray comma before the verb
            if name.ent_type_ == "PERSON" and is_proper_noun(name) and name.dep_ == "appos":
                before = name
        taken_for_apposition = (
            is_proper_noun(before) and before.dep_ == "appos" if before is not None else False
        )
        if before is not None and before.dep_ == "pobj":
            # `…, Russia's ambassador to Sweden told`, the role hung on a name before it as an apposition
            described = before.head.head if before.head.dep_ == "prep" else before
            if described.dep_ == "appos" and is_noun(described) and described.lower_ in ROLE_NOUNS:
                found = self.of_noun(described, at)
                if found is not None and found.name:
                    return found
        if taken_for_apposition and before is not None and before.head.lower_ in TITLE_WORDS | ROLE_NOUNS:
            before = before.head  # `Tulsa police Chief Chuck Jordan said`: the title and the name together
        if (
            before is not None
            and (is_noun(before) or taken_for_apposition)
            and not self.inside_quotes(before)
        ):
            # `In a post online, the city's water agency said …`, `In a statement to ABC News, the Israel
            # Defense Forces said …`: the subject taken for an object or an apposition
            found = self.of_noun(before, at)
            if found is not None and found.name:
                return found
        j = verb.i - 1
        leftmost: Token | None = None
        person: Token | None = None
        while j >= sent.start and not self.inside_quotes(doc[j]) and verb.i - j <= MAX_SUBJECT_REACH:
            if could_speak(doc[j]) and verb.i - j <= 12:
                leftmost = doc[j]
            if doc[j].ent_type_ == "PERSON" and is_proper_noun(doc[j]):
                person = doc[j]
            j -= 1
        if person is not None and (leftmost is None or leftmost.ent_type_ != "PERSON"):
            # `"…," lead author Ana Ruiz, director of the Institute for …, told`: the person, not the
            # institution in her apposition
            leftmost = person
        if leftmost is not None:
            return self._joint_speaker(leftmost, self.of_noun(leftmost, at), at)
        if verb.lower_ in ADDRESSING_VERB_FORMS and verb.tag_ == "VBG":
            return None  # `by telling Congress, "…"`: whom one tells is not who speaks
        for k in range(verb.i + 1, min(sent.end, verb.i + 8)):
            token = doc[k]
            if self.inside_quotes(token) or token.is_punct or is_preposition(token):
                break
            if could_speak(token) and token.ent_type_ not in NON_SPEAKER_ENTITIES:
                speaker = self.of_noun(token, at)
                role = [t for t in doc[verb.i + 1 : token.i] if t.is_lower and t.is_alpha]
                if (
                    speaker is not None
                    and speaker.title is None
                    and role
                    and len(role) == token.i - verb.i - 1
                ):
                    # `said engineer Omar Haddad`, which the parser may read as a verb and its object
                    speaker = replace(speaker, title=phrase_text(role))
                return speaker
        return None

    def _subject_before_interruption(self, verb: Token) -> Token | None:
        """`Ana Ruiz, asked about the strike at a briefing, said …`, where the parser made the inserted
        clause the main one, with the name as its subject."""
        if verb.i == 0 or self.doc[verb.i - 1].text != ",":
            return None
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "advcl") or clause.i > verb.i:
                continue
            subject = self.subject_of(clause) if clause.tag_ in ("VBN", "VBD") else None
            if (
                subject is not None
                and subject.i < clause.i
                and any(t.text == "," for t in self.doc[subject.i + 1 : clause.i])
                and is_proper_noun(subject)
                and not self.inside_quotes(subject)
            ):
                return subject
        return None

    def _noun_phrase(self, head: Token) -> list[Token]:
        skip: set[int] = set()
        for child in head.children:
            if (
                child.dep_ in ("relcl", "acl", "appos", "advcl", "npadvmod")  # npadvmod: `Nowak this week`
                or (child.dep_ == "punct" and child.i > head.i)
                or (child.dep_ == "prep" and child.lower_ in ("including", "like", "such", "among"))
                # `For his part, Turkey's foreign minister`, misparsed: a fronted phrase
                or (
                    child.dep_ == "prep"
                    and child.i < head.i
                    and any(t.text == "," for t in self.doc[child.right_edge.i + 1 : head.i])
                )
            ):
                skip.update(t.i for t in child.subtree)
        tokens = [
            t
            for t in head.subtree
            if t.i not in skip and not self.inside_quotes(t) and not self._in_dateline(t)
        ]
        # `In a post on Telegram, the city's agency`, parsed as a list `Telegram, the city`: a list with no
        # `and` is a misreading, and the phrase starts after the comma
        commas = [
            k
            for k, t in enumerate(tokens[:-1])
            if t.text == "," and t.i < head.i and tokens[k + 1].dep_ == "conj"
        ]
        if commas and not any(t.dep_ == "cc" for t in tokens):
            tokens = tokens[commas[-1] + 1 :]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "det" or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
            tokens = tokens[:-1]  # (`… minister and`, the conjunction of a misparse)
        return tokens

    def of_noun(self, head: Token, at: int) -> Speaker | None:
        lower = head.lower_
        if head.tag_ == "PRP$" and lower in THIRD_PERSON_POSSESSIVES:  # `his claim that …`
            if lower in ("his", "her"):
                return self.people.resolve_pronoun("m" if lower == "his" else "f", at)
            return self._resolve_group(at, plural=lower == "their")
        if lower in PERSONAL_PRONOUNS and head.tag_ == "PRP":
            # (someone named before the pronoun: `He said Putin gave him "…"` is not Putin)
            found = self.people.resolve_pronoun(PERSONAL_PRONOUNS[lower], min(at, head.idx))
            return found if found is not None else self._described_subject_before(head, at)
        if lower in GROUP_PRONOUNS or lower == "it":
            # (what the sentence names before the pronoun, not the quotation's own subject after it)
            return self._resolve_group(min(at, head.idx), plural=lower != "it")
        antecedent = _antecedent_of_share(head)
        if antecedent is not None:
            return self.of_noun(antecedent, at)  # `the victims' families, many of whom say …`
        if self._share_of_group(head):
            # `Only 52 percent of registered voters agreed that …`: a share of a group, as a poll reports it
            return Speaker(phrase_text(self._noun_phrase(head)), named=False)
        if _by_age(head) and is_definite(head):
            # `"…," the 72-year-old told reporters`: the person the sentences before are about
            person = self.people.recent_person(at, None)
            age = [t for t in self.doc[head.left_edge.i : head.i + 1] if t.dep_ != "det"]
            description = phrase_text(age) or head.text
            return Speaker(person.name, description, True, person.gender) if person else Speaker(description)
        if head.tag_ in ("PRP", "WP", "WDT", "EX") or head.is_punct or head.ent_type_ in NON_SPEAKER_ENTITIES:
            return None
        if head.tag_ == "DT" and lower in ("that", "this", "each", "both", "either", "neither", "all"):
            # `"That makes me smart," … asserting`: the words, not a speaker; `each saying`: whoever the
            # clause before names
            return None
        member = self._member_of(head)
        if member is not None:
            return member
        person = self._person_entity(head)
        if person is not None:
            ent, phrase = person
            words = name_words(ent)
            before = [t for t in phrase if t.i < ent.start and (not t.is_punct or t.tag_ == "HYPH")]
            appos = self._appositive(head, exclude=ent)
            return self.person_from_words(words, ent.start_char, title_text(before) or appos)
        phrase = self._noun_phrase(head)
        if not phrase:
            return None
        described_body = (
            lower in INSTITUTION_NOUNS and is_definite(head) and all(t.text.islower() for t in phrase)
        )
        if described_body:
            # `the ministry said`: the ministry the article named, or (`"…," the defence ministry said`, after
            # `Taiwan's defence ministry said`) the one that spoke under a longer name
            spoke = self._institution_named_before(lower, at) or self._institution_that_spoke(phrase, at)
            if spoke is not None:
                return spoke
        if not is_proper_noun(head) and head.text.istitle() and len(phrase) == 1:
            # `Nowak this week said`, where the tagger took the name for a verb: a word the article
            # introduced as a name is that person
            resolved = self.people.registry(at).resolve(head.text)
            if resolved is not None and resolved != head.text:
                return self.people.known_person(resolved, at)
        if not is_proper_noun(head) or head.text.islower():  # a lowercase `minister` tagged as a name
            named = self._named_apposition(head, phrase, at)
            if named is not None:
                return named
        if is_proper_noun(head):
            # (`Taiwan's defence ministry`: a body keeps the possessive of the country it belongs to)
            owned = lower in INSTITUTION_NOUNS and any(
                t.tag_ == "POS" and t.i > 0 and self.doc[t.i - 1].ent_type_ in ("GPE", "NORP") for t in phrase
            )
            name_tokens = [
                t
                for t in phrase
                if t.i <= head.i
                and (
                    is_proper_noun(t)
                    or t.dep_ == "compound"
                    or t.tag_ == "HYPH"
                    or (owned and t.tag_ == "POS")
                )
            ]
            while name_tokens and name_tokens[0].tag_ == "HYPH":
                name_tokens = name_tokens[1:]
            name_tokens = name_tokens or [head]  # the phrase may leave out the head (a dateline, a comma)
            words = [t.lower_.rstrip(".") for t in name_tokens]
            # (`the Baltic PM`, `the NATO Secretary General`: where the role is from, or the body it serves,
            # says nothing against its being a role; but a role NER read as an organisation is none)
            origin_labels = ("NORP", "GPE") if head.ent_type_ == "ORG" else ("NORP", "GPE", "ORG")
            role_words = [
                t.lower_.rstrip(".")
                for t in name_tokens
                if t.ent_type_ not in origin_labels
                and t.tag_ != "HYPH"
                and not (t.dep_ == "amod" and t.i < head.i)
            ]
            if (words[-1] in ROLE_NOUNS or words[-1] in ROLE_SYNONYMS) and (
                head.text.islower()
                or all(w in TITLE_WORDS or w in ROLE_NOUNS or w in ROLE_SYNONYMS for w in role_words)
            ):
                return self._role(head, phrase, at)  # `the Chief Executive said`: a role in capitals
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
                return self.person_from_words(name_words(name_tokens), name_tokens[0].idx, None)
            name = phrase_text(name_tokens) or head.text
            name = clean_name_token(name) if " " not in name else name.removesuffix("'s").removesuffix("’s")
            resolved = self.people.registry(at).resolve(name)
            if resolved is not None and (" " not in name or NameRegistry.same_person(name, resolved)):
                return self.people.known_person(resolved, at)  # `Darden`, `De Vries` → the full name
            role = self._role_apposition(head)
            if role is not None and len(name_tokens) >= 2:
                # `Marek Nowak, Poland's infrastructure minister,` that NER took for an organisation
                return self.person_from_words(name_words(name_tokens), name_tokens[0].idx, role)
            organisation = self._organisation(head, phrase)
            if organisation is not None:
                return organisation
            return Speaker(name)
        if lower in SPEECH_NOUNS or lower in DOCUMENT_NOUNS or lower in ISSUED_NOUNS:
            author = self.author_of(head, at)
            if author is not None:
                return author
            if lower in SPEECH_NOUNS | ISSUED_NOUNS and is_definite(head):
                issuer = self._last_speaker_nearby(at)
                if issuer is not None:
                    return issuer  # `"…," the statement continued`: whoever issued it, quoted just before
        if (lower in ROLE_NOUNS or head.text == "PM") and head.tag_ == "NN":
            return self._role(head, phrase, at)
        if lower in MEDIA_NOUNS and is_definite(head):
            outlet = self._organisation_that_spoke(at)
            if outlet is not None:
                return outlet  # `the Global Times wrote … . "…," the newspaper reported`
        if lower in INSTITUTION_NOUNS and is_definite(head):
            # (a body described in lower case was looked up above)
            named_before = None if described_body else self._institution_named_before(lower, at)
            if named_before is None and lower in CORPORATE_NOUNS:
                named_before = self._organisation_subject_before(at)
            if named_before is not None:
                return named_before  # `the ministry said`: the ministry the article named
        if lower in INSTITUTION_NOUNS:
            owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if owner is not None:
                # `Ruiz called Nowak, and afterwards his office said`: the office of the person the sentence
                # names first
                registry = self.people.registry(at)
                first = next(
                    (
                        t
                        for t in head.sent[: owner.i - head.sent.start]
                        if t.ent_type_ == "PERSON"
                        or (is_proper_noun(t) and " " in (registry.resolve(t.text) or ""))
                    ),
                    None,
                )
                entity = self.entity_of[first.i] if first is not None else None
                root = entity.root if entity is not None else first
                person = self.of_noun(root, at) if root is not None and not self.inside_quotes(root) else None
                if person is not None and person.name and person.is_person:
                    return Speaker(f"{person.name}'s {head.text}")
        # `the Chinese embassy said` speaks for an institution; `the statement said` for whoever issued it.
        return Speaker(title_text(phrase) or head.text, named=lower in INSTITUTION_NOUNS)

    def _role(self, head: Token, phrase: list[Token], at: int) -> Speaker:
        """`the minister said`: the person the article gave that role, else the description."""
        description = title_text(phrase) or head.text
        if any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
            return Speaker(description, named=False)  # `a senior diplomat said`: someone not named
        # `the Polish president` is not the person introduced as `President Joe Biden`
        origins = {
            t.lower_.replace(".", "") for t in phrase if t.ent_type_ in ("NORP", "GPE") and t.i < head.i
        }

        # `the foreign minister` is not the person introduced as `State Minister for Petroleum`
        portfolio = {t.lower_ for t in phrase if t.i < head.i and t.lower_ in PORTFOLIO_WORDS}

        def fits(title: str | None) -> bool:
            words = set(plain_words(title or ""))
            return not origins or head.lower_ not in words or bool(origins & words)

        def same_portfolio(title: str | None) -> bool:
            words = set(plain_words(title or ""))
            return head.lower_ not in words or portfolio <= words

        definite = is_definite(head)
        # `the former prime minister`: a role the person held before the one the article gives
        former = any(t.lower_ in ("former", "ex") for t in phrase)
        spoke = next(
            (
                e.speaker
                for e in reversed(self.events)
                if definite
                and e.speaker.is_person
                and e.speaker.name
                and has_role(e.speaker.title, head.lower_)
                and fits(e.speaker.title)
                and same_portfolio(e.speaker.title)
            ),
            None,
        )
        if spoke is not None:
            # `South African President Ana Ruiz said … . …, the president said`: the one with that role who
            # has been speaking, rather than another president merely mentioned since
            return Speaker(spoke.name, description, True, spoke.gender)
        referent = self.people.person_with_role(head.lower_, at, anywhere=False)
        if referent is None:
            described = self._described_before(head.lower_)
            if described is not None:
                return described  # `a U.S. official said …. The official added`: the same unnamed source
            # `Judge Ana Ruiz` ten paragraphs before `the judge`: the one person the article gave the role
            # (but `his lawyer` is someone's lawyer)
            owned = any(c.dep_ == "poss" for c in head.children)
            referent = None if owned else self.people.person_with_role(head.lower_, at)
            if referent is not None and not fits(referent.title):
                referent = None
        if referent is None:
            referent = self.people.recent_person(at, None)
            if (
                referent is not None
                and not former
                and _another_role(self.people.role_of(referent.name, at), head.lower_)
            ):
                referent = None  # `the union executive` is not the person introduced as `Education Secretary`
        if referent is not None and not fits(referent.title):
            # someone else the article named before, whose title does not say otherwise, if there is one
            referent = next(
                (
                    m
                    for m in reversed(self.people.mentions)
                    if m.start < at and m.is_subject and m.name != referent.name and fits(m.title)
                ),
                referent,
            )
        if referent is not None:
            titles = [self.people.role_of(referent.name, at), referent.title]
            titles += [e.speaker.title for e in self.events if e.speaker.name == referent.name]
            if all(same_portfolio(title) for title in titles):
                return Speaker(referent.name, description, True, referent.gender)
        people = {e.speaker.name: e.speaker for e in self.events if e.speaker.is_person and e.speaker.name}
        if len(people) == 1:
            # `the former prime minister stressed`, far from any name: the one person the article has quoted
            (only,) = people.values()
            if former or (not _another_role(only.title, head.lower_) and same_portfolio(only.title)):
                return replace(only, title=description)
        return Speaker(description, named=False, role=head.lower_)

    def _institution_named_before(self, noun: str, at: int) -> Speaker | None:
        """The latest organisation named before `at` whose name holds the noun (`the ministry` → `Ukraine's
        Ministry of Foreign Affairs`)."""
        for ent in reversed(self.ents):
            if ent.start_char >= at or ent.label_ != "ORG" or self.inside_quotes(ent.root):
                continue
            words = [t.lower_ for t in ent]
            if noun in words and len(words) > 1:
                tokens = [t for t in ent if t.dep_ != "det"]
                before = self.doc[max(0, ent.start - 2) : ent.start]
                if len(before) == 2 and before[0].ent_type_ in ("GPE", "NORP") and before[1].tag_ == "POS":
                    tokens = [*before, *tokens]  # `Norway's Ministry of Foreign Affairs`
                return Speaker(phrase_text(tokens))
        return None

    def _institution_that_spoke(self, phrase: list[Token], at: int) -> Speaker | None:
        """`Taiwan's defence ministry said … . "…," the defence ministry said`: the institution that spoke
        before under a longer name holding every word of this one."""
        words = {t.lower_ for t in phrase if t.tag_ not in ("DT", "POS") and not t.is_punct}
        for event in reversed(self.events):
            speaker = event.speaker
            if event.start >= at or speaker.is_person or not speaker.name or not speaker.named:
                continue
            name_words = set(plain_words(speaker.name))
            if words < name_words:
                return speaker
        return None

    def _organisation_that_spoke(self, at: int) -> Speaker | None:
        """The organisation that spoke last, nearby (`the newspaper` after `the Global Times wrote`)."""
        para = self.paragraph_of(at)
        for event in reversed(self.events):
            if event.start >= at:
                continue
            if para - event.paragraph > REFERENCE_REACH:
                return None
            speaker = event.speaker
            if not speaker.name or not speaker.named or speaker.is_person:
                continue
            if any(word in INSTITUTION_NOUNS for word in plain_words(speaker.name)):
                continue  # (a ministry or an embassy is no newspaper)
            return speaker
        return None

    def _organisation_subject_before(self, at: int) -> Speaker | None:
        """`Noble maintained that … . "…," the company said`: the organisation a clause nearby was about."""
        para = self.paragraph_of(at)
        for ent in reversed(self.ents):
            if ent.start_char >= at or ent.label_ != "ORG" or self.inside_quotes(ent.root):
                continue
            if para - self.paragraph_of(ent.start_char) > REFERENCE_REACH:
                return None
            if ent.root.dep_ in SUBJECT_DEPS:
                found = self.of_noun(ent.root, at)
                return found if found is not None and found.name and not found.is_person else None
        return None

    def _described_subject_before(self, pronoun: Token, at: int) -> Speaker | None:
        """`The coach, known for his temper, … . "…," he said`, in an article that never names him: the role
        the sentences before are about."""
        para = self.paragraph_of(pronoun.idx)
        for token in reversed(self.doc[: pronoun.i]):
            if para - self.paragraph_of(token.idx) > 1:
                break
            if (
                token.dep_ in ("nsubj", "nsubjpass", "poss")
                and is_noun(token)
                and token.lower_ in ROLE_NOUNS
                and is_definite(token)
                and not self.inside_quotes(token)
            ):
                return self._role(token, [t for t in self._noun_phrase(token) if t.tag_ != "POS"], at)
        return None

    def _last_speaker_nearby(self, at: int) -> Speaker | None:
        """The speaker of the latest quotation in this paragraph or the one before, if named."""
        para = self.paragraph_of(at)
        for event in reversed(self.events):
            if para - event.paragraph > 1:
                break
            if event.speaker.name and event.speaker.named:
                return event.speaker
        return None

    def _described_before(self, noun: str) -> Speaker | None:
        """The latest anonymous source introduced with this noun (`a second U.S. official`); a definite
        description no one was found for yet (`the GOP nominee`, kept for a later name) does not count."""
        for event in reversed(self.events):
            name = event.speaker.name
            if (
                name
                and not event.speaker.named
                and event.speaker.role is None
                and name.lower().split()[-1] == noun
            ):
                return event.speaker
        return None

    def _role_apposition(self, head: Token) -> str | None:
        """`…, Ukraine's infrastructure minister,`: an apposition naming a role only a person has."""
        for child in head.children:
            if child.dep_ == "appos" and child.lower_ in ROLE_NOUNS and not self.inside_quotes(child):
                return title_text(self._noun_phrase(child)) or child.text
        return None

    def _organisation(self, head: Token, phrase: list[Token]) -> Speaker | None:
        """`the event organizer Alliance to Reclaim Our Schools`: the whole name NER found, which the parser
        may have cut (`to Reclaim` read as a clause); common nouns in front are the title."""
        ent = self.entity_of[head.i]
        if ent is None or ent.label_ not in ("ORG", "NORP", "GPE", "FAC") or len(ent) < 2:
            return None
        tokens = [t for t in ent if not self.inside_quotes(t)]
        while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
            tokens = tokens[:-1]
        if len(tokens) < 2 or not tokens[0].text[:1].isupper():
            return None
        name = phrase_text(tokens).removesuffix("'s").removesuffix("’s")
        before = [t for t in phrase if t.i < ent.start and (not t.is_punct or t.tag_ == "HYPH")]
        return Speaker(name, title_text(before) if before and all(t.is_lower for t in before) else None)

    def author_of(self, noun: Token, at: int) -> Speaker | None:
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
        if owner is None:  # `a statement published on Ruiz's Telegram channel`: the channel's owner
            owner = next(
                (
                    poss
                    for c in noun.children
                    if c.dep_ == "acl" and c.lower_ in MAKING_VERB_FORMS
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("on", "in")
                    for g in p.children
                    if g.dep_ == "pobj"
                    for poss in g.children
                    if poss.dep_ == "poss" and is_proper_noun(poss)
                ),
                None,
            )
        if owner is not None:
            found = self.of_noun(owner, at)
            return found if found is not None and found.name and found.named else None
        maker = noun.head
        if noun.dep_ != "dobj" or maker.lower_ not in MAKING_VERB_FORMS:
            return None
        subject = self.subject_of(maker)
        found = self.of_noun(subject, at) if subject is not None else self._infinitive_doer(maker, at)
        return found if found is not None and found.name and found.named else None

    def _infinitive_doer(self, verb: Token, at: int) -> Speaker | None:
        """`urged Wang, the minister, to make a statement`: the person named just before `to`."""
        to = self.doc[verb.i - 1] if verb.i > 0 else None
        if to is None or to.tag_ != "TO":
            return None
        j = to.i - 1
        while j >= 0 and self.doc[j].is_punct and not self.inside_quotes(self.doc[j]):
            j -= 1
        if j < 0 or self.inside_quotes(self.doc[j]) or not is_proper_noun(self.doc[j]):
            return None
        return self.of_noun(self.doc[j], at)

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
            if token.dep_ == "appos" and token.ent_type_ == "PERSON" and not self.inside_quotes(token):
                ent = self.entity_of[token.i]
                if ent is not None:
                    # `the Transport Secretary, Laura Brandt,`: the noun it stands beside is the title
                    described = token.head.i == head.i and (
                        head.lower_ in ROLE_NOUNS or head.lower_ in TITLE_WORDS
                    )
                    return ent, self._noun_phrase(head) if described else []
        if head.lower_ in ROLE_NOUNS:
            # `France's minister for European affairs Clement Beaune`: the name ends the role's phrase, hung
            # on its preposition (but `a spokeswoman for Ana Ruiz` speaks for her, and is not her)
            phrase = self._noun_phrase(head)
            ent = self.entity_of[phrase[-1].i] if phrase else None
            if (
                ent is not None
                and ent.label_ == "PERSON"
                and ent.start > head.i + 1
                and ent.end == phrase[-1].i + 1
                and not is_preposition(self.doc[ent.start - 1])
                and not is_determiner(self.doc[ent.start - 1])
            ):
                return ent, phrase
        return None

    def _member_of(self, head: Token) -> Speaker | None:
        """`Ana Ruiz of Green Spaces said`, parsed with the organisation as the subject: the person speaks,
        and the organisation is her title."""
        if head.ent_type_ == "PERSON" or not is_proper_noun(head):
            return None
        first = head.left_edge
        while first.i < head.i and (first.dep_ == "det" or first.is_punct):
            first = self.doc[first.i + 1]
        ent = self.entity_of[first.i]
        if ent is None or ent.label_ != "PERSON" or ent.start != first.i or ent.end >= head.i:
            return None
        link = self.doc[ent.end]
        if link.lower_ not in ("of", "from", "at") or self.inside_quotes(link):
            return None
        affiliation = [t for t in self.doc[link.i + 1 : head.i + 1] if not self.inside_quotes(t)]
        return self.person_from_words(name_words(ent), ent.start_char, title_text(affiliation))

    def _named_apposition(self, head: Token, phrase: list[Token], at: int) -> Speaker | None:
        """`The mayor's cousin, Ines Varga, said`, `the carrier, Baltica Freight, said`: the name beside a
        description speaks, with the description as a person's title (whatever NER took the name for)."""
        appos = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and is_proper_noun(c) and c.i > head.i and not self.inside_quotes(c)
            ),
            None,
        )
        if appos is None:
            return None
        inner = list(appos.subtree)
        if len(inner) > 2 and inner[0].text == "(" and inner[-1].text == ")":
            inner = inner[1:-1]  # `the chief of staff (Ana Ruiz)`
        if any(t.is_bracket or t.is_quote for t in inner):
            return None  # a tangle the parser made of `Del. Ana "Cia" Ruiz (D-Ohio)`
        found = self.of_noun(appos, at)
        if found is None or not found.name or not found.named:
            return None
        described = title_text([t for t in phrase if t.i < appos.left_edge.i and not t.is_punct]) or None
        return replace(found, title=found.title or described)

    def _role_before_place(self, ent: Span) -> str | None:
        """`State Minister for Petroleum Musadik Malik`, `Ambassador to Ukraine Bridget Brink`: the role the
        name ends, with the portfolio or place between (`adviser to President Joe Biden` is no title)."""
        preposition = ent.root.head
        role = preposition.head
        if (
            ent.root.dep_ != "pobj"
            or preposition.dep_ != "prep"
            or preposition.lower_ not in ("for", "to", "of")
        ):
            return None
        between = self.doc[preposition.i + 1 : ent.start]
        if not between or any(t.lower_.rstrip(".") in TITLE_WORDS or t.lower_ in ROLE_NOUNS for t in between):
            return None
        if role.lower_ not in ROLE_NOUNS and role.lower_ not in TITLE_WORDS:
            return None
        start = min([role.i, *(t.i for t in self._noun_phrase(role) if t.i <= role.i)])
        return title_text(list(self.doc[start : ent.start]))

    def _appositive(self, head: Token, exclude: Span) -> str | None:
        for child in head.children:
            if any(t.text == ":" for t in self.doc[min(head.i, child.i) : max(head.i, child.i)]):
                continue  # `Ana Ruiz: Good to see you.`: what follows a speaker's tag is no title
            if child.dep_ == "appos" and not (exclude.start <= child.i < exclude.end):
                words = [t for t in child.subtree if not self.inside_quotes(t)]
                # (`the foreign minister of France, a member of the council,`: the second describes France)
                comma = next((k for k, t in enumerate(words) if t.text == "," and t.i > child.i), None)
                text = title_text(words[:comma] if comma is not None else words)
                if text:
                    return text
            if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and is_proper_noun(obj):
                    tokens = [t for t in obj.subtree if t.dep_ != "det"]
                    return phrase_text(tokens)
        return None

    def person_from_words(self, words: list[str], at: int, title: str | None) -> Speaker:
        title_words, names = split_title([w for w in words if w not in ("'s", "’s")])
        names = without_trailing_verb([w for w in (clean_name_token(w) for w in names) if w])
        gender = gender_of(title_words)
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
        elif title and title_words and honorific(" ".join(title_words)):
            full_title = title  # `Ms Ruiz, the ministry spokeswoman`: the role, not `… spokeswoman Ms`
        known = self.people.mention_for(name, at)
        if full_title is None and known is not None:
            full_title = known.title
        if full_title is not None and honorific(full_title):
            # `Mr. Orban said` after `Hungary's Prime Minister Viktor Orban`: the role the article gave
            full_title = self.people.role_of(name, at) or full_title
        if gender is None and known is not None:
            gender = known.gender
        return Speaker(name, full_title, True, gender)

    def of_turn(self, cand: Candidate) -> Speaker:
        assert cand.turn is not None
        if is_unidentified(cand.turn):
            return Speaker(None, normal_case(cand.turn.tag).lower())
        if is_answer(cand.turn):
            # the person the introduction was last about (`Ana Ruiz spoke to us about …`), if anyone
            first = min(t.tag_start for t in self.lay.turns if is_answer(t))
            person = self.people.recent_person(first, None)
            return Speaker(person.name, person.title, True, person.gender) if person else Speaker(None)
        role = normal_case(cand.turn.role) if cand.turn.role else None
        tag = cand.turn.tag
        if 2 <= len(tag) <= 3 and tag.isalpha() and tag.isupper():
            full = self.people.registry(cand.turn.tag_start).by_initials(tag)
            if full is not None:
                return self.person_from_words(full.split(), cand.turn.tag_start, role)
        return self.person_from_words(tag.split(), cand.turn.tag_start, role)

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
                if token.dep_ not in SUBJECT_DEPS or self.inside_quotes(token):
                    continue
                if is_proper_noun(token) or (plural and token.tag_ == "NNS"):  # `Tenant groups …, they say`
                    found = self.of_noun(token, at)
                    if found is not None and found.name and not found.is_person:
                        return found
            if not plural:
                # `Brandt's campaign is defending … It is denouncing what it calls "…"`: the institution the
                # sentence before, in the same paragraph, is about
                found = self._institution_before(sent, at)
                if found is not None:
                    return found
        para = self.paragraph_of(at)
        for event in reversed(self.events):
            if para - event.paragraph > 1:
                break
            if event.speaker.name and not event.speaker.is_person:
                return event.speaker
        if span is not None and not plural:
            return self._institution_opening_paragraph_before(span[0].sent, at)
        return None

    def _institution_before(self, sent: Span, at: int) -> Speaker | None:
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        if self.paragraph_of(previous.start_char) != self.paragraph_of(at):
            return None
        return self._institution_subject(previous, at)

    def _institution_opening_paragraph_before(self, sent: Span, at: int) -> Speaker | None:
        """`The ministry released a statement … . ¶ "…," it said.`: a paragraph's first sentence refers back
        to the institution the paragraph before opened with."""
        paragraph = self.paragraph_of(at)
        if (
            paragraph == 0
            or sent.start == 0
            or self.paragraph_of(self.doc[sent.start - 1].idx) != paragraph - 1
        ):
            return None
        lead = self.lay.paras[paragraph - 1]
        token = self.doc.char_span(lead.start, lead.start + 1, alignment_mode="expand")
        return self._institution_subject(token[0].sent, at) if token is not None else None

    def _institution_subject(self, sent: Span, at: int) -> Speaker | None:
        subject = self.subject_of(sent.root)
        if subject is None or self.inside_quotes(subject):
            return None
        if not (is_proper_noun(subject) or subject.lower_ in INSTITUTION_NOUNS):
            return None
        found = self.of_noun(subject, at)
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
            # `The spokesman, Dmitri Orlov, dismissed it.`: a name beside the subject is the subject
            subject = ent.root.head if ent.root.dep_ == "appos" else ent.root
            is_subject = subject.dep_ in SUBJECT_DEPS and not self.inside_quotes(ent.root)
            preceding = [self.doc[ent.start - 1].text] if ent.start > 0 else []
            gender = gender_of(title_words + preceding)  # `Ms. Laura Brandt`, where NER leaves out the `Ms.`
            title = " ".join(title_words) or None
            if title is None:
                title = self._role_before_place(ent)
            if title is None:
                before = [t for t in self._noun_phrase(ent.root) if t.i < ent.start]
                title = title_text(before) or self._appositive(ent.root, ent)
            described = ent.root.head
            # (`about her remarks, …, Ana Ruiz`, `with the news agency,Ana Ruiz, said`: misparses, which make
            # no title of `remarks` or `agency`)
            if (
                title is None
                and ent.root.dep_ == "appos"
                and is_noun(described)
                and described.lower_ not in SPEECH_NOUNS | DOCUMENT_NOUNS | MEDIA_NOUNS
                and (described.lower_ not in INSTITUTION_NOUNS or described.lower_ in ROLE_NOUNS)
            ):
                title = title_text(self._noun_phrase(ent.root.head))
            paragraph = self.paragraph_of(ent.start_char)
            quoted = self.inside_quotes(ent.root)
            mentions.append(Mention(ent.start_char, paragraph, name, title, gender, is_subject, quoted))
        for turn in self.lay.turns:
            if len(turn.tag.split()) >= 2:
                name = normal_case(turn.tag)
                title = normal_case(turn.role) if turn.role else None  # `…, UKRAINIAN FOREIGN MINISTER:`
                mentions.append(Mention(turn.tag_start, turn.paragraph, name, title, None, False))
        mentions.sort(key=lambda m: m.start)
        return mentions

    # ---------------------------------------------------------------- layout helpers


def _reported(verb: Token) -> bool:
    """Whether the verb lies inside a clause a speech verb reports (`said Putin needed to withdraw …`)."""
    current = verb
    while current.head.i != current.i:
        if current.dep_ == "ccomp" and is_speech_verb(current.head):
            return True
        current = current.head
    return False


def _another_role(title: str | None, role: str) -> bool:
    """Whether a title gives a specific role other than `role` (an official or a leader can be anyone)."""
    if role in GENERIC_ROLES or not title:
        return False
    roles = {w for w in plain_words(title) if w in ROLE_NOUNS} - GENERIC_ROLES  # (a diplomat can be an envoy)
    return bool(roles) and not has_role(title, role)


def _by_age(head: Token) -> bool:
    """`the 72-year-old`: a person described by age alone (the head `old`, an age before it)."""
    return head.lower_ == "old" and any(c.lower_ in ("year", "years") for c in head.children)


def _told_in_headline(verb: Token) -> bool:
    """`Vladimir Putin told: '…'`: a headline's passive, `tell` with no one told and a colon after it."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        verb.lower_ in TOLD_FORMS
        and following is not None
        and following.text == ":"
        and not any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
    )


def _object_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and is_nominal(c)), None)


def _antecedent_of_share(head: Token) -> Token | None:
    """`family members of the victims, many of whom …` → `members`: what `many of whom` (`some of
    which`) is a share of."""
    if not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in ("whom", "which") for o in c.children)
        for c in head.children
    ):
        return None
    i = head.left_edge.i - 1
    doc = head.doc
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0 or not is_noun(doc[i]):
        return None
    noun = doc[i]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and is_noun(noun.head.head):
        noun = noun.head.head  # `members of the victims`
    return noun
