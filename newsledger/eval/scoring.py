"""Pure scoring functions for the evaluation harness.

Nothing in here touches the pipeline, the store or the file system: every function takes
plain Python values and returns numbers, so each can be unit-tested on hand-made cases.

* counts (killed / injured / arrested): exact match of ``best``, gold inside the system's
  ``[low, high]`` interval (``high=None`` = unbounded), absolute error;
* places: country normalisation (names and ISO codes, via pycountry plus a short alias
  table), admin1 normalisation (``"Ghazni"`` = ``"Ghazni Province"``; case and diacritics
  ignored), place-name normalisation, great-circle distance in km;
* clustering: B-cubed and CEAF-e (entity-based CEAF with the phi4 similarity, Luo 2005);
* SemEval-2018 Task 5: per-question document precision / recall / F1 (empty gold and empty
  answer = 1), accuracy and RMSE over answered questions, exactly as the official scorer
  (cltl/LongTailQATask ``Evaluation/scorer/evaluation.py``) computes them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Mapping, Sequence

# --------------------------------------------------------------------------- text


def strip_accents(text: str) -> str:
    """``"Dayr az-Zawr"`` stays, ``"Āmol"`` -> ``"Amol"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NON_WORD = re.compile(r"[^a-z0-9]+")


def norm_text(text: str | None) -> str:
    """Lower case, no diacritics, punctuation and runs of spaces collapsed to one space."""
    if not text:
        return ""
    text = strip_accents(text).lower().replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub(" ", text).strip()


#: Generic words of first-level administrative units, dropped before comparing admin1 names.
ADMIN1_GENERIC = frozenset(
    """province provincia provinsi state estado region regione oblast krai kray governorate
    muhafazat wilayah wilaya vilayet prefecture department departement departamento district
    division territory canton county kanton voivodeship republic of the autonomous
    special federal capital""".split()
)

#: Generic words of place names (cities, towns), dropped before comparing place names.
PLACE_GENERIC = frozenset("city town village township municipality county parish borough of the".split())


def norm_admin1(name: str | None) -> str:
    """``"Ghazni Province"`` -> ``"ghazni"``; ``"State of New York"`` -> ``"new york"``.

    Falls back to the plain normalised text when only generic words remain
    (``"Capital District"`` is kept whole)."""
    words = norm_text(name).split()
    kept = [w for w in words if w not in ADMIN1_GENERIC]
    return " ".join(kept) if kept else " ".join(words)


def norm_place(name: str | None) -> str:
    """``"Chicago (Englewood)"`` -> ``"chicago"``; ``"New York City"`` -> ``"new york"``;
    ``"St. Louis"`` -> ``"saint louis"``."""
    if not name:
        return ""
    name = re.sub(r"\([^)]*\)", " ", name)
    words = norm_text(name).split()
    words = ["saint" if w in ("st", "ste") else "fort" if w == "ft" else "mount" if w == "mt" else w for w in words]
    kept = [w for w in words if w not in PLACE_GENERIC]
    return " ".join(kept) if kept else " ".join(words)


def admin1_match(gold: str | None, system: str | None) -> bool:
    g, s = norm_admin1(gold), norm_admin1(system)
    return bool(g) and g == s


def place_match(gold: str | None, system: str | None) -> bool:
    g, s = norm_place(gold), norm_place(system)
    return bool(g) and g == s


def gold_place_match(gold: str | None, system: str | None) -> bool:
    """A gold place written the GVA way, ``"Milwaukee (West Allis)"`` (the postal city, then
    the place itself) or ``"Itasca (county)"``, matches either name: West Allis is as right
    as Milwaukee. Spaces are ignored ("Mc Kees Rocks" = "McKees Rocks")."""
    s = norm_place(system).replace(" ", "")
    if not gold or not s:
        return False
    names = [gold]
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", gold)
    if m:
        inner = m.group(2)
        names += [m.group(1) + " County"] if inner.strip().lower() == "county" else [inner]
    return any(norm_place(n).replace(" ", "") == s for n in names if norm_place(n))


