"""Cheap per-document evidence for clustering: the people a document names, and its words.

* ``person_names(text, title)``: "First [M.] Last" sequences of capitalised words that look
  like a person: the surname comes back alone elsewhere in the text ("Michael J. Carter, 23,
  ... Carter was arrested"), or the name is followed by an age (", 23,") or preceded by a
  title or role word ("Officer", "victim", "suspect"). Words that are capitalised for other
  reasons (months, days, street and institution words, "Police", "County") never form a
  name. Keys are lowercase "first last" (middle initials dropped). No parser, no NER: a few
  regular expressions, ~0.1 ms a document.
* ``terms(text, title)``: the content words of the title and lead (lowercase, no stop
  words, no digits), for the text-similarity feature (IDF-weighted cosine in ``cluster``).

Both are pure functions of the document; the store keeps them per incident (table
``incident_keys``) so candidates can be found by a shared name without a rescan.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_NAME = re.compile(
    rf"\b(?P<first>{_WORD})\s+(?:(?:[A-Z]\.\s+){{1,2}}|(?:[A-Z][a-z]+\s+(?=[A-Z][a-z]+)))?"
    rf"(?P<last>(?:Mc|Mac|O['’])?{_WORD})(?:\s+(?:Jr|Sr|II|III|IV)\b\.?)?"
)
# a capitalised word standing alone: not right after a word, not before a capitalised word
# (": Carter was arrested", "(Carter)"; not "said Carter", "Fort Worth", "Carter Street")
_CAPWORD = re.compile(r"(?<![A-Za-z] )\b((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b(?!\s+[A-Z][a-z])")
_LOWER = re.compile(r"\b[a-z][a-z'’-]+\b")
_AGE_AFTER = re.compile(r"^\s*,\s*(?:age\s+)?\d{1,3}\s*,")
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Officer|Deputy|Sgt|Sergeant|Lt|Lieutenant|Detective|Det|Cpl|Trooper|"
    r"victim|victims|suspect|suspects|gunman|shooter|identified as|named|son|daughter|"
    r"wife|husband|mother|father|brother|sister|boyfriend|girlfriend)\.?\s+)$"
)

# Officials, spokespeople, reporters: their names recur across unrelated incidents.
_OFFICIAL_BEFORE = re.compile(
    r"(?:\b(?:Det|Detective|Detectives|Lt|Lieut|Lieutenant|Sgt|Sergeant|Cpl|Corporal|Capt|Captain|Officer|"
    r"Deputy|Chief|Col|Colonel|Sheriff|Undersheriff|Trooper|Agent|Marshal|Commander|Major|Mayor|Judge|Justice|Attorney|"
    r"Prosecutor|Commissioner|Coroner|Examiner|Superintendent|Supt|Gov|Governor|Sen|Senator|Rep|Rev|Pastor|"
    r"Councilman|Councilwoman|Alderman|spokesman|spokeswoman|spokesperson|reporter|Reporter|"
    r"By|by|on|Whenever|Contact|Follow|writer|Writer|Officers?|PIO|Dr)\.?\s+)$"
)
_OFFICIAL_AFTER = re.compile(
    r"^(?:\s+(?:posts|reports for|can be reached|is a reporter|writes)|\s*,\s*(?:a |an |the )?"
    r"(?:[\w'’.-]+\s+){0,5}?(?:spokes\w+|officer|sergeant|lieutenant|detective|reporter|chief|sheriff|"
    r"coroner|prosecutor|attorney|captain|commander|deputy|trooper|agent|writer|editor|correspondent|"
    r"mayor|judge|superintendent|examiner|investigator|public information))",
    re.IGNORECASE,
)

# Capitalised words that are not (parts of) person names here.
_NOT_NAME = set("""
the a an and or but of in on at to for from by with as after before during when while where who
this that these those there here his her their its our my your he she they we it
police officer officers sheriff deputy deputies sgt sergeant lt lieutenant detective detectives chief
superintendent commissioner neighbor neighbour health
mayor governor president senator judge attorney prosecutor prosecutors district county city town
state states street st avenue ave road rd drive dr boulevard blvd lane ln court ct place way highway
interstate route park center centre hospital medical university college school high middle elementary
church department dept office bureau news press associated report reports update updated breaking
north south east west northern southern eastern western northeast northwest southeast southwest new old fort mount mt port lake river
saint san santa los las el la de del du van von le
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
mr mrs ms miss dr jr sr
american african black white hispanic latino asian
according police's authorities officials witnesses investigators neighbors family friends
shooting shootings homicide murder killed dead death man woman boy girl teen child
facebook twitter instagram youtube google pinterest linkedin reddit tumblr copyright all rights reserved photo video watch
department's inc llc co corp group company caption image images photos getty courtesy
""".split())
_LAST_NOT = set("""
street avenue road drive boulevard lane court place way highway parkway circle terrace trail
county city town village township state states center centre hospital school college university
church department office bureau station park mall market restaurant bar club lounge hotel motel
apartments apartment homes plaza square bridge airport news times post tribune journal herald
gazette star daily online channel police sheriff unit team jail prison court's
""".split())

_STOP = set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our ours out over own same she should
so some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
said says say told according police officers officer sheriff deputies department authorities
man woman men women people person year years old around near night morning afternoon evening
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
news update updated report reports reported reporting call called calls
one two three four five six seven eight nine ten first second third
shooting shot shootings shots fired gun guns killed dead death died dies wounded injured
""".split())
_TOKEN = re.compile(r"[a-z][a-z'’-]{2,}")

