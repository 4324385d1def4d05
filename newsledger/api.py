"""The Python API: a ledger you add articles to and query.

>>> from newsledger.api import Ledger
>>> with Ledger("sqlite:///ledger.db") as ledger:          # doctest: +SKIP
...     ledger.ingest(["articles/"], published=None)
...     for incident in ledger.incidents():
...         print(incident.id, incident.killed.best)

The CLI, the eval commands and the HTTP API are thin layers over this class.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, Sequence, TextIO, BinaryIO

from newsledger.models import Document, Incident, Skipped
from newsledger.pipeline import IngestResult, process, rereconcile
from newsledger.resolve.reconcile import POLICIES
from newsledger.store.store import Store


class Ledger:
    """A store plus the pipeline. ``db`` is an SQLAlchemy URL or a path to an SQLite file."""

    def __init__(self, db: str | None = None, *, policy: str = "ucdp", processes: int = 1):
        if policy not in POLICIES:
            raise ValueError(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
        self.store = Store(db)
        self.policy = policy
        self.processes = processes

    # ------------------------------------------------------------------ input
    def add_documents(self, docs: Iterable[Document | Skipped],
                      on_item: Callable[[Document | Skipped], None] | None = None) -> IngestResult:
        """Run documents through the pipeline into the store (idempotent)."""
        return process(docs, self.store, policy=self.policy, processes=self.processes, on_item=on_item)

    def ingest(self, paths: Sequence[str], *, published: date | None = None, outlet: str | None = None,
               stdin: TextIO | BinaryIO | None = None,
               on_item: Callable[[Document | Skipped], None] | None = None) -> IngestResult:
        """Read files, directories, JSON Lines or ``-`` (stdin) and add every article."""
        from newsledger.ingest import read_inputs

        items = read_inputs(paths, published=published, outlet=outlet, stdin=stdin)
        return self.add_documents(items, on_item=on_item)

    def set_policy(self, policy: str) -> int:
        """Re-reconcile every incident under another policy; returns how many."""
        if policy not in POLICIES:
            raise ValueError(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
        self.policy = policy
        return rereconcile(self.store, policy)

    # ----------------------------------------------------------------- output
    def incidents(self) -> list[Incident]:
        return self.store.incidents()

    def incident(self, incident_id: int) -> Incident | None:
        return self.store.incident(incident_id)

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def documents(self) -> list[Document]:
        return list(self.store.documents())

    def incidents_of_document(self, doc_id: str) -> list[int]:
        return self.store.incident_of_document(doc_id)

    def skipped(self) -> list[Skipped]:
        return self.store.skipped()

    def export_dict(self) -> dict[str, Any]:
        """The JSON export (schema in README.md)."""
        return {
            "incidents": [i.as_dict() for i in self.incidents()],
            "skipped": [s.as_dict() for s in self.skipped()],
        }

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
