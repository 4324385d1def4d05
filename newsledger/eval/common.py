"""Helpers shared by the eval commands: reading gold files, building Documents, picking a
document's main incident, temporary ledgers, printing tables."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from newsledger.models import Claim, Document, Estimate, Incident


def read_jsonl(path: str | os.PathLike) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None


def write_jsonl(path: str | os.PathLike, rows: Iterable[dict]) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def make_document(row: dict, source: str | None = None) -> Document:
    """A gold line -> Document (``id``, ``text``, ``title``, ``published``)."""
    if "id" not in row or "text" not in row:
        raise ValueError(f"gold line without id/text: {str(row)[:80]}")
    return Document(
        id=str(row["id"]),
        text=row["text"],
        title=row.get("title") or None,
        published=parse_date(row.get("published")),
        url=row.get("url"),
        outlet=row.get("outlet"),
        source=source,
    )


def claims_of(incident: Incident, doc_id: str | None) -> list[Claim]:
    if doc_id is None:
        return list(incident.claims)
    return [c for c in incident.claims if c.document_id == doc_id]


def _figure(est: Estimate | None) -> int:
    return est.best if est is not None and est.best is not None else 0


def main_incident(incidents: list[Incident], doc_id: str | None = None) -> Incident | None:
    """The incident that stands for a document.

    Among the incidents that contain the document (all of them when the ledger holds this
    document only, or when none lists it), take the one with the most claims *from this
    document*; ties go to the larger killed + injured best figure, then to the lower
    (earlier) incident id. Rationale: an article is about the event it gives the most
    figures for; background events ("last year 3 people died...") usually carry one claim.
    """
    if not incidents:
        return None
    if doc_id is not None:
        containing = [i for i in incidents if any(d.id == doc_id for d in i.documents)]
        if containing:
            incidents = containing

    def key(inc: Incident):
        return (
            -len(claims_of(inc, doc_id)),
            -(_figure(inc.killed) + _figure(inc.injured)),
            inc.id if inc.id is not None else 1 << 62,
        )

    return sorted(incidents, key=key)[0]


def arrested_estimate(incident: Incident, doc_id: str | None = None) -> Estimate:
    """Arrests are not reconciled by the ledger (no ``Incident.arrested``); derive one from
    the incident's claims: usable claims = counts "arrested", not negated, not historical;
    best = the largest point figure, low = the largest low, high = the largest high (None
    if any claim is unbounded). An ``arrested`` attribute on the Incident wins if present."""
    est = getattr(incident, "arrested", None)
    if isinstance(est, Estimate):
        return est
    usable = [
        c
        for c in incident.claims
        if c.counts == "arrested" and not c.negated and not c.historical and (c.low is not None or c.high is not None)
    ]
    if not usable:
        return Estimate()
    points = [c.point for c in usable if c.point is not None]
    lows = [c.low for c in usable if c.low is not None]
    highs = [c.high for c in usable]
    return Estimate(
        low=max(lows) if lows else None,
        best=max(points) if points else None,
        high=None if any(h is None for h in highs) else max(highs),
        rule="eval: max of arrested claims",
    )


@contextmanager
def temp_ledger(prefix: str = "nl-eval-") -> Iterator[Any]:
    """A Ledger on a fresh temporary sqlite file, removed afterwards."""
    from newsledger.api import Ledger

    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        ledger = Ledger(db=f"sqlite:///{tmp}/ledger.db")
        try:
            yield ledger
        finally:
            ledger.close()


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def print_table(title: str, header: list[str], rows: list[list[Any]], file=None) -> None:
    """A table through rich when available (falls back to plain text)."""
    file = file or sys.stdout
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for h in header:
            table.add_column(h, justify="left" if h == header[0] else "right")
        for row in rows:
            table.add_row(*[fmt(v) for v in row])
        Console(file=file, width=max(100, 16 * len(header))).print(table)
    except ImportError:  # pragma: no cover - rich is a dependency
        print(title, file=file)
        widths = [max(len(str(h)), *(len(fmt(r[i])) for r in rows)) for i, h in enumerate(header)]
        print("  ".join(str(h).ljust(w) for h, w in zip(header, widths)), file=file)
        for r in rows:
            print("  ".join(fmt(v).ljust(w) for v, w in zip(r, widths)), file=file)


_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'S\b)")
_SPACE_AFTER = re.compile(r"([(\[{$]) ")
_HYPHEN = re.compile(r"(\w) - (?=\w)")
_QUOTES = re.compile(r'" ([^"]*?) "')


def detokenise(line: str) -> str:
    """Undo the SemEval-2018 Task 5 tokenisation of one line (tokens separated by spaces,
    ``NEWLINE`` marking a paragraph end): ``"non - life - threatening ."`` ->
    ``"non-life-threatening."``."""
    line = line.replace(" NEWLINE", "").replace("NEWLINE", "")
    line = _SPACE_BEFORE.sub(r"\1", line)
    line = _SPACE_AFTER.sub(r"\1", line)
    line = _HYPHEN.sub(r"\1-", line)
    line = _QUOTES.sub(r'"\1"', line)
    return re.sub(r"\s+", " ", line).strip()


def semeval_text(lines: list[str]) -> tuple[str, str]:
    """(title, text) of a SemEval document: the first line is the title (passed as the
    Document title, which the pipeline reads on its own); the text is the body lines, with a
    paragraph break after each ``NEWLINE``."""
    if not lines:
        return "", ""
    title = detokenise(lines[0])
    parts: list[str] = []
    for raw in lines[1:]:
        parts.append(detokenise(raw))
        parts.append("\n\n" if raw.rstrip().endswith("NEWLINE") else " ")
    return title, "".join(parts).strip()


@contextmanager
def open_ledger(db: str | None, prefix: str) -> Iterator["Ledger"]:
    """The ledger at ``db``, or a fresh one in a temporary directory removed afterwards."""
    from newsledger.api import Ledger

    with ExitStack() as stack:
        if db is None:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix=prefix))
            db = f"sqlite:///{tmp}/ledger.db"
        ledger = stack.enter_context(Ledger(db=db))
        yield ledger
