"""Where: place mentions in a text, and the place where the event happened.

Reads: a document's text (and title / outlet / the event's focus sentences).
Adds: ``PlaceMention`` spans with gazetteer candidates, and ``Event.location``.

How it works (rules, no spaCy, a few ms per article):

1. ``find_places``: runs of capitalised words (a regex) are matched against the gazetteer,
   longest span first; "X province / governorate / district / county" asks for an admin
   area; "City, ST" / "City, Calif." / "City, State" pins the state; country demonyms
   ("Syrian" -> Syria) come from ``data/places_demonyms.tsv``. False friends are refused:
   words on ``data/places_stopwords.txt`` (Mobile, Police, Sunday, Victoria ...) alone,
   sentence-initial common words, person-name contexts ("Victoria Smith", "Jackson said",
   "Sgt. Lewis"), and street names ("Brooklyn Ave.").
2. ``event_location``: every mention votes for its best candidate, weighted by where it
   stands (dateline > title > focus sentences > "in / near X" > elsewhere) and resolved by
   context (countries and US states named in the text, the dateline's state, population).
   A city also collects part of the votes of its province and country. The best place wins.
3. More evidence (measured on the GVA train split, general rules, no per-site tables):
   the outlet's web host (``url``): place names written inside it ("kansascity.com",
   "abc7chicago.com") give the outlet's state as context and a weak vote (``host_places``);
   a Title Case headline is read in sentence case, keeping capitals where a place is
   likely (``_recase_title``); an ambiguous name prefers the candidate near the text's
   other places or inside a county it names (``_neighbours``: "Selma" + "Dallas County");
   a candidate in a country nothing in the text points to is penalised; a first-level
   area that is mostly one city (the District of Columbia) is coded at that city.
4. Later rules (same measure): "the Bristol Tennessee Police Department" pins the state
   like "Bristol, Tenn."; "Washington" in a text that names D.C. (or "Northeast
   Washington", or an AP dateline "WASHINGTON —") is the city; a headline's outlet tail is
   cut at station words ("| WBTV Charlotte" -> Charlotte); a bare "Pasco" next to "Pasco
   County" is read in that county's state; a county that wins is coded at its namesake
   town ("Denton County" -> Denton, precision 2), as a province is at its capital; a big
   city absorbs a neighbourhood near its core but not a town well beyond it
   (``_city_radius``); a small town in a state nothing else in the text supports gives way
   when another state is supported ("Liberty City" in a Miami story is not Texas); a text
   with no place at all falls back on the words of its web address (``path_places``).
5. Later still (same measure): a word joined to a venue ("Irish Pub and Grill", "Bar &
   Grill") is a business's name; hand-written abbreviations ("KCK") count in capitals; a
   name with one clearly biggest place ("Roanoke" -> Virginia) lends that place's state to
   the text (``_dominant``); a name the text calls a neighbourhood anywhere is one in every
   mention, the headline's too; a county without a same-named town is coded at its biggest
   town when that town holds half its people (``_county_main_town``).
6. Weighing a name against the rest of the text (same measure; GVA dev city 0.755 -> 0.773,
   state 0.893 -> 0.903, 25 km 0.826 -> 0.839; train 0.761 -> 0.768, 0.887 -> 0.897,
   0.824 -> 0.833): a town in a country nothing but its own name points to (no country
   name, state, dateline, outlet or US cue; a demonym does not count) keeps 0.3 of its
   votes in the choice of the country ("Bordeaux" in a NASHVILLE, Tenn. story,
   ``_FOREIGN_FACTOR``); a big city that only the outlet names absorbs a town only inside
   its core radius ("Melrose Park" in a Chicago paper, ``_OUTLET_SUBURB_RADII``), unless
   the town is named after it ("South Chicago"); a first name followed by a place word or
   after an age's "of" is a town ("Gary police", "Douglas teen", "Shears, 25, of Tyler");
   towns heading a name of three words or more ("Memphis Athletic Ministries") vote when
   the text and headline name no place, before the outlet's region does; a town of up to
   100,000 that is the gazetteer's only one of its name is stray, like a small town, when
   the text itself supports another state ("Mid-City", California, in a New Orleans
   story); a name of common words is a place when it is a US city of 30,000+ by its main
   name ("Federal Way"); a place where a victim was taken ("was taken to Mount Sinai",
   ``_TAKEN_TO``) keeps 0.3 of its weight; a name after "block of" is a street ("the 2700
   block of Westhaven"); "W.Va." / "W. Va." is West Virginia, not "Va."; places inside a
   list of other stories' videos ("1:35 Mayor of Olathe addresses ... 2:59 Olathe shooting
   victim ...", ``playlist_spans``) are page chrome and do not vote; a town of 5,000+
   after "in" / "near" stays a place though the text uses the word as a name elsewhere
   ("in Cincinnati" with "Veteran Cincinnati firefighter").
7. Session 4 (same measure; train city 0.768 -> 0.782, state 0.897 -> 0.908, 25 km 0.833 ->
   0.846; dev 0.773 -> 0.784, 0.903 -> 0.908, 0.839 -> 0.854): a local phone number's area
   code ("call Crime Stoppers at 615-742-7463", ``data/places_area_codes.tsv``) gives its
   state as much context as a dateline's state (``phone_states``); a town the text names with
   its own police, fire department, mayor or council ("Garner police", "Beech Grove Police
   Department") is a municipality that a big city nearby does not absorb
   (``_own_services``); a stop-word that is a US city of 50,000+ ("Mobile", "Reading",
   "Normal") is that city before "Police" / "County" or after "in" (``_stop_word_city``);
   "Mobile, AL." pins the state like "Mobile, AL"; "Winona PD" heads a name like "Winona
   Police"; a state's name in the web host is the state ("delawareonline.com",
   ``_host_state``); a headline town of the dateline's state, far from the dateline's city
   and named again in the text, halves the dateline's bonus ("Springfield teen shot" under
   NASHVILLE, ``_title_town_elsewhere``); a name the text or headline calls a neighbourhood
   is part of a big city of its state the text or outlet names, however far the gazetteer's
   namesake lies ("the Russell neighborhood" in a Louisville story); a stray town gives way
   to another state the text or outlet names ("Berlin" under "WFSB 3 Connecticut": the
   state); a place folder of the web address counts like a place in its host
   (``folder_places``: "dnainfo.com/chicago/..."); a US state and nothing nearer is coded
   at its biggest city, at precision 3 ("kansas.com" -> Wichita), as a province is at its
   capital.
8. Session 5 (same measure; train city 0.782 -> 0.803, state 0.908 -> 0.922, 25 km 0.846 ->
   0.862; dev 0.784 -> 0.806, 0.908 -> 0.914, 0.854 -> 0.873): a town named with its own
   police ("Beebe police arrested", ``_POLICE_W``) or a county with its sheriff, deputies or
   coroner ("the Union County Sheriff's Office", ``_SHERIFF_W``) weighs more: the local force
   investigates where it happened; a town the text pins to a US state that the gazetteer
   lacks there ("father in Toone, TN", "In tiny Tyrone, Mo.") is a place of its own, placed
   at the best other place of its state the text names (``_unknown_town``); a city matched
   only by an unrelated alternate name ("Franklin" for Columbus, Ohio) loses to a town of
   that name (``_ALT_PEN``, not for a short form or another spelling: "Riviera",
   "Marlborough"); the outlet's city gives its state as context when it is in the headline's
   tail ("| KZTV10.com | Corpus Christi") or heads a newspaper the text names ("told the
   Pittsburgh Tribune-Review", ``paper_states``), and a small town's own paper in the web host
   counts ("natchezdemocrat.com", ``_small_town_label``); "X Co." is X County; a stray town
   with no state to fall back on gives way to a city the text names in the supported state.

Precision choice (documented): when the text names a province ("the eastern Deir Ezzor
province") and the province's capital has the same name, the result is that city (its
coordinates and GeoNames id) with precision 3, as ACLED codes a province-level event at its
capital. A US state is coded at its biggest city, precision 3; another province without a
same-named city gets the province's mean city coordinates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from newsledger.extract.chrome import playlist_spans
from newsledger.extract.gazetteer import Gazetteer, Place, name_key
from newsledger.models import Location

_DATA = Path(__file__).resolve().parent.parent / "data"


def _table(name: str) -> list[list[str]]:
    rows = []
    with open(_DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(r[0].strip().lower() for r in _table("places_stopwords.txt"))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(r[0].strip().lower() for r in _table("places_first_names.txt"))


@lru_cache(maxsize=1)
def _states() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(abbreviation -> state name, state name lower -> state name, postal -> name)."""
    abbr: dict[str, str] = {}
    names: dict[str, str] = {}
    postal: dict[str, str] = {}
    for name, code, ap in _table("places_us_states.tsv"):
        names[name.lower()] = name
        postal[code] = name
        for a in ap.split("|"):
            if a != "-":
                abbr[a] = name
                abbr[a.rstrip(".")] = name
                abbr[a.replace(" ", "")] = name
    return abbr, names, postal


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for word, cc in _table("places_demonyms.tsv"):
        out[word] = cc
        if word.endswith("man"):
            out[word[:-3] + "men"] = cc
        elif not word.endswith(("s", "sh", "ese", "ch", "i")) or word.endswith("i"):
            out[word + "s"] = cc
    return out


@lru_cache(maxsize=1)
def _area_codes() -> dict[str, str]:
    return {code: state for code, state in _table("places_area_codes.tsv")}


#: A North American phone number: "615-742-7463", "(615) 742-7463", "615.742.7463".
_PHONE = re.compile(r"(?<![\d$.,-])\(?([2-9]\d\d)\)?[-. ]?[2-9]\d\d[-.]\d{4}(?![\d-])")
_PHONE_TAIL = re.compile(r"[-.]\d\d\d\d")


def phone_states(text: str) -> dict[str, int]:
    """States of the local phone numbers a text gives (how many distinct numbers each):
    a tip line, a police desk or a newsroom is in the state the story is about."""
    out: dict[str, int] = {}
    first = _PHONE_TAIL.search(text)  # a cheap scan first: most texts have no number
    if first is None:
        return out
    codes = _area_codes()
    found = _PHONE.finditer(text, max(0, first.start() - 12))
    for num in dict.fromkeys(m.group(0) for m in found):
        st = codes.get(_PHONE.match(num).group(1))  # type: ignore[union-attr]
        if st:
            out[st] = out.get(st, 0) + 1
    return out


@dataclass
class PlaceMention:
    start: int
    end: int
    surface: str
    candidates: list[Place]
    kind: str = "name"  # name | demonym | city_state | admin | dateline
    state: str | None = None  # a US state pinned by "City, ST"
    admin_suffix: str | None = None  # "province", "county" ... when written after the name
    alt_only: bool = False  # matched by alternate names only
    weak: bool = False  # a single common-ish word: needs support to count
    alt: frozenset = frozenset()  # ids of candidates matched only by an alternate name
    state_span: int = 0  # characters after ``end`` taken by ", ST" in city_state form
    cued: bool = False  # a first name read as a place by its context ("Gary police")


# ---------------------------------------------------------------------------------------
# Spotting

_WORD = r"(?:(?:[A-Z]\.){2,}|(?:(?:al|el|ez|az|as|ad|ar|an|ash|at|ad|ed|es|er|et)[-‐])?[A-Z][\w'’]*(?:[-‐][\w'’]+)*\.?)"
_CONNECT = r"(?:of|de|del|la|le|du|al|el|ez|az|ad|ar|as|es|an|on|upon|the|da|do|dos|das)"
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_WORD})*")
# A run starts at a capital letter or at an article glued to one ("al-Qaeda"): ``_runs``
# tries ``_RUN`` only there instead of at every position of the text.
_UPPER = re.compile(r"[A-Z]")
_HYPHEN_UPPER = re.compile(r"[-‐](?=[A-Z])")


def _runs(text: str):
    """The matches of ``_RUN.finditer(text)``, found faster: ``_RUN`` can only start at a
    capital letter or two or three letters before a hyphen followed by one (an article:
    "al-", "ash-"), so it is tried only there, in text order, past the previous match."""
    starts = [m.start() for m in _UPPER.finditer(text)]
    if "-" in text or "‐" in text:
        arts = {h for m in _HYPHEN_UPPER.finditer(text) for h in (m.start() - 2, m.start() - 3)
                if h >= 0}
        if arts:
            starts = sorted(arts.union(starts))
    end = 0
    for p in starts:
        if p < end:
            continue
        m = _RUN.match(text, p)
        if m is not None:
            end = m.end()  # never empty
            yield m


