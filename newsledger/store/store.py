"""The store: owns the schema and every query. CLI, eval commands and HTTP API go through it.

SQLite by default (``sqlite:///newsledger.db``), PostgreSQL with ``postgresql+psycopg://``
(extra ``postgres``). Each document is written in one transaction together with its event,
claims and the incident it joins, so a killed run loses at most the document in flight and
re-running resumes where it stopped (documents already stored are recognised by id).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event, func, insert, select, update
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

    # --------------------------------------------------------------- documents
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first() is not None

    def known_ids(self, ids: list[str]) -> set[str]:
        out: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                out.update(r[0] for r in conn.execute(select(s.documents.c.id).where(s.documents.c.id.in_(chunk))))
        return out

    def add_document(self, conn: Connection, doc: Document) -> None:
        seq = conn.execute(select(func.coalesce(func.max(s.documents.c.seq), 0))).scalar_one() + 1
        conn.execute(
            insert(s.documents).values(
                id=doc.id, title=doc.title, url=doc.url, outlet=doc.outlet, published=doc.published,
                language=doc.language, source=doc.source, external_id=doc.external_id,
                text=doc.text, seq=seq,
            )
        )

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
        event_id = conn.execute(
            insert(s.events).values(
                document_id=ev.document_id, incident_id=incident_id, event_type=ev.event_type,
                sub_type=ev.sub_type, date_start=ev.date.start, date_end=ev.date.end,
                date_precision=ev.date.precision, date_text=ev.date.text,
                location=_loc_json(ev.location), actors=json.dumps([a.as_dict() for a in ev.actors]),
                why=why,
            )
        ).inserted_primary_key[0]
        if ev.claims:
            conn.execute(
                insert(s.claims),
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
        rows = conn.execute(
            select(s.events, s.documents.c.seq, s.documents.c.published)
            .join(s.documents, s.documents.c.id == s.events.c.document_id)
            .where(s.events.c.incident_id == incident_id)
            .order_by(s.documents.c.seq)
        ).mappings().all()
        out = []
        for r in rows:
            ev = Event(
                document_id=r["document_id"], event_type=r["event_type"], sub_type=r["sub_type"],
                date=EventDate(r["date_start"], r["date_end"], r["date_precision"], r["date_text"]),
                location=_loc(r["location"]),
                actors=[Actor(**a) for a in json.loads(r["actors"] or "[]")],
            )
            ev.claims = [
                _claim(c) for c in conn.execute(
                    select(s.claims).where(s.claims.c.event_id == r["id"]).order_by(s.claims.c.id)
                ).mappings()
            ]
            out.append(ev)
        return out

    # --------------------------------------------------------------- incidents
    def new_incident(self, conn: Connection, ev: Event) -> int:
        return conn.execute(
            insert(s.incidents).values(event_type=ev.event_type, sub_type=ev.sub_type, n_documents=0)
        ).inserted_primary_key[0]

    def save_incident(self, conn: Connection, inc: Incident, policy: str, n_documents: int) -> None:
        loc = inc.location
        conn.execute(
            update(s.incidents).where(s.incidents.c.id == inc.id).values(
                event_type=inc.event_type, sub_type=inc.sub_type,
                date_start=inc.date.start, date_end=inc.date.end, date_precision=inc.date.precision,
                location=_loc_json(loc), lat=loc.lat if loc else None, lon=loc.lon if loc else None,
                country_code=loc.country_code if loc else None,
                actors=json.dumps([a.as_dict() for a in inc.actors]),
                killed_low=inc.killed.low, killed_best=inc.killed.best, killed_high=inc.killed.high,
                injured_low=inc.injured.low, injured_best=inc.injured.best, injured_high=inc.injured.high,
                audit=json.dumps({
                    "killed": {"rule": inc.killed.rule, "claim_ids": inc.killed.claim_ids},
                    "injured": {"rule": inc.injured.rule, "claim_ids": inc.injured.claim_ids},
                }),
                policy=policy, n_documents=n_documents,
            )
        )

    def incident_rows(self, conn: Connection | None = None, *, since: str | None = None,
                      until: str | None = None) -> list[IncidentRow]:
        """Light rows for clustering, optionally within a date window (ISO strings)."""
        q = select(s.incidents)
        if since is not None:
            q = q.where((s.incidents.c.date_start >= since) | (s.incidents.c.date_start.is_(None)))
        if until is not None:
            q = q.where((s.incidents.c.date_start <= until) | (s.incidents.c.date_start.is_(None)))
        own = conn is None
        conn = conn or self.engine.connect()
        try:
            rows = conn.execute(q).mappings().all()
        finally:
            if own:
                conn.close()
        return [
            IncidentRow(
                id=r["id"], event_type=r["event_type"], sub_type=r["sub_type"],
                date=EventDate(r["date_start"], r["date_end"], r["date_precision"]),
                location=_loc(r["location"]), killed_best=r["killed_best"],
                injured_best=r["injured_best"], n_documents=r["n_documents"],
            )
            for r in rows
        ]

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

    # ----------------------------------------------------------------- skipped
    def add_skipped(self, item: Skipped) -> None:
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    select(s.skipped.c.id).where(s.skipped.c.input == item.input, s.skipped.c.reason == item.reason)
                ).first()
                if not exists:
                    conn.execute(insert(s.skipped).values(input=item.input, reason=item.reason))
        except IntegrityError:
            pass  # recorded already by a concurrent writer

    def skipped(self) -> list[Skipped]:
        with self.engine.connect() as conn:
            return [Skipped(r.input, r.reason) for r in conn.execute(select(s.skipped).order_by(s.skipped.c.id))]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _document(row: Any) -> Document:
    pub = row["published"]
    if isinstance(pub, str):
        pub = date.fromisoformat(pub)
    return Document(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
        published=pub, language=row["language"], source=row["source"], external_id=row["external_id"],
    )


def _claim(r: Any) -> Claim:
    return Claim(
        counts=r["counts"], low=r["low"], high=r["high"], text=r["text"], sentence=r["sentence"],
        document_id=r["document_id"], subject=r["subject"], source=r["source"], hedge=r["hedge"],
        negated=bool(r["negated"]), start=r["start"], end=r["end"], historical=bool(r["historical"]),
        perpetrator=bool(r["perpetrator"]), detail=r["detail"], best=r["best"], vague=bool(r["vague"]),
        id=r["id"],
    )
