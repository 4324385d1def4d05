"""``newsledger eval clusters FILE.jsonl``: does the ledger group articles into the right
incidents?

Input: doc-gold lines (the ``eval docs`` format) with an ``incident_id`` each
(``bench/data/gva_docs.py`` writes it). All documents go into one ledger; each document's
system cluster is its main incident (``common.main_incident``: among the incidents listing
the document, the one with the most claims from it), so an article reporting several events
still sits in exactly one cluster. A document in no incident is a singleton. A document id
listed twice (one article linked to two gold incidents) counts once, under its first
incident; ``duplicate_ids`` says how many lines were dropped so.

Metrics over the gold documents: B-cubed precision / recall / F1 and CEAF-e (phi4) precision
/ recall / F1; also the number of gold and system clusters.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from newsledger.eval import scoring
from newsledger.eval.common import main_incident, make_document, open_ledger, print_table, read_jsonl, write_jsonl


def system_assignment(incidents: list, doc_ids: list[str]) -> dict[str, Any]:
    """doc id -> incident id (main incident of each document; absent = no incident)."""
    by_doc: dict[str, list] = {}
    for inc in incidents:
        for d in inc.documents:
            by_doc.setdefault(d.id, []).append(inc)
    out = {}
    for doc_id in doc_ids:
        incs = by_doc.get(doc_id)
        if incs:
            out[doc_id] = main_incident(incs, doc_id).id
    return out


def run_clusters(path: str, out: str | None = None, limit: int | None = None, db: str | None = None) -> dict[str, Any]:

    rows = []
    for i, row in enumerate(read_jsonl(path)):
        if limit is not None and i >= limit:
            break
        if row.get("incident_id") is None:
            raise ValueError(f"{path}: line {i + 1} has no incident_id")
        rows.append(row)
    # the same article may be linked to two gold incidents (GVA has a few duplicate
    # incidents): the first link counts, the repeat is reported as a duplicate
    docs, kept, gold = [], [], {}
    for i, r in enumerate(rows):
        d = make_document(r, source=f"{path}:{i + 1}")
        if d.id in gold:
            continue
        gold[d.id] = str(r["incident_id"])
        docs.append(d)
        kept.append(r)
    duplicates = len(rows) - len(kept)
    rows = kept
    started = time.perf_counter()
    with open_ledger(db, "nl-clusters-") as ledger:
        ledger.add_documents(docs)
        incidents = ledger.incidents()
    system = system_assignment(incidents, list(gold))
    figures = incident_figures(incidents, system, gold, {d.id: r.get("gold", {}) for d, r in zip(docs, rows)})
    bp, br, bf = scoring.b_cubed(gold, system)
    cp, cr, cf = scoring.ceaf_e(gold, system)
    sys_clusters = {system.get(d, ("none", d)) for d in gold}
    metrics = {
        "n": len(gold),
        "gold_clusters": len(set(gold.values())),
        "system_clusters": len(sys_clusters),
        "unassigned": sum(1 for d in gold if d not in system),
        "duplicate_ids": duplicates,
        "b3": {"p": round(bp, 4), "r": round(br, 4), "f1": round(bf, 4)},
        "ceaf_e": {"p": round(cp, 4), "r": round(cr, 4), "f1": round(cf, 4)},
        "incident_killed": figures["killed"],
        "incident_injured": figures["injured"],
        "seconds": round(time.perf_counter() - started, 2),
    }
    if out:
        outdir = Path(out)
        write_jsonl(
            outdir / "clusters.jsonl",
            ({"id": d, "gold": gold[d], "system": system.get(d), "title": r.get("title")} for d, r in zip(gold, rows)),
        )
        write_jsonl(outdir / "incident_figures.jsonl", figures["rows"])
        (outdir / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def incident_figures(incidents: list, system: dict[str, Any], gold: dict[str, str],
                     gold_fields: dict[str, dict]) -> dict[str, dict[str, Any]]:
    """Incident-level figures: each gold incident is matched to the system incident holding
    most of its articles (ties: the lower id), whose reconciled ``best`` is compared with the
    gold total. A gold incident whose articles were all left unassigned counts as wrong."""
    by_id = {i.id: i for i in incidents}
    members: dict[str, list[str]] = {}
    for doc_id, inc_id in gold.items():
        members.setdefault(inc_id, []).append(doc_id)
    out: dict[str, Any] = {"rows": []}
    for field in ("killed", "injured"):
        hits = n = 0
        for inc_id, doc_ids in members.items():
            truth = next((gold_fields[d].get(field) for d in doc_ids if gold_fields[d].get(field) is not None), None)
            if truth is None:
                continue
            n += 1
            votes: dict[Any, int] = {}
            for d in doc_ids:
                if d in system:
                    votes[system[d]] = votes.get(system[d], 0) + 1
            if not votes:
                continue
            best_sys = min(votes, key=lambda k: (-votes[k], _id_order(k)))
            inc = by_id.get(best_sys)
            got = getattr(inc, field).best if inc is not None else None
            hits += int(got == truth)
            out["rows"].append({"gold_incident": inc_id, "system_incident": best_sys, "field": field,
                                "gold": truth, "best": got, "documents": doc_ids,
                                "rule": getattr(getattr(inc, field), "rule", None) if inc is not None else None})
        out[field] = {"exact": round(hits / n, 4) if n else None, "n": n}
    return out


def _id_order(inc_id: Any) -> tuple:
    """Sort key for incident ids: numbers by value (999 before 1000), anything else by text."""
    return (0, inc_id, "") if isinstance(inc_id, int) else (1, 0, str(inc_id))


def print_clusters_report(metrics: dict[str, Any], file=None) -> None:
    print(
        f"{metrics['n']} documents: {metrics['gold_clusters']} gold incidents, {metrics['system_clusters']} system incidents",
        file=file,
    )
    print_table(
        "Clustering",
        ["metric", "P", "R", "F1"],
        [["B-cubed", *metrics["b3"].values()], ["CEAF-e", *metrics["ceaf_e"].values()]],
        file=file,
    )
    if "incident_killed" in metrics:
        print_table(
            "Incident-level figures (gold incident -> system incident with most of its articles)",
            ["figure", "exact", "n"],
            [[k, metrics[f"incident_{k}"]["exact"], metrics[f"incident_{k}"]["n"]] for k in ("killed", "injured")],
            file=file,
        )
