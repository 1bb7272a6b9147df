"""Words that mark speech: cue verbs (in every inflection, so no lemmatizer is needed) and role words."""

from __future__ import annotations

import re

# Verbs that introduce quoted or reported speech.
_SPEECH_VERBS = """
say tell add explain stress tweet warn urge state declare insist argue claim note write ask answer reply
respond continue acknowledge admit announce assert caution charge complain concede confirm contend
counter deny describe emphasize emphasise estimate observe point predict promise recall remark report
reveal suggest testify vow joke quip scoff shout yell exclaim retort muse wonder lament boast brag post
comment call demand accuse criticize criticise blast slam praise pledge maintain allege agree disagree
conclude propose recommend advise inform announce assure concur express grumble mutter whisper sing
proclaim reiterate elaborate add clarify counter rebut brand dub label term chant scream dismiss reject
condemn denounce voice highlight underline underscore recount indicate
""".split()

# Verbs whose complement clause is reported speech without quotation marks (a narrower set: `call` or `praise`
# with a clause are rarely speech reports).
_INDIRECT_VERBS = """
say tell add explain stress warn state declare insist argue claim note write reply respond acknowledge
admit announce assert caution charge complain concede confirm contend deny emphasize emphasise estimate
observe predict promise recall remark report reveal suggest testify vow tweet maintain allege conclude
assure reiterate mention
""".split()

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "sing": ("sings", "sang", "singing", "sung"),
}

_DOUBLED = {"admit", "regret", "commit", "quip", "scoff"}


def _forms(verb: str) -> set[str]:
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    if verb.endswith("e"):
        stem_ed, stem_ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        stem_ed, stem_ing = verb[:-1] + "ied", verb + "ing"
    elif verb in _DOUBLED and verb != "scoff":
        stem_ed, stem_ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        stem_ed, stem_ing = verb + "ed", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return {verb, third, stem_ed, stem_ing}


SPEECH_VERB_FORMS: frozenset[str] = frozenset(f for v in _SPEECH_VERBS for f in _forms(v))
# `expressed hope that …`, `voiced concern that …`: a view stated, whose clause is reported speech.
EXPRESSING_VERB_FORMS: frozenset[str] = frozenset(f for v in ("express", "voice") for f in _forms(v))
EXPRESSED_VIEW_NOUNS = frozenset(
    """
hope hopes concern concerns regret regrets confidence belief conviction fear fears satisfaction surprise
doubt doubts disappointment optimism certainty view opinion
""".split()
)
# Speech verbs whose object is the one spoken to (`told reporters`, `warned voters`), not what was said.
ADDRESSING_VERB_FORMS: frozenset[str] = frozenset(
    f for v in "tell assure inform warn caution urge advise ask".split() for f in _forms(v)
)
INDIRECT_VERB_FORMS: frozenset[str] = frozenset(f for v in _INDIRECT_VERBS for f in _forms(v))

# Words that name a role, not a person: stripped from the front of names and kept as the speaker's title.
TITLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr. sen sen. rep rep. gov
    gov. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr cmdr. amb amb. pres pres. sec
    sec. st president vice spokesman spokeswoman spokesperson minister secretary senator representative
    governor ambassador professor chairman chairwoman chair ceo director analyst general admiral colonel
    judge justice mayor chancellor premier king queen prince princess pope sheikh emir leader speaker chief
    deputy envoy commissioner congressman congresswoman councilman councilwoman diplomat official officer
    candidate nominee attorney counsel sheriff treasurer economist strategist pollster adviser advisor
    correspondent reporter foreign prime state defense defence interior finance trade national security
    former acting then detective inspector sergeant constable superintendent trooper witness alderman
    alderwoman councillor councilor assemblyman assemblywoman
    """.split()
)

# Nouns that denote a person by role; a definite description with one of them can stand for a named person.
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson minister secretary senator governor ambassador professor chairman
    chairwoman director analyst president diplomat official envoy leader premier chancellor mayor expert
    researcher scholar economist strategist adviser advisor fellow aide candidate nominee lawmaker
    congressman congresswoman representative commissioner general admiral prosecutor attorney lawyer judge
    sheriff executive ceo founder manager pollster historian scientist author editor host commentator
    activist organizer chief boss head negotiator commander councillor councilor coach captain
    """.split()
)

