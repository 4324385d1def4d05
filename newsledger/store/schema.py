"""The database schema and its named migrations.

One ``MetaData`` describes every table; ``MIGRATIONS`` lists the named steps that bring an
older database up to ``SCHEMA_VERSION``. The version lives in the ``meta`` table, so a store
opened by a newer newsledger upgrades itself (see ``Store.__init__``).

Tables: documents, claims, events (one document's view of what happened), incidents (merged
events with reconciled figures and their audit), skipped (inputs that could not be used);
since version 2, minhash_bands and sentence_prints (copy detection, ``resolve/copies.py``)
and ``documents.duplicate_of``; since version 3, incident_keys (clustering evidence per
incident: the person names and lead words of its documents, ``resolve/evidence.py``) and an index on
``documents.seq``.
Works on SQLite (default) and PostgreSQL: only portable column types are used.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 3

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_type", String(64), nullable=False, default="other"),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(10), nullable=False, default="unknown"),
    Column("location", Text),  # JSON of models.Location
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(2)),
    Column("actors", Text),  # JSON list
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("audit", Text),  # JSON: rules and claim ids per figure
    Column("policy", String(16), nullable=False, default="ucdp"),
    Column("n_documents", Integer, nullable=False, default=0),
)
Index("ix_incidents_date", incidents.c.date_start)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("source", Text),
    Column("external_id", Text),
    Column("text", Text, nullable=False),
    Column("seq", Integer, nullable=False),  # ingest order, for "first published" ties
    Column("duplicate_of", String(64)),  # v2: the original this is a near-duplicate of
)
Index("ix_documents_duplicate_of", documents.c.duplicate_of)  # v2

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("incident_id", Integer, ForeignKey("incidents.id")),
    Column("event_type", String(64), nullable=False),
    Column("sub_type", String(64), nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(10), nullable=False),
    Column("date_text", Text),
    Column("location", Text),  # JSON
    Column("actors", Text),  # JSON
    Column("why", Text),  # why it joined or started its incident
)
Index("ix_events_incident", events.c.incident_id)
Index("ix_events_document", events.c.document_id)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("counts", String(16), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("best", Integer),
    Column("text", Text, nullable=False),
    Column("subject", Text),
    Column("source", Text),
    Column("hedge", Text),
    Column("negated", Boolean, nullable=False, default=False),
    Column("historical", Boolean, nullable=False, default=False),
    Column("perpetrator", Boolean, nullable=False, default=False),
    Column("vague", Boolean, nullable=False, default=False),
    Column("detail", String(32)),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_claims_event", claims.c.event_id)

skipped = Table(
    "skipped",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("reason", Text, nullable=False),
    UniqueConstraint("input", "reason", name="uq_skipped_input_reason"),
)


# --- version 2: copies (newsledger/resolve/copies.py) ----------------------------------
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", String(16), nullable=False),  # LSH band key
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
)
Index("ix_minhash_bands_band", minhash_bands.c.band)

sentence_prints = Table(
    "sentence_prints",
    metadata,
    Column("print", String(16), nullable=False),  # fingerprint of a normalised sentence
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_sentence_prints_print", sentence_prints.c.print)
Index("ix_sentence_prints_document", sentence_prints.c.document_id)


# --- version 3: clustering evidence (newsledger/resolve/cluster.py, evidence.py) -------
incident_keys = Table(
    "incident_keys",
    metadata,
    Column("incident_id", Integer, ForeignKey("incidents.id"), nullable=False),
    Column("kind", String(8), nullable=False),  # "name": person name "first last"; "term": a lead word
    Column("key", String(128), nullable=False),
    UniqueConstraint("incident_id", "kind", "key", name="uq_incident_keys"),
)
Index("ix_incident_keys_key", incident_keys.c.kind, incident_keys.c.key)
Index("ix_documents_seq", documents.c.seq)  # v3: max(seq) per insert without a scan


def _initial(conn: Connection) -> None:
    metadata.create_all(conn)


def _copies(conn: Connection) -> None:
    """0002: the copy tables and ``documents.duplicate_of``; creates only what is missing, so
    it is a no-op on a database that ``_initial`` just created from the current metadata."""
    from sqlalchemy import inspect, text

    for table in (minhash_bands, sentence_prints):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    if "duplicate_of" not in have:
        col = documents.c.duplicate_of
        conn.execute(text(f"ALTER TABLE documents ADD COLUMN duplicate_of {col.type.compile(dialect=conn.dialect)}"))
    next(i for i in documents.indexes if i.name == "ix_documents_duplicate_of").create(conn, checkfirst=True)


def _cluster_keys(conn: Connection) -> None:
    """0003: the ``incident_keys`` table and the ``documents.seq`` index; creates only what
    is missing. Incidents stored before version 3 have no keys: they are still found by date
    window, just not by a shared name."""
    incident_keys.create(conn, checkfirst=True)
    for index in incident_keys.indexes:
        index.create(conn, checkfirst=True)
    next(i for i in documents.indexes if i.name == "ix_documents_seq").create(conn, checkfirst=True)


#: Named migrations, applied in order; entry N brings the schema from version N-1 to N.
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_copies", _copies),
    ("0003_cluster_keys", _cluster_keys),
]
