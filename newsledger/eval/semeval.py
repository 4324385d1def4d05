"""``newsledger eval semeval2018-task5 --data DIR``: SemEval-2018 Task 5, "Counting Events
and Participants in the Long Tail", answered from the ledger.

DIR holds ``questions_s{1,2,3}.json``, ``docs.jsonl`` (``doc_id``, ``dct``,
``lines_tokenized``; the first line is the title) and, when present,
``gold_answers_s{1,2,3}.json`` (official gold format: ``{qid: {"numerical_answer": n,
"answer_docs": {incident_id: [doc_id, ...]}}}``; a plain doc list is accepted too).

All documents are ingested into one ledger (publication date = dct; title = the first line;
text = the other lines detokenised). Every question is then answered from ``Ledger.incidents()``.
``fits`` (shared with ``bench/data/semeval_trial_gold.py``, which replays the same definitions
on the GVA records) applies the plain definitions; the system-side rules below sit outside it
(``incident_candidate``, ``place_alternatives``, ``city_point``, ``answer``), so the derived
gold does not move when they change.

* event_type: ``killing`` -> killed > 0; ``injuring`` -> injured > 0 (the incident's best
  figures); ``fire_burning`` / ``job_firing`` -> an incident whose sub_type names it (the
  ledger has no such types, so in practice no incident fits). System-side figures:

  - perpetrator: when the killed figure is 0 or missing, the perpetrators killed count (a
    shooter who killed only himself is a killing: GVA counts him);
  - figureless incident: when the ledger has neither a killed, an injured nor a perpetrator
    figure, the documents decide: a death word (killed, dead, died, fatal, homicide,
    murder, slain, ...) -> 1 killed, else a harm word (shot, shooting, wounded, injured,
    hospitalised, ...) -> 1 injured (on the trial ledger 60 of 69 such incidents had a
    victim, mostly one injured);
  - S3 counts: the sum uses the estimate's low figure when 0 < low < best (a best above
    the low is more often a misread total, an age or a yearly count than the event's figure;
    on the trial ledger low was the exact figure 34 times, best 6 times).
* time: ``day`` dd/mm/yyyy, ``month`` mm/yyyy, ``year`` yyyy against the incident date
  (``date.start``); when the incident has no year-bearing date, the earliest publication
  date of its documents stands in. System side: when the date is only that stand-in
  (date precision "unknown"), the day before it fits as well (events are usually reported
  the same day or the next).
* location: a DBpedia URI. ``.../Eudora,_Arkansas`` = city "Eudora" in state "Arkansas";
  ``.../Houston`` (city) = city "Houston", any state; ``.../Ohio`` (state) = admin1 "Ohio".
  Parenthesised qualifiers (``Georgia_(U.S._state)``) are dropped. Compared with the
  incident location's name / admin1, normalised (``scoring.place_match`` /
  ``scoring.admin1_match``). System side (``place_alternatives``, ``city_point``), a city
  URI also stands for:

  - the parent place of a part of a city: ``Aetna_(Gary)`` -> Gary (a parenthesis that is
    not a qualifier such as "U.S. state", "city", a state name), ``Penile,_Louisville`` ->
    Louisville (a comma part that is not a US state), ``Downtown_Orlando`` /
    ``Uptown_Oakland`` / ``East_Bakersfield`` / ``North_Las_Vegas`` -> the city after a
    Downtown/Uptown/Midtown/compass prefix (not "New": New York is not York),
    ``Charlotte_center_city`` / ``Washington_metropolitan_area`` /
    ``Santa_Clarita_Valley`` -> the city before such a suffix, and
    ``Joliet_Township,_Will_County,_Illinois`` -> Joliet Township (county part skipped);
  - any town-level incident within sqrt(population) / 110 km (2-15 km) of the US town the
    gazetteer gives for the URI, in the same state: neighbourhoods the ledger names instead
    of the city (a Chicago incident placed in "Brighton Park").
* participant: ``first`` / ``last`` / ``full_name`` must occur in the text of one of the
  incident's documents as a person who may be a participant (``name_in_text``): as written
  (case matters: "Young" the name, not "young"; a last name in capitals after a capitalised
  first name is accepted), not inside a hyphenated or apostrophised word; a first name
  followed by a capitalised word (an initial or a quoted nickname may come between), not
  after "St."/"Fort"; a last name preceded by a capitalised word that is not a title and
  ending the capitalised run (Jr./Sr./II may follow); not the start of a street, school,
  hospital, police department or other organisation ("James St.", "Samuel J. Green
  School"); not a credit (after "By", "Contact", "Photo", "writer", "—", "/", an outlet's
  "'s"; sentences with "@", "contributed", "staff writer", "pic.twitter"); not an official
  (after Chief, Sheriff, Mayor, Judge, spokesman, prosecutor, attorney, Officer, Sgt., Det.,
  Deputy, neighbour, witness, ...); not a quoted speaker ("said Bryan Smith, who ...",
  "Debbie Butler said"), unless an age follows the name ("James Garcia, 21, told police").

Answers: S1 = the documents of the fitting incident (when several fit, the one with the most
documents, then the most claims); S2 = number of fitting incidents and the union of their
documents; S3 = the sum of killed (killing) or injured (injuring) figures over the fitting
incidents, and their documents. Every question is answered, so ``answered`` is 100 %.
System-side answering rules (``answer(..., near=True, relax=True)`` as ``run_semeval`` calls it):

* documents: a fitting incident's documents published before the question's period
  begins (day / first of the month / 1 January) are left out (they cannot report it),
  unless that would leave none;
* duplicates (S2, S3): fitting incidents in the same town and state with the same killed
  and injured figures, dated at most a day apart where at least one date is only the
  publication-date stand-in, count once (``likely_same``; documents pooled);
* relaxation: the questions are generated from incidents that exist, so when no incident
  fits, one constraint at a time is loosened until some fit: "time" (incident date within 3
  days of the question's period), then "type" (killing <-> injuring: any casualty), then
  "place" (a city question: the single incident nearest to the city, same state, within
  60 km).

Scores follow the official scorer: accuracy and RMSE of ``numerical_answer`` (S2, S3) and
macro document F1 (empty gold and empty answer = 1) over the answered questions, percentages.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from newsledger.eval import scoring
from newsledger.eval.common import make_document, open_ledger, print_table, read_jsonl, semeval_text
from newsledger.models import Document, Incident

SUBTASKS = (1, 2, 3)


# --------------------------------------------------------------------------- questions


def uri_place(uri: str) -> tuple[str, str | None]:
    """``http://dbpedia.org/resource/Eudora,_Arkansas`` -> ("Eudora", "Arkansas");
    ``Houston`` -> ("Houston", None); ``Georgia_(U.S._state)`` -> ("Georgia", None)."""
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    name = urllib.parse.unquote(name).replace("_", " ")
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if "," in name:
        first, rest = name.split(",", 1)
        return first.strip(), rest.strip() or None
    return name, None


def _us_states() -> frozenset[str]:
    path = Path(__file__).resolve().parents[1] / "data" / "places_us_states.tsv"
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(scoring.norm_admin1(line.split("\t")[0]))
    return frozenset(names)


US_STATES = _us_states()
#: words of a parenthesised DBpedia qualifier that say what the place is, not where it is
_QUALIFIER_WORDS = frozenset(
    "u s state city town village county community neighborhood neighbourhood cdp borough township "
    "census designated place unincorporated area district region metropolitan".split()
)
#: a part of a city: "Downtown Orlando", "Uptown Oakland", "East Bakersfield", "New Tampa"
_AREA_PREFIX = re.compile(r"^(?:Downtown|Uptown|Midtown|East|West|North|South|Northeast|Northwest|Southeast|Southwest|Central)\s+(.+)$")
#: "Charlotte center city", "Washington metropolitan area", "Santa Clarita Valley"
_AREA_SUFFIX = re.compile(r"^(.+?)\s+(?:center city|city center|metropolitan area|metro area|metro|valley|downtown)$", re.I)


def _is_state(name: str | None) -> bool:
    return bool(name) and scoring.norm_admin1(name) in US_STATES


def place_alternatives(location: dict | None) -> list[tuple[str | None, str | None]]:
    """System side: more (state, city) pairs a DBpedia city URI stands for, beyond its own
    name (``uri_place``); passed to ``fits`` as ``accept_cities``. See the module docstring
    ("location") for the rules."""
    if not location or "city" not in location:
        return []
    raw = location["city"].rstrip("/").rsplit("/", 1)[-1]
    raw = urllib.parse.unquote(raw).replace("_", " ").strip()
    out: list[tuple[str | None, str | None]] = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", raw)
    if m:
        raw, qual = m.group(1).strip(), m.group(2).strip()
        if not (set(scoring.norm_text(qual).split()) & _QUALIFIER_WORDS) and not _is_state(qual):
            out.append((None, qual))  # "Aetna (Gary)": a part of Gary
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return out
    name, rest = parts[0], parts[1:]
    state = rest[-1] if rest and _is_state(rest[-1]) else None
    if rest and state is None:
        out.append((None, rest[-1]))  # "Penile, Louisville": a neighbourhood of Louisville
    variants = [name]
    for rx in (_AREA_PREFIX, _AREA_SUFFIX):
        mm = rx.match(name)
        if mm:
            variants.append(mm.group(1))
    for v in variants[1:]:
        out.append((state, v))
    if state is not None and len(rest) > 1:
        out.append((state, name))  # "Joliet Township, Will County, Illinois"
    return out


@dataclass
class Candidate:
    """What the question matcher needs to know about one incident (system or gold)."""

    id: Any
    killed: int = 0
    injured: int = 0
    date: str | None = None  # "YYYY-MM-DD" / "YYYY-MM" / "YYYY"; None when unknown
    city: str | None = None
    state: str | None = None
    sub_type: str = ""
    docs: list[str] = field(default_factory=list)
    has_name: Callable[[str, str], bool] = lambda kind, value: False  # (first|last|full_name, value)
    extra_cities: tuple = ()  # other spellings of the place (gold side: none)
    weight: int = 0  # tie-break for S1 (e.g. number of claims)
    lat: float | None = None  # the incident's town-level coordinates (system side only)
    lon: float | None = None
    date_from_text: bool = True  # False: the date is the publication-date stand-in
    published: dict = field(default_factory=dict)  # doc id -> "YYYY-MM-DD" (system side only)
    killed_count: int | None = None  # the figure S3 sums, when it differs from ``killed``
    injured_count: int | None = None


def _time_fits(spec: dict, when: str | None) -> bool:
    if not spec:
        return True
    if not when:
        return False
    y, m, d = (when.split("-") + [None, None])[:3]
    if "day" in spec:
        dd, mm, yyyy = spec["day"].split("/")
        return (y, m, d) == (yyyy, mm, dd)
    if "month" in spec:
        mm, yyyy = spec["month"].split("/")
        return (y, m) == (yyyy, mm)
    if "year" in spec:
        return y == str(spec["year"])
    return True


def _place_fits(spec: dict, cand: Candidate, accept_cities: Iterable[tuple[str | None, str]] = ()) -> bool:
    if not spec:
        return True
    if "state" in spec:
        state, _ = uri_place(spec["state"])
        if scoring.admin1_match(state, cand.state):
            return True
        return any(ct is None and scoring.admin1_match(st, cand.state) for st, ct in accept_cities)
    if "city" in spec:
        city, state = uri_place(spec["city"])
        names = [cand.city, *cand.extra_cities]
        if any(scoring.place_match(city, n) for n in names if n) and (state is None or scoring.admin1_match(state, cand.state)):
            return True
        # additional (state, city) pairs a caller accepts for this question (trial gold only)
        for st, ct in accept_cities:
            if ct is not None and any(scoring.place_match(ct, n) for n in names if n) and (st is None or scoring.admin1_match(st, cand.state)):
                return True
        return False
    return True


def _type_fits(event_type: str, cand: Candidate) -> bool:
    if event_type == "killing":
        return cand.killed > 0
    if event_type == "injuring":
        return cand.injured > 0
    if event_type == "fire_burning":
        return bool(re.search(r"\b(fire|arson|burn)", cand.sub_type or "", re.I))
    if event_type == "job_firing":
        return bool(re.search(r"\b(dismiss|layoff|fired|job)", cand.sub_type or "", re.I))
    return False


def _participant_fits(spec: dict, cand: Candidate) -> bool:
    if not spec:
        return True
    return all(cand.has_name(kind, value) for kind, value in spec.items())


def _day_before(when: str | None) -> str | None:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(when) - timedelta(days=1)).isoformat() if when and len(when) == 10 else None
    except ValueError:
        return None


def _when_fits(spec: dict, cand: Candidate) -> bool:
    if _time_fits(spec, cand.date):
        return True
    # a publication-date stand-in: the event may be the day before the first report
    return not cand.date_from_text and _time_fits(spec, _day_before(cand.date))


def fits(question: dict, cand: Candidate, accept_cities: Iterable[tuple[str | None, str]] = ()) -> bool:
    return (
        _type_fits(question.get("event_type", ""), cand)
        and _when_fits(question.get("time") or {}, cand)
        and _place_fits(question.get("location") or {}, cand, accept_cities)
        and _participant_fits(question.get("participant") or {}, cand)
    )


_POINTS: dict[str, Any] = {}


def city_point(location: dict | None) -> tuple[float, float, float, str | None] | None:
    """(lat, lon, radius km, state) of a city question's place from the gazetteer: the US
    town named by the URI (in its state when the URI names one; else the most populous),
    radius = sqrt(population) / 110 km, between 2 and 15 km. None for state questions or
    when the gazetteer does not know the town."""
    if not location or "city" not in location:
        return None
    uri = location["city"]
    if uri in _POINTS:
        return _POINTS[uri]
    point = None
    try:
        from newsledger.extract.gazetteer import Gazetteer

        gaz = Gazetteer.default()
        name, state = uri_place(uri)
        names = [name] + [ct for st, ct in place_alternatives(location) if ct]
        for n in names:
            hits = [
                p for p in gaz.lookup(n)
                if p.country_code == "US" and p.feature == "city" and p.lat is not None
                and scoring.place_match(n, p.name) and (state is None or scoring.admin1_match(state, p.admin1))
            ]
            if hits:
                best = max(hits, key=lambda p: p.population or 0)
                km = min(15.0, max(2.0, math.sqrt(best.population or 0) / 110.0))
                point = (best.lat, best.lon, km, best.admin1)
                break
    except Exception:  # noqa: BLE001 - no gazetteer: the rule is off
        point = None
    _POINTS[uri] = point
    return point


def _near_fits(question: dict, cand: Candidate, point: tuple[float, float, float, str | None]) -> bool:
    lat, lon, km, state = point
    if cand.lat is None or cand.lon is None or (state and not scoring.admin1_match(state, cand.state)):
        return False
    if scoring.haversine_km(lat, lon, cand.lat, cand.lon) > km:
        return False
    rest = {k: v for k, v in question.items() if k != "location"}
    return fits(rest, cand)


def _days(a: str | None, b: str | None) -> int | None:
    from datetime import date

    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) if a and b and len(a) == len(b) == 10 else None
    except ValueError:
        return None


def likely_same(a: Candidate, b: Candidate) -> bool:
    """Two ledger incidents that probably report one event: same town and state, the same
    killed and injured figures, and dates at most a day apart of which at least one is only
    the publication-date stand-in (the ledger left them apart for want of a date)."""
    if not (a.city and b.city and scoring.place_match(a.city, b.city) and (a.state or "") == (b.state or "")):
        return False
    if (a.killed, a.injured) != (b.killed, b.injured):
        return False
    if a.date_from_text and b.date_from_text:
        return False
    days = _days(a.date, b.date)
    return days is not None and days <= 1


def drop_duplicates(fitting: list[Candidate]) -> list[Candidate]:
    """Keep one of each group of ``likely_same`` incidents (the one with most documents; its
    group's documents are answered all the same)."""
    kept: list[Candidate] = []
    for c in sorted(fitting, key=lambda c: (-len(c.docs), -c.weight, str(c.id))):
        twin = next((k for k in kept if likely_same(k, c)), None)
        if twin is None:
            kept.append(Candidate(**{**c.__dict__, "docs": list(c.docs)}))
        else:
            twin.docs.extend(d for d in c.docs if d not in twin.docs)
    return kept


def _period_start(spec: dict) -> str | None:
    if "day" in spec:
        dd, mm, yyyy = spec["day"].split("/")
        return f"{yyyy}-{mm}-{dd}"
    if "month" in spec:
        mm, yyyy = spec["month"].split("/")
        return f"{yyyy}-{mm}-01"
    if "year" in spec:
        return f"{spec['year']}-01-01"
    return None


def answer_docs(question: dict, cand: Candidate) -> list[str]:
    """The documents of a fitting incident that can be about the question's event (module
    docstring, "documents")."""
    docs = list(cand.docs)
    start = _period_start(question.get("time") or {})
    if start and cand.published:
        kept = [d for d in docs if not cand.published.get(d) or cand.published[d] >= start]
        docs = kept or docs
    return docs


def _count(cand: Candidate, field_: str) -> int:
    value = getattr(cand, f"{field_}_count")
    return getattr(cand, field_) if value is None else value


def _period(spec: dict) -> tuple[str, str] | None:
    """First and last day ("YYYY-MM-DD") of a question's time."""
    import calendar

    start = _period_start(spec)
    if start is None:
        return None
    y, m, _ = (int(x) for x in start.split("-"))
    if "day" in spec:
        return start, start
    if "month" in spec:
        return start, f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    return start, f"{y:04d}-12-31"


def _relaxed(question: dict, cand: Candidate, accept, step: str) -> bool:
    """``fits`` with one constraint loosened (``step``): "time" = the incident date within 3
    days of the question's period; "place" = a city question answered by the city's state;
    "type" = any casualty."""
    spec_time = question.get("time") or {}
    loc = question.get("location") or {}
    rest = dict(question)
    if step == "time":
        per = _period(spec_time)
        if per is None or not cand.date or len(cand.date) != 10:
            return False
        rest.pop("time", None)
        lo, hi = per
        d_lo, d_hi = _days(cand.date, lo), _days(cand.date, hi)
        inside = lo <= cand.date <= hi or (d_lo is not None and d_lo <= 3) or (d_hi is not None and d_hi <= 3)
        return inside and fits(rest, cand, accept)
    if step == "place":
        if "city" not in loc:
            return False
        _, state = uri_place(loc["city"])
        point = city_point(loc)
        state = state or (point[3] if point else None)
        if not state or not scoring.admin1_match(state, cand.state):
            return False
        rest.pop("location", None)
        return fits(rest, cand, accept)
    if step == "type":
        if question.get("event_type") not in ("killing", "injuring") or not (cand.killed or cand.injured):
            return False
        rest["event_type"] = "killing" if cand.killed else "injuring"
        return fits(rest, cand, accept)
    return False


def _nearest(question: dict, cands: list[Candidate], max_km: float = 60.0) -> list[Candidate]:
    """The incident nearest to the question's city (within ``max_km``); none without coordinates."""
    point = city_point(question.get("location"))
    if point is None:
        return []
    scored = [
        (scoring.haversine_km(point[0], point[1], c.lat, c.lon), c) for c in cands if c.lat is not None and c.lon is not None
    ]
    scored = [(km, c) for km, c in scored if km <= max_km]
    return [min(scored, key=lambda kc: kc[0])[1]] if scored else []


RELAX_STEPS = ("time", "type", "place")


def answer(
    question: dict, subtask: int, candidates: list[Candidate], accept_cities=(), near: bool = False, relax: bool = False
) -> dict:
    """The answer in the official system format. ``accept_cities`` are added to the
    ``place_alternatives`` of the question's location."""
    accept = [*accept_cities, *place_alternatives(question.get("location"))]
    point = city_point(question.get("location")) if near else None
    fitting = [c for c in candidates if fits(question, c, accept) or (point is not None and _near_fits(question, c, point))]
    for step in RELAX_STEPS if relax else ():
        if fitting:
            break
        fitting = [c for c in candidates if _relaxed(question, c, accept, step)]
        if step == "place" and fitting:
            fitting = _nearest(question, fitting)
    if subtask == 1:
        fitting = [Candidate(**{**c.__dict__, "docs": answer_docs(question, c)}) for c in fitting]
        if not fitting:
            return {"answer_docs": []}
        best = max(fitting, key=lambda c: (len(c.docs), c.weight))
        return {"answer_docs": sorted(set(best.docs))}
    fitting = drop_duplicates([Candidate(**{**c.__dict__, "docs": answer_docs(question, c)}) for c in fitting])
    docs = sorted({d for c in fitting for d in c.docs})
    if subtask == 2:
        num = len(fitting)
    else:
        field_ = "killed" if question.get("event_type") == "killing" else "injured"
        num = sum(_count(c, field_) for c in fitting) if question.get("event_type") in ("killing", "injuring") else 0
    return {"numerical_answer": int(num), "answer_docs": docs}


# --------------------------------------------------------------------------- system side


def _words_re(value: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in value.split()) + r"(?!\w)", re.I)


