"""Gazetteer speed: index open time and lookup time per candidate.

    .venv/bin/python bench/gazetteer_speed.py [--rebuild]

Builds the index first if it is missing (and times the build with --rebuild), then opens
it afresh several times and looks up a fixed list of names with a cold cache. Prints a
table and writes bench/out/gazetteer_speed.json. Budgets: open <= 0.5 s, lookup <= 1 ms
per candidate on average.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsledger.extract import gazetteer as gz  # noqa: E402

NAMES = [
    "Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Moscow", "Syria", "Washington", "Springfield",
    "Kabul", "Afghanistan", "Mobile", "Alturas", "Heath", "Chicago", "St. Louis", "Berlin",
    "Paris", "Aleppo", "Homs", "Raqqa", "Mosul", "Baghdad", "Lagos", "Maiduguri", "Kent",
    "Columbia", "Franklin County", "Cook County", "Texas", "California", "New York",
    "Los Angeles", "Memphis", "Phoenix", "Nowhereville", "Police", "Sunday", "Aurora",
    "Idaho Falls", "Fort Myers", "Kandahar", "Helmand", "Tripoli", "Benghazi", "Sanaa",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rebuild", action="store_true", help="time a fresh build in a temp dir")
    args = ap.parse_args()
    res: dict[str, object] = {"version": gz.BUILD_VERSION}
    if args.rebuild:
        tmp = Path(tempfile.mkdtemp()) / "g.sqlite"
        t = time.perf_counter()
        gz.build(tmp)
        res["build_s"] = round(time.perf_counter() - t, 2)
        path = tmp
    else:
        path = gz.default_path()
        if not path.exists():
            t = time.perf_counter()
            gz.build(path)
            res["build_s"] = round(time.perf_counter() - t, 2)
    res["index_mb"] = round(os.path.getsize(path) / 1e6, 1)

    opens = []
    for _ in range(5):
        t = time.perf_counter()
        g = gz.Gazetteer(path, build_missing=False)
        opens.append(time.perf_counter() - t)
        g.close()
    res["open_s_max"] = round(max(opens), 4)
    res["open_s_mean"] = round(sum(opens) / len(opens), 4)

    g = gz.Gazetteer(path, build_missing=False)
    t = time.perf_counter()
    n_cand = 0
    for name in NAMES:  # cold: every name queried once
        n_cand += len(g.lookup(name))
    cold = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(20):
        for name in NAMES:
            g.lookup(name)
    warm = (time.perf_counter() - t) / 20
    res["names"] = len(NAMES)
    res["candidates"] = n_cand
    res["lookup_ms_per_name_cold"] = round(1000 * cold / len(NAMES), 4)
    res["lookup_ms_per_candidate_cold"] = round(1000 * cold / max(1, n_cand), 4)
    res["lookup_ms_per_name_cached"] = round(1000 * warm / len(NAMES), 5)
    res["ok"] = res["open_s_max"] <= 0.5 and res["lookup_ms_per_candidate_cold"] <= 1.0

    print(f"{'metric':<32}{'value':>12}")
    for k, v in res.items():
        print(f"{k:<32}{v!s:>12}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "gazetteer_speed.json").write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