_ADMIN_SUFFIX = re.compile(
    r"\s+(province|governorate|district|county|region|prefecture|oblast|state|parish|"
    r"municipality|department|territory)\b",
    re.I,
)
_STATE_AFTER = re.compile(r"\s*,\s*((?:[A-Z][a-z]*\.?\s?){1,3})")
_STATE_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
_STREET = re.compile(
    r"^\s+(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|"
    r"Pl|Place|Hwy|Highway|Pkwy|Parkway|Cir|Circle|Trail|Terrace|Ter|Expressway|Pike|"
    r"Apartments|Apts|Mall|Middle|Elementary|Academy|Church|Park|Square)\b\.?"
)
_FACILITY = re.compile(
    r"^\s+(?:Hospital|Medical Center|Medical Centre|Regional Medical|Health|Church|Cathedral|"
    r"Cemetery|Memorial|Chapel|Funeral|Hotel|Casino|Stadium|Arena|Bar|Restaurant|Club)\b"
)
_ORG_HEAD = frozenset(
    """police sheriff sheriff's county city fire department dept school schools high middle
    elementary university college hospital medical news times post herald tribune journal
    daily courier gazette press township metro public district court airport international
    mall state community area region officials authorities council mayor residents man
    woman boy girl teen men women family officer officers deputies detectives pd pd:""".split()
)
_TITLES = frozenset(
    """mr mrs ms miss dr sgt sergeant officer deputy det detective lt lieutenant capt captain
    chief cpl corporal gov governor sen senator rep judge pastor rev father sister brother
    coach president mayor prof professor trooper agent attorney spokesman spokeswoman
    spokesperson st""".split()
)
_SPEECH = re.compile(r"^\s*(?:,\s*\d+,?\s*)?(?:said|says|told|added|asked|wrote|explained)\b")
_SENT_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*|[\"“‘(]\s*)$")
_LEAD_WORDS = frozenset(
    """as at in on and but if after when with by for from to of or so while during
    before since until though although because then there here what where who how why
    says said according""".split()
)
_FUNCTION = frozenset("the a an this that these those it he she they we i his her their".split())


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENT_START.search(text[max(0, start - 4) : start]))


def _split_run(run: str, offset: int) -> list[tuple[int, int, str]]:
    """Tokens of a capitalised run with absolute offsets."""
    if " " not in run and "\t" not in run:  # one word (a run holds no other white space)
        return [(offset, offset + len(run), run)]
    out = []
    pos = 0
    for tok in run.split():  # the same tokens as ``\S+``; each found past the previous
        pos = run.find(tok, pos)
        out.append((offset + pos, offset + pos + len(tok), tok))
        pos += len(tok)
    return out


_POSSESSIVE_END = re.compile(r"['’]s?$")
_INITIAL_BEFORE = re.compile(r"\b[A-Z]\. ?$")
_SAINT_ABBR = re.compile(r"(?:St|Ft|Mt|Ste)\.")
_SAINT_ABBR_END = re.compile(r"\b(?:St|Ft|Mt|Ste)\.$")
_POSSESSIVE_OR_DOT_END = re.compile(r"['’]s?$|\.$")


def _tail(tok: str) -> int:
    """How many characters ``find_places`` cuts from a surface ending with this token: a
    possessive ("'s", "'") or a final dot, except after "St." / "Ft." ... (0: none)."""
    if tok[-1] not in ".'’" and not (tok[-1] == "s" and tok[-2:-1] in ("'", "’")):
        return 0  # no match of _POSSESSIVE_OR_DOT_END (tokens hold no newline)
    m_pos = _POSSESSIVE_OR_DOT_END.search(tok)
    if m_pos and not _SAINT_ABBR_END.search(tok):
        return m_pos.end() - m_pos.start()
    return 0


def _clean_token(tok: str) -> str:
    tok = _POSSESSIVE_END.sub("", tok)
    return tok.rstrip(".") if not _SAINT_ABBR.fullmatch(tok) else tok


@lru_cache(maxsize=65536)  # the same capitalised words recur in every article
def _clean_lower(tok: str) -> str:
    return _clean_token(tok).lower()


def find_places(text: str, gazetteer: Gazetteer | None = None,
                orgs: list[PlaceMention] | None = None) -> list[PlaceMention]:
    """Place mentions in ``text``, in text order, each with its gazetteer candidates.

    Towns heading a longer name ("Memphis Athletic Ministries") are no mentions; they are
    added to ``orgs`` (kind "org") when it is given."""
    gaz = gazetteer or Gazetteer.default()
    stop = _stopwords()
    abbr, state_names, postal = _states()
    demonyms = _demonyms()
    lower_words: set[str] | None = None
    out: list[PlaceMention] = []
    persons: set[str] = set()

    runs = _token_runs(text, abbr)
    # The gazetteer is asked about every span the loop below may look up, in one go.
    if hasattr(gaz, "prefetch"):
        gaz.prefetch([sp[4] for _, _, spans in runs for here in spans for sp in here])

    skip_until = -1
    for all_toks, all_low, all_spans in runs:
        # Tokens already taken by a "City, ST" ahead are dropped; a span of the rest is the
        # same span of the whole run, its end index shifted by k0.
        k0 = 0
        while k0 < len(all_toks) and all_toks[k0][0] < skip_until:
            k0 += 1
        toks = all_toks[k0:] if k0 else all_toks
        low = all_low[k0:] if k0 else all_low
        n = len(toks)
        i = 0
        while i < n:
            matched = False
            if low[i] in _FUNCTION or low[i] in _LEAD_WORDS:
                i += 1  # no span starts with it
                continue
            for j, s, e, surface, key in all_spans[i + k0]:
                j -= k0
                # Demonyms ("Syrian", "North Korean").
                dem = demonyms.get(surface)
                if dem and j - i <= 2:
                    place = gaz.country(dem)
                    if place:
                        out.append(PlaceMention(s, e, surface, [place], "demonym"))
                        i, matched = j, True
                        break
                if j - i == 1 and surface.endswith(".") and surface in abbr:
                    # "W.Va." / "W. Va.": the "Va." glued to an initial is another state's.
                    glued = _INITIAL_BEFORE.search(text, max(0, s - 3), s)
                    if glued and glued.group(0) + surface in abbr:
                        s, surface = glued.start(), glued.group(0) + surface
                    st = gaz.admin1("US", abbr[surface])
                    if st:
                        out.append(PlaceMention(s, e, surface, [st], "name"))
                    i, matched = j, True
                    break
                cands = gaz.lookup_key(key)
                if not cands:
                    continue
                mention = _judge(text, s, e, surface, cands, j - i, stop, abbr, postal,
                                 state_names, toks, i, j)
                if type(mention) is tuple:
                    if orgs is not None:
                        orgs.append(PlaceMention(s, e, surface, mention[1], "org"))
                    break
                if mention is None or mention is _PERSON:
                    # A refused single word: move on.
                    if mention is _PERSON:
                        persons.add(surface)
                    break
                if mention.weak:
                    if lower_words is None:
                        lower_words = set(re.findall(r"\b[a-z]{3,}\b", text))
                    if surface.lower() in lower_words:
                        break
                out.append(mention)
                i, matched = j, True
                if mention.kind == "city_state":
                    # Skip the state's own tokens ("Fla.", "KY", "New York").
                    skip_until = mention.end + (mention.state_span or 0)
                break
            if not matched and text.startswith(",", toks[-1][1]):
                # "father in Toone, TN": a town the gazetteer lacks, pinned to its state.
                um = _unknown_town(text, toks, low, all_spans[i + k0], i, k0, abbr, postal,
                                   state_names, stop)
                if um is not None:
                    out.append(um)
                    skip_until = um.end + um.state_span
                    i = n
                    continue
            if not matched:
                i += 1
    if persons:
        # A word used as a person's name anywhere in the text is not a place on its own.
        out = [m for m in out if not (m.surface in persons and m.kind == "name" and not m.cued)]
    return out


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())


def _may_be_unknown_town(text, s, surface, toks, i, j, stop, state_names) -> bool:
    """Whether tokens ``i:j`` may name a town the gazetteer lacks: one or two Title-case
    (or dateline capitals) words starting the capitalised run (after function words only:
    "In Toone, TN"), none a common word, first name, organisation or area word, nor a
    state's name; one Title-case word does not start a sentence ("Now, Louisiana ...")."""
    if j - i > 2 or name_key(surface) in state_names:
        return False
    if j - i == 1 and not surface.isupper() and _sentence_initial(text, s):
        return False
    if j - i > 1 and not surface.isupper() and any(t[2].isupper() for t in toks[i:j]):
        return False  # "KAIT Jonesboro, AR": a call sign before a town
    for k in range(i):
        w = _clean_lower(toks[k][2])
        if w not in _FUNCTION and w not in _LEAD_WORDS:
            return False
    for t in toks[i:j]:
        w = _clean_lower(t[2])
        if (w in stop or w in _first_names() or w in _ORG_HEAD or w in _ADMIN_WORDS
                or w in _DIRECTIONS or w in _NUMBER_WORDS
                or not w.isalpha() or not (t[2][:1].isupper() and t[2][1:].islower()
                                           or t[2].isupper() and len(w) >= 3)):
            return False
    return True


def _located_unknown(place: Place, votes, total, gaz: Gazetteer) -> Place:
    """A town the gazetteer lacks ("Toone, TN") written as the text writes it (Title case),
    placed at the best other place the text names in its state (Hardeman County, Bolivar:
    the same corner of the state, most often; precision 2), else at the state's biggest
    city (precision 3, as a state is)."""
    name = place.name.title() if place.name.isupper() else place.name
    near = [v for v in votes if v.place.admin1 == place.admin1 and v.place.lat is not None
            and v.place.feature in ("city", "admin2") and v.place.country_code == "US"]
    if near:
        q = max(near, key=total).place
        return replace(place, name=name, lat=q.lat, lon=q.lon, precision=2)
    state = gaz.admin1("US", place.admin1 or "")
    main = gaz.main_city(state) if state else None
    if main is None or main.lat is None:
        return replace(place, name=name)
    return replace(place, name=name, lat=main.lat, lon=main.lon, precision=3)


def _unknown_town(text, toks, low, spans, i, k0, abbr, postal, state_names, stop):
    """A town the text pins to a US state ("Toone, TN", "Tyrone, Mo.", "Manchester,
    Illinois") that the gazetteer lacks in that state: a place of its own, without a
    GeoNames id (``_may_be_unknown_town`` says which words may be one; ``_located_unknown``
    gives it coordinates once it wins)."""
    for j, s, e, surface, key in spans:
        j -= k0
        if j - i > 2 or j != len(toks):
            continue
        m = _STATE_AFTER.match(text, e)
        if not m:
            continue
        st = _state_from(m.group(1), abbr, postal, state_names)
        if not st or not _may_be_unknown_town(text, s, surface, toks, i, j, stop,
                                                 state_names):
            return None
        place = Place(None, surface, st, "United States", "US", None, None, 0, "city", 1)
        return PlaceMention(s, e, surface, [place], "city_state", st,
                            state_span=m.end() - e)
    return None


def _is_state_abbr(surface: str, abbr: dict[str, str]) -> bool:
    return surface in abbr


@lru_cache(maxsize=65536)
def _one_word(tok: str) -> tuple[str, str | None, str | None]:
    """``_token_runs`` of a one-word run, which depends on the word only: (its cleaned
    lowercase form, the surface ``find_places`` looks up or None, that surface's key)."""
    low0 = _clean_lower(tok)
    if low0 in _FUNCTION or low0 in _LEAD_WORDS:
        return low0, None, None
    if ("'" in tok or "’" in tok) and _CONTRACTION.search(tok):
        return low0, None, None
    surface = tok
    cut = _tail(tok)
    if cut and not (cut == 1 and tok[-1] == "." and _is_state_abbr(tok, _states()[0])):
        surface = tok[:-cut]
    return low0, surface, name_key(surface)


