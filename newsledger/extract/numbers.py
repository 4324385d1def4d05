"""Find amounts in text and turn them into intervals.

Reads raw sentence text; returns ``Quantity`` spans with the interval [low, high] the words
allow (None = unknown or open). Handles digits with separators, number words (via text2num
for compounds), vague amounts (``data/vague_amounts.tsv``: the documented rule), bounds
("more than", "at least", "nearly", "up to", "about", "fewer than") and ranges ("250 to 300",
"between 10 and 15", "10-15").

What is *not* a count is dropped here, so later stages never see it: years, ages
("a 12-year-old", "Smith, 42,"), times, calibres (9mm, .22-caliber), money, percentages,
distances and durations, street numbers, phone numbers and ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from text_to_num import text2num

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD = r"(?:%s)" % "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million)"
# "twenty-three", "one hundred and five", "two thousand"
_WORDNUM = rf"(?:{_WORD}(?:[-\s]{_WORD})?(?:\s+(?:{_SCALE}|dozen)(?:\s+(?:and\s+)?{_WORD}(?:[-\s]{_WORD})?)?)?|(?:a|one)\s+{_SCALE})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand|dozen))?"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"

_BOUNDS = {
    # phrase: (kind) — how the bound changes [n, n]
    "more than": "gt", "over": "gt", "upwards of": "gt", "in excess of": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "nearly": "lt_near", "almost": "lt_near", "close to": "lt_near", "just under": "lt_near",
    "up to": "le", "as many as": "le", "at most": "le", "no more than": "le",
    "a maximum of": "le",
    "fewer than": "lt", "less than": "lt", "under": "lt",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "nearly about": "approx",
}
_BOUND_RE = "|".join(sorted((re.escape(b) for b in _BOUNDS), key=len, reverse=True))


@lru_cache(maxsize=1)
def vague_table() -> dict[str, tuple[int, int | None, int]]:
    """The vague-amount rule table from ``data/vague_amounts.tsv``."""
    table: dict[str, tuple[int, int | None, int]] = {}
    text = resources.files("newsledger.data").joinpath("vague_amounts.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, low, high, best = line.split("\t")
        table[phrase] = (int(low), None if high == "-" else int(high), int(best))
    return table


def _vague_re() -> str:
    phrases = sorted(vague_table(), key=len, reverse=True)
    return "|".join(re.escape(p) for p in phrases)


_QUANTITY = re.compile(
    rf"""
    (?<![\w$#.\-/:,])
    (?:(?P<bound>{_BOUND_RE})\s+)?
    (?:
        between\s+(?P<b1>{_NUM})\s*(?:and|-|–|—)\s*(?P<b2>{_NUM})
      | (?P<r1>\d{{1,4}}|{_NUM})(?:\s*[-–—]\s*(?=\d)|\s+(?:to|or)\s+)(?P<r2>\d{{1,4}}(?![\d,])|{_NUM})(?![\w-])
      | (?P<n>{_NUM})
      | (?P<vague>{_vague_re()})
    )
    (?![\w]|[.,]\d|-(?:year|month|week|day|hour|minute|foot|yard|inch|mile|round|caliber|gauge|story|storey|point|page|
       shot|car|vehicle|alarm|bedroom|door|time))
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Words right after a number that show it is not a head-count.
_NOT_COUNT_AFTER = re.compile(
    r"""\s*(?:
        %|percent|per\s*cent|mm\b|millimet|caliber|calibre|cal\b|gauge|-?year|years?\b|yrs?\b
      | months?\b|weeks?\b|days?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|decades?\b|centur
      | a\.?m\b|p\.?m\b|o'?clock|:\d|miles?\b|mph\b|feet\b|foot\b|ft\b|yards?\b|inch|km\b
      | kilomet|met(?:er|re)s?\b|pounds?\b|lbs?\b|kilos?\b|kg\b|grams?\b|tons?\b|tonnes?\b
      | dollars?\b|cents?\b|euros?\b|rubles?\b|roubles?\b|pesos?\b|rupees?\b|shots\b
      | rounds?\b|bullets?\b|times\b|block\b|blocks\b|st\b|nd\b|rd\b|th\b|degrees?\b
      | (?:[NSEW]\.?\s|North|South|East|West|N\.|S\.|E\.|W\.)?\s*(?:[A-Z0-9][\w.']*\s+){0,3}(?:(?:Street|Avenue|Road|Boulevard|Drive|Lane|Way|Court|Place|Highway|Parkway|Circle|Terrace|Trail|block|Ave|Rd|Blvd|Ln|Ct|Hwy|Pkwy)\b|(?:St|Ave|Rd|Dr|Ln|Ct|Pl|Blvd|Hwy)\.)
      | -\d{4}\b|\)\s*\d{3}-\d{4}
      | (?:and|or|to|&)\s+\d{1,2}\s*-?\s*(?:years?|months?)(?:\s*-?\s*old|\s+of\s+age)  # "a 16 and 17-year-old"
    )""",
    re.VERBOSE,
)
# Units in any case ("4 Days After", "9 YEAR OLD"): durations, ages, distances.
_UNIT_AFTER = re.compile(
    r"\s*(?:-|\s)?(?:(?:more|other|additional)\s+(?=rounds?|shots|times))?"  # "shot three more times"
    r"(?:years?|yrs?|yo|y/o|y\.o\.|months?|weeks?|days?|hours?|minutes?|seconds?|miles?|feet|yards?|"
    r"rounds?|shots|times|percent|dollars?)\b(?!\s+(?:people|persons))",
    re.IGNORECASE,
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:people|persons|civilians|soldiers|troops|fighters|protesters|residents|"
    r"refugees|migrants|children|students|workers|police|officers|demonstrators|militants|men|women)\b")
# Words right before a number that show it is not a head-count.
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\$|€|£|#|No\.|no\.|number|Route|Rt\.|Highway|Hwy\.?|Interstate|I-|U\.S\.|US|SR|"
    r"State Road|County Road|Apt\.?|Suite|Room|Unit|Precinct|District|Ward|Flight|age|aged|"
    r"ages|Channel|Ch\.|page|in|since|of|from|until|til|by|before|after|during|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\.?\s*$"
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_AGE_COMMA = re.compile(r"^\s*,\s*$")


@dataclass(frozen=True)
class Quantity:
    """An amount found in text: [low, high] (None = unknown/open) and the figure to code."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    best: int | None
    vague: bool = False
    bound: str | None = None


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200, 'twenty-three' -> 23, 'one hundred and five' -> 105, '2.5 million'."""
    t = text.strip().lower().replace("–", "-")
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|thousand|dozen))?", t)
    if m:
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = {"million": 1_000_000, "thousand": 1000, "dozen": 12}.get(m.group(3) or "", 1)
        return int(round(value * scale))
    if t in _SMALL:
        return _SMALL[t]
    dozen = re.fullmatch(r"(.+?)[\s-]+dozen", t)
    if dozen:  # "two dozen" = 24
        n = parse_number(dozen.group(1))
        return None if n is None else n * 12
    t = re.sub(r"^a\s+", "one ", t)
    try:
        return int(text2num(t.replace("-", " ").replace(" and ", " "), "en"))
    except (ValueError, TypeError):
        return None