_NAME_WORD = r"[A-Z][\w'\u2019\-]*"
#: what may stand between a first name and the next capitalised word: an initial, a nickname
_FIRST_NEXT = re.compile(r"\s+(?:[A-Z]\.\s+|[\"\u201c][^\"\u201d\n]{1,30}[\"\u201d]\s+)?" + _NAME_WORD)
_LAST_PREV = re.compile(_NAME_WORD + r"\.?\s+(?:[A-Z]\.\s+)?$")
#: a capitalised run ending in one of these names a street, building or organisation
_NOT_PERSON_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'\u2019\-]*\.?)*\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|"
    r"Place|Parkway|Pkwy|Highway|Hwy|Circle|Trail|Terrace|Square|Park|County|Police|Department|School|Elementary|"
    r"High|Middle|Academy|University|College|Center|Centre|Hospital|Medical|Church|Hall|Apartments|Homes|Plaza|Mall|"
    r"Branch|Heights|Township|City|Memorial|Institute|Foundation|Company|Co|Inc|Airport|Station|Bridge|Creek|River|Lake)\b"
)
#: credits and contacts: the name is the reporter or photographer
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:[Cc]ontact|[Bb]y|BY|[Ww]riters?|[Rr]eporters?|[Pp]hoto|[Pp]hotos|[Cc]redit)\b:?\s*(?:[A-Z][\w'\u2019\-]*\s+)*$|[\u2014/(]\s*$|\w['\u2019]s\s+$)"
)
_CREDIT_SENTENCE = re.compile(r"@|contributed|staff writer|pic\.twitter|\bCopyright\b|\bFollow\b")
#: officials quoted in the story, not participants
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Chief|Sheriff|Mayor|Judge|Coroner|Sen|Rep|Gov|President|[Pp]resident|Activist|[Aa]ctivist|"
    r"[Ss]pokes(?:man|woman|person)|[Pp]rosecutor|[Aa]ttorney|Councilman|Councilwoman|Commissioner|Superintendent|"
    r"Principal|Pastor|Rev|Coach|Director|[Dd]irector|Capt|Lt|Sgt|Sergeant|Lieutenant|Captain|Detective|Det|Officer|"
    r"Deputy|Trooper|Cpl|Corporal|Agent|Examiner|[Nn]eighbor|[Ww]itness)\.?\s+$"
)