def _token_runs(text: str, abbr: dict[str, str]) -> list[tuple[list, list[str], list]]:
    """The capitalised runs of ``text``: (tokens, their cleaned lowercase forms, and for each
    token the spans starting with it that ``find_places`` looks up, longest first, as
    (j, start, end, surface, name key): at most six tokens, not ending with a function word,
    without a contraction, the surface without a possessive or final dot).

    What is tested of a span's surface depends on single tokens, so it is read once per
    token: a contraction ("'ve", "n't") lies inside one token, the possessive / final dot
    and "St." at its end inside the last one."""
    out = []
    for run in _runs(text):
        word = run.group(0)
        if " " not in word and "\t" not in word:  # one word: most runs
            low0, surface, key = _one_word(word)
            a = run.start()
            out.append(([(a, a + len(word), word)], [low0],
                        [[(1, a, a + len(surface), surface, key)] if surface else []]))
            continue
        toks = _split_run(word, run.start())
        low = [_clean_lower(t[2]) for t in toks]  # each token cleaned once per run
        n = len(toks)
        spans: list[list] = [[] for _ in range(n)]
        contraction = tails = ends = closes = None
        for i in range(n):
            if low[i] in _FUNCTION or low[i] in _LEAD_WORDS:
                continue  # no span starts with it
            if tails is None:
                contraction = [k for k, t in enumerate(toks) if ("'" in t[2] or "’" in t[2])
                               and _CONTRACTION.search(t[2])]  # it needs an apostrophe
                tails = [_tail(t[2]) for t in toks]
                ends = [t[1] for t in toks]
                closes = [w not in _FUNCTION for w in low]  # a span may end with it
            first_contraction = next((k for k in contraction if k >= i), n) if contraction \
                else n
            s = toks[i][0]
            here = spans[i]
            for j in range(min(n, i + 6, first_contraction), i, -1):  # none past a contraction
                if not closes[j - 1]:
                    continue
                e = ends[j - 1]
                # "Moscow's" keeps its span without the possessive.
                surface = text[s:e]
                cut = tails[j - 1]
                if cut:
                    if not (cut == 1 and surface[-1] == "." and _is_state_abbr(surface, abbr)):
                        surface = surface[:-cut]
                        e = s + len(surface)
                if surface.endswith(" Co") and j - i >= 2:
                    # "Colleton Co.", "Prince George's Co.": the county (the surface keeps
                    # its "Co", which ``_COUNTY_SURFACE`` reads as a county).
                    here.append((j, s, e, surface, name_key(surface[:-3] + " County")))
                    continue
                here.append((j, s, e, surface, name_key(surface)))
        out.append((toks, low, spans))
    return out


