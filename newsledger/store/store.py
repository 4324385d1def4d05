"""The store: owns the schema and every query. CLI, eval commands and HTTP API go through it.

SQLite by default (``sqlite:///newsledger.db``), PostgreSQL with ``postgresql+psycopg://``
(extra ``postgres``). Each document is written atomically together with its event, claims
and the incident it joins: alone in one transaction (``transaction()``), or during ingest as
one savepoint of a ``Batch`` that commits every few hundred documents or seconds (a commit
costs more than a document's writes). A document that fails rolls back alone; a killed run
loses at most the uncommitted batch (≤ ``Batch.max_seconds`` of work) and re-running resumes
where it stopped (documents already stored are recognised by id).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, Callable, Iterator

from sqlalchemy import Engine, bindparam, create_engine, event, func, insert, select, update
from sqlalchemy.exc import ArgumentError, DatabaseError, IntegrityError, OperationalError
from sqlalchemy.engine import Connection

from newsledger.errors import MissingExtra, StoreError
from newsledger.models import (
    Actor,
    Claim,
    Document,
    Estimate,
    Event,
    EventDate,
    Incident,
    Location,
    Skipped,
)
from newsledger.store import schema as s
from newsledger.store.rawsql import RawStatement, column_names

DEFAULT_DB = "newsledger.db"


def resolve_url(db: str | None) -> str:
    """``--db`` / ``NEWSLEDGER_DB`` / default, as an SQLAlchemy URL (a bare path means SQLite)."""
    db = db or os.environ.get("NEWSLEDGER_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    return db


def _loc_json(loc: Location | None) -> str | None:
    if loc is None:
        return None
    d = loc.as_dict()
    d["mentions"] = loc.mentions
    return json.dumps(d)


def _loc(text: str | None) -> Location | None:
    if not text:
        return None
    d = json.loads(text)
    return Location(**d)


_ROW_LOCATIONS: dict[str, Location | None] = {}  # location JSON -> parsed (incident_rows only)


def _row_loc(text: str | None) -> Location | None:
    """``_loc`` for clustering rows, parsed once per distinct JSON text (consecutive documents
    load the same candidate incidents). The Location is shared between rows: read-only."""
    if not text:
        return None
    got = _ROW_LOCATIONS.get(text)
    if got is None:
        if len(_ROW_LOCATIONS) > 20_000:
            _ROW_LOCATIONS.clear()
        got = _ROW_LOCATIONS[text] = _loc(text)
    return got


@dataclass
class IncidentRow:
    """What clustering needs to know about an existing incident (cheap to load)."""

    id: int
    event_type: str
    sub_type: str
    date: EventDate
    location: Location | None
    killed_best: int | None
    injured_best: int | None
    n_documents: int
    names: frozenset[str] = frozenset()  # person-name keys of its documents (incident_keys)


# Hot statements, built once: SQLAlchemy memoises a statement's cache key, so executing a
# prebuilt statement skips building and keying the expression tree on every call. IN lists
# are expanding bind parameters.
_ik, _inc, _doc, _ev, _cl = s.incident_keys.c, s.incidents.c, s.documents.c, s.events.c, s.claims.c
_Q_MAX_SEQ = select(func.coalesce(func.max(_doc.seq), 0))
_Q_MAX_INCIDENT = select(func.coalesce(func.max(_inc.id), 0))
_Q_KEYS_OF = select(_ik.incident_id, _ik.key).where(
    _ik.kind == bindparam("kind"), _ik.incident_id.in_(bindparam("ids", expanding=True)))
_Q_BY_KEY = select(_ik.key, _ik.incident_id).where(
    _ik.kind == bindparam("kind"), _ik.key.in_(bindparam("keys", expanding=True)))
_Q_KEY_COUNTS = (select(_ik.key, func.count()).where(
    _ik.kind == bindparam("kind"), _ik.key.in_(bindparam("keys", expanding=True))).group_by(_ik.key))
_Q_ROWS = select(s.incidents).where(_inc.n_documents > 0)
_Q_ROWS_WINDOW = _Q_ROWS.where((_inc.date_start >= bindparam("since")) | (_inc.date_start.is_(None))).where(
    (_inc.date_start <= bindparam("until")) | (_inc.date_start.is_(None)))
_Q_ROWS_IDS = _Q_ROWS.where(_inc.id.in_(bindparam("ids", expanding=True)))
_Q_EVENTS_OF = (select(s.events, _doc.seq, _doc.published).join(s.documents, _doc.id == _ev.document_id)
                .where(_ev.incident_id == bindparam("incident_id")).order_by(_doc.seq))
_Q_CLAIMS_OF = (select(s.claims).join(s.events, _ev.id == _cl.event_id)
                .where(_ev.incident_id == bindparam("incident_id")).order_by(_cl.id))
_Q_DUPS_AMONG = select(_doc.id).where(_doc.id.in_(bindparam("ids", expanding=True)),
                                      _doc.duplicate_of.in_(bindparam("ids2", expanding=True)))
_Q_NEAR_DUPS: dict[tuple[int, bool], Any] = {}  # (limit, excluding one) -> statement
_Q_COPY_INFO = select(_doc.id, _doc.text, _doc.published, _doc.seq, _doc.duplicate_of).where(
    _doc.id.in_(bindparam("ids", expanding=True)))
_Q_HAS_DOCUMENT = select(_doc.id).where(_doc.id == bindparam("id"))
_Q_KNOWN_IDS = select(_doc.id).where(_doc.id.in_(bindparam("ids", expanding=True)))
_INS_DOCUMENT = insert(s.documents)
_INS_EVENT = insert(s.events)
_INS_CLAIMS = insert(s.claims)
_INS_INCIDENT = insert(s.incidents)
_INS_KEYS = insert(s.incident_keys)
_INS_BANDS = insert(s.minhash_bands)
_INS_PRINTS = insert(s.sentence_prints)
_UPD_INCIDENT = update(s.incidents).where(_inc.id == bindparam("b_incident_id"))


class _KeyCache:
    """Per-process cache of what clustering reads from ``incident_keys`` (each incident's
    names and words, the incidents holding a name, how many incidents hold a word) and of the
    largest incident id. Only a cache: every entry is what the database says, it is filled on
    demand and dropped whole whenever it might be stale:

    * another writer (process or run) stored a document since this store last looked: checked
      once per connection/transaction against ``max(documents.seq)``, which every
      ``pipeline.add_report`` transaction raises;
    * a transaction that changed the cache ends without a commit (rollback events).
    """

    MAX_INCIDENTS = 50_000  # per kind; the oldest half is dropped beyond this
    MAX_KEYS = 500_000

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.seq: int | None = None  # max(documents.seq) the entries hold for
        self.checked = None  # the connection whose transaction was checked against ``seq``
        self.dirty = None  # the connection whose uncommitted writes are in the cache
        self.keys: dict[str, dict[int, frozenset[str]]] = {}  # kind -> incident -> keys
        self.holders: dict[str, dict[str, frozenset[int]]] = {}  # kind -> key -> incidents
        self.counts: dict[str, dict[str, int]] = {}  # kind -> key -> number of incidents
        self.max_incident: int | None = None
        self.strings: dict[str, str] = {}  # one string object per key (memory)

    def intern(self, key: str) -> str:
        got = self.strings.get(key)
        if got is None:
            if len(self.strings) > self.MAX_KEYS:
                self.strings.clear()
            self.strings[key] = got = sys.intern(key)
        return got

    def trim(self, table: dict, limit: int) -> None:
        if len(table) > limit:
            for k in list(table)[: len(table) // 2]:
                del table[k]


class Store:
    """A newsledger database. Use as a context manager or call ``close()``."""

    def __init__(self, db: str | None = None):
        self.url = resolve_url(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except ModuleNotFoundError as err:
            raise MissingExtra("PostgreSQL storage", "postgres", err.name or "psycopg") from None
        except ArgumentError as err:
            raise StoreError(f"cannot use database URL {self.url!r}: {err}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._cache = _KeyCache()
        self._cache_thread = threading.get_ident()  # other threads do not share the cache
        # SQLite: the hot statements go straight to the driver cursor (same connection, same
        # transaction), each compiled once per column set and IN-list length (``_rows``).
        self._raw_many = self.engine.dialect.name == "sqlite" and self.engine.dialect.paramstyle == "qmark"
        self._raw_sql: dict[tuple, tuple[str, Callable[[dict], tuple]] | None] = {}
        self._raw_stmts: dict[tuple, RawStatement | None] = {}
        event.listen(self.engine, "commit", self._on_commit)
        event.listen(self.engine, "rollback", self._on_rollback)
        event.listen(self.engine, "rollback_savepoint", self._on_rollback_savepoint)
        try:
            self._upgrade()
        except (OperationalError, DatabaseError) as err:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self.url!r}: {err.orig}") from None

    # ------------------------------------------------------------------ schema
    def _upgrade(self) -> None:
        with self.engine.begin() as conn:
            s.meta.create(conn, checkfirst=True)
            row = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).first()
            current = int(row[0]) if row else 0
            if current > s.SCHEMA_VERSION:
                raise StoreError(
                    f"database schema version {current} is newer than this newsledger "
                    f"({s.SCHEMA_VERSION}); upgrade newsledger"
                )
            for version in range(current + 1, s.SCHEMA_VERSION + 1):
                name, step = s.MIGRATIONS[version - 1]
                step(conn)
            if 0 < current < 2:  # copies: fingerprint the documents stored before version 2
                from newsledger.resolve.copies import backfill

                backfill(self, conn)
            if current != s.SCHEMA_VERSION:
                values = {"key": "schema_version", "value": str(s.SCHEMA_VERSION)}
                if row:
                    conn.execute(update(s.meta).where(s.meta.c.key == "schema_version").values(value=values["value"]))
                else:
                    conn.execute(insert(s.meta).values(**values))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def transaction(self):
        """A write transaction: ``with store.transaction() as conn: ...``."""
        return self.engine.begin()

    def batch(self, max_documents: int | None = None, max_seconds: float = 2.0) -> "Batch":
        """Many documents' writes in few commits: ``with store.batch() as b: with b.document()
        as conn: ...`` (see ``Batch``). ``max_documents`` defaults to the environment variable
        ``NEWSLEDGER_COMMIT_EVERY``, else 500 (1 = a commit per document)."""
        if max_documents is None:
            env = os.environ.get("NEWSLEDGER_COMMIT_EVERY", "500")
            try:
                max_documents = max(1, int(env))
            except ValueError:
                raise StoreError(f"NEWSLEDGER_COMMIT_EVERY must be a whole number, not {env!r}") from None
        return Batch(self, max_documents, max_seconds)

    def _insert_many(self, conn: Connection, stmt: Any, rows: list[dict[str, Any]]) -> None:
        """``conn.execute(stmt, rows)`` for an INSERT of several rows of str / int / bool
        values, without SQLAlchemy's per-row parameter processing on SQLite."""
        if not self._raw_many or len(rows) < 2:
            conn.execute(stmt, rows)
            return
        cols = tuple(rows[0])
        if (stmt, cols) in self._raw_sql:
            got = self._raw_sql[(stmt, cols)]
        else:
            compiled = stmt.compile(dialect=self.engine.dialect, column_keys=list(cols))
            order = tuple(compiled.positiontup or ())
            # columns with Python-side defaults not given in the rows: leave it to SQLAlchemy
            ok = len(order) > 1 and set(order) <= set(cols)
            got = self._raw_sql[(stmt, cols)] = (str(compiled), itemgetter(*order)) if ok else None
        if got is None:
            conn.execute(stmt, rows)
            return
        sql, values = got
        cur = conn.connection.cursor()
        try:
            cur.executemany(sql, list(map(values, rows)))
        finally:
            cur.close()

    def _raw(self, conn: Connection, stmt: Any, params: dict[str, Any]) -> "RawStatement | None":
        """``stmt`` as SQL for the driver, or None when it must go through SQLAlchemy (not
        SQLite, no transaction open on ``conn``, or a statement ``RawStatement`` cannot
        render)."""
        if not self._raw_many or not conn.in_transaction():
            return None  # SQLAlchemy would begin one (autobegin): keep its semantics
        expand = tuple(len(v) for v in params.values() if isinstance(v, (list, tuple)))
        key = (stmt, tuple(params), expand)
        try:
            return self._raw_stmts[key]
        except KeyError:
            got = self._raw_stmts[key] = RawStatement.build(stmt, params, self.engine.dialect)
            return got

    def _rows(self, conn: Connection, stmt: Any, params: dict[str, Any] | None = None) -> list[Any]:
        """``conn.execute(stmt, params).all()``: rows as tuples in the statement's column order.

        On SQLite the statement runs on the driver's cursor of ``conn`` (same connection, same
        transaction), compiled once: SQLAlchemy's per-call work (parameters, expanding IN
        lists, result objects) costs 15-70 µs a statement, more than SQLite's own work for
        most of ours (~12 statements a document). Parameters must be plain values (str, int,
        float, bool, None, dates); ``Date`` columns come back as ISO strings there, so
        callers read them with ``_date``."""
        params = params or {}
        raw = self._raw(conn, stmt, params)
        if raw is None:
            return conn.execute(stmt, params).all()
        cur = conn.connection.cursor()
        try:
            cur.execute(raw.sql, raw.values(params))
            return cur.fetchall()
        finally:
            cur.close()

    def _write(self, conn: Connection, stmt: Any, params: dict[str, Any]) -> int | None:
        """``conn.execute(stmt, params)`` for an INSERT or UPDATE (see ``_rows``); returns the
        new row's id of an INSERT."""
        raw = self._raw(conn, stmt, params)
        if raw is None:
            result = conn.execute(stmt, params)
            return result.inserted_primary_key[0] if result.is_insert else None
        cur = conn.connection.cursor()
        try:
            cur.execute(raw.sql, raw.values(params))
            return cur.lastrowid
        finally:
            cur.close()

    # ------------------------------------------------------- the key cache (_KeyCache)
    def _on_commit(self, conn: Connection) -> None:
        cache = self._cache
        if cache.dirty is conn:
            cache.dirty = None
        if cache.checked is conn:
            cache.checked = None  # the next transaction checks again

    def _on_rollback(self, conn: Connection) -> None:
        cache = self._cache
        if cache.dirty is conn:
            cache.clear()  # it holds writes that were not committed
        elif cache.checked is conn:
            cache.checked = None

    def _on_rollback_savepoint(self, conn: Connection, name: Any, context: Any) -> None:
        if self._cache.dirty is conn:
            self._cache.clear()  # it may hold the rolled-back document's writes

    def _check(self, conn: Connection, max_seq: int | None = None) -> _KeyCache:
        """The cache, made valid for ``conn``'s transaction (dropped when another writer stored
        a document since, or uncommitted writes of another transaction are in it)."""
        if threading.get_ident() != self._cache_thread:
            return _KeyCache()  # a throwaway one: every read goes to the database
        cache = self._cache
        if cache.checked is not conn:
            if cache.dirty is not None and cache.dirty is not conn:
                cache.clear()
            if max_seq is None:
                max_seq = self._rows(conn, _Q_MAX_SEQ)[0][0]
            if max_seq != cache.seq:
                cache.clear()
                cache.seq = max_seq
            cache.checked = conn
        return cache

    # --------------------------------------------------------------- documents
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(_Q_HAS_DOCUMENT, {"id": doc_id}).first() is not None

    def known_ids(self, ids: list[str]) -> set[str]:
        """The ids among ``ids`` of documents already stored."""
        out: set[str] = set()
        if not ids:
            return out
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                out.update(r[0] for r in conn.execute(_Q_KNOWN_IDS, {"ids": ids[i : i + 500]}))
        return out

    def add_document(self, conn: Connection, doc: Document) -> None:
        last = self._rows(conn, _Q_MAX_SEQ)[0][0]
        cache = self._check(conn, last)
        seq = last + 1
        self._write(
            conn, _INS_DOCUMENT,
            dict(
                id=doc.id, title=doc.title, url=doc.url, outlet=doc.outlet, published=doc.published,
                language=doc.language, source=doc.source, external_id=doc.external_id,
                text=doc.text, seq=seq,
            ),
        )
        cache.seq, cache.dirty = seq, conn

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).mappings().first()
        return _document(row) if row else None

    def documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.documents).order_by(s.documents.c.seq)).mappings():
                yield _document(row)

    # ------------------------------------------------------------------ events
    def add_event(self, conn: Connection, ev: Event, incident_id: int, why: str) -> int:
        event_id = self._write(
            conn, _INS_EVENT,
            dict(
                document_id=ev.document_id, incident_id=incident_id, event_type=ev.event_type,
                sub_type=ev.sub_type, date_start=ev.date.start, date_end=ev.date.end,
                date_precision=ev.date.precision, date_text=ev.date.text,
                location=_loc_json(ev.location), actors=json.dumps([a.as_dict() for a in ev.actors]),
                why=why,
            ),
        )
        if ev.claims:
            self._insert_many(
                conn, _INS_CLAIMS,
                [
                    dict(
                        event_id=event_id, document_id=ev.document_id, counts=c.counts, low=c.low,
                        high=c.high, best=c.best, text=c.text, subject=c.subject, source=c.source,
                        hedge=c.hedge, negated=c.negated, historical=c.historical,
                        perpetrator=c.perpetrator, vague=c.vague, detail=c.detail,
                        sentence=c.sentence, start=c.start, end=c.end,
                    )
                    for c in ev.claims
                ],
            )
        return event_id

    def events_of(self, conn: Connection, incident_id: int) -> list[Event]:
        """The events (with claims, in ingest order) that make up an incident."""
        names = column_names(_Q_EVENTS_OF)
        rows = [dict(zip(names, r)) for r in self._rows(conn, _Q_EVENTS_OF, {"incident_id": incident_id})]
        claims: dict[int, list[Claim]] = {}  # event id -> its claims, in id order (one query)
        names = column_names(_Q_CLAIMS_OF)
        for row in self._rows(conn, _Q_CLAIMS_OF, {"incident_id": incident_id}):
            c = dict(zip(names, row))
            claims.setdefault(c["event_id"], []).append(_claim(c))
        out = []
        for r in rows:
            ev = Event(
                document_id=r["document_id"], event_type=r["event_type"], sub_type=r["sub_type"],
                date=EventDate(r["date_start"], r["date_end"], r["date_precision"], r["date_text"]),
                location=_loc(r["location"]),
                actors=[Actor(**a) for a in json.loads(r["actors"] or "[]")],
                published=_date(r["published"]),
            )
            ev.claims = claims.get(r["id"], [])
            out.append(ev)
        return out

    # --------------------------------------------------------------- incidents
    def new_incident(self, conn: Connection, ev: Event) -> int:
        cache = self._check(conn)
        incident_id = self._write(
            conn, _INS_INCIDENT, dict(event_type=ev.event_type, sub_type=ev.sub_type, n_documents=0))
        cache.dirty = conn
        if cache.max_incident is not None:
            cache.max_incident = max(cache.max_incident, incident_id)
        for table in cache.keys.values():
            table[incident_id] = frozenset()  # a new incident holds no keys yet
        return incident_id

    def save_incident(self, conn: Connection, inc: Incident, policy: str, n_documents: int) -> None:
        loc = inc.location
        self._write(
            conn, _UPD_INCIDENT,
            dict(
                b_incident_id=inc.id, event_type=inc.event_type, sub_type=inc.sub_type,
                date_start=inc.date.start, date_end=inc.date.end, date_precision=inc.date.precision,
                location=_loc_json(loc), lat=loc.lat if loc else None, lon=loc.lon if loc else None,
                country_code=loc.country_code if loc else None,
                actors=json.dumps([a.as_dict() for a in inc.actors]),
                killed_low=inc.killed.low, killed_best=inc.killed.best, killed_high=inc.killed.high,
                injured_low=inc.injured.low, injured_best=inc.injured.best, injured_high=inc.injured.high,
                audit=json.dumps({
                    "killed": {"rule": inc.killed.rule, "claim_ids": inc.killed.claim_ids},
                    "injured": {"rule": inc.injured.rule, "claim_ids": inc.injured.claim_ids},
                    # kept in the audit JSON: no column, so no migration for one more figure
                    "perpetrators_killed": {**inc.perpetrators_killed.as_dict(),
                                            "rule": inc.perpetrators_killed.rule,
                                            "claim_ids": inc.perpetrators_killed.claim_ids},
                }),
                policy=policy, n_documents=n_documents,
            ),
        )

    def incident_rows(self, conn: Connection | None = None, *, since: str | None = None,
                      until: str | None = None, ids: list[int] | None = None) -> list[IncidentRow]:
        """Light rows for clustering, optionally within a date window (ISO strings) or
        restricted to ``ids``."""
        params: dict[str, Any] = {}
        if ids is not None and since is None and until is None:
            q, params = _Q_ROWS_IDS, {"ids": list(ids)}
        elif ids is None and since is not None and until is not None:
            q, params = _Q_ROWS_WINDOW, {"since": since, "until": until}
        else:
            q = select(s.incidents).where(s.incidents.c.n_documents > 0)
            if ids is not None:
                q = q.where(s.incidents.c.id.in_(ids))
            if since is not None:
                q = q.where((s.incidents.c.date_start >= since) | (s.incidents.c.date_start.is_(None)))
            if until is not None:
                q = q.where((s.incidents.c.date_start <= until) | (s.incidents.c.date_start.is_(None)))
        own = conn is None
        conn = conn or self.engine.connect()
        try:
            names = column_names(q)
            rows = [dict(zip(names, r)) for r in self._rows(conn, q, params)]
        finally:
            if own:
                conn.close()
        return [
            IncidentRow(
                id=r["id"], event_type=r["event_type"], sub_type=r["sub_type"],
                date=EventDate(r["date_start"], r["date_end"], r["date_precision"]),
                location=_row_loc(r["location"]), killed_best=r["killed_best"],
                injured_best=r["injured_best"], n_documents=r["n_documents"],
            )
            for r in rows
        ]

    # ------------------------------------------------- clustering keys (names)
    def incident_keys(self, conn: Connection, incident_ids: list[int], kind: str = "name") -> dict[int, frozenset[str]]:
        """incident id -> its keys of ``kind`` (person-name keys for "name"); incidents
        without any are left out."""
        out: dict[int, frozenset[str]] = {}
        if not incident_ids:
            return out
        cache = self._check(conn)
        table = cache.keys.setdefault(kind, {})
        missing = sorted({i for i in incident_ids if i not in table})
        if missing:
            got: dict[int, set[str]] = {i: set() for i in missing}
            intern = cache.intern
            for i, key in self._rows(conn, _Q_KEYS_OF, {"kind": kind, "ids": missing}):
                got[i].add(intern(key))
            cache.trim(table, cache.MAX_INCIDENTS)
            for i, keys in got.items():
                table[i] = frozenset(keys)
        for i in incident_ids:
            keys = table.get(i)
            if keys:
                out[i] = keys
        return out

    def incidents_by_key(self, conn: Connection, keys: list[str], kind: str = "name") -> dict[str, set[int]]:
        """key -> the incidents holding it (only for ``keys`` that some incident holds)."""
        out: dict[str, set[int]] = {}
        if not keys:
            return out
        cache = self._check(conn)
        table = cache.holders.setdefault(kind, {})
        missing = sorted({key for key in keys if key not in table})
        if missing:
            got: dict[str, set[int]] = {key: set() for key in missing}
            for key, i in self._rows(conn, _Q_BY_KEY, {"kind": kind, "keys": missing}):
                got[key].add(i)
            cache.trim(table, cache.MAX_KEYS)
            for key, ids in got.items():
                table[key] = frozenset(ids)
        for key in keys:
            ids = table.get(key)
            if ids:
                out[key] = set(ids)
        return out

    def key_counts(self, conn: Connection, keys: list[str], kind: str = "term") -> dict[str, int]:
        """key -> how many incidents hold it (document frequency over incidents)."""
        if not keys:
            return {}
        cache = self._check(conn)
        table = cache.counts.setdefault(kind, {})
        missing = sorted({key for key in keys if key not in table})
        if missing:
            got = dict.fromkeys(missing, 0)
            for key, n in self._rows(conn, _Q_KEY_COUNTS, {"kind": kind, "keys": missing}):
                got[key] = n
            cache.trim(table, cache.MAX_KEYS)
            table.update(got)
        return {key: table[key] for key in keys if table.get(key)}

    def incident_count(self, conn: Connection) -> int:
        """An upper bound on the number of incidents (the largest id), cheap."""
        cache = self._check(conn)
        if cache.max_incident is None:
            cache.max_incident = self._rows(conn, _Q_MAX_INCIDENT)[0][0]
        return cache.max_incident

    def add_incident_keys(self, conn: Connection, incident_id: int, keys: list[str], kind: str = "name",
                          have: set[str] | frozenset[str] | None = None) -> None:
        """Record keys for an incident (those it already holds are left alone; ``have``: the
        keys the caller knows it holds, saving a query)."""
        if not keys:
            return
        if have is None:
            have = self.incident_keys(conn, [incident_id], kind).get(incident_id, frozenset())
        new = [key for key in dict.fromkeys(keys) if key not in have]
        if new:
            cache = self._check(conn)
            self._insert_many(conn, _INS_KEYS, [{"incident_id": incident_id, "kind": kind, "key": key} for key in new])
            cache.dirty = conn
            table = cache.keys.get(kind, {})
            if incident_id in table:
                table[incident_id] = table[incident_id] | {cache.intern(key) for key in new}
            holders, counts = cache.holders.get(kind, {}), cache.counts.get(kind, {})
            for key in new:
                if key in holders:
                    holders[key] = holders[key] | {incident_id}
                if key in counts:
                    counts[key] += 1

    def incident_ids(self) -> list[int]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(s.incidents.c.id).where(s.incidents.c.n_documents > 0).order_by(s.incidents.c.date_start, s.incidents.c.id))]

    def incident(self, incident_id: int, conn: Connection | None = None) -> Incident | None:
        own = conn is None
        conn = conn or self.engine.connect()
        try:
            r = conn.execute(select(s.incidents).where(s.incidents.c.id == incident_id)).mappings().first()
            if r is None or not r["n_documents"]:
                return None
            evs = self.events_of(conn, incident_id)
            why = [
                w for (w,) in conn.execute(
                    select(s.events.c.why).join(s.documents, s.documents.c.id == s.events.c.document_id)
                    .where(s.events.c.incident_id == incident_id).order_by(s.documents.c.seq)
                )
            ]
            doc_ids = list(dict.fromkeys(e.document_id for e in evs))
            docs = [
                _document(d) for d in conn.execute(
                    select(s.documents).where(s.documents.c.id.in_(doc_ids)).order_by(s.documents.c.seq)
                ).mappings()
            ]
            trail = self._first_publishers(conn, doc_ids)  # copies: claim -> first publisher
            for e in evs:
                for c in e.claims:
                    if c.end > 0:
                        c.copied_from = next((f for a, b, f in trail.get(c.document_id, ())
                                              if a <= c.start < b), None)
        finally:
            if own:
                conn.close()
        audit = json.loads(r["audit"] or "{}")
        return Incident(
            id=r["id"], event_type=r["event_type"], sub_type=r["sub_type"],
            date=EventDate(r["date_start"], r["date_end"], r["date_precision"]),
            location=_loc(r["location"]),
            actors=[Actor(**a) for a in json.loads(r["actors"] or "[]")],
            killed=Estimate(r["killed_low"], r["killed_best"], r["killed_high"],
                            audit.get("killed", {}).get("rule", ""), audit.get("killed", {}).get("claim_ids", [])),
            injured=Estimate(r["injured_low"], r["injured_best"], r["injured_high"],
                             audit.get("injured", {}).get("rule", ""), audit.get("injured", {}).get("claim_ids", [])),
            perpetrators_killed=Estimate(**{k: audit.get("perpetrators_killed", {}).get(k) for k in ("low", "best", "high")},
                                         rule=audit.get("perpetrators_killed", {}).get("rule", ""),
                                         claim_ids=audit.get("perpetrators_killed", {}).get("claim_ids", [])),
            claims=[c for e in evs for c in e.claims],
            documents=docs,
            why=why,
        )

    def incidents(self) -> list[Incident]:
        with self.engine.connect() as conn:
            return [i for i in (self.incident(n, conn) for n in self.incident_ids()) if i is not None]

    def incident_of_document(self, doc_id: str) -> list[int]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(
                select(s.events.c.incident_id).where(s.events.c.document_id == doc_id).distinct())]

    # ------------------------------------------------------------------ copies
    # (resolve/copies.py decides; these only read and write its tables)
    def near_duplicates_of(self, conn: Connection, band_keys: list[str], *, limit: int = 50,
                           exclude: str | None = None) -> list[str]:
        """LSH candidates: documents sharing at least one band key, most shared bands first."""
        if not band_keys:
            return []
        q = _Q_NEAR_DUPS.get((limit, exclude is not None))
        if q is None:
            n = func.count().label("n")
            q = (select(s.minhash_bands.c.document_id, n)
                 .where(s.minhash_bands.c.band.in_(bindparam("bands", expanding=True)))
                 .group_by(s.minhash_bands.c.document_id).order_by(n.desc(), s.minhash_bands.c.document_id)
                 .limit(limit))
            if exclude is not None:
                q = q.where(s.minhash_bands.c.document_id != bindparam("exclude"))
            _Q_NEAR_DUPS[(limit, exclude is not None)] = q
        params: dict[str, Any] = {"bands": list(band_keys)}
        if exclude is not None:
            params["exclude"] = exclude
        return [r[0] for r in self._rows(conn, q, params)]

    def copy_info(self, conn: Connection, doc_ids: list[str]) -> dict[str, tuple]:
        """id -> (text, published, seq, duplicate_of) for the given documents."""
        rows = self._rows(conn, _Q_COPY_INFO, {"ids": list(doc_ids)})
        return {r[0]: (r[1], _date(r[2]), r[3], r[4]) for r in rows}

    def set_duplicate_of(self, conn: Connection, doc_ids: list[str], original: str) -> None:
        """Point ``doc_ids`` and every document pointing at one of them at ``original``."""
        d = s.documents.c
        if doc_ids:
            conn.execute(update(s.documents).where(d.id.in_(doc_ids) | d.duplicate_of.in_(doc_ids))
                         .where(d.id != original).values(duplicate_of=original))
        conn.execute(update(s.documents).where(d.id == original).values(duplicate_of=None))

    def add_bands(self, conn: Connection, doc_id: str, band_keys: list[str]) -> None:
        if band_keys:
            self._insert_many(conn, _INS_BANDS, [{"band": k, "document_id": doc_id} for k in dict.fromkeys(band_keys)])

    def add_prints(self, conn: Connection, doc_id: str, prints: list[tuple[str, int, int]]) -> None:
        """Sentence fingerprints of a document: (print, start, end) each."""
        if prints:
            self._insert_many(conn, _INS_PRINTS,
                         [{"print": k, "document_id": doc_id, "start": a, "end": b} for k, a, b in prints])

    def unregistered_documents(self, conn: Connection) -> list[str]:
        """Ids of documents without LSH bands (stored before schema version 2), in ingest order."""
        d = s.documents.c
        has = select(s.minhash_bands.c.document_id).where(s.minhash_bands.c.document_id == d.id).exists()
        return [r[0] for r in conn.execute(select(d.id).where(~has).order_by(d.seq))]

    def duplicates_among(self, conn: Connection, doc_ids: list[str]) -> set[str]:
        """The documents among ``doc_ids`` whose original is also among them."""
        if len(doc_ids) < 2:  # a document is never its own original (set_duplicate_of)
            return set()
        return {r[0] for r in self._rows(conn, _Q_DUPS_AMONG, {"ids": list(doc_ids), "ids2": list(doc_ids)})}

    def duplicate_of(self, doc_id: str) -> Document | None:
        """The original document ``doc_id`` is a near-duplicate of, or None."""
        with self.engine.connect() as conn:
            orig = conn.execute(select(s.documents.c.duplicate_of).where(s.documents.c.id == doc_id)).scalar()
            if not orig:
                return None
            row = conn.execute(select(s.documents).where(s.documents.c.id == orig)).mappings().first()
        return _document(row) if row else None

    def _first_publishers(self, conn: Connection, doc_ids: list[str]) -> dict[str, list[tuple[int, int, str]]]:
        """doc id -> [(start, end, first document id)] for its sentences published first by
        another document (earliest published, unknown last, then ingest order)."""
        from newsledger.resolve.copies import first_key

        if not doc_ids:
            return {}
        p1, p2, d = s.sentence_prints.alias("p1"), s.sentence_prints.alias("p2"), s.documents
        rows = conn.execute(
            select(p1.c.document_id, p1.c.start, p1.c.end, p2.c.document_id, d.c.published, d.c.seq)
            .join(p2, (p2.c.print == p1.c.print) & (p2.c.document_id != p1.c.document_id))
            .join(d, d.c.id == p2.c.document_id)
            .where(p1.c.document_id.in_(doc_ids))
        ).all()
        if not rows:
            return {}
        own = {r[0]: first_key(_date(r[1]), r[2]) for r in conn.execute(
            select(d.c.id, d.c.published, d.c.seq).where(d.c.id.in_(sorted({r[0] for r in rows}))))}
        best: dict[tuple[str, int, int], tuple[tuple, str]] = {}
        for doc, a, b, other, pub, seq in rows:
            key = first_key(_date(pub), seq)
            cur = best.get((doc, a, b))
            if cur is None or key < cur[0]:
                best[(doc, a, b)] = (key, other)
        out: dict[str, list[tuple[int, int, str]]] = {}
        for (doc, a, b), (key, other) in best.items():
            if key < own[doc]:
                out.setdefault(doc, []).append((a, b, other))
        for v in out.values():
            v.sort()
        return out

    def copied_from(self, doc_id: str) -> list[tuple[str, str, str, date | None]]:
        """The "copied from" trail of a document: (sentence, first document id, first outlet,
        first published) for each of its sentences that another document published first."""
        from newsledger.resolve.copies import outlet_label

        with self.engine.connect() as conn:
            trail = self._first_publishers(conn, [doc_id]).get(doc_id, [])
            if not trail:
                return []
            text = conn.execute(select(s.documents.c.text).where(s.documents.c.id == doc_id)).scalar_one()
            d = s.documents.c
            firsts = {r[0]: r for r in conn.execute(
                select(d.id, d.outlet, d.url, d.published).where(d.id.in_(sorted({t[2] for t in trail}))))}
        return [(text[a:b], first, outlet_label(firsts[first][1], firsts[first][2]), _date(firsts[first][3]))
                for a, b, first in trail]

    # ----------------------------------------------------------------- skipped
    def add_skipped(self, item: Skipped, conn: Connection | None = None) -> None:
        """Record a skipped input once (in ``conn``'s transaction when given: a batch holds
        SQLite's write lock, so a second connection would wait for it)."""
        if conn is not None:
            with conn.begin_nested():
                self._add_skipped(conn, item)
            return
        try:
            with self.engine.begin() as conn:
                self._add_skipped(conn, item)
        except IntegrityError:
            pass  # recorded already by a concurrent writer

    def _add_skipped(self, conn: Connection, item: Skipped) -> None:
        exists = conn.execute(
            select(s.skipped.c.id).where(s.skipped.c.input == item.input, s.skipped.c.reason == item.reason)
        ).first()
        if not exists:
            conn.execute(insert(s.skipped).values(input=item.input, reason=item.reason))

    def skipped(self) -> list[Skipped]:
        with self.engine.connect() as conn:
            return [Skipped(r.input, r.reason) for r in conn.execute(select(s.skipped).order_by(s.skipped.c.id))]