def _sentence_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [x for x in (text.find(". ", end), text.find("\n", end)) if x != -1]
    return text[a : (min(stops) + 1 if stops else len(text))]


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|exclaimed|added|explained|according to)\s+$")
_SPEECH_AFTER = re.compile(r"^(?:\s*,[^,.]{0,60},)?\s+(?:said|says|explained|added)\b")
_NAME_SUFFIX = re.compile(r"^\s*,?\s*(?:Jr|Sr|II|III|IV)\b\.?")


def name_in_text(kind: str, value: str, text: str) -> bool:
    """Does ``value`` occur in ``text`` as the first / last / full name of a person who may be
    a participant? See the module docstring ("participant") for the rules."""
    if not value or not text:
        return False
    for m in _words_re(value).finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        found = " ".join(m.group(0).split())
        if found != value and not (kind == "last" and found == value.upper() and re.search(r"[A-Z][a-z]+\s+$", before)):
            continue  # case matters: "Young" the name, not "young" ("Elliot JOHNSON" is fine)
        after = text[m.end() : m.end() + 80]
        if re.search(r"[-'\u2019]$", before) or re.match(r"^[-'\u2019]\w", after):
            continue  # part of "Hernandez-Rivera", "La'Keith"
        if kind == "first":
            if not _FIRST_NEXT.match(after) or re.search(r"\b(?:St|Saint|Ste|Mt|Fort|Ft)\.?\s+$", before):
                continue
            pre, post = before, after[_FIRST_NEXT.match(after).end() :]
        elif kind == "last":
            prv = _LAST_PREV.search(before)
            if not prv or _OFFICIAL_BEFORE.search(before[: prv.end()].rstrip() + " "):
                continue
            if re.match(r"^\s+[A-Z][a-z]", after) and not _NAME_SUFFIX.match(after):
                continue  # not the end of the name: "C. Allen McConnell"
            pre, post = before[: prv.start()], after
        else:
            pre, post = before, after
        post = post[_NAME_SUFFIX.match(post).end() :] if _NAME_SUFFIX.match(post) else post
        if _NOT_PERSON_AFTER.match(after) or _CREDIT_BEFORE.search(pre) or _OFFICIAL_BEFORE.search(pre):
            continue
        aged = re.match(r"^\s*,\s*\d{1,3}\s*,", post)
        if not aged and ((_SPEECH_BEFORE.search(pre) and re.match(r"^\s*[,.;]|\s*$", post)) or _SPEECH_AFTER.match(post)):
            continue  # a relative, neighbour or witness quoted
        if _CREDIT_SENTENCE.search(_sentence_around(text, m.start(), m.end())):
            continue
        return True
    return False