_PERSON = "person"
#: A town of the county a story names, named anywhere with at least this weight (a weak
#: sentence-initial mention 0.4, the outlet's 0.5), is where a county's story is filed.
_COUNTY_TOWN_MIN_W = 0.3
#: ... and, when it names none the gazetteer knows, a town it lacks that the text pins to the
#: county's state ("in Pinetown, North Carolina"), named with at least this text weight.
_COUNTY_UNKNOWN_TOWN_W = 1.0
#: ... or, when it names no town of the county, a town GeoNames files under another county
#: (it gives a town one) that the text names strongly (text weight >= ``_COUNTY_NEAR_TOWN_W``)
#: within ``_COUNTY_NEAR_TOWN_KM`` of the county's point: a town astride or by the county
#: line (Katy for Fort Bend County, Suwanee for Forsyth County).
_COUNTY_NEAR_TOWN_W = 3.0
_COUNTY_NEAR_TOWN_KM = 25.0
#: A weekday after a town is no surname ("in Orlando Sunday night").
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_BLOCK_OF = re.compile(
    r"\bblock\s+of\s+(?:(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\.?\s+)?$", re.I
)
#: Where a victim was taken ("was taken to Mount Sinai", "flown to a trauma center in San
#: Antonio", "pronounced dead at ... in Maywood") is a hospital's place, not the scene's: a
#: mention in such a clause keeps this share of its weight.
_TAKEN_TO = re.compile(
    r"\b(?:taken|transported|rushed|flown|airlifted|transferred|driven|brought)\s+"
    r"(?:\w+\s+){0,2}to\b[^.;\n]{0,40}$"
)
_TAKEN_TO_FACTOR = 0.3
#: A headline segment naming a news outlet: a call sign, a network, "News", "TV", a site.
_OUTLET_SEG = re.compile(
    r"\b(?:[KW][A-Z]{2,3}(?:-?TV|\.com)?|News(?:Channel)?|NEWS|TV|FOX|Fox|ABC|CBS|NBC|"
    r"Channel|Weather|Sports)\b|\.com\b|\w(?:News|TV|tv|NEWS)\b"
)
#: A town named with its own police ("Beebe police arrested", "Omaha police were called",
#: "the Urbana Police Department") is most often where the event happened: the local police
#: investigate it. Not a police district or station ("Chicago Police District").
_POLICE_W = 2.0
_POLICE_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:[Pp]olice|PD\b)"
    r"(?![ \t]+(?:[Dd]istrict|[Ss]tation|[Pp]recinct|[Aa]rea|[Zz]one|[Bb]eat)\b)"
)
#: The same for a county's sheriff, deputies or coroner ("Smith County Sheriff Larry Smith",
#: "Wagoner County deputies"): the county is where it happened (coded at its town).
_SHERIFF_W = 2.0
_SHERIFF_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:[Ss]heriff|[Cc]oroner|[Dd]eputies)")
#: A name of common words only is a place when it is a US city of at least this many people.
_COMMON_WORDS_CITY_POP = 30000
_ORG = "org"
#: A town of at least this many people named after "in" / "near" stays a place in a text
#: that uses the same word as a person's name elsewhere.
_CUED_TOWN_POP = 5000
#: A town heading a longer name is read as one of at least this many people ("Memphis").
_ORG_TOWN_POP = 20000
_PREV_WORD = re.compile(r"([A-Za-z]+)\.?\s+$")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_PERSON_VERB = re.compile(
    r"^\s+(?:was|is|has|had|allegedly|pleaded|faces|faced|admitted|denied|died|shot|fired)\b"
)
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}")
_ADMIN_BEFORE = re.compile(
    r"\b(?:province|governorate|district|county|region|state|prefecture)\s+of\s+(?:the\s+)?$", re.I
)
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)\b|n['’]t\b", re.I)
_NEIGHBOURHOOD = re.compile(r"^['’]?s?\s+(?:neighborhood|neighbourhood|section|community area|area of)\b", re.I)
_HOLIDAY = re.compile(r"^['’]s\s+Day\b")
_ADMIN_WORDS = frozenset("county parish city township borough province district".split())
_DIRECTIONS = frozenset(
    """north south east west northeast northwest southeast southwest nw ne se sw n s e w
    central downtown greater metro upstate downstate rural suburban northern southern
    eastern western""".split()
)
_AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
#: A first name ("Gary", "Tyler", "Douglas") is a town's when a word that follows only a
#: place comes next ("Gary police", "Douglas teen", "Tyler club", "Gary City Court"), or
#: when it is a hometown after a person's age ("Barnett, 18, of Gary", "also of Gary").
_FIRST_NAME_PLACE_AFTER = re.compile(
    r"^['’]?s?\s+(?:police|pd|officers?|sheriff|fire|city|county|township|metro|teens?|"
    r"residents?|native|neighborhood|community|club|truck stop|high school|school|mayor)\b",
    re.I,
)
_HOMETOWN = re.compile(
    r"(?:\d{1,3},\s+(?:both\s+|also\s+|all\s+)?|\balso\s+|\bresidents?\s+)of\s+$"
)
#: "Pub and Grill", "Bar & Grill", "Smith & Wesson": a word joined by "&" to a capitalised
#: word, or by "and" to a venue word, is part of a business's name.
_VENUE_JOIN = re.compile(
    r"(?:\b[A-Z][\w'’]*\s*&\s*|\b(?:Pub|Bar|Tavern|Lounge|Saloon|Cafe|Café|Diner|Inn|"
    r"Restaurant|Eatery|Brewery|Brewing|Taproom|Grill|Grille|Club|Motel|Hotel)\s+and\s+)$"
)


#: A stop-word that is a US city of at least this many people by its main name ("Mobile",
#: "Reading", "Normal", "Mission") is that city when a word that follows only a place comes
#: next ("Mobile Police", "Reading police") or it stands after "in" / "near".
_STOP_WORD_CITY_POP = 50000
_STOP_WORD_PLACE_AFTER = re.compile(
    r"^['’]?s?\s+(?:police|pd|sheriff|fire department|mayor|city council|county)\b", re.I
)


def _stop_word_city(places: list, alt_ids: frozenset, before: str, after: str) -> bool:
    if not any(p.feature == "city" and p.country_code == "US" and _pid(p) not in alt_ids
               and p.population >= _STOP_WORD_CITY_POP for p in places):
        return False
    return bool(_STOP_WORD_PLACE_AFTER.match(after) or _PREP_STRONG.search(before))


@lru_cache(maxsize=1)
def _alias_surfaces() -> frozenset[str]:
    """The hand-written aliases of ``data/gazetteer_aliases.tsv`` as written ("KCK", "NYC")."""
    return frozenset(r[0] for r in _table("gazetteer_aliases.tsv"))


def _admin_reading(kind: str, places: list, before: str) -> tuple[str, list]:
    """After "the province of", "X County" wording, prefer the province or county reading."""
    if kind == "name" and _ADMIN_BEFORE.search(before):
        admins = [p for p in places if p.feature in ("admin1", "admin2")]
        if admins:
            return "admin", admins + [p for p in places if p.feature == "city"]
    return kind, places


_SPLIT_CACHE: dict[int, tuple] = {}


def _split_candidates(cands: list) -> tuple[list, bool, frozenset]:
    """(a new list of the places, matched by alternate names only?, ids of the places matched
    by an alternate name) of a gazetteer answer. The gazetteer hands out the same list for
    the same name, so the last two are kept per list (the entry holds the list: its id is
    not reused while it is there)."""
    hit = _SPLIT_CACHE.get(id(cands))
    if hit is None or hit[0] is not cands:
        if len(_SPLIT_CACHE) > 50_000:
            _SPLIT_CACHE.clear()
        hit = (cands, [p for p, _ in cands], all(a for _, a in cands),
               frozenset(_pid(p) for p, a in cands if a))
        _SPLIT_CACHE[id(cands)] = hit
    return list(hit[1]), hit[2], hit[3]


def _judge(text, s, e, surface, cands, ntok, stop, abbr, postal, state_names, toks, i, j):
    """Make a PlaceMention of a matched span, or None when it is a false friend."""
    after = text[e : e + 40]
    before = text[max(0, s - 30) : s]
    places, alt_only, alt_ids = _split_candidates(cands)
    state_span = 0
    kind = "name"
    state = None
    # "City, ST" / "City, Calif." / "City, State".
    m = _STATE_AFTER.match(after)
    if m:
        st = _state_from(m.group(1), abbr, postal, state_names)
        if st:
            in_state = [p for p in places if p.country_code == "US" and p.admin1 == st]
            if not in_state and not any(p.country_code == "US" and p.feature != "city"
                                        or p.country == st for p in places) and (
                    _may_be_unknown_town(text, s, surface, toks, i, j, stop, state_names)):
                # "Tyrone, Mo.": a town of that state the gazetteer lacks (it knows others).
                in_state = [Place(None, surface, st, "United States", "US", None, None, 0,
                                  "city", 1)]
            if in_state:
                places, kind, state = in_state, "city_state", st
                state_span = m.end()
    # "the Bristol Tennessee Police Department": a state's full name right after a town
    # of that state, without the comma.
    m = None if kind != "name" else _STATE_NAME_AFTER.match(after)
    if m:
        words = m.group(1).split()
        for k in (2, 1):
            st = state_names.get(" ".join(words[:k]).lower()) if len(words) >= k else None
            if not st:
                continue
            in_state = [p for p in places if p.country_code == "US" and p.admin1 == st
                        and p.feature != "admin1"]
            if in_state and name_key(surface) != name_key(st):
                places, kind, state = in_state, "city_state", st
                state_span = m.start(1) + len(" ".join(words[:k]))
            break
    # "X province", "X County" written after a name the gazetteer knows without it.
    suffix = None
    ms = _ADMIN_SUFFIX.match(after)
    if ms and kind == "name":
        suffix = ms.group(1).lower()
        want = {"province": "admin1", "governorate": "admin1", "region": "admin1",
                "prefecture": "admin1", "oblast": "admin1", "state": "admin1",
                "district": "admin2", "county": "admin2", "parish": "admin2",
                "municipality": "admin2", "department": "admin1", "territory": "admin1"}[suffix]
        if suffix == "department":
            suffix = None  # "Police Department" style: an organisation, not an area
        elif want:
            admins = [p for p in places if p.feature == want] or [
                p for p in places if p.feature in ("admin1", "admin2")
            ]
            if admins:
                # Keep same-named cities behind the admin areas (a province's capital).
                capitals = [
                    p for p in places
                    if p.feature == "city" and any(
                        p.admin1 == a.admin1 and p.country_code == a.country_code for a in admins
                    )
                ]
                places, kind = admins + capitals, "admin"
    if kind == "name" and _BLOCK_OF.search(before):
        return None  # "the 2700 block of Westhaven", "the 3400 block of West Polk": a street
    if kind == "name" and ntok == 1:
        low = surface.lower()
        if _STREET.match(after) or _FACILITY.match(after):
            return None
        if _VENUE_JOIN.search(before):
            return None  # "Irish Pub and Grill", "Austins Bar & Grill": a business's name
        if surface.isupper() and surface in _alias_surfaces():
            # A hand-written abbreviation ("KCK police", "NYC"): trusted in capitals.
            return PlaceMention(s, e, surface, places, kind, state, None, alt_only, False,
                                alt_ids, state_span)
        if low in stop and not _stop_word_city(places, alt_ids, before, after):
            return None
        cued = False
        if low in _first_names() and not _PREP_STRONG.search(before):
            if not (_FIRST_NAME_PLACE_AFTER.match(after) or _HOMETOWN.search(before)):
                return _PERSON
            cued = True  # "Gary police", "Douglas teen", "Shears, 25, of Tyler"
        prev = _PREV_WORD.search(before)
        if prev and prev.group(1).lower() in _TITLES and prev.group(1)[0].isupper():
            return _PERSON
        if _SPEECH.match(after) or _AGE.match(after):
            return _PERSON
        if _PERSON_VERB.match(after) and not _PREP.search(before):
            return _PERSON  # "said Jackson was arrested"
        # Inside a longer capitalised run next to an unknown capitalised word: a name
        # ("Marie Letchworth", "Victoria Smith") unless the next word heads an organisation
        # or is a weekday ("killed in a murder-suicide in Sulphur Sunday night").
        if j < len(toks) and toks[j][2][:1].isupper() and (
                _clean_lower(toks[j][2]) not in _WEEKDAYS):
            nxt = _clean_lower(toks[j][2])
            if nxt not in _ORG_HEAD and not _ADMIN_SUFFIX.match(after):
                if (
                    (i == 0 or _POSSESSIVE_END.search(toks[i - 1][2]))
                    and j + 1 < len(toks) and toks[j + 1][2][:1].isupper()
                    and text[e : e + 1].isspace() and not toks[j][2].endswith((".", ","))
                    and low not in stop and low not in _first_names()
                    and any(p.population >= _ORG_TOWN_POP for p in places)
                ):
                    # "Memphis Athletic Ministries", "Mayor Wharton's Memphis Gun Down": a
                    # town heading a name of three words or more (an organisation's, an
                    # event's; "Harrison Marshman" is a person's).
                    return (_ORG, places)
                return None
        if i > 0 and toks[i - 1][2][:1].isupper():
            prv = _clean_lower(toks[i - 1][2])
            if prv not in _FUNCTION and prv not in _DIRECTIONS and prv not in ("in", "of", "at"):
                # "Korryn Gaines", "Marie Letchworth": a surname after a first name.
                return _PERSON if _CAPITALISED.fullmatch(toks[i - 1][2]) else None
        weak = alt_only or _sentence_initial(text, s)
        if surface.isupper() and len(surface) <= 4 and not any(
            p.feature in ("country", "admin1") for p in places
        ):
            return None  # "II", "CIS", "PD": initials, not places
        if kind == "name" and _CALL_SIGN.fullmatch(surface):
            return None
        kind, places = _admin_reading(kind, places, before)
        if (not cued and low not in _first_names() and _PREP_STRONG.search(before)
                and any(p.population >= _CUED_TOWN_POP for p in places)):
            # "in Cincinnati" stays a place though "Veteran Cincinnati firefighter" reads
            # like a name elsewhere (a hamlet's name used as a name is more likely one).
            cued = True
        return PlaceMention(
            s, e, surface, places, kind, state, suffix, alt_only, weak, alt_ids, state_span,
            cued
        )
    if kind == "name" and (_STREET.match(after) or _FACILITY.match(after) or _HOLIDAY.match(after)):
        return None
    if kind == "name" and _clean_lower(toks[j - 1][2]) not in _ADMIN_WORDS and all(
        _clean_lower(t[2]) in stop for t in toks[i:j]
    ) and not any(p.feature == "city" and p.country_code == "US"
                  and p.population >= _COMMON_WORDS_CITY_POP and _pid(p) not in alt_ids
                  for p in places):
        # "East End", "West Side", "White House"; a US city of common words ("Federal Way",
        # "College Station", "Union City") is one.
        return None
    kind, places = _admin_reading(kind, places, before)
    return PlaceMention(
        s, e, surface, places, kind, state, suffix, alt_only, False, alt_ids, state_span
    )


def _state_from(word: str, abbr, postal, state_names) -> str | None:
    w = word.strip()
    if w in abbr:
        return abbr[w]
    if w.rstrip(".") in abbr:
        return abbr[w.rstrip(".")]
    if re.fullmatch(r"[A-Z]{2}", w) and w in postal:
        return postal[w]
    if re.fullmatch(r"[A-Z]{2}\.", w) and w[:2] in postal:
        return postal[w[:2]]  # "Mobile, AL." at the end of a sentence
    # "Ohio", "New York", "Washington", possibly followed by other capitalised words.
    parts = w.split()
    for k in range(len(parts), 0, -1):
        cand = " ".join(parts[:k]).rstrip(".").lower()
        if cand in state_names:
            return state_names[cand]
    return None


# ---------------------------------------------------------------------------------------
# Datelines

_DATELINE = re.compile(
    r"(?:^|\n|\s{2,}|(?<=[a-z.!?\"”] ))"
    r"(?P<city>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])"
    r"(?:\s*,\s*(?P<state>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2}))?"
    r"\s*(?:\(\s*[^)\n]{1,40}\))?\s*(?:—|–|--|-|‐)"
)
_DATELINE_MIXED = re.compile(
    r"(?:^|\n)\s*(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s*,\s*"
    r"(?P<state>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})\s*(?:\(\s*[^)\n]{1,40}\))?\s*(?:—|–|--)"
)


@dataclass
class _Dateline:
    start: int
    end: int
    city: str
    state: str | None  # a US state name
    region: str | None  # what followed the comma when it is not a US state


def find_dateline(text: str, limit: int = 2500) -> _Dateline | None:
    """The dateline ("ALTURAS, Calif. (AP) —") near the start of a text, if any."""
    abbr, state_names, postal = _states()
    head = text[:limit]
    for rx in (_DATELINE, _DATELINE_MIXED):
        for m in rx.finditer(head):
            city = m.group("city").strip(" -")
            if rx is _DATELINE and not any(ch.isupper() for ch in city[1:] if ch.isalpha()):
                continue
            if rx is _DATELINE and sum(ch.isupper() for ch in city) < 3:
                continue
            if len(city) < 3 or city.upper() in ("UPDATE", "READ", "WATCH", "VIDEO", "PHOTOS",
                                                 "BREAKING", "RELATED", "CLOSE", "AP", "CNN"):
                continue
            region = m.group("state")
            st = _state_from(region, abbr, postal, state_names) if region else None
            start = m.start("city")
            return _Dateline(start, start + len(m.group("city")), city, st,
                             None if st else region)
    return None


# ---------------------------------------------------------------------------------------
# Title Case headlines

_TITLE_PREP = frozenset("in at near outside inside on of from to into across".split())
#: Words after a place name in a headline: "Winona PD:", "Arnold Home", "Duncan Teen".
_TITLE_CUE = frozenset(
    """police pd sheriff sheriff's deputies officer officers man woman men women teen teens
    boy girl child toddler baby mother father mom dad family home house apartment
    apartments shooting shootings homicide homicides murder murders killing slaying
    stabbing fire crash standoff party bar club school high store restaurant church park
    motel hotel gas mall neighborhood county city township area resident residents
    couple student students victim victims infant mayor community""".split()
)


def _recase_title(title: str, text: str, gaz: Gazetteer) -> str:
    """A Title Case headline ("Five Shot During Party At Kankakee Banquet Hall") read as
    sentence case, keeping capitals only where a place is likely: words the body also
    writes capitalised, and gazetteer names after a preposition or before a headline cue
    word ("Winona PD", "Arnold Home"). Other headlines are returned unchanged."""
    words = title.split(" ")
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 4 or sum(1 for w in alpha if w[:1].isupper()) < 0.75 * len(alpha):
        return title
    body_caps = set(re.findall(r"\b[A-Z][\w'’]+", text))
    keep = [False] * len(words)
    n = len(words)
    for i in range(n):
        core = words[i].strip(",:;.!?\"'“”‘’()")
        if core in body_caps or (core.isupper() and len(core) > 1) or core[:1].isdigit():
            keep[i] = True
    for i in range(n):
        for size in (3, 2, 1):
            j = i + size
            if j > n:
                continue
            span = " ".join(words[i:j]).strip(",:;.!?\"'“”‘’()")
            if not span[:1].isupper():
                continue
            prev = words[i - 1].lower().strip(",:;") if i > 0 else ""
            nxt = re.sub(r"['’]s$", "", words[j].lower().strip(",:;.!?\"'“”")) if j < n else ""
            if prev not in _TITLE_PREP and nxt not in _TITLE_CUE:
                continue
            if re.search(r"[,:;]$", " ".join(words[i:j - 1])):
                continue
            if gaz.lookup_key(name_key(re.sub(r"['’]s$", "", span))):
                for k in range(i, j):
                    keep[k] = True
                break
    out = [words[0]] + [w if keep[k] else w.lower() for k, w in enumerate(words) if k > 0]
    return " ".join(out)


# ---------------------------------------------------------------------------------------
# The outlet's web address

#: Host labels that say nothing about a place.
_HOST_SKIP = frozenset("www m mobile amp web articles archive blogs blog news www2 en".split())
#: Words a host may put before a place name ("abc7chicago", "mysanantonio", "clickondetroit").
_HOST_PREFIX = re.compile(
    r"(?:the|my|my?fox|nbc|abc|cbs|fox|wgn|click|clickon|news|local|go|visit|we|wearew?|"
    r"pressof|cityof|in|daily|channel|kare|live|action|actionnews)$"
)
#: Words a host may put after a place name ("chicagotribune", "palmbeachpost").
_HOST_SUFFIX = re.compile(
    r"^(?:news|new|post|times|tribune|herald|star|sun|online|today|press|daily|gazette|"
    r"journal|mirror|record|register|observer|courier|bee|blade|sentinel|eagle|enterprise|"
    r"matters|now|proud|live|leader|advocate|independent|citizen|reporter|dispatch|"
    r"chronicle|examiner|inquirer|review|telegram|weekly|patch|magazine|mag|mercury|"
    r"beacon|tv|radio|police|pd|standard|banner|ledger|argus|democrat|republican|free|"
    r"call|bulletin|globe|monitor|courant|voice|express|world|sunstar|union|local|"
    r"weekly|magic|mag|city|county|area|metro|crime|sheriff|homepage|info|journalnews|"
    r"current|pioneer|statesman|tribune|republic|nation|free|scene|insider|first|one|"
    r"midweek|nbc|abc|cbs|fox|kids|paper|newspaper|times|alert)"
)
_ARCHIVE = re.compile(r"^(?:https?:)?(?://)?(?:web\.)?archive\.org/web/\d+[a-z_]*/", re.I)


#: Words of a station's or paper's name around its place names ("WBTV Charlotte", "FOX
#: Carolina 21", "Phoenix Breaking News"): cut out so the place stands alone.
_MEDIA_WORD = re.compile(
    r"\b(?:[KW][A-Z]{2,3}(?:-?TV|\.com)?|News(?:Channel)?|Weather|Sports|Breaking|Video|"
    r"Channel|TV|FOX|ABC|CBS|NBC|CW|Local|Headlines|Online|Radio|Live|Now|Your|Authority|"
    r"Social|Classifieds|Closings|Traffic|Team|Action|On|Side|Eyewitness)\b\.?"
)


def _outlet_names(outlet: str) -> str:
    """An outlet's name with station words, call signs, digits and joiners cut into
    commas: "| WBTV Charlotte" -> ", Charlotte"; "WDAM-TV 7-News, Weather, Sports-
    Hattiesburg, MS" keeps "Hattiesburg, MS"."""
    out = _MEDIA_WORD.sub(",", outlet)
    out = re.sub(r"[|/:&]|\d+|(?<=\w)-(?=[A-Z,])|(?<=,)-", ",", out)
    return re.sub(r"\s*,[\s,]*", ", ", out).strip(" ,")


def _outlet_city_state(m: PlaceMention) -> str | None:
    """The one state of a US city of 20,000+ that the outlet's name gives ("KiiiTV.com
    South Texas, Corpus Christi", "WDAM-TV 7-News, Weather, Sports-Hattiesburg"), else
    None: the outlet's city, like a city in its web host."""
    if m.kind == "demonym" or m.state:
        return None
    states = {p.admin1 for p in m.candidates
              if p.country_code == "US" and p.feature == "city" and p.population >= 20000}
    return states.pop() if len(states) == 1 else None


def host_places(url: str | None, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """US place names inside a document's web host ("www.kansascity.com" -> Kansas City,
    "pittsburgh.cbslocal.com" -> Pittsburgh, "abc7chicago.com" -> Chicago): where the
    outlet is, which is most often where local news happens.

    A general rule, not a table of sites: each host label (split at digits and hyphens) is
    searched for a state or a city of 20,000+ inhabitants written without spaces; the
    name must fill the label or sit next to a newspaper / station word ("post", "news",
    "times", "my", "nbc" ...), so "timesunion" and "breaking911" find nothing."""
    if not url:
        return []
    u = _ARCHIVE.sub("", url.strip())
    host = re.sub(r"^(?:[a-z]+:)?//", "", u, flags=re.I).split("/")[0].split(":")[0].lower()
    labels = host.split(".")[:-1]
    if not labels:
        return []
    gaz = gazetteer or Gazetteer.default()
    names = gaz.squashed("US", 20000)
    small = gaz.squashed("US", _HOST_SMALL_POP)
    out: list[PlaceMention] = []
    for lab in labels:
        if lab in _HOST_SKIP:
            continue
        for seg in re.split(r"[^a-z]+", lab):
            n = len(seg)
            if n < 4:
                continue
            hit = None
            for size in range(n, 3, -1):
                for a in range(0, n - size + 1):
                    key = seg[a : a + size]
                    if key not in names:
                        continue
                    pre, post = seg[:a], seg[a + size :]
                    if pre and not _HOST_PREFIX.search(pre):
                        continue
                    if post and not _HOST_SUFFIX.match(post):
                        continue
                    hit = key
                    break
                if hit:
                    break
            if not hit and small:
                hit = _small_town_label(seg, small, gaz)
            if hit:
                cands = names.get(hit) or small[hit]
                out.append(PlaceMention(0, 0, hit, list(cands), "outlet"))
    return out


#: A newspaper's name after its town ("the Pittsburgh Tribune-Review", "© The Columbus
#: Dispatch", "Detroit Free Press"): where the paper is. The paper's word is found first
#: (a plain alternation, cheap), then the one or two capitalised words before it.
_PAPER_WORD = re.compile(
    r" (?:News|Times|Post|Herald|Tribune|Journal|Gazette|Courier|Press|Dispatch|"
    r"Sentinel|Star|Sun|Chronicle|Observer|Register|Democrat|Enterprise|Bee|Inquirer|"
    r"Enquirer|Examiner|Statesman|Ledger|Telegraph|Telegram|Advocate|Review)\b"
    r"(?![ \t]+(?:Conference|Release|Agency|Service|Center|Building|Road|Street)\b)"
)
_PAPER_TOWN = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)??)"
    r"(?:[ \t]+(?:Morning|Evening|Sunday|Daily|Free|Times))?$"
)
_PAPER_CTX = 2.0


