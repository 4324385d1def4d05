"""The orchestrator: Document -> Report -> Incident -> store, as a numbered cascade.

``extract_report(doc)`` is a pure function of the document (plus the read-only gazetteer),
so it runs in worker processes; ``process(...)`` is the only part that touches the store:

1. skip documents already stored (same id = same normalised text: idempotent, resumable);
2. extract each new document's report (claims, date, place, type, actors), in
   ``processes`` worker processes when asked;
3. resolve: find the incident the event joins within the date window, or start one;
4. reconcile the incident's figures under the chosen policy and write the document, its
   event and claims and the updated incident in one transaction.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from collections import Counter
from dataclasses import dataclass, field
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from newsledger.extract import claims as claims_mod
from newsledger.extract import dates, events, places, segments
from newsledger.extract.sentences import split_sentences
from newsledger.models import Actor, Document, Event, EventDate, Incident, Report, Skipped
from newsledger.resolve import cluster, copies
from newsledger.resolve.reconcile import reconcile, reconcile_perpetrators
from newsledger.store.store import Batch, Store

from sqlalchemy.exc import SQLAlchemyError

_ATTACK_WORDS = events._ATTACK


@dataclass
class IngestResult:
    added: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    incidents: set[int] = field(default_factory=set)  # incidents touched
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def merge(self, other: "IngestResult") -> None:
        self.added += other.added
        self.unchanged += other.unchanged
        self.skipped.extend(other.skipped)
        self.incidents |= other.incidents
        for k, v in other.timings.items():
            self.timings[k] += v


def extract_report(doc: Document) -> Report:
    """Everything one document says (pure: no store, no shared state)."""
    return extract_reports([doc])[0]


def extract_reports(docs: list[Document]) -> list[Report]:
    """Reports for a chunk of documents; their claim sentences are parsed in one batch."""
    sents = [split_sentences(doc.text) for doc in docs]
    inputs = []
    for doc, ss in zip(docs, sents):
        inputs.append(claims_mod.ClaimInput(doc.text, doc.id, ss, doc.published))
        if doc.title:
            inputs.append(claims_mod.ClaimInput(claims_mod.headline_case(doc.title), doc.id,
                                                None, doc.published, headline=True))
    found_all = iter(claims_mod.extract_claims_batch(inputs))
    return [_report(doc, ss, next(found_all), next(found_all) if doc.title else [])
            for doc, ss in zip(docs, sents)]


def _report(doc: Document, sents, found, title_claims) -> Report:
    """The document's events: usually one; one per segment when the article reports another
    incident ("In a separate incident, ...": ``extract/segments.py``). Title claims go with
    the first event."""
    for c in title_claims:
        c.start = c.end = 0  # the title is not part of the text: no offsets
    implied = claims_mod.implied_casualty(doc.text, doc.title, found + title_claims)
    if implied is not None:
        implied.document_id = doc.id
        if implied.end == 0:  # found in the title
            title_claims = [*title_claims, implied]
        else:
            found = [*found, implied]
    events_out = []
    for k, seg in enumerate(segments.split_events(sents, found)):
        spans = [(s.start, s.end) for s in seg]
        own = [c for c in found if any(a <= c.start < b for a, b in spans)]
        events_out.append(_event(doc, seg, (title_claims if k == 0 else []) + own, first=k == 0))
    return Report(document=doc, events=events_out)


def _event(doc: Document, sents, found, *, first: bool) -> Event:
    """One event from its sentences and claims: type, date, place and actors."""
    title = doc.title if first else None
    # The event's sentences: those holding current casualty claims, else attack words.
    focus = sorted({(s.start, s.end) for s in sents for c in found
                    if not c.historical and s.start <= c.start < s.end and c.end > 0})
    if not focus:
        focus = [(s.start, s.end) for s in sents if _ATTACK_WORDS.search(s.text)][:5]
    focus_text = [doc.text[a:b] for a, b in focus]
    event_type, sub_type = events.classify(title, focus_text or [s.text for s in sents[:5]])
    when = dates.event_date(doc.text, doc.published, focus=focus or None, title=title, url=doc.url)
    where = places.event_location(doc.text, title=title, outlet=doc.outlet, focus=focus or None,
                                  url=doc.url)
    actors = events.find_actors(focus_text or [s.text for s in sents[:5]])
    return Event(document_id=doc.id, event_type=event_type, sub_type=sub_type, date=when,
                 location=where, actors=actors, claims=found, published=doc.published)


CHUNK = 32  # documents per extraction batch (one nlp.pipe call)


def _extract_chunk(docs: list[Document]) -> tuple[list[Report | Skipped], float]:
    """A chunk's reports; when the chunk fails, each document alone, so one document that
    breaks a rule costs only itself (recorded as skipped with the error)."""
    t = time.perf_counter()
    try:
        out: list[Report | Skipped] = list(extract_reports(docs))
    except Exception:
        out = []
        for doc in docs:
            try:
                out.append(extract_report(doc))
            except Exception as err:
                out.append(_failed(doc, "could not extract", err))
    return out, time.perf_counter() - t


def _chunks(docs: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def reports(docs: Iterable[Document], processes: int = 1,
            chunk: int = CHUNK) -> Iterator[tuple[Report | Skipped, float]]:
    """Extract reports in input order, in ``processes`` worker processes when > 1; yields
    (report, seconds of extraction attributed to it) — a ``Skipped`` in place of the report
    of a document extraction failed on."""
    if processes <= 1:
        results: Iterable[tuple[list[Report], float]] = map(_extract_chunk, _chunks(docs, chunk))
        for batch, seconds in results:
            for report in batch:
                yield report, seconds / len(batch)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    with ctx.Pool(processes) as pool:
        for batch, seconds in pool.imap(_extract_chunk, _chunks(docs, chunk)):
            for report in batch:
                yield report, seconds / len(batch)


def _quick_killed(ev: Event) -> int | None:
    """The event's killed figure, for clustering (the reconcile rule on one event)."""
    return reconcile([ev], "killed").best