LEAD_CHARS = 1200  # the title and this much of the text make the text-similarity terms


def _name_matches(source: str):
    """"First [M.] Last" matches, retried one word on when the first word cannot start a
    name: "Public Schools Superintendent Alberto Carvalho" is read as "Superintendent Alberto
    Carvalho" (an official), not skipped whole after "Schools" fails."""
    pos = 0
    while (m := _NAME.search(source, pos)) is not None:
        first = m.group("first")
        if first.lower() in _NOT_NAME:
            pos = m.start("first") + len(first)
            continue
        pos = m.end()
        yield m


def person_names(text: str, title: str | None = None) -> set[str]:
    """Person names in the document, as lowercase "first last" keys."""
    found: set[str] = set()
    official: set[str] = set()
    counts: Counter | None = None
    lower: set[str] = set()
    for source in (text, title or ""):
        for m in _name_matches(source):
            first, last = m.group("first"), m.group("last")
            if "\n" in m.group(0):  # a list of page links ("Digital\nSign Up"), not a name
                continue
            if last.lower() in _NOT_NAME or last.lower() in _LAST_NOT or len(first) < 2 or len(last) < 3:
                continue
            key = f"{first.lower()} {last.lower()}"
            if (_OFFICIAL_BEFORE.search(source[max(0, m.start() - 40):m.start()])
                    or _OFFICIAL_AFTER.match(source[m.end():m.end() + 80])):
                official.add(key)
                continue
            person = bool(_AGE_AFTER.match(source[m.end():m.end() + 12]))
            if not person:
                person = bool(_TITLE_BEFORE.search(source[max(0, m.start() - 20):m.start()]))
            if not person:  # the surname again elsewhere in the text
                if counts is None:
                    counts = Counter(_CAPWORD.findall(text))
                    lower = set(_LOWER.findall(text)) | set(_LOWER.findall(title or ""))
                # ... and the first word no common word the text also writes in lowercase
                # ("Related About", "Incident Houston": page chrome and headings, not people)
                person = counts[last] >= 1 and first.lower() not in lower
            if person:
                found.add(key)
    return found - official


def terms(text: str, title: str | None = None) -> set[str]:
    """Content words of the title and lead (lowercase, no stop words)."""
    lead = ((title or "") + " " + text[:LEAD_CHARS]).lower()
    return {t.strip("'’-") for t in _TOKEN.findall(lead) if t not in _STOP and len(t.strip("'’-")) > 2}


def cosine(a: set[str], b: set[str], idf) -> float:
    """IDF-weighted cosine of two word sets (binary term frequency)."""
    if not a or not b:
        return 0.0
    shared = a & b
    if not shared:
        return 0.0
    num = sum(idf(t) ** 2 for t in shared)
    na = math.sqrt(sum(idf(t) ** 2 for t in a))
    nb = math.sqrt(sum(idf(t) ** 2 for t in b))
    return num / (na * nb) if na and nb else 0.0
