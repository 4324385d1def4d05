"""Speed of the resolve+store part of ingest (clustering, reconcile, copies, writes) on a
10,000-document ledger, and of adding 100 documents to it.

Extraction is not timed: the reports of the Gun Violence Archive articles (train + dev, or
``--split all``) are extracted once (cached in ``--cache``), then the corpus is grown to
``--n`` documents by *replicas*: replica k (k ≥ 1) of an article has every date (event and
publication) moved k × 4 years later and every capitalised word suffixed with a replica tag
(so its person names, place spellings and document id are new and it is not a reprint of
the original), its lowercase words unchanged (so word frequencies and candidate windows look
like a larger corpus of similar local news: ~3× the incidents a day of the real data). The
documents go through ``pipeline.add_report`` into a fresh SQLite ledger in date order per
replica, in the batched transactions ``newsledger ingest`` uses (``Store.batch``); the last
100 are timed separately ("add 100 to a 10,000-document ledger").

    .venv/bin/python bench/cluster_speed.py [--n 10100] [--add 100] [--out bench/out/cluster_speed.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from newsledger import pipeline  # noqa: E402
from newsledger.eval.common import make_document  # noqa: E402
from newsledger.store.store import Store  # noqa: E402

_CAP = re.compile(r"\b([A-Z][a-z]+)")
_TAGS = "qxzvkwjf"


def base_reports(split: str, cache: Path) -> list:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    import gva_docs

    splits = ["train", "dev"] if split == "train+dev" else [split]
    docs, seen = [], set()
    for sp in splits:
        for i, row in enumerate(gva_docs.build(sp)):
            d = make_document(row, source=f"gva:{sp}:{i}")
            if d.id not in seen:
                seen.add(d.id)
                docs.append(d)
    reps = [r for r, _ in pipeline.reports(iter(docs), processes=2)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(reps))
    return reps


def _shift(value: str | None, days: int) -> str | None:
    if value and len(value) == 10 and value[4] == "-":
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def replica(report, k: int):
    if k == 0:
        return report
    r = copy.deepcopy(report)
    days, tag = 1461 * k, _TAGS[k % len(_TAGS)] * ((k - 1) // len(_TAGS) + 1)
    doc = r.document
    new_id = f"{doc.id}-r{k}"
    doc.id = new_id
    doc.text = _CAP.sub(lambda m: m.group(1) + tag, doc.text)
    doc.title = _CAP.sub(lambda m: m.group(1) + tag, doc.title) if doc.title else doc.title
    doc.published = doc.published + timedelta(days=days) if doc.published else None
    for ev in r.events:
        ev.document_id = new_id
        ev.date.start, ev.date.end = _shift(ev.date.start, days), _shift(ev.date.end, days)
        for c in ev.claims:
            c.document_id = new_id
    return r


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train+dev", help="GVA split(s) whose reports seed the corpus")
    ap.add_argument("--cache", default="bench/out/cluster_speed_reports.pkl")
    ap.add_argument("--n", type=int, default=10_100, help="documents in all (the last --add are timed apart)")
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--out", default="bench/out/cluster_speed.json")
    args = ap.parse_args(argv)

    base = base_reports(args.split, Path(args.cache))
    base.sort(key=lambda r: (r.document.published or date.min, r.document.id))
    corpus = []
    k = 0
    while len(corpus) < args.n:
        corpus.extend(replica(r, k) for r in base[: args.n - len(corpus)])
        k += 1
    first, last = corpus[: args.n - args.add], corpus[args.n - args.add:]
    with tempfile.TemporaryDirectory(prefix="nl-cluster-speed-") as tmp:
        store = Store(f"sqlite:///{tmp}/ledger.db")
        t = time.perf_counter()
        with store.batch() as batch:  # as ``newsledger ingest`` stores them
            for r in first:
                pipeline.add_report(store, r, batch=batch)
        build = time.perf_counter() - t
        t = time.perf_counter()
        with store.batch() as batch:
            for r in last:
                pipeline.add_report(store, r, batch=batch)
        add = time.perf_counter() - t
        incidents = len(store.incident_ids())
        store.close()
    out = {
        "base_reports": len(base), "replicas": k, "documents": len(first),
        "resolve_store_seconds": round(build, 1), "ms_per_document": round(1000 * build / len(first), 2),
        "added": len(last), "add_seconds": round(add, 2), "incidents": incidents,
    }
    print(json.dumps(out))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
