"""Duplicates and the "copied from" trail (newsledger/resolve/copies.py), on real reprints.

Fixture: tests/fixtures/copies/articles.jsonl (see its README): one shooting, an original
report (ORIG), its reprint two days later (REPRINT), a report sharing two sentences with
ORIG (PARTIAL) and an independent report (OTHER).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsledger.api import Ledger
from newsledger.cli import main
from newsledger.models import Claim, Event
from newsledger.resolve import copies
from newsledger.resolve.reconcile import reconcile
from newsledger.store import schema
from newsledger.store.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "copies" / "articles.jsonl"
LINES = {json.loads(line)["doc_id"][:6]: line for line in FIXTURE.read_text(encoding="utf-8").splitlines()}
ORIG, REPRINT, PARTIAL, OTHER = "de2b57", "5d6344", "a0adb0", "5e48f8"


def _ingest(ledger: Ledger, tmp_path: Path, keys: list[str]) -> dict[str, str]:
    """Ingest the fixture articles in the given order; returns fixture key -> document id."""
    path = tmp_path / ("in-" + "-".join(keys) + ".jsonl")
    path.write_text("\n".join(LINES[k] for k in keys) + "\n", encoding="utf-8")
    result = ledger.ingest([str(path)])
    assert not result.skipped
    return {d.external_id[:6]: d.id for d in ledger.documents()}


def _dup_of(ledger: Ledger, doc_id: str) -> str | None:
    orig = ledger.store.duplicate_of(doc_id)
    return orig.id if orig else None


# ----------------------------------------------------------------------- pure parts
def test_shingles_and_prints_are_normalised():
    a = "Police said “three people” were SHOT on Main Street late Friday night."
    b = 'police said "three people" were shot on main street, late Friday night'
    assert copies.shingles(a) == copies.shingles(b)
    assert copies.sentence_key(a) == copies.sentence_key(b) is not None
    assert copies.sentence_key("Police are investigating the shooting.") is None  # < 8 words


def test_signature_is_deterministic_and_estimates_jaccard():
    recs = [json.loads(line) for line in LINES.values()]
    sa, sb = copies.shingles(recs[0]["content"]), copies.shingles(recs[1]["content"])
    sig_a = copies.signature(sa)
    assert (sig_a == copies.signature(sa)).all() and len(sig_a) == copies.NUM_PERM
    assert copies.band_keys(sig_a) == copies.band_keys(copies.signature(set(sa)))
    assert abs(copies.estimate(sig_a, copies.signature(sb)) - copies.jaccard(sa, sb)) < 0.15


def test_signature_equals_datasketch_minhash():
    """copies.signature is datasketch's affine32 MinHash over CRC-32, without the import:
    the band keys stored by earlier versions stay valid."""
    import zlib

    import numpy as np

    datasketch = pytest.importorskip("datasketch")
    for rec in [json.loads(line) for line in LINES.values()] + [{"content": ""}, {"content": "one"}]:
        sh = copies.shingles(rec["content"])
        m = datasketch.MinHash(num_perm=copies.NUM_PERM, seed=copies.SEED, scheme="affine32",
                               hashfunc=zlib.crc32)
        m.update_batch([s.encode("utf-8") for s in sh])
        mine = copies.signature(sh)
        assert mine.dtype == np.uint32 and (mine == np.asarray(m.hashvalues, dtype=np.uint32)).all()


def test_first_publisher_order():
    rows = [("b", date(2017, 2, 14), 1), ("c", None, 0), ("a", date(2017, 2, 12), 3), ("d", date(2017, 2, 12), 2)]
    assert copies.first_of(rows)[0] == "d"  # earliest date, tie broken by ingest order
    assert copies.first_of([("c", None, 0), ("b", date(2017, 2, 14), 5)])[0] == "b"  # unknown dates last


def test_outlet_label():
    assert copies.outlet_label("KFVS", "http://x.com/a") == "KFVS"
    assert copies.outlet_label(None, "http://web.archive.org/web/2017/http://www.kfvs12.com/story/1") == "kfvs12.com"
    assert copies.outlet_label(None, None) == "-"


# ------------------------------------------------------------------ store + pipeline
def test_exact_duplicate_is_one_document(tmp_path):
    with Ledger(str(tmp_path / "x.db")) as ledger:
        _ingest(ledger, tmp_path, [ORIG])
        result = ledger.ingest([str(tmp_path / f"in-{ORIG}.jsonl")])
        assert (result.added, result.unchanged) == (0, 1)
        assert len(ledger.documents()) == 1


@pytest.mark.parametrize("order", [[ORIG, REPRINT], [REPRINT, ORIG]])
def test_near_duplicate_points_at_the_earlier_published(tmp_path, order):
    with Ledger(str(tmp_path / "x.db")) as ledger:
        ids = _ingest(ledger, tmp_path, order)
        assert _dup_of(ledger, ids[REPRINT]) == ids[ORIG]  # 2017-02-14 copies 2017-02-12
        assert _dup_of(ledger, ids[ORIG]) is None


def test_partial_copy_trail_and_unrelated(tmp_path):
    with Ledger(str(tmp_path / "x.db")) as ledger:
        ids = _ingest(ledger, tmp_path, [REPRINT, ORIG, PARTIAL, OTHER])
        store = ledger.store
        assert _dup_of(ledger, ids[PARTIAL]) is None and _dup_of(ledger, ids[OTHER]) is None
        # PARTIAL and ORIG share two sentences, both published 2017-02-12: ORIG was ingested first
        trail = store.copied_from(ids[PARTIAL])
        assert len(trail) == 2
        assert {t[1] for t in trail} == {ids[ORIG]}
        assert any("300 people in the club" in t[0] for t in trail)
        assert all(t[3] == date(2017, 2, 12) for t in trail)
        assert store.copied_from(ids[ORIG]) == []  # the first publisher copies from no one
        assert store.copied_from(ids[OTHER]) == []
        # the reprint's shared sentences were published first by ORIG (or PARTIAL), never by itself
        rtrail = store.copied_from(ids[REPRINT])
        assert len(rtrail) >= 10 and {t[1] for t in rtrail} <= {ids[ORIG], ids[PARTIAL]}


def test_reprint_is_not_confirmation_and_export_fields(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    with Ledger(db) as ledger:
        ids = _ingest(ledger, tmp_path, [ORIG, PARTIAL, OTHER, REPRINT])
        incidents = ledger.incidents()
        data = ledger.export_dict()
    checked = 0
    for inc in incidents:
        doc_ids = {d.id for d in inc.documents}
        if ids[REPRINT] in doc_ids and ids[ORIG] in doc_ids:
            checked += 1
            reprint_claims = {c.id for c in inc.claims if c.document_id == ids[REPRINT]}
            assert reprint_claims, "the reprint has claims of its own"
            for est in (inc.killed, inc.injured):
                assert not set(est.claim_ids) & reprint_claims
                assert "near-duplicate report(s) not counted" in est.rule
            # its copied sentences carry the trail
            assert all(c.copied_from in (ids[ORIG], ids[PARTIAL]) for c in inc.claims
                       if c.document_id == ids[REPRINT] and c.end > 0)
    assert checked == 1, "original and reprint should be in one incident"
    docs = {d["id"]: d for i in data["incidents"] for d in i["documents"]}
    assert docs[ids[REPRINT]]["duplicate_of"] == ids[ORIG]
    assert docs[ids[ORIG]]["duplicate_of"] is None
    claims = [c for i in data["incidents"] for c in i["claims"]]
    assert all("copied_from" in c for c in claims)
    assert any(c["copied_from"] for c in claims)
    inc_id = next(i.id for i in incidents if ids[REPRINT] in {d.id for d in i.documents})
    assert main(["--db", db, "show", str(inc_id)]) == 0
    out = capsys.readouterr().out
    assert f"near-duplicate of {ids[ORIG]} (kait8.com, 2017-02-12)" in out
    assert f"copied from kait8.com/{ids[ORIG]} (2017-02-12)" in out


def test_reconcile_ignores_duplicates_only_with_their_original():
    def ev(doc, n):
        return Event(document_id=doc, claims=[Claim("killed", n, n, str(n), f"{n} people were killed.",
                                                    document_id=doc, id=hash(doc) % 1000)])

    # a copy repeating the original's figure is no confirmation: left out
    evs = [ev("orig", 1), ev("copy", 1), ev("other", 2)]
    assert reconcile(evs, "killed").best == 1
    est = reconcile(evs, "killed", duplicates={"copy"})
    assert (est.low, est.best, est.high) == (1, 2, 2) and "1 near-duplicate" in est.rule
    # a copy stating a figure no other report gives is an update: kept
    est = reconcile([ev("orig", 1), ev("copy", 2)], "killed", duplicates={"copy"})
    assert (est.low, est.high) == (1, 2) and "near-duplicate" not in est.rule
    # all events duplicates (should not happen): nothing is dropped
    assert reconcile([ev("copy", 2)], "killed", duplicates={"copy"}).best == 2


# ------------------------------------------------------------------------ migration
def test_version_1_database_upgrades_itself(tmp_path):
    db = tmp_path / "v1.db"
    with Ledger(str(db)) as ledger:
        ids = _ingest(ledger, tmp_path, [ORIG])
    # Turn it into a version-1 database: drop what 0002_copies adds.
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE minhash_bands"))
        conn.execute(text("DROP TABLE sentence_prints"))
        conn.execute(text("DROP INDEX ix_documents_duplicate_of"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN duplicate_of"))
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    with engine.connect() as conn:
        assert "duplicate_of" not in {r[1] for r in conn.execute(text("PRAGMA table_info(documents)"))}
    engine.dispose()

    with Store(str(db)) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert store.document(ids[ORIG]).duplicate_of is None  # old data still there
    with Ledger(str(db)) as ledger:  # the old document was fingerprinted on upgrade
        ids = _ingest(ledger, tmp_path, [REPRINT])
        assert _dup_of(ledger, ids[REPRINT]) == ids[ORIG]
        ids = _ingest(ledger, tmp_path, [PARTIAL])
        assert {t[1] for t in ledger.store.copied_from(ids[PARTIAL])} == {ids[ORIG]}
    with Store(str(db)) as store:  # opening again is a no-op
        assert store.schema_version() == schema.SCHEMA_VERSION
