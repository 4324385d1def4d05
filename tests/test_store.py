"""The store on a real SQLite file: schema version, upgrade, idempotence, resume."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from newsledger.api import Ledger
from newsledger.errors import StoreError
from newsledger.models import Document, Skipped
from newsledger.store import schema
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