PERSONAL_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "we"})
NARRATOR_ROLES = frozenset(
    {"BYLINE", "HOST", "ANCHOR", "CORRESPONDENT", "REPORTER", "INTERVIEWER", "MODERATOR"}
)

# Words that put a phrase in quotation marks to name or distance it, not to report anyone's speech.
SCARE_MARKERS = (
    "so-called",
    "so called",
    "the term",
    "the word",
    "the phrase",
    "known as",
    "titled",
    "entitled",
)

# Web page furniture that quotes button labels and page names (`By clicking "Accept all cookies" …`).
BOILERPLATE = re.compile(
    r"\b(?:cookies? (?:policy|notice|settings|preferences)|(?:use|uses|accept|allow|reject) (?:all )?cookies"
    r"|by clicking|privacy (?:policy|notice)|terms and conditions|terms of (?:use|service)"
    r"|recaptcha|unsubscribe|sign up (?:now|for free|today)|already have an account"
    # (`said in a weekly newsletter` is a source's words; `exclusive newsletters`, `sign up for our
    # newsletter` are the page's)
    r"|(?:exclusive|free|daily|our|the) newsletters\b|(?:sign up|subscribe|register)\b[^.\n]{0,40}newsletter"
    r"|newsletter (?:sign[- ]?up|subscription)"
    r"|create an account|all rights reserved|follow (?:[\w.]+ ){1,3}on (?:twitter|facebook|instagram|x))\b",
    re.IGNORECASE,
)

# Forms of address, which say nothing of a role (`Mr. Nowak`).
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
# Titles that only a person carries: `Mayor Ines Varga` is a person even when NER misses the name.
PERSONAL_TITLES = (
    ROLE_NOUNS | HONORIFICS | frozenset("prof rev fr sen rep gov gen lt col maj capt sgt adm cmdr".split())
)

# Nouns of speech whose owner is the speaker: `Ruiz's claim of "…"`, `the minister's "…" remarks`.
SPEECH_NOUNS = frozenset(
    """
claim claims statement statements remark remarks comment comments words assertion assertions warning warnings
promise promises pledge pledges tweet tweets speech speeches message messages accusation accusations
description characterization call calls appeal appeals threat threats vow vows insistence argument arguments
""".split()
)
# Works whose titles are quoted after their noun: `the documentary "…"`, `his column, "…,"`.
WORK_NOUNS = frozenset(
    """
commentary column op-ed editorial essay book novel memoir biography film movie documentary song album poem
headline episode series podcast exhibition painting anthem hymn ballad
""".split()
)
PUT_FORMS = frozenset({"put", "puts", "putting"})
# `"…," the statement continued` is speech; `the Treasury is continuing to implement "…"` is not.
CONTINUE_FORMS = frozenset({"continue", "continues", "continued", "continuing"})

# Common nouns that name an institution able to speak for itself (`the embassy said`), unlike a document.
INSTITUTION_NOUNS = frozenset(
    """
embassy ministry government department agency office company party council court commission committee
campaign administration military army navy police parliament senate congress cabinet presidency kremlin
university union alliance bank organisation organization group coalition authority authorities
prosecutors regulator regulators spokesperson
""".split()
)

# Documents that report findings: with one as subject, `found`, `showed` and `read` report like `said`.
DOCUMENT_NOUNS = frozenset(
    """
report study survey poll review audit analysis investigation probe inquiry memo letter filing document
paper assessment evaluation brief complaint lawsuit motion submission editorial column op-ed article
essay book ad advertisement website
""".split()
)

# Verbs by which someone produces a statement or a document: `made a comment`, `issued a statement`.
_MAKING_VERBS = "make issue give deliver release post publish send write file sign offer".split()
MAKING_VERB_FORMS = frozenset(f for v in _MAKING_VERBS for f in _forms(v)) | frozenset(
    {"made", "gave", "given", "sent", "wrote", "written"}
)
FINDING_VERB_FORMS = frozenset(
    {"find", "finds", "found", "finding", "show", "shows", "showed", "shown", "read", "reads", "reading"}
)
