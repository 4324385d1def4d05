"""Copy detection benchmark (not a test): near-duplicates and partial copies on the Gun
Violence Archive articles, within vs across incidents.

    .venv/bin/python bench/copies_dev.py [--split all|train|dev|extra] [--out bench/out/copies_dev.json]

Every article is read through the normal ingest path (cleaning, content-hash id), stored
with ``Store.add_document`` and registered with ``copies.register`` in its own transaction,
in file order: the copy layer only, no extraction, so the timing is the copy check's own.
Then, using the gold incident of each article (only to score, never to decide):

* exact duplicates: articles whose cleaned text has the id of an earlier one;
* near-duplicate pairs: (document, its original) as stored in ``documents.duplicate_of``;
  "reference" = same-incident pairs whose exact word 5-shingle Jaccard is >= the threshold,
  found by brute force within each incident (a recall check of the LSH candidate step);
* partial-copy pairs: two documents sharing at least N fingerprinted sentences
  (N = 1 and 2), neither a near-duplicate of the other; also with sentences held by more
  than ``COMMON`` documents left out (boilerplate such as "This material may not be
  published, broadcast, rewritten or redistributed").

Pairs across different gold incidents are a precision proxy: copying between reports of
different shootings is rare, so they are mostly boilerplate or false matches.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from newsledger.ingest import read_inputs  # noqa: E402
from newsledger.models import Document  # noqa: E402
from newsledger.resolve import copies  # noqa: E402
from newsledger.store import schema as s  # noqa: E402
from newsledger.store.store import Store  # noqa: E402

GVA = Path("/work/shared/benchdata/gva/documents.jsonl")
COMMON = 10


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "copies_dev.json"))
    args = ap.parse_args()

    gold: dict[str, str] = {}
    lines = []
    with open(GVA, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if args.split != "all" and d["split"] != args.split:
                continue
            gold[d["doc_id"]] = d["incident_id"]
            lines.append(line)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in.jsonl"
    src.write_text("".join(lines), encoding="utf-8")

    store = Store(str(tmp / "copies.db"))
    inc_of: dict[str, str] = {}  # document id -> gold incident
    exact_same = exact_cross = skipped = 0
    t_register = 0.0
    n = 0
    docs: dict[str, Document] = {}
    for item in read_inputs([str(src)]):
        if not isinstance(item, Document):
            skipped += 1
            continue
        inc = gold[item.external_id]
        if item.id in inc_of:
            if inc_of[item.id] == inc:
                exact_same += 1
            else:
                exact_cross += 1
            continue
        inc_of[item.id] = inc
        docs[item.id] = item
        with store.transaction() as conn:
            store.add_document(conn, item)
            t = time.perf_counter()
            copies.register(store, conn, item)
            t_register += time.perf_counter() - t
        n += 1

    with store.engine.connect() as conn:
        dup_rows = conn.execute(select(s.documents.c.id, s.documents.c.duplicate_of)
                                .where(s.documents.c.duplicate_of.is_not(None))).all()
        prints = conn.execute(select(s.sentence_prints.c.print, s.sentence_prints.c.document_id)).all()

    def side(a: str, b: str) -> str:
        return "same" if inc_of[a] == inc_of[b] else "cross"

    near = collections.Counter(side(a, b) for a, b in dup_rows)
    near_pairs = {frozenset((a, b)) for a, b in dup_rows}
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for a, b in dup_rows:
        groups[b] |= {a, b}
    in_group = {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    near_group = collections.Counter(side(*tuple(p)) for p in in_group)

    # reference: brute-force exact Jaccard within each gold incident
    by_inc: dict[str, list[str]] = collections.defaultdict(list)
    for d, inc in inc_of.items():
        by_inc[inc].append(d)
    ref = set()
    for ds in by_inc.values():
        sh = {d: copies.shingles(docs[d].text) for d in ds}
        for a, b in itertools.combinations(ds, 2):
            if copies.jaccard(sh[a], sh[b]) >= copies.NEAR_DUPLICATE:
                ref.add(frozenset((a, b)))
    found_same = {p for p in in_group if side(*tuple(p)) == "same"}

    holders: dict[str, set[str]] = collections.defaultdict(set)
    for key, d in prints:
        holders[key].add(d)
    partial: dict[str, collections.Counter] = {}
    for label, cap in (("all sentences", None), (f"sentences held by <= {COMMON} documents", COMMON)):
        shared: collections.Counter = collections.Counter()
        for ds in holders.values():
            if len(ds) < 2 or (cap is not None and len(ds) > cap):
                continue
            for a, b in itertools.combinations(sorted(ds), 2):
                shared[frozenset((a, b))] += 1
        for k in (1, 2):
            c = collections.Counter(side(*tuple(p)) for p, m in shared.items() if m >= k and p not in in_group)
            partial[f"{label}, >= {k} shared"] = c

    result = {
        "split": args.split,
        "articles": len(lines),
        "documents_stored": n,
        "skipped_by_ingest": skipped,
        "exact_duplicates": {"same": exact_same, "cross": exact_cross},
        "near_duplicate_documents": dict(near),
        "near_duplicate_pairs_in_groups": dict(near_group),
        "reference_same_incident_pairs_jaccard_ge_threshold": len(ref),
        "reference_pairs_found": len(ref & found_same),
        "partial_copy_pairs": {k: dict(v) for k, v in partial.items()},
        "parameters": {"shingle": copies.SHINGLE, "num_perm": copies.NUM_PERM, "bands": copies.BANDS,
                       "rows": copies.ROWS, "near_duplicate": copies.NEAR_DUPLICATE, "min_words": copies.MIN_WORDS},
        "register_ms_per_document": round(1000 * t_register / max(n, 1), 2),
    }
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)

    rows = [("exact duplicates (same id)", exact_same, exact_cross),
            ("near-duplicate documents (-> original)", near["same"], near["cross"]),
            ("near-duplicate pairs within groups", near_group["same"], near_group["cross"])]
    rows += [(f"partial-copy pairs, {k}", v["same"], v["cross"]) for k, v in partial.items()]
    w = max(len(r[0]) for r in rows)
    print(f"{n} documents stored of {len(lines)} articles ({args.split}); register "
          f"{result['register_ms_per_document']} ms/document")
    print(f"{'':{w}}  {'same inc.':>9}  {'across':>7}")
    for name, a, b in rows:
        print(f"{name:{w}}  {a:>9}  {b:>7}")
    print(f"reference (brute force, same incident, Jaccard >= {copies.NEAR_DUPLICATE}): {len(ref)} pairs, "
          f"{len(ref & found_same)} found")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
