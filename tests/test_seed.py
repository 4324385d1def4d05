"""Seed acceptance: the Deir ez-Zor article, ingested through the CLI into a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.cli import main

SEED = Path(__file__).parent / "fixtures" / "seed_deir_ez_zor.txt"


def _export(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / "export.json"
    assert main(["--db", str(db), "export", "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("seed")
    db = tmp / "ledger.db"
    assert main(["--db", str(db), "ingest", str(SEED), "--published", "2018-02-21"]) == 0
    return _export(db, tmp)


def _claims(incident: dict, counts: str) -> list[dict]:
    return [c for c in incident["claims"] if c["counts"] == counts]


def test_one_incident_dated_and_placed(ledger):
    assert len(ledger["incidents"]) == 1
    inc = ledger["incidents"][0]
    assert inc["date"]["start"] == "2018-02-07"
    assert inc["date"]["precision"] == "day"
    loc = inc["location"]
    assert loc["country"] == "Syria" and loc["country_code"] == "SY"
    assert "Deir" in loc["name"] or "Dayr" in loc["name"]
    assert loc["lat"] == pytest.approx(35.33, abs=0.05)
    assert loc["lon"] == pytest.approx(40.14, abs=0.05)


def test_both_spellings_resolve_to_the_place(tmp_path):
    from newsledger.extract.places import event_location

    text = SEED.read_text()
    loc = event_location(text)
    assert {"Deir Ezzor", "Deir ez-Zor"} <= set(loc.mentions)


def test_five_killed_presumably_foreign_ministry(ledger):
    inc = ledger["incidents"][0]
    five = [c for c in _claims(inc, "killed") if c["low"] == 5 and c["high"] == 5 and c["hedge"]]
    assert five, _claims(inc, "killed")
    c = five[0]
    assert "presumably" in c["hedge"]
    assert "Foreign Ministry" in c["source"]
    assert c["text"] == "five"


def test_dozens_hurt_attributed_to_foreign_ministry(ledger):
    inc = ledger["incidents"][0]
    dozens = [c for c in _claims(inc, "injured") if c["text"].lower().startswith("dozens")]
    assert len(dozens) == 1
    c = dozens[0]
    assert c["low"] in (12, 24) and c["high"] is None
    assert "Foreign Ministry" in c["source"] and "Russia" in c["source"]


def test_more_than_200_killed_may_have(ledger):
    inc = ledger["incidents"][0]
    c = [c for c in _claims(inc, "killed") if c["text"] == "more than 200"]
    assert len(c) == 1
    assert c[0]["low"] in (200, 201) and c[0]["high"] is None
    assert c[0]["hedge"] == "may have"


def test_250_to_300_are_participants_per_defense_secretary(ledger):
    inc = ledger["incidents"][0]
    hits = [c for c in inc["claims"] if c["text"] == "250 to 300"]
    assert len(hits) == 1
    c = hits[0]
    assert c["counts"] == "participants"
    assert (c["low"], c["high"]) == (250, 300)
    assert "defense secretary" in c["source"].lower()


def test_nothing_from_page_chrome(ledger):
    inc = ledger["incidents"][0]
    assert all("Adjust Comment Print" not in c["sentence"] for c in inc["claims"])


def test_killed_reconciled(ledger):
    killed = ledger["incidents"][0]["killed"]
    assert killed["low"] == 5
    assert killed["high"] >= 200


def test_without_published_date_is_partial(tmp_path):
    db = tmp_path / "nodate.db"
    assert main(["--db", str(db), "ingest", str(SEED)]) == 0
    inc = _export(db, tmp_path)["incidents"][0]
    assert inc["date"]["start"] == "--02-07"
    assert inc["documents"][0]["published"] is None


def test_reingest_is_idempotent(tmp_path, capsys):
    db = tmp_path / "again.db"
    for _ in range(2):
        assert main(["--db", str(db), "ingest", str(SEED), "--published", "2018-02-21"]) == 0
    assert "0 added, 1 unchanged" in capsys.readouterr().out
    data = _export(db, tmp_path)
    assert len(data["incidents"]) == 1 and len(data["incidents"][0]["documents"]) == 1
