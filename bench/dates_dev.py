"""Event-date accuracy on the GVA benchmark.

    .venv/bin/python bench/dates_dev.py                 # dev split, table + bench/out/dates_dev.json
    .venv/bin/python bench/dates_dev.py --split train --errors 40   # error analysis on train
    .venv/bin/python bench/dates_dev.py --docs bench/out/gva_dev_docs.jsonl   # pipeline inputs

``--docs`` reads an ``eval docs`` file as ``eval docs`` does, so the text, title, URL and
publication date are what the pipeline sees (an empty page's title as its text); only the
pipeline's focus sentences (from the claims) are missing.

Scores ``event_date(content, dct, title=title, url=uri)`` against the incident date (exact day:
``start`` equals the gold date). Also prints the publication-date baseline, the accuracy by
the precision we returned, the distribution of (predicted - gold) day offsets and the
speed of the date module alone.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger.extract.dates import event_date, find_dates  # noqa: E402

DATA = Path("/work/shared/benchdata/gva")


def load(split: str) -> list[dict]:
    gold = {}
    with open(DATA / "incidents.jsonl") as fh:
        for line in fh:
            d = json.loads(line)
            gold[d["incident_id"]] = d["date"]
    docs = []
    with open(DATA / "documents.jsonl") as fh:
        for line in fh:
            d = json.loads(line)
            if d["split"] == split:
                d["gold"] = gold[d["incident_id"]]
                docs.append(d)
    return docs


def load_docs(path: str) -> list[dict]:
    """The articles of an ``eval docs`` file as ``eval docs`` builds them."""
    from newsledger.eval.common import make_document, read_jsonl

    docs = []
    for row in read_jsonl(path):
        gold = (row.get("gold") or {}).get("event_date")
        if not gold:
            continue
        doc = make_document(row)
        docs.append({
            "doc_id": doc.id, "content": doc.text, "title": doc.title, "uri": doc.url,
            "gold": gold, "dct": doc.published.isoformat() if doc.published else None,
        })
    return docs


def fit(docs: list[dict], l2: float = 0.002, iters: int = 600) -> dict[str, float]:
    """Fit ``dates._WEIGHTS``: conditional logit over each article's day candidates, the
    probability of the gold day being the sum over the candidates that resolve to it."""
    import numpy as np

    from newsledger.extract import dates as D

    rows, doc_ix, pos = [], [], []
    names: list[str] = sorted(set(D._WEIGHTS) | {"earliest", "latest", "no_event"})
    k = 0
    for d in docs:
        pub = date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
        _, cands = D._candidates(d["content"], pub, None, d.get("title"))
        cands = [c for c in cands if c.key[2] == "day"]
        labels = [c.key[0] == d["gold"] for c in cands]
        if not any(labels) or all(labels):
            continue
        for c, y in zip(cands, labels):
            for f in c.features:
                if f not in names:
                    names.append(f)
            rows.append(c.features)
            doc_ix.append(k)
            pos.append(y)
        k += 1
    X = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    doc = np.array(doc_ix)
    y = np.array(pos, dtype=float)
    w = np.array([D._WEIGHTS.get(n, 0.0) for n in names])
    m_, v_ = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, iters + 1):
        s = X @ w
        mx = np.full(k, -np.inf)
        np.maximum.at(mx, doc, s)
        e = np.exp(s - mx[doc])
        z = np.bincount(doc, e, k)
        zp = np.bincount(doc, e * y, k)
        p = e / z[doc]
        q = e * y / zp[doc]
        loss = -np.sum(np.log(zp / z)) / k + l2 * np.sum(w * w)
        g = (X.T @ (p - q)) / k + 2 * l2 * w
        m_ = 0.9 * m_ + 0.1 * g
        v_ = 0.999 * v_ + 0.001 * g * g
        w -= 0.05 * (m_ / (1 - 0.9 ** t)) / (np.sqrt(v_ / (1 - 0.999 ** t)) + 1e-8)
        if t % 100 == 0:
            print(f"iter {t} loss {loss:.4f}")
    out = {n: round(float(x), 2) for n, x in zip(names, w)}
    print(f"{k} articles with a gold candidate")
    print("_WEIGHTS = " + json.dumps(out, indent=1))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors")
    ap.add_argument("--out", default=None)
    ap.add_argument("--docs", default=None,
                    help="an eval-docs JSON Lines file, read as the pipeline reads it")
    ap.add_argument("--fit", action="store_true",
                    help="fit the evidence weights on this split (use train) and print them")
    args = ap.parse_args()
    docs = load_docs(args.docs) if args.docs else load(args.split)
    if args.docs:
        args.split = Path(args.docs).stem
    if args.fit:
        fit(docs)
        return

    rows = []
    t0 = time.perf_counter()
    for d in docs:
        pub = date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
        ed = event_date(d["content"], pub, title=d.get("title"), url=d.get("uri"))
        rows.append((d, pub, ed))
    elapsed = time.perf_counter() - t0

    n = len(rows)
    correct = sum(1 for d, _, ed in rows if ed.start == d["gold"])
    base = sum(1 for d, _, _ in rows if d.get("dct") and d["dct"][:10] == d["gold"])
    by_prec: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    offsets: collections.Counter = collections.Counter()
    for d, _, ed in rows:
        by_prec[ed.precision][0] += 1
        by_prec[ed.precision][1] += ed.start == d["gold"]
        if ed.start and len(ed.start) == 10 and not ed.start.startswith("-"):
            off = (date.fromisoformat(ed.start) - date.fromisoformat(d["gold"])).days
            offsets[off if abs(off) <= 7 else ("<-7" if off < 0 else ">7")] += 1
        else:
            offsets["none"] += 1

    print(f"split={args.split}  articles={n}")
    print(f"{'system':<28}{'correct':>8}{'accuracy':>10}")
    print(f"{'publication date baseline':<28}{base:>8}{base / n:>10.3f}")
    print(f"{'event_date':<28}{correct:>8}{correct / n:>10.3f}")
    print()
    print(f"{'precision':<12}{'n':>6}{'correct':>9}")
    for p, (k, c) in sorted(by_prec.items(), key=lambda x: -x[1][0]):
        print(f"{p:<12}{k:>6}{c:>9}")
    print()
    print("predicted - gold (days):",
          ", ".join(f"{k}:{v}" for k, v in sorted(offsets.items(), key=lambda x: -x[1])))
    print(f"speed: {n / elapsed:.0f} articles/s (event_date alone)")

    errors = []
    for d, pub, ed in rows:
        if ed.start != d["gold"]:
            errors.append({
                "doc_id": d["doc_id"], "gold": d["gold"], "dct": d.get("dct"),
                "predicted": ed.as_dict(), "text": ed.text, "title": d.get("title"),
            })
    for e, (d, pub, ed) in zip(errors[: args.errors], [r for r in rows if r[2].start != r[0]["gold"]]):
        print("\n" + "=" * 100)
        print(f"{d['doc_id']}  gold={d['gold']} dct={d.get('dct')} pub_wd="
              f"{pub.strftime('%a') if pub else None} pred={ed.start} ({ed.precision}) "
              f"via {ed.text!r}")
        print("TITLE:", d.get("title"))
        for dm in find_dates(d["content"], pub)[:14]:
            ctx = d["content"][max(0, dm.start - 70):dm.end + 50].replace("\n", " ")
            flag = "R" if dm.is_report_date else " "
            print(f"  {flag} {dm.date.start!s:<11} {dm.kind:<9} …{ctx}…")

    out = Path(args.out) if args.out else ROOT / "bench" / "out" / f"dates_{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "split": args.split, "articles": n, "correct": correct, "accuracy": correct / n,
        "baseline_publication_date": base / n,
        "by_precision": {p: {"n": k, "correct": c} for p, (k, c) in by_prec.items()},
        "offsets": {str(k): v for k, v in offsets.items()},
        "articles_per_second": n / elapsed,
        "errors": errors,
    }, indent=1))


if __name__ == "__main__":
    main()
