"""The gazetteer index: build, keys, lookups (against the real packaged GeoNames data).

The index is built once per test session into the session's temp dir (~15 s); test_places.py
uses the same file (``gazetteer_path`` gives the same path, so the second user finds it built).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from newsledger.extract import gazetteer as gz
from newsledger.extract.gazetteer import Gazetteer, Place, name_key

DEIR = 170794  # GeoNames id of the city of Deir ez-Zor


def session_gazetteer(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.getbasetemp() / f"gazetteer-{gz.BUILD_VERSION}.sqlite"
    return Gazetteer(path)  # builds it the first time


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory) -> Gazetteer:
    old = os.environ.get(gz.ENV_VAR)
    g = session_gazetteer(tmp_path_factory)
    os.environ[gz.ENV_VAR] = str(g.path)
    yield g
    if old is None:
        os.environ.pop(gz.ENV_VAR, None)
    else:
        os.environ[gz.ENV_VAR] = old


SPELLINGS = ["Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Dayr az-Zawr"]


def test_name_key_unifies_article_and_punctuation_variants():
    assert name_key("Deir Ezzor") == name_key("Deir ez-Zor") == name_key("Deir al-Zor")
    assert name_key("Deir ez Zor") == name_key("Deir-ez-Zor") == name_key("DEIR EZ-ZOR")
    assert name_key("Dayr az Zawr") == name_key("Dayr az-Zawr") == name_key("Dayr al-Zawr")
    assert name_key("Ar-Raqqah") == name_key("Al Raqqah") == name_key("Raqqah")
    assert name_key("São Paulo") == name_key("Sao Paulo")
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("Dar'a") == name_key("Dar’a") == name_key("Dara")
    # Ordinary names are left alone.
    assert name_key("Essen") == "essen"
    assert name_key("Winston-Salem") == "winston salem"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_deir_ez_zor_spelling_finds_the_city(gazetteer, spelling):
    ids = [p.geonames_id for p in gazetteer.lookup(spelling)]
    assert DEIR in ids


def test_deir_ez_zor_city_and_governorate(gazetteer):
    places = gazetteer.lookup("Deir ez-Zor")
    city = next(p for p in places if p.geonames_id == DEIR)
    assert city.feature == "city" and city.precision == 1
    assert city.country_code == "SY" and city.country == "Syria"
    assert abs(city.lat - 35.33) < 0.05 and abs(city.lon - 40.14) < 0.05
    assert city.admin1 == "Dayr az Zawr"
    gov = gazetteer.admin1("SY", "Deir ez-Zor Governorate")
    assert gov is not None and gov.feature == "admin1" and gov.precision == 3
    assert gov.name == city.admin1


def test_lookup_orders_by_population(gazetteer):
    places = gazetteer.lookup("Moscow")
    assert places[0].country_code == "RU"
    pops = [p.population for p in places]
    assert pops == sorted(pops, reverse=True)
    assert any(p.country_code == "US" and p.admin1 == "Idaho" for p in places)


def test_us_places_have_state_and_county(gazetteer):
    alturas = [p for p in gazetteer.lookup("Alturas") if p.admin1 == "California"]
    assert alturas and alturas[0].admin2 == "Modoc County"
    cook = [p for p in gazetteer.lookup("Cook County") if p.feature == "admin2"]
    assert any(p.admin1 == "Illinois" and p.precision == 2 for p in cook)
    assert gazetteer.admin1("US", "Texas").lat is not None


def test_countries(gazetteer):
    for q in ("SY", "SYR", "Syria", "Syrian Arab Republic"):
        c = gazetteer.country(q)
        assert c is not None and c.country_code == "SY" and c.feature == "country", q
        assert c.precision == 4
    assert gazetteer.country("Russia").country_code == "RU"
    assert gazetteer.country("United States").country_code == "US"
    assert gazetteer.country("Atlantis") is None


def test_unknown_and_empty(gazetteer):
    assert gazetteer.lookup("Nowhereville Xyzzy") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("—") == []


def test_non_latin_alternate_names_are_not_indexed(gazetteer):
    assert gazetteer.lookup("دير الزور") == []


def test_us_county_alias_without_county_is_not_indexed(gazetteer):
    # "Wilson" is a surname; only "Wilson County" names the county.
    assert not any(p.feature == "admin2" for p in gazetteer.lookup("Wilson"))


def test_place_dataclass_shape(gazetteer):
    p = gazetteer.lookup("Kabul")[0]
    assert isinstance(p, Place)
    assert p.feature in gz.FEATURES and 1 <= p.precision <= 4


def test_open_is_fast_and_read_only(gazetteer):
    t = time.perf_counter()
    g = Gazetteer(gazetteer.path, build_missing=False)
    assert time.perf_counter() - t < 0.5
    with pytest.raises(sqlite3.OperationalError):
        g._con.execute("CREATE TABLE x (y)")
    g.close()


def test_lookups_are_fast(gazetteer):
    g = Gazetteer(gazetteer.path, build_missing=False)
    names = ["Springfield", "Washington", "Aleppo", "Kent", "Columbia", "Paris", "Homs"]
    t = time.perf_counter()
    n = sum(len(g.lookup(x)) for x in names)
    assert (time.perf_counter() - t) * 1000 / n < 1.0


def test_missing_index_without_build_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        Gazetteer(tmp_path / "none.sqlite", build_missing=False)


def test_stale_version_is_not_valid(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', 'old')")
    con.commit()
    con.close()
    assert not Gazetteer._valid(path)
    assert not Gazetteer._valid(tmp_path / "nothing.sqlite")


def test_default_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv(gz.ENV_VAR, str(tmp_path / "x.sqlite"))
    assert gz.default_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv(gz.ENV_VAR)
    assert gz.default_path().name == f"gazetteer-{gz.BUILD_VERSION}.sqlite"


def test_build_leaves_no_temp_files(gazetteer):
    leftovers = [p for p in Path(gazetteer.path).parent.glob("*.tmp")]
    assert leftovers == []
    stats = gazetteer.stats()
    assert stats["version"] == gz.BUILD_VERSION and int(stats["places"]) > 200_000


def test_county_main_city(gazetteer):
    county = next(p for p in gazetteer.lookup("Putnam County")
                  if p.feature == "admin2" and p.admin1 == "Florida")
    town = gazetteer.county_main_city(county)
    assert town is not None and town.name == "Palatka" and town.admin2 == "Putnam County"
    assert gazetteer.county_main_city(gazetteer.country("US")) is None
