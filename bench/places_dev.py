"""Measure ``event_location`` on the GVA dev split (US local news).

    .venv/bin/python bench/places_dev.py [--split dev] [--errors bench/out/places_errors.jsonl]

Per article: city (our name, its county, or a same-named admin area matches gold
city_or_county after normalising), state (admin1 == gold state) and distance <= 25 km.
Prints a table and writes bench/out/places_dev.json.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsledger.extract.gazetteer import Gazetteer, name_key  # noqa: E402
from newsledger.extract.places import event_location  # noqa: E402

DATA = Path("/work/shared/benchdata/gva")


def _norm(s: str | None) -> str:
    if not s:
        return ""
    s = re.sub(r"\((?:county)\)", "county", s, flags=re.I)
    return name_key(s)


def _gold_names(g: str) -> set[str]:
    out = {_norm(g)}
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", g)
    if m:
        out |= {_norm(m.group(1)), _norm(m.group(2))}
        if m.group(2).lower() == "county":
            out.add(_norm(m.group(1) + " County"))
    out |= {o[:-7] for o in list(out) if o.endswith(" county")}
    return {o for o in out if o}


def _km(a, b, c, d) -> float:
    r = math.radians
    h = math.sin(r(c - a) / 2) ** 2 + math.cos(r(a)) * math.cos(r(c)) * math.sin(r(d - b) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", default=str(ROOT / "bench/out/places_errors.jsonl"))
    args = ap.parse_args()
    inc = {}
    for line in open(DATA / "incidents.jsonl"):
        d = json.loads(line)
        inc[d["incident_id"]] = d
    docs = [json.loads(l) for l in open(DATA / "documents.jsonl")]
    docs = [d for d in docs if d["split"] == args.split]
    gaz = Gazetteer.default()
    n = city = state = near = none = with_coords = 0
    errors = []
    t0 = time.perf_counter()
    for d in docs:
        g = inc[d["incident_id"]]
        loc = event_location(d["content"], title=d["title"], gazetteer=gaz, url=d.get("uri"))
        n += 1
        if loc is None:
            none += 1
            with_coords += g.get("latitude") is not None
            errors.append({"doc_id": d["doc_id"], "gold": [g["city_or_county"], g["state"]],
                           "got": None, "title": d["title"]})
            continue
        names = {_norm(loc.name)} | {_norm(x) for x in loc.mentions}
        ok_city = bool(_gold_names(g["city_or_county"]) & {_norm(loc.name)})
        ok_state = (loc.admin1 or "") == g["state"]
        has = g.get("latitude") is not None
        with_coords += has
        ok_near = (
            not has or loc.lat is not None
            and _km(loc.lat, loc.lon, g["latitude"], g["longitude"]) <= 25
        )
        city += ok_city
        state += ok_state
        near += ok_near and has
        if not (ok_city and ok_state and ok_near):
            errors.append({
                "doc_id": d["doc_id"], "gold": [g["city_or_county"], g["state"]],
                "got": [loc.name, loc.admin1, loc.country_code, loc.precision],
                "mentions": loc.mentions, "ok": [ok_city, ok_state, ok_near],
                "title": d["title"], "head": d["content"][:300],
            })
        del names
    dt = time.perf_counter() - t0
    res = {
        "split": args.split, "articles": n, "city": city / n, "state": state / n,
        "within_25km": near / max(1, with_coords), "with_coords": with_coords, "none": none, "seconds": round(dt, 2),
        "articles_per_s": round(n / dt, 1),
    }
    print(f"{'metric':<14}{'value':>10}")
    for k in ("articles", "city", "state", "within_25km", "with_coords", "none", "seconds", "articles_per_s"):
        v = res[k]
        print(f"{k:<14}{v:>10.3f}" if isinstance(v, float) else f"{k:<14}{v:>10}")
    out = ROOT / "bench/out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "places_dev.json").write_text(json.dumps(res, indent=2))
    with open(args.errors, "w") as f:
        for e in errors:
            f.write(json.dumps(e) + "\n")


if __name__ == "__main__":
    main()