_DEATH_WORDS = re.compile(r"\b(?:killed|dead|died|dies|death|deadly|fatal|fatally|homicide|murder|murdered|slain)\b", re.I)
_HARM_WORDS = re.compile(r"\b(?:shot|shooting|wounded|wounds?|injured|injuries|hurt|hospitali[sz]ed|gunshot)\b", re.I)


def figureless_guess(texts: Iterable[str]) -> tuple[int, int]:
    """(killed, injured) for an incident whose claims give neither figure: 1 killed when its
    documents use a death word, else 1 injured when they speak of a shooting or wounds."""
    joined = "\n".join(t for t in texts if t)
    if _DEATH_WORDS.search(joined):
        return 1, 0
    if _HARM_WORDS.search(joined):
        return 0, 1
    return 0, 0


def incident_candidate(inc: Incident, texts: dict[str, str]) -> Candidate:
    when = inc.date.start if inc.date and inc.date.start and not inc.date.start.startswith("--") else None
    from_text = when is not None and (inc.date.precision or "unknown") != "unknown"
    if when is None:
        pubs = [d.published for d in inc.documents if d.published]
        if pubs:
            when = min(pubs).isoformat()
    loc = inc.location
    doc_ids = [d.id for d in inc.documents]
    haystack = [texts.get(d, "") for d in doc_ids]
    cache: dict[tuple[str, str], bool] = {}

    def has_name(kind: str, value: str) -> bool:
        key = (kind, value)
        if key not in cache:
            cache[key] = any(name_in_text(kind, value, t) for t in haystack if t)
        return cache[key]

    killed_best = inc.killed.best if inc.killed else None
    injured_best = inc.injured.best if inc.injured else None
    perp_best = inc.perpetrators_killed.best if getattr(inc, "perpetrators_killed", None) else None
    if killed_best is None and injured_best is None and perp_best is None:
        killed, injured = figureless_guess([*(d.title or "" for d in inc.documents), *(texts.get(d, "") for d in doc_ids)])
    else:
        # a shooter who killed only himself still makes a killing (GVA counts him)
        killed, injured = killed_best or perp_best or 0, injured_best or 0
    # S3 sums the low figure: a best above the low is as often a misread total or age
    killed_count = inc.killed.low if killed_best and inc.killed.low is not None and 0 < inc.killed.low < killed_best else None
    injured_count = inc.injured.low if injured_best and inc.injured.low is not None and 0 < inc.injured.low < injured_best else None
    return Candidate(
        id=inc.id,
        killed=killed,
        injured=injured,
        date=when,
        city=loc.name if loc else None,
        state=loc.admin1 if loc else None,
        sub_type=inc.sub_type or "",
        docs=doc_ids,
        has_name=has_name,
        extra_cities=tuple(loc.mentions) if loc and loc.mentions else (),
        weight=len(inc.claims),
        date_from_text=from_text,
        killed_count=killed_count,
        injured_count=injured_count,
        published={d.id: d.published.isoformat() for d in inc.documents if d.published},
        lat=loc.lat if loc and loc.precision == 1 else None,
        lon=loc.lon if loc and loc.precision == 1 else None,
    )