# --------------------------------------------------------------------------- countries

#: Common names pycountry does not resolve by ``lookup`` (keys are ``norm_text`` forms).
COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "u s": "US",
    "u s a": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "russia": "RU",
    "syria": "SY",
    "iran": "IR",
    "south korea": "KR",
    "north korea": "KP",
    "korea": "KR",
    "laos": "LA",
    "vietnam": "VN",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "ivory coast": "CI",
    "cote divoire": "CI",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "congo kinshasa": "CD",
    "congo brazzaville": "CG",
    "republic of congo": "CG",
    "republic of the congo": "CG",
    "congo": "CG",
    "palestine": "PS",
    "palestinian territories": "PS",
    "gaza": "PS",
    "west bank": "PS",
    "burma": "MM",
    "myanmar": "MM",
    "turkey": "TR",
    "turkiye": "TR",
    "czech republic": "CZ",
    "macedonia": "MK",
    "swaziland": "SZ",
    "cape verde": "CV",
    "east timor": "TL",
    "vatican": "VA",
    "micronesia": "FM",
    "brunei": "BN",
    "kosovo": "XK",
    "taiwan": "TW",
}


def country_code(value: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or code, or None if unknown.

    ``"Syria"``, ``"SY"``, ``"SYR"``, ``"Syrian Arab Republic"`` all give ``"SY"``."""
    if not value or not value.strip():
        return None
    key = norm_text(value)
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    import pycountry

    try:
        found = pycountry.countries.lookup(value.strip())
    except LookupError:
        found = None
    if found is None:
        try:
            found = pycountry.countries.lookup(strip_accents(value.strip()))
        except LookupError:
            found = None
    if found is None:
        # "The Gambia", "Republic of Iraq": drop a leading article / form of government.
        trimmed = re.sub(r"^(the|republic of|kingdom of|state of)\s+", "", key)
        if trimmed != key:
            return country_code(trimmed)
        for c in pycountry.countries:
            names = {norm_text(getattr(c, a, "")) for a in ("name", "official_name", "common_name")}
            if key in names:
                return c.alpha_2
        return None
    return found.alpha_2


def country_match(gold: str | None, system: str | None) -> bool:
    """True when both name the same country (names and ISO codes normalised)."""
    g, s = country_code(gold), country_code(system)
    if g is None:
        return bool(norm_text(gold)) and norm_text(gold) == norm_text(system)
    return g == s


# --------------------------------------------------------------------------- geometry

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def median(values: Sequence[float]) -> float | None:
    vals = sorted(values)
    if not vals:
        return None
    mid = len(vals) // 2
    return float(vals[mid]) if len(vals) % 2 else (vals[mid - 1] + vals[mid]) / 2.0


# --------------------------------------------------------------------------- counts


def within_interval(gold: int, low: int | None, high: int | None) -> bool:
    """Gold inside the system's interval. ``low=None`` counts as 0, ``high=None`` as
    unbounded; no interval at all (both None) is wrong unless gold is 0."""
    if low is None and high is None:
        return gold == 0
    lo = 0 if low is None else low
    return gold >= lo and (high is None or gold <= high)


@dataclass
class CountScore:
    """Accumulates exact / within / absolute error for one count field.

    A missing system figure (``best=None``) is wrong for exact, 0 for the MAE (as if the
    system said "nobody"), and inside the interval only when gold is 0 and there is no
    interval."""

    n: int = 0
    exact: int = 0
    within: int = 0
    abs_err: float = 0.0

    def add(self, gold: int, best: int | None, low: int | None = None, high: int | None = None) -> dict:
        ex = best is not None and best == gold
        wi = within_interval(gold, low, high) if (low is not None or high is not None) else ex or (best is None and gold == 0)
        err = abs(gold - (best if best is not None else 0))
        self.n += 1
        self.exact += ex
        self.within += wi
        self.abs_err += err
        return {"exact": ex, "within": wi, "abs_err": err}

    def as_dict(self) -> dict:
        if not self.n:
            return {"exact": None, "within": None, "mae": None, "n": 0}
        return {
            "exact": round(self.exact / self.n, 4),
            "within": round(self.within / self.n, 4),
            "mae": round(self.abs_err / self.n, 4),
            "n": self.n,
        }


@dataclass
class Ratio:
    """A hit rate over the items where the field is scored."""

    n: int = 0
    hits: int = 0

    def add(self, hit: bool) -> bool:
        self.n += 1
        self.hits += bool(hit)
        return bool(hit)

    @property
    def value(self) -> float | None:
        return round(self.hits / self.n, 4) if self.n else None


# --------------------------------------------------------------------------- clustering


def _clusters(assign: Mapping[Hashable, Hashable]) -> dict[Hashable, set]:
    out: dict[Hashable, set] = defaultdict(set)
    for item, cluster in assign.items():
        out[cluster].add(item)
    return dict(out)


def _complete(gold: Mapping, system: Mapping) -> dict:
    """System assignment over the gold items: an item the system did not place in any
    cluster is a singleton of its own; system items absent from gold are ignored."""
    out = {}
    for item in gold:
        out[item] = system[item] if item in system and system[item] is not None else ("__singleton__", item)
    return out


def _prf(p: float, r: float) -> tuple[float, float, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def b_cubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998) over the gold items.

    ``gold`` and ``system`` map item -> cluster label."""
    if not gold:
        return 0.0, 0.0, 0.0
    system = _complete(gold, system)
    gold_cl = _clusters(gold)
    sys_cl = _clusters(system)
    p_sum = r_sum = 0.0
    for item in gold:
        g = gold_cl[gold[item]]
        s = sys_cl[system[item]]
        inter = len(g & s)
        p_sum += inter / len(s)
        r_sum += inter / len(g)
    n = len(gold)
    return _prf(p_sum / n, r_sum / n)


def _max_weight_matching(weights: list[list[float]]) -> float:
    """Maximum total weight of a one-to-one assignment (rows x cols, any shape).

    Hungarian algorithm (Kuhn-Munkres, O(n^3)) on the cost matrix ``max - w``, padded square."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return 0.0
    n = max(rows, cols)
    big = max(max(r) for r in weights)
    cost = [[big - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    total = 0.0
    for j in range(1, n + 1):
        i = p[j]
        if i and i <= rows and j <= cols:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """Entity-based CEAF (CEAF-e, phi4 similarity ``2|K∩R| / (|K|+|R|)``) precision,
    recall, F1 over the gold items.

    The optimal one-to-one alignment is solved per connected component of the
    "clusters share an item" graph (clusters with no overlap can only add 0), so the
    Hungarian step stays small even with thousands of clusters."""
    if not gold:
        return 0.0, 0.0, 0.0
    system = _complete(gold, system)
    gold_cl = _clusters(gold)
    sys_cl = _clusters(system)
    # bipartite overlap graph
    g_keys = list(gold_cl)
    s_keys = list(sys_cl)
    item_sys = {item: system[item] for item in gold}
    adj_g: dict = defaultdict(set)
    adj_s: dict = defaultdict(set)
    for gk in g_keys:
        for item in gold_cl[gk]:
            sk = item_sys[item]
            adj_g[gk].add(sk)
            adj_s[sk].add(gk)
    seen_g: set = set()
    total = 0.0
    for start in g_keys:
        if start in seen_g:
            continue
        comp_g, comp_s = [], []
        stack = [("g", start)]
        seen_g.add(start)
        seen_s: set = set()
        while stack:
            side, key = stack.pop()
            if side == "g":
                comp_g.append(key)
                for sk in adj_g[key]:
                    if sk not in seen_s:
                        seen_s.add(sk)
                        stack.append(("s", sk))
            else:
                comp_s.append(key)
                for gk in adj_s[key]:
                    if gk not in seen_g:
                        seen_g.add(gk)
                        stack.append(("g", gk))
        w = [
            [2 * len(gold_cl[gk] & sys_cl[sk]) / (len(gold_cl[gk]) + len(sys_cl[sk])) for sk in comp_s]
            for gk in comp_g
        ]
        if len(comp_g) == 1 or len(comp_s) == 1:
            total += max(max(r) for r in w)
        else:
            total += _max_weight_matching(w)
    p = total / len(sys_cl) if sys_cl else 0.0
    r = total / len(gold_cl)
    return _prf(p, r)


# --------------------------------------------------------------------------- SemEval-2018 Task 5


def doc_prf(gold: Iterable, system: Iterable) -> tuple[float, float, float]:
    """Per-question document precision, recall, F1 as the official scorer computes them:
    empty gold and empty answer = (1, 1, 1); otherwise an empty side gives 0."""
    g, s = set(gold), set(system)
    tp = len(g & s)
    fp = len(s - g)
    fn = len(g - s)
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return _prf(p, r)


def rmse(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Root mean squared error over (gold, system) pairs; None when there are none."""
    pairs = list(pairs)
    if not pairs:
        return None
    return math.sqrt(sum((g - s) ** 2 for g, s in pairs) / len(pairs))


def gold_docs_of(entry: Mapping) -> set[str]:
    """The gold document set of a question: the official gold gives ``answer_docs`` as
    ``{incident_id: [doc_id, ...]}``, a system answer as a list; accept both."""
    docs = entry.get("answer_docs") or []
    if isinstance(docs, Mapping):
        return {d for ds in docs.values() for d in ds}
    return set(docs)


@dataclass
class SemevalScore:
    """Official SemEval-2018 Task 5 scores for one subtask, in percent like the task.

    Accuracy, RMSE and document F1 are over the answered questions (those present in both
    gold and system answers); ``answered`` is their share of the gold questions."""

    doc_p: float | None = None
    doc_r: float | None = None
    doc_f1: float | None = None
    accuracy: float | None = None
    rmse: float | None = None
    answered: float = 0.0
    n: int = 0
    per_question: dict = field(default_factory=dict)

    def as_dict(self, numeric: bool = True) -> dict:
        out = {"doc_f1": self.doc_f1, "doc_p": self.doc_p, "doc_r": self.doc_r, "answered": self.answered, "n": self.n}
        if numeric:
            out.update({"accuracy": self.accuracy, "rmse": self.rmse})
        return out


def score_semeval(gold: Mapping[str, Mapping], system: Mapping[str, Mapping], numeric: bool = True) -> SemevalScore:
    """Score one subtask. ``numeric`` False for S1 (documents only)."""
    questions = [q for q in gold if q in system]
    out = SemevalScore(n=len(gold))
    if not gold:
        return out
    out.answered = round(100.0 * len(questions) / len(gold), 2)
    if not questions:
        return out
    ps, rs, fs = [], [], []
    correct = 0
    pairs = []
    for q in questions:
        p, r, f = doc_prf(gold_docs_of(gold[q]), gold_docs_of(system[q]))
        ps.append(p)
        rs.append(r)
        fs.append(f)
        rec = {"doc_f1": round(f, 4)}
        if numeric:
            g_num = gold[q].get("numerical_answer", 0)
            s_num = system[q].get("numerical_answer", 0)
            correct += g_num == s_num
            pairs.append((g_num, s_num))
            rec.update({"gold": g_num, "system": s_num})
        out.per_question[q] = rec
    k = len(questions)
    out.doc_p = round(100.0 * sum(ps) / k, 2)
    out.doc_r = round(100.0 * sum(rs) / k, 2)
    out.doc_f1 = round(100.0 * sum(fs) / k, 2)
    if numeric:
        out.accuracy = round(100.0 * correct / k, 2)
        out.rmse = round(rmse(pairs), 4)
    return out