def _apply_bound(bound: str | None, n: int) -> tuple[int | None, int | None, int | None]:
    kind = _BOUNDS.get((bound or "").lower())
    if kind is None:
        return n, n, n
    if kind == "gt":
        return n + 1, None, n + 1
    if kind == "ge":
        return n, None, n
    if kind == "lt_near":
        return max(0, int(n * 0.9)), max(0, n - 1), max(0, n - 1)
    if kind == "le":
        return None, n, n
    if kind == "lt":
        return None, max(0, n - 1), None
    # approx: ±10 % (at least ±1 above 5), best the figure itself
    spread = max(1, round(n * 0.1)) if n > 5 else 0
    return n - spread, n + spread, n


#: "of 12 people", "shooting of 2 juveniles": people follow, so the figure counts them
_PEOPLE_AFTER_OF = re.compile(
    r"\s+(?:people|persons|of|victims|men|women|children|kids|teens|teenagers|juveniles|boys|girls|"
    r"students|officers|deputies|adults|brothers|sisters|siblings)\b")


def _context_excludes(text: str, start: int, end: int, digits: bool, value: int) -> bool:
    """Is the number at [start, end) an age, year, time, address, money…?"""
    after = text[end : end + 40]
    before = text[max(0, start - 20) : start]
    if _NOT_COUNT_AFTER.match(after) or _UNIT_AFTER.match(after):
        return True
    # "Motel 6", "KOIN 6", "Local 6", "Image 2 of 16": a name or a gallery counter
    if digits and re.search(r"\b[A-Z][\w.&'-]*\s$", before) and not re.search(
            r"(?:^|[.:;!?]\s*)[A-Z][\w.&'-]*\s$", before):
        return True
    if digits and re.search(r"\b(?:Image|Photo|Slide|Page|Video|Channel|Local|Motel|Gate|Terminal|Building|"
                            r"Engine|Station|Studio|Apartment|Unit)\s*$", before):
        return True
    if digits and re.search(r"\b(?:Image|Photo|Slide|Page|Video)s?\s+\d+\s+(?:of|/)\s*$", before, re.I):
        return True
    # "called 911", "a single shot 223": emergency numbers and rifle calibres, unless people follow
    if digits and value in (911, 223, 308, 556, 762, 357, 380) and not _PEOPLE_AFTER.match(after):
        return True
    # "CBS 58 -", "WSB 2": a network or station call sign with its channel number
    if digits and re.search(r"\b[A-Z]{2,5}\s*$", before) and not _PEOPLE_AFTER.match(after):
        return True
    # 4-digit numbers without a separator are house numbers, codes or years unless people follow
    if digits and value >= 1000 and "," not in text[start:end] and not _PEOPLE_AFTER.match(after):
        return True
    # "no one was hurt": the zero is handled as a whole ("no one"), not as 1
    if not digits and value == 1 and re.search(r"\bno\s*$", before, re.I):
        return True
    # "7/14/2013 Related Story: ...", "On 06/24/2013", a gallery's "1 / 44": dates and counters
    if digits and (re.match(r"\s*/\s*\d", after) or re.search(r"\d\s*/\s*$", before)):
        return True
    # "also younger than 18", "MMA fighter ... dead at 25", "Another teen, also 15, was shot": ages
    if value < 110 and (re.search(r"\b(?:younger|older)\s+than\s*$|\b(?:dead|dies|died)\s+at\s*$", before, re.I)
                        or (re.search(r",\s*also\s*$", before, re.I) and re.match(r"\s*,", after))):
        return True
    # "All were treated and released.[3]": a reference mark
    if digits and before.endswith("[") and after.startswith("]"):
        return True
    # "Zimmers, Jackson-Liday and Franklin — 16, 20 and 17, respectively —": values paired with a list
    if digits and re.match(r"(?:\s*(?:,|and|,\s*and)\s*\d+)*\s*,?\s*respectively\b", after):
        return True
    # "shot ... Thursday night around 10": a time of day
    if value <= 12 and re.search(r"\b(?:night|morning|evening|afternoon)\s+(?:around|about|at)\s*$", before, re.I):
        return True
    # "we are deeply hurt over the loss of our loved one": a person mourned, not a count
    if not digits and value == 1 and re.search(r"\bloved\s*$", before, re.I):
        return True
    # "father of three", "mother of 2": family size, not a count of victims
    if re.search(r"\b(?:father|mother|parent|dad|mom|grandfather|grandmother|grandmother)s?\s+of\s*$", before, re.I):
        return True
    if digits and _YEAR.match(text[start:end]):
        return True
    if digits and re.search(r"(?:\$|€|£|#)\s*$|No\.\s*$", before):
        return True
    if digits and _NOT_COUNT_BEFORE.search(before) and not re.match(_PEOPLE_AFTER_OF, after):
        # "in 2014", "since 2012", "Route 66" — but keep "of 12 people"
        if re.search(r"(?:\bin|\bsince|\bfrom|\buntil|\bby|\bbefore|\bafter|\bduring)\s*$", before):
            return value >= 1900 or bool(re.match(r"\s*(?:[,:]|p\.m|a\.m)", after))
        return True
    # decimals ("41.68006", "2.5") are measures or coordinates unless scaled ("2.5 million")
    if digits and "." in text[start:end] and not re.search(r"(?:million|thousand)$", text[start:end]):
        return True
    # "Vic Buckner, 50;", "Jessica Lee Burgess, 19.", "Two children, 8 and 15," — ages in appositions
    if digits and value < 110 and re.search(r"(?:[A-Z][\w'’.-]+|\b(?:children|teens|teenagers|boys|girls|men|women|victims|brothers|sisters|sons|daughters))\s*,\s*(?:\d+\s*,?\s*(?:and\s+)?)*$", before) \
            and re.match(r"\s*(?:[,;.)(–—]|-\s|$|and\s+\d|of\b|from\b|who\b|was\b|were\b|is\b|are\b|all\b|both\b)", after):
        return True
    # "ages 18, 21 and 35", "both 21", "aged 16", "all 16 or younger"
    if digits and value < 110 and (re.search(r"\b(?:ages?|aged|both|all)\s+(?:\d+\s*,?\s*(?:and\s+)?)*$", before, re.I)
                                   or re.match(r"\s*(?:or|and)\s+(?:younger|older|under|over)\b", after)):
        return True
    # "Terry Robinson Jr., 28, of St. Louis", "son, 16," — an age after a name or a person word.
    if digits and value < 110 and re.search(
        r"(?:\b(?:Jr|Sr|II|III|IV)\.?|\b(?:son|daughter|boy|girl|man|woman|wife|husband|brother|sister|"
        r"father|mother|teen|teenager|child|victim|suspect|gunman|shooter|friend|cousin|nephew|niece|uncle|aunt|"
        r"grandson|granddaughter|girlfriend|boyfriend|student|officer|driver|resident|robber|burglar|"
        r"passenger|neighbor|employee|customer|owner|clerk|deputy|trooper|inmate|patient|youth)s?)\s*,\s*$", before, re.I
    ) and re.match(r"\s*(?:,|\)|[–—]|and\b|of\b|was\b|were\b|is\b|who\b|$)", after):  # (a title may end on it)
        return True
    # "John Smith, 42, of Memphis" — an age after a name.
    if digits and re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*(?:,|and\b|\))", after):
        return value < 120
    # "(42)" after a name
    if digits and before.endswith("(") and after.startswith(")"):
        return True
    return False