def paper_states(text: str, gaz: Gazetteer) -> set[str]:
    """US states of the towns that head newspapers' names in the text ("told the Pittsburgh
    Tribune-Review"), when the name's US cities of 20,000+ (own names) lie in one state."""
    names = gaz.squashed("US", 20000)
    out: set[str] = set()
    for mm in _PAPER_WORD.finditer(text):
        town = _PAPER_TOWN.search(text, max(0, mm.start() - 40), mm.start())
        if not town:
            continue
        words = town.group(1).split()
        for k in range(len(words)):  # "Tampa Bay", then "Bay"
            places = names.get("".join(words[k:]).lower())
            if places:
                sts = {p.name if p.feature == "admin1" else p.admin1 for p in places}
                if len(sts) == 1:
                    out |= sts
                break
    return out


#: A town this big written whole before a newspaper word fills a host label
#: ("natchezdemocrat", "blythevillecourier"): a small town's own paper.
_HOST_SMALL_POP = 5000


def _small_town_label(seg: str, small: dict, gaz: Gazetteer) -> str | None:
    """The town a host label names as "<town><newspaper word>", the town's name at the
    label's start and a newspaper word the whole rest ("carthagepress"), else None. Not a
    newspaper word itself ("startribune": Star, Idaho) nor a US county's name
    ("brevardsheriff", "highlandstoday": the county's outlet, not the town's)."""
    for size in range(len(seg) - 3, 3, -1):
        key, post = seg[:size], seg[size:]
        if key in small and _HOST_SUFFIX.fullmatch(post):
            if _HOST_SUFFIX.fullmatch(key) or any(
                p.feature == "admin2" and p.country_code == "US"
                for p, _ in gaz.lookup_key(key + " county")
            ):
                return None
            return key
    return None


#: A state's name in a web host ("delawareonline.com", "nbcconnecticut.com") names the state,
#: unless a city of this many people bears the name too ("washingtonpost.com": D.C.).
_HOST_STATE_CITY_POP = 100000


def _host_state(cands: list[Place]) -> set[str] | None:
    """The one state a host name points to when it is a state's name ("delaware": the state,
    not Delaware, Ohio), else None."""
    states = [p for p in cands if p.feature == "admin1" and p.country_code == "US"]
    if len(states) != 1 or any(p.feature == "city" and p.population >= _HOST_STATE_CITY_POP
                               for p in cands):
        return None
    return {states[0].name}