def add_report(store: Store, report: Report, policy: str = "ucdp", batch: Batch | None = None) -> set[int]:
    """Cluster and store one report atomically — in its own transaction, or in a savepoint of
    ``batch`` (ingest: fewer commits); returns incidents touched."""
    touched: set[int] = set()
    with (batch.document() if batch is not None else store.transaction()) as conn:
        store.add_document(conn, report.document)
        copies.register(store, conn, report.document)  # near-duplicates, sentence prints
        for ev in report.events:
            # candidates by date window and shared names, scored with reasons (cluster.py)
            incident_id, why, evidence = cluster.resolve(store, conn, ev, _quick_killed(ev), report.document)
            if incident_id is not None and incident_id in touched:
                # the article itself reports this as another incident ("In a separate incident")
                incident_id, why = None, f"started: the article reports it apart from incident {incident_id}"
            if incident_id is None:
                incident_id = store.new_incident(conn, ev)
            store.add_event(conn, ev, incident_id, why)
            cluster.remember(store, conn, incident_id, evidence)
            refresh_incident(store, conn, incident_id, policy)
            touched.add(incident_id)
    return touched


def refresh_incident(store: Store, conn, incident_id: int, policy: str) -> Incident:
    """Recompute an incident's summary and figures from all its events."""
    evs = store.events_of(conn, incident_id)
    dups = store.duplicates_among(conn, sorted({e.document_id for e in evs}))  # copies
    inc = summarise(incident_id, evs, policy, duplicates=dups)
    store.save_incident(conn, inc, policy, n_documents=len({e.document_id for e in evs}))
    return inc


def summarise(incident_id: int | None, evs: list[Event], policy: str = "ucdp",
              duplicates: set[str] | None = None) -> Incident:
    """An incident's type, date, place and actors from its events, plus reconciled figures.

    Type: the most frequent. Date: the most frequent among the most precise. Place: the most
    frequent among the most precise (lowest precision code).
    """
    types = Counter((e.event_type, e.sub_type) for e in evs)
    (etype, sub), _ = types.most_common(1)[0]
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    dated = [e.date for e in evs if e.date.start]
    when = EventDate()
    if dated:
        top = min(order.get(d.precision, 4) for d in dated)
        pool = [d for d in dated if order.get(d.precision, 4) == top]
        start, _ = Counter(d.start for d in pool).most_common(1)[0]
        when = next(d for d in pool if d.start == start)
    locs = [e.location for e in evs if e.location is not None]
    where = None
    if locs:
        top = min(loc.precision for loc in locs)
        pool = [loc for loc in locs if loc.precision == top]
        key, _ = Counter((loc.geonames_id, loc.name) for loc in pool).most_common(1)[0]
        where = next(loc for loc in pool if (loc.geonames_id, loc.name) == key)
        mentions = {m for loc in locs if (loc.geonames_id, loc.name) == key for m in loc.mentions}
        where.mentions = sorted(mentions)
    actors = {}
    for e in evs:
        for a in e.actors:
            if actors.get(a.name, "other") == "other":
                actors[a.name] = a.role
    return Incident(
        id=incident_id, event_type=etype, sub_type=sub, date=when, location=where,
        actors=[Actor(n, r) for n, r in actors.items()],
        killed=reconcile(evs, "killed", policy, duplicates), injured=reconcile(evs, "injured", policy, duplicates),
        perpetrators_killed=reconcile_perpetrators(evs, duplicates),
        claims=[c for e in evs for c in e.claims],
    )