def lowered(text: str) -> str | None:
    """``text.lower()`` when a case-sensitive search of it with an all-lower-case pattern finds
    what the IGNORECASE pattern finds in ``text``, at the same offsets; else None.

    Why: Python's regular expressions run about three times faster without IGNORECASE. The
    two agree unless lowering changes the length ("İ") or a letter that IGNORECASE also
    matches to an ASCII one stays non-ASCII ("ı" for i, "ſ" for s: re._casefix)."""
    if text.isascii():
        return text.lower()
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text or "\u212a" in text:  # (Kelvin: for caution)
        return None
    return low


#: _QUANTITY without IGNORECASE, for lowered text (its literals are all lower case)
_QUANTITY_LOWER = re.compile(_QUANTITY.pattern, _QUANTITY.flags & ~re.IGNORECASE)


def _quantity_matches(text: str) -> list[re.Match]:
    """``_QUANTITY.finditer(text)``: found on the lowered text, then matched again on ``text``
    at each start, so groups keep their case (the same match: same pattern, same place)."""
    low = lowered(text)
    if low is None:
        return list(_QUANTITY.finditer(text))
    found = [_QUANTITY.match(text, m.start()) for m in _QUANTITY_LOWER.finditer(low)]
    if any(m is None for m in found):  # pragma: no cover - cannot happen (see lowered)
        return list(_QUANTITY.finditer(text))
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every head-count-like amount in ``text``, left to right, not overlapping."""
    found: list[Quantity] = []
    table = vague_table()
    for m in _quantity_matches(text):
        bound = m.group("bound")
        if m.group("vague"):
            phrase = m.group("vague").lower()
            low, high, best = table[phrase]
            if bound:
                # "some dozens", "about a dozen": keep the vague interval
                bound = None if bound.lower() in ("some", "about", "around") else bound
            # "some" alone is only an amount when it stands as a noun phrase head
            if phrase in ("some", "many", "numerous", "multiple", "few") and not _vague_head_ok(text, m.end()):
                continue
            if phrase == "a couple" and not bound and _PAIR_AFTER.match(text, m.end()):
                # "A couple and their two small children were found dead": two partners, exactly
                found.append(Quantity(m.start(), m.end(), m.group(0), 2, 2, 2, False, None))
                continue
            if bound and _BOUNDS.get(bound.lower()) in ("gt", "ge"):
                # "more than a dozen" [13, open); "at least a dozen" [12, open)
                low = low + 1 if _BOUNDS[bound.lower()] == "gt" else low
                high, best = None, low
            found.append(Quantity(m.start(), m.end(), m.group(0), low, high, best, True, bound))
            continue
        if m.group("b1") or m.group("r1"):
            a_txt = m.group("b1") or m.group("r1")
            b_txt = m.group("b2") or m.group("r2")
            a, b = parse_number(a_txt), parse_number(b_txt)
            if a is None or b is None:
                continue
            digits = a_txt[0].isdigit()
            if digits and (_context_excludes(text, m.start("b1" if m.group("b1") else "r1"), m.end(), True, b)):
                continue
            # "10-15" needs a < b; "2 or 3"; skip scores like "3-1", dates "2-14", phones
            if not a < b or (digits and "/" in text[m.end() : m.end() + 1]):
                continue
            if re.fullmatch(r"\d{3}\s*-\s*\d{4}", m.group(0).strip()):
                continue
            found.append(Quantity(m.start(), m.end(), m.group(0), a, b, None, False, bound))
            continue
        num_txt = m.group("n")
        n = parse_number(num_txt)
        if n is None:
            continue
        digits = num_txt[0].isdigit()
        if _context_excludes(text, m.start("n"), m.end("n"), digits, n):
            continue
        low, high, best = _apply_bound(bound, n)
        found.append(Quantity(m.start(), m.end(), m.group(0), low, high, best, False, bound))
    return found


#: after "a couple" that names two partners, not an amount ("a couple of", "a couple hundred")
_PAIR_AFTER = re.compile(r"\s*(?:[,.;]|$)|\s+(?:and|was|were|is|are|has|have|had|who|whose|in|from|at|on|died|"
                         r"found|killed|shot|living|married|inside)\b", re.IGNORECASE)


def _vague_head_ok(text: str, end: int) -> bool:
    """'some were killed', 'many died', 'some of the victims' — not 'some reports'."""
    after = text[end : end + 25]
    return bool(re.match(r"\s+(?:were|was|have|had|are|died|of\s+(?:them|the|those|whom))\b|\s*[,.]"
                         r"|\s+(?:other\s+)?(?:people|persons|victims|men|women|children|civilians|students)\b", after))

