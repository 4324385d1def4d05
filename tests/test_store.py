"""The store on a real SQLite file: schema version, upgrade, idempotence, resume."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from newsledger.api import Ledger
from newsledger.errors import StoreError
from newsledger.models import Document, Skipped
from newsledger.store import schema
from newsledger.store.rawsql import column_names
from newsledger.store.store import Store, resolve_url


def _doc(i: int, text: str) -> Document:
    return Document(id=f"d{i}", text=text, title=None, published=date(2014, 6, 30))


def test_url_resolution(monkeypatch):
    monkeypatch.delenv("NEWSLEDGER_DB", raising=False)
    assert resolve_url(None) == "sqlite:///newsledger.db"
    assert resolve_url("x/y.db") == "sqlite:///x/y.db"
    monkeypatch.setenv("NEWSLEDGER_DB", "sqlite:////tmp/a.db")
    assert resolve_url(None) == "sqlite:////tmp/a.db"


def test_schema_version_recorded_and_newer_refused(tmp_path):
    db = tmp_path / "s.db"
    with Store(str(db)) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
    eng = create_engine(f"sqlite:///{db}")
    with eng.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    eng.dispose()
    with pytest.raises(StoreError, match="newer"):
        Store(str(db))


def test_unreadable_database_is_a_store_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(str(bad))


def test_documents_are_stored_once_and_runs_resume(tmp_path):
    db = str(tmp_path / "r.db")
    docs = [
        _doc(1, "A man was shot and killed Monday night in Houston, police said."),
        _doc(2, "Two people were wounded in a shooting in Memphis on Saturday, police said."),
    ]
    with Ledger(db) as ledger:
        first = ledger.add_documents(docs[:1])  # a run that stopped after one document
    with Ledger(db) as ledger:
        second = ledger.add_documents(docs + [Skipped("bad.bin", "binary file")])
        assert (first.added, second.added, second.unchanged) == (1, 1, 1)
        assert len(ledger.documents()) == 2
        assert [s.input for s in ledger.skipped()] == ["bad.bin"]
        # the same skipped input recorded twice stays one row
        ledger.add_documents([Skipped("bad.bin", "binary file")])
        assert len(ledger.skipped()) == 1
        inc = ledger.incident(ledger.incidents_of_document("d1")[0])
        assert inc.killed.best == 1
        assert inc.claims[0].id is not None and inc.claims[0].document_id == "d1"


# ------------------------------------------------- the per-process key cache (_KeyCache)
def _report(i: int, day: str, name: str, words: str):
    from newsledger.models import Event, EventDate, Location, Report

    loc = Location(name="Kent", admin1="Washington", country="United States", country_code="US",
                   lat=47.38, lon=-122.23, geonames_id=5799841, precision=1, mentions=["Kent"])
    doc = Document(id=f"k{i}", text=f"{name}, 31, was shot in Kent. {name.split()[1]} died. {words}",
                   title=f"Shooting {i}", published=date.fromisoformat(day))
    ev = Event(document_id=doc.id, event_type="Violence against civilians", sub_type="attack",
               date=EventDate(day, day, "day"), location=loc)
    return Report(doc, [ev])


_REPORTS = [
    ("2015-04-16", "Malijha Granger", "gangway teenager englewood porch"),
    ("2015-04-16", "Dorian Blake", "parking lot nightclub argument"),
    ("2015-04-17", "Malijha Granger", "gangway teenager vigil porch"),
    ("2015-04-18", "Tavon Rucker", "nightclub parking argument bouncer"),
    ("2015-04-18", "Dorian Blake", "nightclub lot argument funeral"),
    ("2015-04-19", "Kesha Imani", "porch vigil englewood candles"),
]


def _ledger_state(store: Store) -> tuple:
    from sqlalchemy import select

    with store.engine.connect() as conn:
        events = sorted((r.document_id, r.incident_id, r.why) for r in conn.execute(select(schema.events)))
        keys = sorted(tuple(r) for r in conn.execute(select(schema.incident_keys)))
    return events, keys


def test_key_cache_is_only_a_cache_across_stores_and_rollbacks(tmp_path):
    from newsledger.pipeline import add_report

    reports = [_report(i, *r) for i, r in enumerate(_REPORTS)]
    with Store(str(tmp_path / "one.db")) as one:  # one writer
        for r in reports:
            add_report(one, r)
        expected = _ledger_state(one)
    # two writers (as two processes or two runs) taking turns on one database: each one's
    # cache must notice the other's documents
    a, b = Store(str(tmp_path / "two.db")), Store(str(tmp_path / "two.db"))
    for i, r in enumerate(reports):
        add_report(a if i % 2 == 0 else b, r)
    assert _ledger_state(a) == expected
    a.close()
    b.close()

    # a transaction that fails after writing keys leaves no trace in the cache
    with Store(str(tmp_path / "rollback.db")) as store:
        for r in reports[:2]:
            add_report(store, r)
        failing = reports[2]
        with pytest.raises(RuntimeError):
            with store.transaction() as conn:
                store.add_document(conn, failing.document)
                incident = store.new_incident(conn, failing.events[0])
                store.add_incident_keys(conn, incident, ["zzz-uncommitted"], "term")
                assert store.key_counts(conn, ["zzz-uncommitted"], "term") == {"zzz-uncommitted": 1}
                raise RuntimeError("killed")
        with store.engine.connect() as conn:
            assert store.key_counts(conn, ["zzz-uncommitted"], "term") == {}
            assert incident not in store.incident_keys(conn, [incident], "term")
        for r in reports[2:]:
            add_report(store, r)
        assert _ledger_state(store) == expected



# ------------------------------------------------- batched commits (Store.batch)
def test_batch_commits_every_n_documents_and_a_failing_document_rolls_back_alone(tmp_path, monkeypatch):
    from newsledger import pipeline
    from newsledger.pipeline import add_report

    reports = [_report(i, *r) for i, r in enumerate(_REPORTS)]
    with Store(str(tmp_path / "one.db")) as one:  # one transaction per document, k2 never stored
        for r in reports:
            if r is not reports[2]:
                add_report(one, r)
        expected = _ledger_state(one)

    real = pipeline.cluster.resolve

    def resolve_failing_on_k2(store, conn, ev, *args):
        if ev.document_id == "k2":  # after k2's document and sentence prints were written
            raise RuntimeError("a rule broke on this document")
        return real(store, conn, ev, *args)

    with Store(str(tmp_path / "batch.db")) as store:
        with store.batch(max_documents=2, max_seconds=3600) as batch:
            add_report(store, reports[0], batch=batch)
            assert not store.has_document("k0")  # a savepoint released is not a commit
            add_report(store, reports[1], batch=batch)
            assert store.has_document("k0") and store.has_document("k1")  # 2 documents: committed
            monkeypatch.setattr(pipeline.cluster, "resolve", resolve_failing_on_k2)
            with pytest.raises(RuntimeError):
                add_report(store, reports[2], batch=batch)
            for r in reports[3:]:
                add_report(store, r, batch=batch)
        assert not store.has_document("k2")
        assert _ledger_state(store) == expected  # same incidents, keys and reasons as one by one


def test_ingest_records_a_failing_document_as_skipped_and_keeps_going(tmp_path, monkeypatch):
    from newsledger import pipeline

    real = pipeline.refresh_incident

    def refresh(store, conn, incident_id, policy):
        if any(e.document_id == "d2" for e in store.events_of(conn, incident_id)):
            raise ValueError("no figure for this incident\nsecond line")
        return real(store, conn, incident_id, policy)

    monkeypatch.setattr(pipeline, "refresh_incident", refresh)
    second = _doc(2, "Two people were wounded in a shooting in Memphis on Saturday, police said.")
    assert _ingest_around(tmp_path, second) == [("d2", "could not store: ValueError: no figure for this incident")]


def _ingest_around(tmp_path, second: Document) -> list[tuple[str, str]]:
    """Ingest ``second`` between two good documents, which must be stored whatever happens to
    it; returns the skipped rows (input, reason)."""
    docs = [
        _doc(1, "A man was shot and killed Monday night in Houston, police said."),
        second,
        _doc(3, "Three people were hurt in a crash in Denver on Sunday, police said."),
    ]
    with Ledger(str(tmp_path / "around.db")) as ledger:
        result = ledger.add_documents(docs)
        assert result.added == 2 and [d.id for d in ledger.documents()] == ["d1", "d3"]
        return [(s.input, s.reason) for s in ledger.skipped()]


def test_ctrl_c_keeps_the_documents_finished_before_it(tmp_path):
    """Extraction runs 32 documents at a time: an interrupt while the 33rd is read leaves
    the first 32 stored (committed on the way out of the batch), and a re-run adds the rest."""
    docs = [_doc(i, f"A man was shot in Houston on Monday, police said. Case {i}.") for i in range(40)]

    def interrupt(item):
        if item.id == "d35":
            raise KeyboardInterrupt

    db = str(tmp_path / "c.db")
    with Ledger(db) as ledger:
        with pytest.raises(KeyboardInterrupt):
            ledger.add_documents(docs, on_item=interrupt)
        assert len(ledger.documents()) == 32
        again = ledger.add_documents(docs)
        assert (again.added, again.unchanged) == (8, 32)


def test_a_killed_ingest_resumes_to_the_ledger_of_an_uninterrupted_run(tmp_path):
    """SIGKILL a real `newsledger ingest` after its first commits (every 10 documents here),
    run it again: the ledger equals the one a single uninterrupted run builds."""
    import json
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "eval" / "gva_docs.jsonl"
    rows = [json.loads(line) for line in fixture.read_text().splitlines() if line.strip()]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as f:  # 160 distinct documents (ids are hashes of the text)
        for k in range(160):
            row = dict(rows[k % len(rows)])
            row["text"] = f"{row['text']}\n\nArchive copy {k}."
            row.pop("id", None)
            f.write(json.dumps(row) + "\n")
    exe = [sys.executable, "-m", "newsledger.cli"]
    env = dict(os.environ, NEWSLEDGER_COMMIT_EVERY="10")

    def ledger(db: Path) -> list:
        out = tmp_path / f"{db.stem}.json"
        subprocess.run([*exe, "--db", str(db), "export", "-o", str(out)], check=True, env=env, timeout=300)
        return sorted((i["date"]["start"], (i["location"] or {}).get("name"), i["killed"]["best"],
                       i["injured"]["best"], sorted(d["id"] for d in i["documents"]))
                      for i in json.loads(out.read_text())["incidents"])

    def stored(db: Path) -> int:
        # read-only, outside newsledger: opening a Store would create the schema itself and
        # race the ingest that is creating it
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            try:
                return con.execute("SELECT count(*) FROM documents").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            return 0

    whole = tmp_path / "whole.db"
    subprocess.run([*exe, "--db", str(whole), "ingest", str(corpus)], check=True, env=env, timeout=600,
                   capture_output=True)

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([*exe, "--db", str(killed), "ingest", str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and (not killed.exists() or stored(killed) < 30):
        time.sleep(0.05)
    finished_first = proc.poll()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    n = stored(killed)
    assert 30 <= n < 160, f"the run was not caught part-way: {n} stored, exit {finished_first}"
    subprocess.run([*exe, "--db", str(killed), "ingest", str(corpus)], check=True, env=env, timeout=600,
                   capture_output=True)
    assert stored(killed) == 160
    assert ledger(killed) == ledger(whole)


def test_a_document_extraction_fails_on_is_skipped_and_its_chunk_goes_on(tmp_path, monkeypatch):
    from newsledger import pipeline

    real = pipeline.events.classify

    def classify(title, texts):
        if title == "Memphis teen shot":
            raise IndexError("list index out of range")
        return real(title, texts)

    monkeypatch.setattr(pipeline.events, "classify", classify)
    second = Document(id="d2", text="Two people were wounded in a shooting in Memphis on Saturday, police said.",
                      title="Memphis teen shot", published=date(2014, 6, 30), source="memphis.html")
    assert _ingest_around(tmp_path, second) == [
        ("memphis.html", "could not extract: IndexError: list index out of range")]


# ------------------------------------------- hot statements on the driver cursor (_rows)
def test_raw_statements_return_what_sqlalchemy_returns(tmp_path):
    """On SQLite the hot statements skip SQLAlchemy's execute (``Store._rows``/``_write``):
    each one, with IN lists of several lengths, literals (LIMIT) and column defaults, gives
    the rows SQLAlchemy gives; an incident read back is the same either way."""
    from newsledger.pipeline import add_report
    from newsledger.store import store as st

    reports = [_report(i, *r) for i, r in enumerate(_REPORTS)]
    with Store(str(tmp_path / "raw.db")) as store:
        for r in reports:
            add_report(store, r)
        doc_ids = [r.document.id for r in reports]
        with store.transaction() as conn:
            checks = [
                (st._Q_MAX_SEQ, {}),
                (st._Q_MAX_INCIDENT, {}),
                (st._Q_EVENTS_OF, {"incident_id": 1}),
                (st._Q_CLAIMS_OF, {"incident_id": 1}),
                (st._Q_ROWS_WINDOW, {"since": "2015-04-10", "until": "2015-04-30"}),
                (st._Q_ROWS_IDS, {"ids": [1, 2, 3]}),
                (st._Q_KEYS_OF, {"kind": "term", "ids": [1]}),
                (st._Q_KEYS_OF, {"kind": "term", "ids": [1, 2, 3, 4]}),
                (st._Q_KEY_COUNTS, {"kind": "term", "keys": ["porch", "nightclub", "nothing"]}),
                (st._Q_BY_KEY, {"kind": "name", "keys": ["dorian blake", "malijha granger"]}),
                (st._Q_COPY_INFO, {"ids": doc_ids[:2]}),
                (st._Q_DUPS_AMONG, {"ids": doc_ids, "ids2": doc_ids}),
            ]
            for stmt, params in checks:
                assert store._raw(conn, stmt, params) is not None
                raw = [tuple(st._date(v) if isinstance(v, str) and k == "published" else v
                             for k, v in zip(column_names(stmt), row))
                       for row in store._rows(conn, stmt, params)]
                assert raw == [tuple(row) for row in conn.execute(stmt, params)], stmt
            bands = [r[0] for r in conn.execute(st.select(schema.minhash_bands.c.band).limit(60))]
            got = store.near_duplicates_of(conn, bands, limit=3, exclude="k0")
            q = st._Q_NEAR_DUPS[(3, True)]
            assert got and got == [r[0] for r in conn.execute(q, {"bands": bands, "exclude": "k0"})]
            raw_incident = store.events_of(conn, 1)
            assert isinstance(raw_incident[0].published, date)
            # a new incident gets its columns' defaults (date_precision, policy)
            new_id = store.new_incident(conn, reports[0].events[0])
            row = conn.execute(st.select(schema.incidents).where(schema.incidents.c.id == new_id)).mappings().one()
            assert (row["date_precision"], row["policy"], row["n_documents"]) == ("unknown", "ucdp", 0)
        with store.engine.connect() as conn:  # no transaction: SQLAlchemy's own path
            assert store._raw(conn, st._Q_MAX_SEQ, {}) is None
            assert store.events_of(conn, 1) == raw_incident


def test_ingest_collects_less_often_and_restores_the_collector(tmp_path):
    """``pipeline.process`` raises the garbage collector's thresholds while it runs (fewer
    passes over the spaCy model's objects) and puts them back afterwards."""
    import gc

    from newsledger import pipeline

    seen = []
    real = pipeline.add_report

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    before = gc.get_threshold()
    pipeline_add, pipeline.add_report = pipeline.add_report, spy
    try:
        with Ledger(str(tmp_path / "gc.db")) as ledger:
            ledger.add_documents([_doc(1, "A man was shot and killed Monday night in Houston, police said.")])
    finally:
        pipeline.add_report = pipeline_add
    assert seen and seen[0][0] >= pipeline.GC_THRESHOLD[0]
    assert gc.get_threshold() == before