def process(items: Iterable[Document | Skipped], store: Store, *, policy: str = "ucdp",
            processes: int = 1, on_item: Callable[[Document | Skipped], None] | None = None) -> IngestResult:
    """Run the pipeline over documents (and record skipped inputs). See module docstring."""
    result = IngestResult()
    t0 = time.perf_counter()
    pending: list[Skipped] = []  # recorded by the writing thread (the pool reads ``items`` in another)

    def new_documents() -> Iterator[Document]:
        seen: set[str] = set()
        for group in _chunks(items, CHUNK):  # one query for the stored ids of each group
            stored = store.known_ids([item.id for item in group if not isinstance(item, Skipped)])
            for item in group:
                if on_item is not None:
                    on_item(item)
                if isinstance(item, Skipped):
                    pending.append(item)
                    result.skipped.append(item)
                    continue
                if item.id in seen or item.id in stored:
                    result.unchanged += 1
                    continue
                seen.add(item.id)
                yield item

    with _fewer_collections(), store.batch() as batch:
        for report, seconds in reports(new_documents(), processes):
            _record_skipped(store, batch, pending)
            result.timings["extract"] += seconds
            t = time.perf_counter()
            if isinstance(report, Skipped):  # extraction failed on this document
                pending.append(report)
                result.skipped.append(report)
                continue
            try:
                result.incidents |= add_report(store, report, policy, batch)
            except SQLAlchemyError:
                raise  # the database itself failed: stop (what is committed stays)
            except Exception as err:  # a bug on one document must not stop the batch
                pending.append(_failed(report.document, "could not store", err))
                result.skipped.append(pending[-1])
            else:
                result.added += 1
            result.timings["resolve+store"] += time.perf_counter() - t
        _record_skipped(store, batch, pending)
    result.timings["total"] = time.perf_counter() - t0
    return result


#: Python's cyclic garbage collector during ingest: a first-generation pass every 20,000 net
#: container allocations instead of 700. Each document allocates tens of thousands of
#: short-lived objects (spaCy tokens, claims, rows), so the default ran ~550 passes per 1,000
#: documents, and the full passes among them walked the whole heap (the spaCy model, the
#: gazetteer caches): 3% of the ingest time, now ~0.2%. Memory is unaffected (refcounting
#: still frees everything that is not a cycle).
GC_THRESHOLD = (20_000, 10, 10)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds to ``GC_THRESHOLD`` while ingesting; restore them after
    (worker processes forked meanwhile inherit them)."""
    before = gc.get_threshold()
    if before[0]:  # 0: the caller disabled automatic collection
        gc.set_threshold(*(max(a, b) for a, b in zip(GC_THRESHOLD, before)))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _record_skipped(store: Store, batch: Batch, pending: list[Skipped]) -> None:
    while pending:
        store.add_skipped(pending.pop(0), batch.connection())


def _failed(doc: Document, what: str, err: Exception) -> Skipped:
    """A one-line skip record for a document the pipeline failed on."""
    first_line = str(err).splitlines()[0] if str(err) else ""
    reason = f"{what}: {type(err).__name__}" + (f": {first_line}" if first_line else "")
    return Skipped(doc.source or doc.url or doc.id, reason)


def rereconcile(store: Store, policy: str) -> int:
    """Recompute every incident's figures under ``policy`` (after ``--policy`` changes)."""
    n = 0
    for incident_id in store.incident_ids():
        with store.transaction() as conn:
            refresh_incident(store, conn, incident_id, policy)
        n += 1
    return n