def load_documents(data: Path) -> list[Document]:
    docs = []
    for row in read_jsonl(data / "docs.jsonl"):
        title, text = semeval_text(row.get("lines_tokenized") or [])
        docs.append(make_document({"id": row["doc_id"], "text": text or title or " ", "title": title, "published": row.get("dct")}))
    return docs


def load_questions(data: Path) -> dict[int, dict]:
    out = {}
    for s in SUBTASKS:
        p = data / f"questions_s{s}.json"
        if p.exists():
            out[s] = json.loads(p.read_text())
    return out


def load_gold(data: Path) -> dict[int, dict]:
    out = {}
    for s in SUBTASKS:
        p = data / f"gold_answers_s{s}.json"
        if p.exists():
            out[s] = json.loads(p.read_text())
    return out


def run_semeval(data: str, out: str | None = None, db: str | None = None, progress: bool = False) -> dict[str, Any]:
    """Ingest DIR/docs.jsonl into one ledger, answer every question and score against gold
    when present. With ``out``, writes ``answers_s{1,2,3}.json`` (official format),
    ``scores_s{1,2,3}.json`` (per question: doc F1, gold vs system number) and
    ``metrics.json`` there.

    ``db``: a ledger URL/path to reuse (e.g. to answer again without re-ingesting); default a
    temporary sqlite file. Returns ``{"s1": {...}, "s2": {...}, "s3": {...}, ...}``."""
    data_dir = Path(data)
    questions = load_questions(data_dir)
    if not questions:
        raise FileNotFoundError(f"no questions_s*.json in {data_dir}")
    gold = load_gold(data_dir)
    started = time.perf_counter()
    with open_ledger(db, "nl-semeval-") as ledger:
        docs = load_documents(data_dir)
        texts = {d.id: d.text for d in docs}
        ingest = ledger.add_documents(docs)
        t_ingest = time.perf_counter() - started
        if progress:
            print(f"  ingested {len(docs)} documents in {t_ingest:.0f}s", file=sys.stderr)
        incidents = ledger.incidents()
    candidates = [incident_candidate(inc, texts) for inc in incidents]
    answers = {s: {qid: answer(q, s, candidates, near=True, relax=True) for qid, q in qs.items()} for s, qs in questions.items()}
    metrics: dict[str, Any] = {}
    per_question: dict[int, dict] = {}
    for s, ans in answers.items():
        if s in gold:
            sc = scoring.score_semeval(gold[s], ans, numeric=s != 1)
            metrics[f"s{s}"] = sc.as_dict(numeric=s != 1)
            per_question[s] = sc.per_question
        else:
            metrics[f"s{s}"] = {"questions": len(ans), "answered": 100.0 if ans else 0.0, "gold": False}
    metrics["documents"] = len(docs)
    metrics["incidents"] = len(incidents)
    metrics["skipped"] = len(getattr(ingest, "skipped", []) or [])
    metrics["seconds"] = {"ingest": round(t_ingest, 2), "total": round(time.perf_counter() - started, 2)}
    if out:
        outdir = Path(out)
        outdir.mkdir(parents=True, exist_ok=True)
        for s, ans in answers.items():
            (outdir / f"answers_s{s}.json").write_text(json.dumps(ans, indent=1, sort_keys=True) + "\n")
            if s in per_question:
                (outdir / f"scores_s{s}.json").write_text(json.dumps(per_question[s], indent=1, sort_keys=True) + "\n")
        (outdir / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def print_semeval_report(metrics: dict[str, Any], file=None) -> None:
    rows = []
    for s in SUBTASKS:
        m = metrics.get(f"s{s}")
        if not m:
            continue
        if m.get("gold") is False:
            rows.append([f"S{s}", m["questions"], None, None, None, m["answered"]])
        else:
            rows.append([f"S{s}", m["n"], m.get("accuracy"), m.get("rmse"), m["doc_f1"], m["answered"]])
    print(f"{metrics.get('documents')} documents -> {metrics.get('incidents')} incidents", file=file)
    print_table(
        "SemEval-2018 Task 5",
        ["subtask", "questions", "accuracy %", "RMSE", "doc F1 %", "answered %"],
        rows,
        file=file,
    )

