"""The command line shared by the doc-gold builders (``gva_docs.py``, ``msa_docs.py``): parse
--split / --data / --out / --limit, build the rows, write them as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable


def run(argv: list[str] | None, *, name: str, doc: str, default_data: Path, splits: str,
        build: Callable[[str, Path, int | None], list[dict]], summary: Callable[[list[dict]], str]) -> int:
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--split", default="dev", help=f"{splits} / all (default dev)")
    ap.add_argument("--data", type=Path, default=default_data)
    ap.add_argument("--out", type=Path, default=None, help=f"default bench/out/{name}_<split>_docs.jsonl")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parents[1] / "out" / f"{name}_{args.split}_docs.jsonl"
    rows = build(args.split, args.data, args.limit)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{summary(rows)} -> {out}", file=sys.stderr)
    return 0