class Batch:
    """One write connection for many documents: each document in its own savepoint (it is
    stored whole or not at all, and a failing one rolls back alone), the transaction
    committed every ``max_documents`` documents or ``max_seconds`` seconds and on leaving
    the ``with`` block — also when it is left by an exception (Ctrl-C keeps the documents
    finished so far). Why: on SQLite the commit is the largest single cost of storing a
    document (≈ 1.5 ms of ≈ 6 ms); a kill loses at most the uncommitted documents, which the
    next run stores again (documents are recognised by id)."""

    def __init__(self, store: Store, max_documents: int = 500, max_seconds: float = 2.0):
        self.store, self.max_documents, self.max_seconds = store, max_documents, max_seconds
        self.conn: Connection | None = None
        self._tx = None
        self._pending = 0
        self._since = 0.0

    def __enter__(self) -> "Batch":
        self.conn = self.store.engine.connect()
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.commit()
        finally:
            self.conn.close()
            self.conn = None

    def connection(self) -> Connection:
        """The batch's connection inside its open transaction (begun when needed)."""
        if self._tx is None:
            self._tx = self.conn.begin()
            self._since = time.monotonic()
        return self.conn

    @contextmanager
    def document(self) -> Iterator[Connection]:
        """A savepoint for one document's writes; commits the batch when it is full."""
        conn = self.connection()
        with self._savepoint(conn) if self.store._raw_many else conn.begin_nested():
            yield conn
        self._pending += 1
        if self._pending >= self.max_documents or time.monotonic() - self._since >= self.max_seconds:
            self.commit()

    @contextmanager
    def _savepoint(self, conn: Connection) -> Iterator[None]:
        """``conn.begin_nested()`` on SQLite, with the driver's cursor: SQLAlchemy compiles its
        SAVEPOINT and RELEASE clauses anew on every call (~2% of the ingest time). A failing
        document rolls back to the savepoint and the key cache forgets what it wrote, as
        after SQLAlchemy's own savepoint rollback (``Store._on_rollback_savepoint``)."""
        cur = conn.connection.cursor()
        try:
            cur.execute("SAVEPOINT nl_document")
            try:
                yield
            except BaseException:
                try:
                    cur.execute("ROLLBACK TO SAVEPOINT nl_document")
                    cur.execute("RELEASE SAVEPOINT nl_document")
                finally:
                    self.store._on_rollback_savepoint(conn, "nl_document", None)
                raise
            cur.execute("RELEASE SAVEPOINT nl_document")
        finally:
            cur.close()

    def commit(self) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            if tx.is_active:
                tx.commit()
            self._pending = 0