def path_places(url: str | None, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """US states and cities of 20,000+ inhabitants written in a web address's path (its
    folders and its slug: "/rome/news/local/", "/milwaukee-police-called-to-report-...",
    "/state-and-regional/nebraska/"), words joined as in host names; words on the place
    stop-list ("mobile", "police") are skipped."""
    if not url:
        return []
    u = _ARCHIVE.sub("", url.strip())
    u = re.sub(r"^(?:[a-z]+:)?//", "", u, flags=re.I)
    path = u.split("?", 1)[0].split("#", 1)[0].partition("/")[2].lower()
    toks = [t for t in re.split(r"[^a-z]+", path) if t]
    if not toks:
        return []
    gaz = gazetteer or Gazetteer.default()
    names = gaz.squashed("US", 20000)
    stop = _stopwords()
    out: list[PlaceMention] = []
    seen: set[str] = set()
    i = 0
    while i < len(toks):
        for size in (3, 2, 1):
            if i + size > len(toks):
                continue
            key = "".join(toks[i : i + size])
            if len(key) < 4 or key not in names or (size == 1 and key in stop):
                continue
            if key not in seen:
                seen.add(key)
                out.append(PlaceMention(0, 0, " ".join(toks[i : i + size]), list(names[key]),
                                        "outlet"))
            i += size - 1
            break
        i += 1
    return out


def folder_places(url: str | None, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """US states and cities of 20,000+ named by a whole folder among the first three of a
    web address's path, not its slug: "dnainfo.com/chicago/2016/...",
    "theadvocate.com/new_orleans/news/...": the outlet's section for that place, used like
    a place in its host (context and a weak vote)."""
    if not url:
        return []
    u = _ARCHIVE.sub("", url.strip())
    u = re.sub(r"^(?:[a-z]+:)?//", "", u, flags=re.I)
    parts = u.split("?", 1)[0].split("#", 1)[0].lower().split("/")[1:-1]
    if not parts:
        return []
    names = (gazetteer or Gazetteer.default()).squashed("US", 20000)
    stop = _stopwords()
    out = []
    for part in parts[:3]:
        key = re.sub(r"[^a-z]+", "", part)
        if len(key) >= 4 and key in names and key not in stop and "-" not in part[:-1]:
            out.append(PlaceMention(0, 0, part, list(names[key]), "outlet"))
    return out


# ---------------------------------------------------------------------------------------
# The event's place

_PREP = re.compile(r"\b(?:in|near|at|outside|from|of)\s+(?:the\s+)?(?:[a-z]+ern\s+)?(?:city of\s+|town of\s+|province of\s+|village of\s+)?$", re.I)
_PREP_STRONG = re.compile(r"\b(?:in|near|outside)\s+(?:the\s+)?(?:[a-z]+ern\s+)?(?:city of\s+|town of\s+|province of\s+|village of\s+|suburb of\s+)?$", re.I)


#: Words that mark US local news (sheriffs, counties, interstates, dollar amounts): with
#: them, an ambiguous "Berlin" or "St. Louis" is looked for in the US first.
_US_CUES = re.compile(
    r"\b(?:Sheriff'?s? (?:Office|Department)|County (?:Sheriff|Jail|Coroner|Prosecutor|"
    r"Attorney)|Police Department|Interstate \d+|I-\d+|district attorney|"
    r"[Dd]eputies|GoFundMe)\b|\$\d"
)

#: The District of Columbia named: "D.C.", "DC", or a quadrant ("Southeast Washington",
#: "NE DC", "Northwest D.C.").
_DC = re.compile(
    r"\bD\.\s?C\.|\bDC\b|\bDistrict of Columbia\b|"
    r"\b(?:North|South)(?:east|west) Washington\b"
)

# Words every match of ``_US_CUES`` / ``_DC`` holds: a text without any has no match, and the
# (slower) pattern is not run on it.
_US_CUE_WORDS = ("$", "Sheriff", "County ", "Police Department", "Interstate ", "I-",
                 "district attorney", "eputies", "GoFundMe")
_DC_WORDS = ("D.", "DC", "District of Columbia", "Washington")


def _us_cues(text: str) -> bool:
    return any(w in text for w in _US_CUE_WORDS) and _US_CUES.search(text) is not None


def _names_dc(text: str) -> bool:
    return any(w in text for w in _DC_WORDS) and _DC.search(text) is not None


#: A town the headline names this far (km) from the dateline's city, in its state, is
#: another place than where the story was filed ("Sandy man shoots wife" under PORTLAND).
_DATELINE_TOWN_KM = 25.0


_SCHOOL_AFTER = re.compile(r"^\s+(?:High|Middle|Elementary|School|Academy|College|University)\b")


def _title_town_elsewhere(dm: PlaceMention, dl, title_m: list[PlaceMention], title: str,
                          text: str) -> bool:
    """Whether the headline names a town of the dateline's state, far from the dateline's
    city, that the text names again: the story is that town's; the dateline says where the
    outlet is."""
    here = [p for p in dm.candidates if p.feature == "city" and p.lat is not None
            and (not dl.state or p.admin1 == dl.state)]
    if not here or not dl.state:
        return False
    for m in title_m:
        if m.kind == "demonym" or name_key(m.surface) == name_key(dm.surface) or (
            _SCHOOL_AFTER.match(title[m.end : m.end + 20])
        ):
            continue  # "near Seminole High": a school's name, not the town
        towns = [p for p in m.candidates if p.feature == "city" and p.admin1 == dl.state
                 and p.lat is not None]
        if towns and m.surface in text[dl.end:] and all(
            _km(a, b) > _DATELINE_TOWN_KM for a in here for b in towns
        ):
            return True
    return False


#: Extra weight of the dateline place (where the story was filed: usually, not always,
#: where it happened; a title's "in X" can outweigh it).
_DATELINE_W = 4.0
#: ... when the headline names another town of its state, far from it, that the text names
#: again (``_title_town_elsewhere``): the dateline then says where the outlet is.
_DATELINE_ELSEWHERE_W = 2.0

#: A place below country level must gather at least this much weight of its own to win
#: over its country (a single passing, unweighted mention does not).
_MIN_SUB_WEIGHT = 1.5


#: Weights of a body mention by where it stands (added to 1.0), and of a title mention.
_T = {"focus": 2.0, "prep_strong": 1.5, "prep": 0.5, "first_para": 1.0, "pinned": 1.0,
      "title": 3.0, "title_prep": 1.5}

#: Weight of a place named in the outlet's web host: as context (its state and country)
#: and as a vote (a fallback when the text names no place, a tie-breaker otherwise).
_HOST_CTX = 2.0
_HOST_W = 1.5

#: Weight, as context, of the state of a local phone number the text gives.
_PHONE_CTX = 6.0


#: A small town (below this population), in a state with no other support while another state
#: has at least ``_STRAY_CTX``, keeps ``_STRAY_FACTOR`` of its weight.
_HAMLET_POP = 15000
_STRAY_CTX = 2.0
_STRAY_FACTOR = 0.3
_STRAY_TOWN_POP = 100000

#: A first-level area whose biggest city holds this share of its people is that city
#: (the District of Columbia; in the US no state comes near: Alaska 0.43, Nebraska 0.33).
_CITY_STATE_SHARE = 0.45


#: Share of its votes a place keeps in the choice of the country when its country is not
#: among those the text's context names (while another one is).
_FOREIGN_FACTOR = 0.3


@dataclass
class _Vote:
    place: Place
    weight: float
    surfaces: list[str] = field(default_factory=list)
    text_weight: float = 0.0  # the part of ``weight`` given by the text (not the outlet)
    ambiguous: bool = False  # a mention of it had other candidates


def _pid(p: Place) -> tuple:
    return (p.feature, p.geonames_id, p.name, p.country_code)


def event_location(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    focus: list[tuple[int, int]] | None = None,
    gazetteer: Gazetteer | None = None,
    url: str | None = None,
) -> Location | None:
    """Where the event the text reports happened (see module docstring)."""
    gaz = gazetteer or Gazetteer.default()
    abbr, state_names, postal = _states()
    focus = focus or []

    mentions: list[tuple[PlaceMention, float, str]] = []  # mention, weight, where
    dl = find_dateline(text)
    if title:
        # "Headline - WMC Action News 5 - Memphis, TN": the tail names the outlet.
        parts = re.split(r"\s+(?:-|–|—|\||«|::)\s+", title)
        if len(parts) > 1 and len(parts[-1]) <= 60:
            keep = len(parts) - 1
            while keep > 1 and len(parts[keep - 1]) <= 60 and _OUTLET_SEG.search(parts[keep - 1]):
                # "... - CBS News 8 - San Diego, CA News Station - KFMB Channel 8": the
                # segments before the last that name a station or a site are the outlet's too.
                keep -= 1
            i = len(title)
            for x in reversed(parts[keep:]):
                i = title.rindex(x, 0, i)
            tail = title[i:]
            title = title[:i].rstrip(" -–—|«:")
            outlet = f"{outlet}, {tail}" if outlet else tail
    orgs: list[PlaceMention] = []
    body = find_places(text, gaz, orgs)
    lists = playlist_spans(text)
    if lists:
        # "0:44 Olathe shooting victim speaks Pause 1:35 Mayor of Olathe ...": a list of
        # other stories' videos is page chrome, its places are not this story's.
        body = [m for m in body if not any(a <= m.start < b for a, b in lists)]
    if title:
        title = _recase_title(title, text, gaz)
    title_m = find_places(title, gaz) if title else []
    if orgs and not body and not title_m:
        # Nothing but towns heading names ("Memphis Athletic Ministries", "a Memphis Gun
        # Down event"): weaker than a place the text names, stronger than where the outlet
        # is ("WALB.com, South Georgia News").
        for m in orgs:
            m.kind = "name"
        body = orgs
    outlet_m = find_places(_outlet_names(outlet), gaz) if outlet else []
    # The outlet's place: in its web host, or a whole folder of its web address
    # ("dnainfo.com/chicago/...", "theadvocate.com/new_orleans/...").
    host_m = host_places(url, gaz) + folder_places(url, gaz)
    if _names_dc(text) or (title and _names_dc(title)) or (
        dl and not dl.state and not dl.region and name_key(dl.city) == "washington"
    ):
        # "Washington" in a text that names D.C. (or its quadrants, or an AP dateline
        # "WASHINGTON —" without a state) is the city, not the state.
        for m in body + title_m + outlet_m + host_m:
            if name_key(m.surface) == "washington" and m.kind != "city_state":
                dc = [p for p in m.candidates if p.admin1 == "District of Columbia"]
                if dc:
                    m.candidates = dc

    _county_short_names(body + title_m)

    # Context: countries and US states, weighted.
    ctx_cc: dict[str, float] = {}
    ctx_state: dict[str, float] = {}
    by_demonym: dict[str, float] = {}  # the part of ``ctx_cc`` given by demonyms

    def add_ctx(m: PlaceMention, w: float) -> None:
        if m.state:
            ctx_state[m.state] = ctx_state.get(m.state, 0) + 2 * w
            ctx_cc["US"] = ctx_cc.get("US", 0) + w
            return
        feats = {p.feature for p in m.candidates}
        if m.kind == "demonym" or feats == {"country"}:
            cc = m.candidates[0].country_code
            ctx_cc[cc] = ctx_cc.get(cc, 0) + (0.5 if m.kind == "demonym" else 1) * w
            if m.kind == "demonym":
                by_demonym[cc] = by_demonym.get(cc, 0) + 0.5 * w
            return
        for p in m.candidates:
            if p.feature == "admin1" and p.country_code == "US" and not m.alt_only and (
                m.surface.lower() in state_names
            ):
                ctx_state[p.name] = ctx_state.get(p.name, 0) + w
                ctx_cc["US"] = ctx_cc.get("US", 0) + 0.5 * w
                break
            if p.feature == "country" and not m.alt_only:
                ctx_cc[p.country_code] = ctx_cc.get(p.country_code, 0) + w
                break

    dl_state = None
    if dl:
        dl_state = dl.state
        if dl_state:
            ctx_state[dl_state] = ctx_state.get(dl_state, 0) + 6
            ctx_cc["US"] = ctx_cc.get("US", 0) + 3
        elif dl.region:
            c = gaz.country(dl.region)
            if c:
                ctx_cc[c.country_code] = ctx_cc.get(c.country_code, 0) + 4
    for m in title_m:
        add_ctx(m, 2)
    for m in body:
        add_ctx(m, 1)
    text_state = dict(ctx_state)  # the states the text itself points to (not the outlet)
    for m in outlet_m:
        add_ctx(m, 1)
        st = _outlet_city_state(m)
        if st:  # "| KZTV10.com | Corpus Christi": the outlet's city's state, as from its host
            ctx_state[st] = ctx_state.get(st, 0) + _HOST_CTX
            ctx_cc["US"] = ctx_cc.get("US", 0) + _HOST_CTX
    for m in host_m:
        # The outlet's state, when the name in its host is not ambiguous across states.
        hs = {p.admin1 for p in m.candidates}
        if len(hs) > 1:
            hs = _host_state(m.candidates) or hs  # "delawareonline.com": the state
        if len(hs) == 1:
            st = hs.pop()
            ctx_state[st] = ctx_state.get(st, 0) + _HOST_CTX
        ctx_cc["US"] = ctx_cc.get("US", 0) + _HOST_CTX
    for st in paper_states(text, gaz):
        # "told the Pittsburgh Tribune-Review": the paper's state, as from the outlet's host.
        ctx_state[st] = ctx_state.get(st, 0) + _PAPER_CTX
        ctx_cc["US"] = ctx_cc.get("US", 0) + _PAPER_CTX
    for st in phone_states(text):
        # "call Crime Stoppers at 615-742-7463": the tip line is the story's state's.
        ctx_state[st] = ctx_state.get(st, 0) + _PHONE_CTX
        ctx_cc["US"] = ctx_cc.get("US", 0) + _PHONE_CTX
    if _us_cues(text) or (title and _us_cues(title)):
        ctx_cc["US"] = ctx_cc.get("US", 0) + 2.0
    if not ctx_cc:
        ctx_cc["US"] = 1.0  # English news with no country named: most often US local news
    # The countries something other than a place's own name points to: a country's name, a
    # state, a dateline, the outlet, US cues (a demonym says who, not where: "Iranians").
    named_cc = {cc for cc, w in ctx_cc.items() if w - by_demonym.get(cc, 0) > 1e-9}

    def in_focus(m: PlaceMention) -> bool:
        return any(a <= m.start < b for a, b in focus)

    first_para_end = _first_para_end(text)

    # Names the text calls a neighbourhood ("the South Side Gresham neighborhood"), wherever
    # they stand: every mention of them is part of a city named elsewhere.
    hoods = _neighbourhood_names(text) | (_neighbourhood_names(title) if title else frozenset())

    # Weights by position.
    for m in body:
        w = 1.0
        if m.kind == "demonym":
            w = 0.3
        elif m.weak:
            w = 0.4
        elif m.alt_only:
            w = 0.5
        if dl and m.start >= dl.start and m.end <= dl.end + 2:
            w += _DATELINE_ELSEWHERE_W if _title_town_elsewhere(
                m, dl, title_m, title or "", text) else _DATELINE_W
            m.kind = "dateline"
        if in_focus(m):
            w += _T["focus"]
        before = text[max(0, m.start - 40) : m.start]
        if _PREP_STRONG.search(before):
            w += _T["prep_strong"]
        elif _PREP.search(before):
            w += _T["prep"]
        if m.start < first_para_end:
            w += _T["first_para"]
        if m.kind in ("city_state", "admin"):
            w += _T["pinned"]
        if _NEIGHBOURHOOD.match(text[m.end : m.end + 30]) or name_key(m.surface) in hoods:
            w *= 0.3  # "in the Gresham neighborhood": part of a city named elsewhere
        if re.match(r"['’]s\b", text[m.end : m.end + 2]):
            w *= 0.5  # "Russia's Defense Ministry": an actor, not a place
        if _TAKEN_TO.search(text, max(0, m.start - 60), m.start):
            w *= _TAKEN_TO_FACTOR  # "taken to Mount Sinai", "flown to ... in San Antonio"
        if _POLICE_AFTER.match(text, m.end):
            w += _POLICE_W  # "Beebe police arrested ...": the town's own police investigate
        elif _SHERIFF_AFTER.match(text, m.end):
            w += _SHERIFF_W  # "the Smith County Sheriff's Office": the county investigates
        mentions.append((m, w, "body"))
    for m in title_m:
        w = _T["title"] if m.kind != "demonym" else 0.5
        if m.kind != "demonym" and _PREP_STRONG.search(title[max(0, m.start - 30) : m.start]):
            w += _T["title_prep"]
        if m.kind == "name" and name_key(m.surface) in hoods:
            w *= 0.3  # "shot in Gresham" when the body says "the Gresham neighborhood"
        mentions.append((m, w, "title"))
    for m in outlet_m:
        mentions.append((m, 0.5, "outlet"))
    for m in host_m:
        mentions.append((m, _HOST_W, "outlet"))

    # A dateline the spotter missed (all caps words are not title case): look it up.
    if dl and not any(k == "body" and mm.kind == "dateline" for mm, _, k in mentions):
        cands = [p for p, _ in gaz.lookup_key(name_key(dl.city.title()))]
        if dl.state:
            cands = [p for p in cands if p.admin1 == dl.state and p.country_code == "US"] or cands
        if cands:
            surf = text[dl.start : dl.end]
            dm = PlaceMention(dl.start, dl.end, surf, cands, "dateline", dl.state)
            mentions.append((dm, 1.0 + _DATELINE_W, "body"))

    if not mentions:
        # Nothing in the text (a paywall, an empty page): the words of the web address
        # ("/rome/news/local/...", "milwaukee-police-called-to-...") are the last resort.
        for m in path_places(url, gaz):
            mentions.append((m, 1.0, "outlet"))
            add_ctx(m, 1)
    if not mentions:
        return None

    near = _neighbours(mentions)
    # Resolve each mention to one place; then again, with the states and countries that
    # the first pass found (places named together tend to be near each other).
    max_state = max(ctx_state.values()) if ctx_state else 0
    support_state: dict[str, float] = dict(ctx_state)
    support_cc: dict[str, float] = dict(ctx_cc)
    own_support: dict[tuple, float] = {}  # the part of a place's state support it gave itself
    for m, w, _where in mentions:
        dominant = _dominant(m)
        if dominant and name_key(m.surface) in hoods:
            dominant = None  # "the Gresham neighborhood" of Chicago, not Gresham, Oregon
        if len(m.candidates) == 1 or m.kind in ("city_state", "dateline") or dominant:
            best = dominant or _resolve(m, ctx_cc, ctx_state, max_state, near)
            if best is None:
                continue
            share = _DOMINANT_SHARE if dominant and len(m.candidates) > 1 else 0.5
            if best.country_code == "US" and best.admin1 and best.feature != "country":
                support_state[best.admin1] = support_state.get(best.admin1, 0) + share * w
                if _where != "outlet":
                    text_state[best.admin1] = text_state.get(best.admin1, 0) + share * w
                own_support[_pid(best)] = own_support.get(_pid(best), 0) + share * w
            if m.alt_only and best.country_code not in ctx_cc:
                continue  # "York City" (an alternate name of York, England): no new country
            support_cc[best.country_code or ""] = support_cc.get(best.country_code or "", 0) + 0.3 * w
    ctx_state, ctx_cc = support_state, support_cc
    max_state = max(ctx_state.values()) if ctx_state else 0
    votes: dict[tuple, _Vote] = {}
    for m, w, _where in mentions:
        best = _resolve(m, ctx_cc, ctx_state, max_state, near)
        if best is None:
            continue
        key = _pid(best)
        v = votes.get(key)
        if v is None:
            votes[key] = v = _Vote(best, 0.0)
        v.weight += w
        if _where != "outlet":
            v.text_weight += w
        if len(m.candidates) > 1:
            v.ambiguous = True
        if m.kind != "demonym":
            v.surfaces.append(m.surface)

    # Support: a city gets part of its province's and country's weight.
    by_admin1: dict[tuple, float] = {}
    by_cc: dict[str, float] = {}
    for v in votes.values():
        if v.place.feature == "admin1":
            by_admin1[(v.place.country_code, v.place.name)] = (
                by_admin1.get((v.place.country_code, v.place.name), 0) + v.weight
            )
        if v.place.feature == "country":
            by_cc[v.place.country_code] = by_cc.get(v.place.country_code, 0) + v.weight

    top2 = sorted(ctx_state.items(), key=lambda kv: -kv[1])[:2]
    state_votes: dict[str, float] = {}
    for v in votes.values():
        if v.place.country_code == "US" and v.place.admin1:
            state_votes[v.place.admin1] = state_votes.get(v.place.admin1, 0) + v.weight

    top2_text = sorted(text_state.items(), key=lambda kv: -kv[1])[:2]

    def other_state(st: str | None, text_only: bool = False) -> float:
        """The strongest support of a state other than ``st`` (by the text alone)."""
        return max((x for k, x in (top2_text if text_only else top2) if k != st), default=0.0)

    stray: set[tuple] = set()

    def total(v: _Vote) -> float:
        p = v.place
        t = v.weight
        if (
            p.country_code == "US" and p.feature == "city" and (
                p.population < _HAMLET_POP and other_state(p.admin1) >= _STRAY_CTX
                or p.population < _STRAY_TOWN_POP and not v.ambiguous
                and other_state(p.admin1, text_only=True) >= _STRAY_CTX
            )
            and ctx_state.get(p.admin1 or "", 0) - own_support.get(_pid(p), 0)
            + state_votes.get(p.admin1 or "", 0) - v.weight < 0.5
        ):
            # A small town in a state nothing else in the text points to, while the text points
            # to another state: a neighbourhood or landmark of the same name ("Roxbury",
            # "Liberty City", "Mount Washington") that the gazetteer lacks. A bigger town
            # ("Mid-City", California, 83,000, in a New Orleans story) only when it is the
            # gazetteer's one place of that name and the text itself, not just the outlet,
            # points to the other state.
            t *= _STRAY_FACTOR
            stray.add(_pid(p))
        if p.feature in ("city", "admin2"):
            t += 0.5 * by_admin1.get((p.country_code, p.admin1), 0)
            t += 0.5 * ctx_state.get(p.admin1 or "", 0) if p.country_code == "US" else 0
        if p.feature != "country":
            t += 0.3 * by_cc.get(p.country_code or "", 0)
            t += 0.2 * ctx_cc.get(p.country_code or "", 0)
        return t + 0.01 * (4 - p.precision)

    # First the country (all votes inside it count), then the best place inside it.
    cc_score: dict[str, float] = {}
    for v in votes.values():
        cc = v.place.country_code or ""
        w = v.weight
        if named_cc and cc not in named_cc and v.place.feature != "country":
            # "Bordeaux", "Gentilly", "Whitehaven" in a Nashville or New Orleans story: a
            # foreign town that no country name, state, dateline or outlet backs is most
            # often a local neighbourhood the gazetteer lacks; it does not outvote the
            # country the text points to (with no country named at all, the US).
            w *= _FOREIGN_FACTOR
        cc_score[cc] = cc_score.get(cc, 0) + w
    for cc, w in ctx_cc.items():
        if cc in cc_score:
            cc_score[cc] += 0.1 * w
    best_cc = max(cc_score, key=cc_score.get)
    inside = [v for v in votes.values() if (v.place.country_code or "") == best_cc]
    sub = [v for v in inside if v.place.feature != "country"]
    win = None
    if sub:
        cand = max(sub, key=total)
        if cand.weight >= _MIN_SUB_WEIGHT:
            win = cand
    if win is None:
        win = max(inside, key=total)
    if _pid(win.place) in stray:
        # A stray town (its state unsupported) against a state the text or the outlet names:
        # the place is in that state, missing from the gazetteer ("Berlin" under "WFSB 3
        # Connecticut": Berlin, Connecticut is a New England town cities500 lacks; not Berlin,
        # New Hampshire). The state is the most the text says.
        states = [v for v in inside if v.place.feature == "admin1"
                  and v.place.name != win.place.admin1]
        if states:
            win = max(states, key=total)
        else:
            # No state named as such ("Mt. Washington" in a Pittsburgh station's story, the
            # gazetteer's Mount Washington in Kentucky): a place the text itself names in the
            # state the text and outlet point to most.
            top = top2[0][0] if top2 else None
            there = [v for v in inside if v.place.feature in ("city", "admin2")
                     and v.place.admin1 == top and top != win.place.admin1
                     and _pid(v.place) not in stray and v.text_weight >= 1.0]
            if there:
                win = max(there, key=total)
    if win.place.feature == "admin2":
        # A town inside the county that the text (or the outlet) also names: the town
        # ("WMBFNews.com, Myrtle Beach" for a Horry County story; a weak sentence-initial
        # "GREENCASTLE, FRANKLIN COUNTY, Pa."). GVA files a county's incidents at a town.
        towns = [
            v for v in inside
            if v.place.feature == "city" and v.place.admin2 == win.place.name
            and v.place.admin1 == win.place.admin1 and v.weight >= _COUNTY_TOWN_MIN_W
        ]
        if not towns and win.place.lat is not None:
            # "near Suwanee" with the Forsyth County sheriff (GeoNames files Suwanee under
            # Gwinnett): a town astride or by the county line, named strongly, near its point.
            towns = [
                v for v in inside
                if v.place.feature == "city" and v.place.admin1 == win.place.admin1
                and v.text_weight >= _COUNTY_NEAR_TOWN_W and v.place.lat is not None
                and _km(v.place, win.place) <= _COUNTY_NEAR_TOWN_KM
            ]
        if not towns:
            # "a residence on Main Street in Pinetown, North Carolina" with the Beaufort County
            # Sheriff's Office: a town of the county's state that the gazetteer lacks, pinned
            # to the state by the text, is most likely the county's town the story is about.
            towns = [
                v for v in inside
                if v.place.feature == "city" and v.place.geonames_id is None
                and v.place.lat is None and v.place.admin1 == win.place.admin1
                and v.text_weight >= _COUNTY_UNKNOWN_TOWN_W
            ]
        if towns:
            win = max(towns, key=total)
    if win.place.feature == "city" and win.place.lat is not None:
        # A neighbourhood ("Anacostia", "Mott Haven") of a big city the text (or the
        # outlet) also names: it lies near the big city's core; a town well beyond it
        # ("Lolo" for a Missoula outlet, ``_SUBURB_RADII``) stays itself. A name the text
        # calls a neighbourhood ("the Russell neighborhood" in a Louisville story) is part of
        # the big city however far the gazetteer's namesake lies (Russell, Kentucky: 250 km).
        called_hood = bool(win.surfaces) and all(name_key(x) in hoods for x in win.surfaces)
        bigger = [
            v for v in inside
            if v.place.feature == "city" and v is not win and v.place.lat is not None
            and v.place.admin1 == win.place.admin1
            and v.place.population >= 10 * max(win.place.population, 1000)
            and (v.weight >= 1.0 and _km(v.place, win.place) <= min(20.0, _city_radius(v.place) * (
                _SUBURB_RADII if v.text_weight >= 1.0 or _named_after(win.place, v.place)
                else _OUTLET_SUBURB_RADII)) or called_hood)
        ]
        if bigger and not _own_services(text, title, win.surfaces):
            win = max(bigger, key=total)
    place = win.place
    precision = place.precision
    surfaces = list(win.surfaces)
    if place.lat is None and place.geonames_id is None:  # "Toone, TN" (not in the gazetteer)
        place = _located_unknown(place, inside, total, gaz)
        precision = place.precision

    # A province named with its same-named capital: the capital, at precision 3.
    if place.feature in ("admin1", "admin2"):
        cap = _capital(place, votes, mentions)
        if cap is None and place.feature == "admin2":
            cap = _county_seat_namesake(place, gaz)
            if cap is None:
                cap = _county_main_town(place, gaz)
        if cap is not None:
            precision = place.precision
            place = cap
        elif place.feature == "admin1":
            # A city-state (Washington, D.C.): an area that is mostly one city is that city.
            main = gaz.main_city(place)
            if main is not None and main.lat is not None and (
                main.population >= _CITY_STATE_SHARE * max(place.population, 1)
            ):
                place = main
                precision = main.precision
            elif main is not None and main.lat is not None and place.country_code == "US":
                # A US state and nothing nearer (its name in the outlet's host, "kansas.com";
                # "a Delaware courthouse"): coded at its biggest city, at precision 3, as a
                # province is at its capital. US news of a state with no town named is most
                # often its biggest city's (Wichita, Wilmington, Omaha, Indianapolis).
                place = main
    elif place.feature == "city":
        # Spellings that resolved to the same-named province count as mentions too.
        for v in votes.values():
            if (
                v.place.feature in ("admin1", "admin2")
                and v.place.country_code == place.country_code
                and v.place.name == place.admin1
                and _same_name(v.place, place)
            ):
                surfaces.extend(v.surfaces)
                if v.weight > win.weight:
                    precision = v.place.precision
    for m, _, _ in mentions:
        if any(_pid(c) == _pid(place) for c in m.candidates) and m.kind != "demonym":
            surfaces.append(m.surface)
    seen: list[str] = []
    for s in surfaces:
        s = s.strip()
        if s and s not in seen:
            seen.append(s)
    return Location(
        name=place.name,
        admin1=place.admin1,
        country=place.country,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
        precision=precision,
        mentions=seen,
    )


_COUNTY_SURFACE = re.compile(r"^(.+?)\s+(?:County|Parish|Co\.?)$")


#: A name whose biggest place has ``_DOMINANT_RATIO`` times the people of any other of its
#: places (and at least ``_DOMINANT_POP``) is read as that place when it lends its state to
#: the text, at ``_DOMINANT_SHARE`` of its weight: "Roanoke" (Virginia, 100,000; the next
#: is 7,400) makes the "Danville" of the same story Virginia's.
_DOMINANT_RATIO = 10.0
_DOMINANT_POP = 50000
_DOMINANT_SHARE = 0.5


def _dominant(m: PlaceMention) -> Place | None:
    if len(m.candidates) < 2 or m.kind == "demonym":
        return None
    pops = sorted((p.population for p in m.candidates), reverse=True)
    if pops[0] < _DOMINANT_POP or pops[0] < _DOMINANT_RATIO * max(pops[1], 1):
        return None
    top = max(m.candidates, key=lambda p: p.population)
    return top if top.feature == "city" and top.country_code == "US" else None


def _county_short_names(mentions: list[PlaceMention]) -> None:
    """A bare "Pasco" ("Pasco deputies") in a text that names "Pasco County" is read in
    that county's state(s): the towns of that name there, else the county itself."""
    counties: dict[str, list[Place]] = {}
    for m in mentions:
        base = None
        if m.admin_suffix in ("county", "parish"):
            base = m.surface
        else:
            mm = _COUNTY_SURFACE.match(m.surface)
            if mm:
                base = mm.group(1)
        admins = [p for p in m.candidates if p.feature == "admin2" and p.country_code == "US"]
        if base and admins:
            counties.setdefault(name_key(base), []).extend(admins)
    if not counties:
        return
    for m in mentions:
        if m.kind != "name" or m.admin_suffix:
            continue
        admins = counties.get(name_key(m.surface))
        if not admins or _COUNTY_SURFACE.match(m.surface):
            continue
        states = {p.admin1 for p in admins}
        inside = [p for p in m.candidates if p.country_code == "US" and p.admin1 in states
                  and p.feature in ("city", "admin2")]
        m.candidates = inside or list(dict.fromkeys(admins))


def _same_name(admin: Place, city: Place) -> bool:
    a = name_key(re.sub(r"\s+(?:province|governorate|county|district)$", "", admin.name, flags=re.I))
    return a == name_key(city.name) or admin.name == city.admin1 and bool(
        set(name_key(city.name).split()) & set(a.split())
    )


def _capital(admin: Place, votes, mentions) -> Place | None:
    """The same-named city of a province among the mentions' candidates."""
    for m, _, _ in mentions:
        if not any(_pid(c) == _pid(admin) for c in m.candidates):
            continue
        for c in m.candidates:
            if (
                c.feature == "city"
                and c.country_code == admin.country_code
                and c.admin1 == (admin.admin1 if admin.feature == "admin1" else admin.admin1)
                and c.population > 0
            ):
                return c
    return None


_COUNTY_WORD = re.compile(r"\s+(?:County|Parish|Borough|Census Area|Municipality)$")


def _county_seat_namesake(county: Place, gaz: Gazetteer) -> Place | None:
    """The town of a county that bears its name ("Denton County" -> Denton, Texas), coded
    like a province at its same-named capital: the town's point, the county's precision."""
    base = _COUNTY_WORD.sub("", county.name)
    if base == county.name:
        return None
    towns = [
        p for p, _ in gaz.lookup_key(name_key(base))
        if p.feature == "city" and p.country_code == county.country_code
        and p.admin1 == county.admin1 and p.admin2 == county.name and p.lat is not None
    ]
    return max(towns, key=lambda p: p.population) if towns else None


#: A county that wins without a same-named town is coded at its biggest town when that town
#: holds at least this share of the county's people ("Putnam County", Florida -> Palatka):
#: GVA, like ACLED, files a county-level event at its main town; a county of many small
#: towns keeps its mean coordinates.
_COUNTY_MAIN_SHARE = 0.5


def _county_main_town(county: Place, gaz: Gazetteer) -> Place | None:
    town = gaz.county_main_city(county)
    if town is None or town.lat is None:
        return None
    return town if town.population >= _COUNTY_MAIN_SHARE * max(county.population, 1) else None


def _km(a: Place, b: Place) -> float:
    r = math.radians
    h = (
        math.sin(r(b.lat - a.lat) / 2) ** 2
        + math.cos(r(a.lat)) * math.cos(r(b.lat)) * math.sin(r(b.lon - a.lon) / 2) ** 2
    )
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


#: People per km² of a dense US city core, to estimate a city's extent from its population.
_CITY_DENSITY = 4000.0

#: A town farther than this many core radii from a big city is a town of its own (city
#: limits reach well beyond the dense core; GVA often files inner suburbs under the big
#: city's name, so the margin is wide).
_SUBURB_RADII = 3.0
#: The same for a big city only the outlet names (its web host, its headline tail): where
#: the outlet is says less about a town than the text does ("Melrose Park" in a Chicago
#: paper, McKees Rocks for a Pittsburgh station), so only a place inside the core counts.
_OUTLET_SUBURB_RADII = 1.0


#: A town with its own police or mayor ("Garner police", "the Beech Grove Police Department",
#: "Mount Holly Police") is a municipality, not a neighbourhood of the big city next door.
_OWN_SERVICE = (
    r"(?:['’]s)?[ \t]+(?i:police|PD\b|mayor|fire department|city council)"
    r"(?![ \t]+(?i:district|station|precinct|area|zone|beat)\b)"
)


def _own_services(text: str, title: str | None, surfaces: list[str]) -> bool:
    """Whether the text (or title) names one of ``surfaces`` as a town with its own
    police, fire department, mayor or council."""
    for s in dict.fromkeys(x.strip() for x in surfaces):
        if not s or not s[0].isupper():
            continue
        pat = re.compile(re.escape(s) + _OWN_SERVICE, re.I if s.isupper() else 0)
        if pat.search(text) or (title and pat.search(title)):
            return True
    return False


def _named_after(part: Place, city: Place) -> bool:
    """Whether ``part``'s name holds the whole of ``city``'s ("South Chicago", "East
    Baltimore"): a part of the city or a town that grew out of it."""
    a, b = name_key(part.name).split(), name_key(city.name).split()
    return len(a) > len(b) and any(a[k : k + len(b)] == b for k in range(len(a) - len(b) + 1))


def _city_radius(p: Place) -> float:
    """Radius (km) of a disc holding the city's people at ``_CITY_DENSITY``: Missoula
    ~2.4 km (Lolo, 14 km away, is a town of its own at 6 radii), Chicago ~14.6 km (every
    neighbourhood within 20 km stays Chicago), Pittsburgh ~4.9 km (Wilkinsburg, 9.6 km,
    is filed under Pittsburgh; Turtle Creek, 15 km, is not)."""
    return math.sqrt(max(p.population, 0) / (_CITY_DENSITY * math.pi))


_HOOD_NAME = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)['’]?s?\s+(?:neighborhood|neighbourhood)\b"
)


def _neighbourhood_names(text: str) -> frozenset[str]:
    """Name keys of the last one to three capitalised words before "neighborhood"."""
    out: set[str] = set()
    if "neighbo" not in text:  # every match ends with "neighborhood" / "neighbourhood"
        return frozenset()
    for mm in _HOOD_NAME.finditer(text):
        words = mm.group(1).split()
        for k in range(1, len(words) + 1):
            out.add(name_key(" ".join(words[-k:])))
    return frozenset(out)


def _first_para_end(text: str) -> int:
    i = text.find("\n\n", 40)
    return i if 0 < i < 800 else min(len(text), 400)


#: Penalty of a candidate in a country that nothing in the text points to (no name, no
#: demonym, no state, no dateline, no other place resolved there) when others are.
_UNNAMED_CC = 3.0
#: Penalty of a city matched only by an alternate name unrelated to its own name (not a part
#: of it, not another spelling: ``_short_form``), when another candidate bears the name.
_ALT_PEN = 3.0

#: Bonus of a candidate per unit of support from other places named near it.
_NEAR_W = 5.0
#: Two candidates this close (km) support each other.
_NEAR_KM = 40.0


def _neighbours(mentions) -> dict[tuple, float]:
    """Support of each candidate place from the *other* names of the text: a candidate
    near (``_NEAR_KM``) a candidate of another name, or a town inside a county named
    elsewhere (and the county of a town named elsewhere), gets support, worth less when
    the other name is itself very ambiguous (1 / sqrt(its number of candidates)). Places
    named together are near each other: "Selma" with "Dallas County" is Selma, Alabama.

    Returns {(name key, place id): support}; only ambiguous names are scored."""
    entries = []  # (name key, place, weight of that name's evidence)
    keys_amb = set()
    seen_keys = set()
    for m, _w, _ in mentions:
        if m.kind == "demonym" or (m.alt_only and len(m.candidates) == 1):
            continue  # "York City" (alternate name of York, England) vouches for no "York"
        key = name_key(m.surface)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        cands = [p for p in m.candidates if p.feature in ("city", "admin2") and p.lat is not None]
        if not cands:
            continue
        if len(m.candidates) > 1:
            keys_amb.add(key)
        ew = 1.0 / math.sqrt(len(cands))
        for p in cands[:40]:
            entries.append((key, p, ew))
    if not keys_amb or len(seen_keys) < 2:
        return {}
    grid: dict[tuple[int, int], list] = {}
    county: dict[tuple, list] = {}
    for e in entries:
        p = e[1]
        grid.setdefault((int(p.lat // 0.5), int(p.lon // 0.5)), []).append(e)
        if p.feature == "admin2":
            county.setdefault((p.country_code, p.admin1, p.name), []).append(e)
        elif p.admin2:
            county.setdefault((p.country_code, p.admin1, p.admin2), []).append(e)
    out: dict[tuple, float] = {}
    for key, p, _ in entries:
        if key not in keys_amb:
            continue
        best: dict[str, float] = {}
        gy, gx = int(p.lat // 0.5), int(p.lon // 0.5)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k2, q, w2 in grid.get((gy + dy, gx + dx), ()):
                    if k2 != key and w2 > best.get(k2, 0) and _km(p, q) <= _NEAR_KM:
                        best[k2] = w2
        ck = (p.country_code, p.admin1, p.name if p.feature == "admin2" else p.admin2)
        for k2, q, w2 in county.get(ck, ()):
            if k2 != key and w2 > best.get(k2, 0):
                best[k2] = w2
        if best:
            out[(key, _pid(p))] = sum(best.values())
    return out


def _short_form(surface: str, p: Place) -> bool:
    """Whether ``surface`` is a form of ``p``'s own name: a part of it ("Riviera" for
    Riviera Beach) or another spelling starting alike ("Marlborough" for Marlboro, New
    York), not an unrelated name ("Franklin" for Columbus, Ohio)."""
    a, b = name_key(surface), name_key(p.name)
    if a[:4] == b[:4]:
        return True
    a, b = a.split(), b.split()
    return bool(a) and any(b[k : k + len(a)] == a for k in range(len(b) - len(a) + 1))


def _resolve(m: PlaceMention, ctx_cc, ctx_state, max_state, near=None) -> Place | None:
    """The best candidate of one mention, given the text's countries and states."""
    if not m.candidates:
        return None
    if len(m.candidates) == 1:
        return m.candidates[0]
    top_pop = max(p.population for p in m.candidates) or 1
    mkey = name_key(m.surface) if near else ""
    best, best_s = None, -1e9
    for rank, p in enumerate(m.candidates):
        s = 1.5 * math.log10(p.population + 10) - 0.5 * math.log10(top_pop + 10)
        s += 2.5 * math.log1p(ctx_cc.get(p.country_code or "", 0))
        if p.country_code not in ctx_cc:
            s -= _UNNAMED_CC  # "Berlin" in a Connecticut story: a country nothing points to
        if p.country_code == "US" and p.admin1 in ctx_state:
            s += 2.0 + 2.0 * ctx_state[p.admin1] / (max_state or 1)
        if m.kind == "admin" and p.feature in ("admin1", "admin2"):
            s += 1.0
        if _pid(p) in m.alt:
            # An alternate name of a city ("Franklin" for Columbus, Ohio; "Greenwood" for
            # Kansas City) weighs much less when another candidate bears the name as its own
            # and the name is not a short form of the city's ("Riviera" for Riviera Beach).
            s -= _ALT_PEN if (not m.alt_only and p.feature == "city"
                              and not _short_form(m.surface, p)) else 1.0
        if m.kind != "admin" and p.feature in ("admin1", "admin2") and any(
            c.feature == "city" and c.country_code == p.country_code and c.admin1 == p.admin1
            for c in m.candidates
        ):
            s -= 1.0  # "Kabul" alone is the city, "Kabul province" the province
        if p.feature == "country":
            s += 3.0
        if near:
            s += _NEAR_W * min(near.get((mkey, _pid(p)), 0.0), 2.0)
        if s > best_s:
            best, best_s = p, s
    return best
