"""The record types that flow through the pipeline, in one place.

The road runs one way::

    inputs -> ingest/ -> Document -> extract/ -> Report -> resolve/ -> Incident -> store/

* ``Document``: one article, cleaned. Nothing downstream re-reads the raw input.
* ``Claim``: one figure in one sentence: what it counts, the interval its words allow,
  who says so and how firmly. Every number the ledger shows is computed from claims.
* ``Event``: what one document says happened: type, date, place, actors and its claims.
* ``Report``: the events of one document (a pure function of the Document).
* ``Incident``: what happened in the world: events of several documents merged, with the
  reconciled killed / injured estimates and an audit of how they were reached.

All are plain dataclasses with ``as_dict()`` giving the JSON-export shape documented in
README.md ("JSON export").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: What a claim can count. ``participants`` covers attackers, troops, protesters.
COUNTS = (
    "killed",
    "injured",
    "missing",
    "kidnapped",
    "arrested",
    "displaced",
    "participants",
    "other",
)

#: The six ACLED event types every event is mapped to.
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

#: Actor roles.
ROLES = ("attacker", "target", "victim", "other")


def _plain(value: Any) -> Any:
    """Turn dataclasses, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "as_dict"):
            return value.as_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Document:
    """One article after ingest: clean text plus the metadata we could find.

    ``id`` is a hash of the normalised text (see ``ingest.normalise.document_id``) so the
    same article ingested twice is the same document.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    source: str | None = None  # the input it came from (path, URL, "stdin", "file.jsonl:12")
    external_id: str | None = None  # the input's own id (a JSON Lines "id"/"doc_id"), if any
    duplicate_of: str | None = None  # the earlier document this is a near-duplicate of (set by the store)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "external_id": self.external_id,
            "duplicate_of": self.duplicate_of,
        }


@dataclass
class Skipped:
    """An input that could not be used, with a one-line reason."""

    input: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"input": self.input, "reason": self.reason}


@dataclass
class EventDate:
    """When something happened, as precisely as the text allows.

    ``start``/``end`` are ISO strings: ``YYYY-MM-DD`` for a full date, ``--MM-DD`` when the
    year is unknown (no publication date to anchor a relative or year-less date: we never
    guess a year), ``YYYY-MM`` or ``YYYY`` for coarser dates. ``precision`` is one of
    day / week / month / year / unknown.
    """

    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    text: str | None = None  # the expression as written, e.g. "on February 7"

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision}


@dataclass
class Location:
    """A geocoded place. ``precision`` follows ACLED/UCDP: 1 town or finer, 2 district,
    3 province, 4 country."""

    name: str
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int = 4
    mentions: list[str] = field(default_factory=list)  # spellings seen in the text

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "country": self.country,
            "country_code": self.country_code,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
        }


@dataclass
class Actor:
    name: str
    role: str = "other"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass
class Claim:
    """One figure as a document states it.

    ``low``/``high`` is the interval the words allow: "five" is [5, 5], "more than 200" is
    [201, None] (None = unbounded), "dozens" is [12, None] under the documented rule (data/vague_amounts.tsv).
    ``start``/``end`` are character offsets of the figure in the document text.
    """

    counts: str
    low: int | None
    high: int | None
    text: str
    sentence: str
    document_id: str = ""
    subject: str | None = None
    source: str | None = None
    hedge: str | None = None
    negated: bool = False
    start: int = 0
    end: int = 0
    historical: bool = False  # an earlier event, a yearly total, a hypothetical
    # the attacker counted (a gunman who killed himself); not on injured claims: his wounds count
    perpetrator: bool = False
    detail: str | None = None  # finer kind when counts == "other": "shot", "casualties"
    best: int | None = None  # the single figure the words support, when there is one
    vague: bool = False  # "dozens", "several": never overrides a specific figure
    id: int | None = None  # set by the store
    copied_from: str | None = None  # the document that published this sentence first (set by the store)

    @property
    def point(self) -> int | None:
        """The single figure this claim supports best (used for 'best' estimates)."""
        if self.best is not None:
            return self.best
        if self.low is not None and self.high is not None and self.low == self.high:
            return self.low
        return self.low if self.low is not None else self.high

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "low": self.low,
            "high": self.high,
            "text": self.text,
            "subject": self.subject,
            "source": self.source,
            "hedge": self.hedge,
            "negated": self.negated,
            "historical": self.historical,
            "perpetrator": self.perpetrator,
            "detail": self.detail,
            "vague": self.vague,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "document_id": self.document_id,
            "copied_from": self.copied_from,
        }


@dataclass
class Event:
    """What one document says happened."""

    document_id: str
    event_type: str = "Strategic developments"
    sub_type: str = "other"
    date: EventDate = field(default_factory=EventDate)
    location: Location | None = None
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    published: date | None = None  # the document's publication date: which report is later


@dataclass
class Report:
    """Everything extracted from one document."""

    document: Document
    events: list[Event] = field(default_factory=list)


@dataclass
class Estimate:
    """A reconciled figure with its audit: which claims and which rule."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    rule: str = ""
    claim_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass
class Incident:
    """An event in the world, merged from one or more documents' events."""

    id: int | None
    event_type: str
    sub_type: str = "other"
    date: EventDate = field(default_factory=EventDate)
    location: Location | None = None
    actors: list[Actor] = field(default_factory=list)
    killed: Estimate = field(default_factory=Estimate)
    injured: Estimate = field(default_factory=Estimate)
    perpetrators_killed: Estimate = field(default_factory=Estimate)  # apart from victims
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # why each document joined or started it

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_type": self.sub_type,
            "date": self.date.as_dict(),
            "location": self.location.as_dict() if self.location else None,
            "actors": [a.as_dict() for a in self.actors],
            "killed": self.killed.as_dict(),
            "injured": self.injured.as_dict(),
            "perpetrators_killed": self.perpetrators_killed.as_dict(),
            "audit": {
                "killed": {"rule": self.killed.rule, "claim_ids": self.killed.claim_ids},
                "injured": {"rule": self.injured.rule, "claim_ids": self.injured.claim_ids},
                "perpetrators_killed": {"rule": self.perpetrators_killed.rule,
                                        "claim_ids": self.perpetrators_killed.claim_ids},
                "why": self.why,
            },
            "claims": [c.as_dict() for c in self.claims],
            "documents": [d.as_dict() for d in self.documents],
        }