def _sqlite_begin(conn: Connection) -> None:
    """Emit BEGIN ourselves: the sqlite3 driver (put in autocommit mode by
    ``_sqlite_pragmas``) would otherwise begin only before the first INSERT, and a SAVEPOINT
    outside BEGIN would commit on release (the SQLAlchemy pysqlite recipe)."""
    conn.exec_driver_sql("BEGIN")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by ``_sqlite_begin``
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # Speed only (no effect on durability or results): a 64 MB page cache (the default 2 MB
    # re-reads the index pages of incident_keys, minhash_bands and sentence_prints from disk),
    # a checkpoint every 4,000 WAL pages instead of 1,000 (a page written by several
    # commits is copied into the database once), and temporary files in memory: each
    # document's SAVEPOINT keeps the pages it changes in a sub-journal, which past 64 KB
    # SQLite spills to a temporary file (~280 small writes per document, 10% of storing).
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA wal_autocheckpoint=4000")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _document(row: Any) -> Document:
    pub = row["published"]
    if isinstance(pub, str):
        pub = date.fromisoformat(pub)
    return Document(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
        published=pub, language=row["language"], source=row["source"], external_id=row["external_id"],
        duplicate_of=row.get("duplicate_of"),
    )


def _date(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _claim(r: Any) -> Claim:
    return Claim(
        counts=r["counts"], low=r["low"], high=r["high"], text=r["text"], sentence=r["sentence"],
        document_id=r["document_id"], subject=r["subject"], source=r["source"], hedge=r["hedge"],
        negated=bool(r["negated"]), start=r["start"], end=r["end"], historical=bool(r["historical"]),
        perpetrator=bool(r["perpetrator"]), detail=r["detail"], best=r["best"], vague=bool(r["vague"]),
        id=r["id"],
    )
