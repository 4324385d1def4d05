"""``newsledger eval docs FILE.jsonl``: per-document gold.

Input, one JSON object a line::

    {"id": "...", "text": "...", "title": "..."?, "published": "YYYY-MM-DD"?,
     "gold": {"killed"?: int, "injured"?: int, "arrested"?: int,
              "event_date"?: "YYYY-MM-DD", "event_type"?: "label",
              "location"?: {"name"?, "admin1"?, "country"? (name or ISO code), "lat"?, "lon"?}}}

Each document is processed on its own: a fresh Ledger on a temporary sqlite file per
document, so no other article can merge into (or split) its incident. Its *main incident* is
the incident containing the document with the most claims from it (ties: larger killed +
injured best, then the earlier incident id; see ``common.main_incident``).

Scoring, per gold field present (absent fields are not scored; a document where the system
finds no incident — or where the pipeline raises, reported as ``errors`` — counts as wrong
for every field, never skipped):

* killed / injured / arrested: ``exact`` = system ``best`` equals gold; ``within`` = gold
  inside the system's [low, high] (high None = unbounded); ``mae`` = mean |gold - best|
  with a missing best taken as 0. Arrests come from the incident's "arrested" claims
  (``common.arrested_estimate``).
* event_date: the incident date's ``start`` equals the gold date exactly (a year-less
  ``--MM-DD`` date or a coarser one is wrong).
* location: ``country`` (names / ISO codes normalised with pycountry), ``admin1``
  (normalised: case, diacritics and generic words like "Province" ignored), ``city``
  (normalised place name vs gold ``name``; either name of a GVA "Milwaukee (West Allis)"),
  ``within_25km`` (share of the documents with gold
  coordinates where the system's point is within 25 km; no system point = miss) and
  ``median_km`` (over documents where both have coordinates).
* event_type: gold label mapped to the six ACLED types (``eval.acled``), accuracy; labels
  without an ACLED counterpart are not scored.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from newsledger.eval import scoring
from newsledger.eval.acled import to_acled
from newsledger.eval.common import (
    arrested_estimate,
    claims_of,
    main_incident,
    make_document,
    print_table,
    read_jsonl,
    temp_ledger,
    write_jsonl,
)
from newsledger.models import Estimate, Incident

COUNT_FIELDS = ("killed", "injured", "arrested")


def _estimate(inc: Incident | None, field: str, doc_id: str) -> Estimate:
    if inc is None:
        return Estimate()
    if field == "arrested":
        return arrested_estimate(inc, doc_id)
    return getattr(inc, field) or Estimate()


class DocsScorer:
    """Accumulates the per-document scores; ``add`` returns the per-document verdicts."""

    def __init__(self) -> None:
        self.n = 0
        self.found = 0
        self.counts = {f: scoring.CountScore() for f in COUNT_FIELDS}
        self.date = scoring.Ratio()
        self.country = scoring.Ratio()
        self.admin1 = scoring.Ratio()
        self.city = scoring.Ratio()
        self.within_25 = scoring.Ratio()
        self.km: list[float] = []
        self.event_type = scoring.Ratio()

    def add(self, gold: dict, inc: Incident | None, doc_id: str) -> dict[str, Any]:
        self.n += 1
        self.found += inc is not None
        verdict: dict[str, Any] = {}
        for f in COUNT_FIELDS:
            if gold.get(f) is None:
                continue
            est = _estimate(inc, f, doc_id)
            verdict[f] = self.counts[f].add(int(gold[f]), est.best, est.low, est.high)
        if gold.get("event_date"):
            sys_date = inc.date.start if inc is not None and inc.date else None
            verdict["event_date"] = self.date.add(sys_date == gold["event_date"])
        loc = gold.get("location") or {}
        sl = inc.location if inc is not None else None
        if loc.get("country"):
            sys_country = (sl.country_code or sl.country) if sl else None
            verdict["country"] = self.country.add(scoring.country_match(loc["country"], sys_country))
        if loc.get("admin1"):
            verdict["admin1"] = self.admin1.add(scoring.admin1_match(loc["admin1"], sl.admin1 if sl else None))
        if loc.get("name"):
            hit = False
            if sl is not None:
                hit = scoring.gold_place_match(loc["name"], sl.name)
            verdict["city"] = self.city.add(hit)
        if loc.get("lat") is not None and loc.get("lon") is not None:
            km = None
            if sl is not None and sl.lat is not None and sl.lon is not None:
                km = scoring.haversine_km(float(loc["lat"]), float(loc["lon"]), sl.lat, sl.lon)
                self.km.append(km)
            verdict["km"] = None if km is None else round(km, 2)
            verdict["within_25km"] = self.within_25.add(km is not None and km <= 25.0)
        gold_type = to_acled(gold.get("event_type"))
        if gold_type is not None:
            verdict["event_type"] = self.event_type.add(inc is not None and inc.event_type == gold_type)
        return verdict

    def metrics(self) -> dict[str, Any]:
        med = scoring.median(self.km)
        out: dict[str, Any] = {
            "n": self.n,
            "found": round(self.found / self.n, 4) if self.n else None,
            "killed": self.counts["killed"].as_dict(),
            "injured": self.counts["injured"].as_dict(),
        }
        if self.counts["arrested"].n:
            out["arrested"] = self.counts["arrested"].as_dict()
        out.update(
            {
                "event_date": {"exact": self.date.value, "n": self.date.n},
                "within_25km": self.within_25.value,
                "median_km": None if med is None else round(med, 2),
                "country": self.country.value,
                "admin1": self.admin1.value,
                "city": self.city.value,
                "event_type": {"accuracy": self.event_type.value, "n": self.event_type.n},
                "location_n": {
                    "country": self.country.n,
                    "admin1": self.admin1.n,
                    "city": self.city.n,
                    "coords": self.within_25.n,
                    "km": len(self.km),
                },
            }
        )
        return out


def _predicted(inc: Incident | None, doc_id: str, n_incidents: int) -> dict[str, Any]:
    if inc is None:
        return {"incident": None, "n_incidents": n_incidents}
    return {
        "incident": inc.id,
        "n_incidents": n_incidents,
        "event_type": inc.event_type,
        "sub_type": inc.sub_type,
        "date": inc.date.as_dict() if inc.date else None,
        "location": inc.location.as_dict() if inc.location else None,
        "killed": inc.killed.as_dict() if inc.killed else None,
        "injured": inc.injured.as_dict() if inc.injured else None,
        "arrested": arrested_estimate(inc, doc_id).as_dict(),
        "audit": {"killed": inc.killed.rule if inc.killed else None, "injured": inc.injured.rule if inc.injured else None},
        "claims": [
            {k: c.as_dict()[k] for k in ("counts", "low", "high", "text", "negated", "historical", "perpetrator", "sentence")}
            for c in claims_of(inc, doc_id)
        ],
    }


def run_docs(path: str, out: str | None = None, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    """Score the ledger on a doc-gold file; returns the metrics dict (see module doc).

    With ``out``, writes ``predictions.jsonl`` (gold vs predicted, the main incident's
    claims, per-field verdicts) and ``metrics.json`` to that directory."""
    scorer = DocsScorer()
    records = []
    n_errors = 0
    started = time.perf_counter()
    for i, row in enumerate(read_jsonl(path)):
        if limit is not None and i >= limit:
            break
        doc = make_document(row, source=f"{path}:{i + 1}")
        gold = row.get("gold") or {}
        error = None
        result, incidents = None, []
        try:
            with temp_ledger() as ledger:
                result = ledger.add_documents([doc])
                incidents = ledger.incidents()
        except Exception as exc:  # a crash on one article is a miss, not the end of the run
            error = f"{type(exc).__name__}: {exc}"
            n_errors += 1
            if progress:
                print(f"  {doc.id}: {error}", file=sys.stderr)
        inc = main_incident(incidents, doc.id)
        verdict = scorer.add(gold, inc, doc.id)
        skipped = [s.as_dict() if hasattr(s, "as_dict") else str(s) for s in (getattr(result, "skipped", None) or [])]
        records.append(
            {
                "id": doc.id,
                "title": doc.title,
                "published": row.get("published"),
                "gold": gold,
                "predicted": _predicted(inc, doc.id, len(incidents)),
                "verdict": verdict,
                "skipped": skipped,
                "error": error,
            }
        )
        if progress and (i + 1) % 25 == 0:
            print(f"  {i + 1} documents, {time.perf_counter() - started:.0f}s", file=sys.stderr)
    metrics = scorer.metrics()
    metrics["errors"] = n_errors
    metrics["seconds"] = round(time.perf_counter() - started, 2)
    if out:
        outdir = Path(out)
        write_jsonl(outdir / "predictions.jsonl", records)
        (outdir / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def print_docs_report(metrics: dict[str, Any], file=None) -> None:
    rows: list[list[Any]] = []
    for f in COUNT_FIELDS:
        m = metrics.get(f)
        if m and m.get("n"):
            rows.append([f, m["n"], m["exact"], m["within"], m["mae"]])
    found = metrics.get("found")
    print(
        f"{metrics['n']} documents; an incident found for {found * 100:.1f} %; pipeline errors: {metrics.get('errors', 0)}"
        if found is not None
        else f"{metrics['n']} documents",
        file=file,
    )
    print_table(
        "Counts",
        ["field", "n", "exact", "within", "MAE"],
        rows,
        file=file,
    )
    ln = metrics.get("location_n", {})
    rows2 = [
        ["event_date exact", metrics["event_date"]["n"], metrics["event_date"]["exact"]],
        ["country", ln.get("country", 0), metrics["country"]],
        ["admin1", ln.get("admin1", 0), metrics["admin1"]],
        ["city", ln.get("city", 0), metrics["city"]],
        ["within 25 km", ln.get("coords", 0), metrics["within_25km"]],
        ["median km", ln.get("km", 0), metrics["median_km"]],
        ["event_type accuracy", metrics["event_type"]["n"], metrics["event_type"]["accuracy"]],
    ]
    print_table("Date, place, type", ["metric", "n", "value"], rows2, file=file)
