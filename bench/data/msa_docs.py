"""Build a doc-gold file (``newsledger eval docs`` format) from Stanford Mass Shootings in
America (CC BY 4.0; "Stanford Mass Shootings in America, courtesy of the Stanford
Geospatial Center and Stanford Libraries") in /work/shared/benchdata/stanford-msa.

The set has splits train (237) / test (63) / dev (35); default ``dev``. One line per
incident::

    {"id": "msa_<case>", "text": description, "title": title,
     "gold": {"killed": killed_excl_shooter, "injured": injured, "event_date": date (ISO),
              "event_type": "mass shooting",
              "location": {"name": city, "admin1": state, "country": "US"}},
     "extra": {"killed_incl_shooter": ..., "fate_of_shooter_at_scene": ...}}

Decisions:

* **killed = ``killed_excl_shooter``** = Number of Civilian Fatalities + Number of Enforcement
  Fatalities: in the data dictionary both count people "killed by the shooter(s)", while
  "Total Number of Fatalities" explicitly "includes the shooter(s) if he/she was killed or
  committed suicide". The descriptions state the victims ("killed sixteen people and wounded
  thirty-two others") and mention the shooter's death separately, and the ledger's claims
  flag the perpetrator (``Claim.perpetrator``), so victims-only is what a reader of the text
  would count. (GVA differs: its num_killed includes a killed shooter.) The
  including-the-shooter figure is kept under ``extra`` for error analysis, never scored.
* **injured = ``injured``** = civilian + enforcement injured (by gunshot, per the dictionary).
* **No published date.** The description is curator-written years after the event (no
  document creation date exists); supplying the incident date as "published" would hand the
  system the answer to event_date. The descriptions usually state the date in full
  ("On August 1, 1966, ..."), which is what event_date measures here.
* location "City, State" (or "Village, County, State"): name = first part, admin1 = last.
* no coordinates in the file, so within_25km / median_km are not scored.

    .venv/bin/python bench/data/msa_docs.py [--split dev] [--out bench/out/msa_dev_docs.jsonl]
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/benchdata/stanford-msa")


def iso_date(us_date: str | None) -> str | None:
    """"8/1/1966" -> "1966-08-01"."""
    if not us_date:
        return None
    try:
        m, d, y = (int(x) for x in us_date.strip().split("/"))
        return date(y, m, d).isoformat()
    except (ValueError, TypeError):
        return None


def row_of(r: dict) -> dict:
    parts = [p.strip() for p in (r.get("location") or "").split(",") if p.strip()]
    loc = {"country": "US"}
    if parts:
        loc["name"] = parts[0]
    if len(parts) >= 2:
        loc["admin1"] = parts[-1]
    gold = {
        "killed": r.get("killed_excl_shooter"),
        "injured": r.get("injured"),
        "event_date": iso_date(r.get("date")),
        "event_type": "mass shooting",
        "location": loc,
    }
    return {
        "id": r["id"],
        "title": r.get("title"),
        "text": r["description"],
        "gold": {k: v for k, v in gold.items() if v is not None},
        "extra": {
            "killed_incl_shooter": r.get("total_killed_incl_shooter"),
            "fate_of_shooter_at_scene": r.get("fate_of_shooter_at_scene"),
        },
    }


def build(split: str | None = "dev", data: Path = DEFAULT_DATA, limit: int | None = None) -> list[dict]:
    rows = []
    with open(data / "msa.jsonl", encoding="utf-8") as fh:
        for r in map(json.loads, fh):
            if split not in (None, "all") and r.get("split") != split:
                continue
            if not (r.get("description") or "").strip():
                continue
            rows.append(row_of(r))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def main(argv: list[str] | None = None) -> int:
    from doc_gold import run

    return run(argv, name="msa", doc=__doc__, default_data=DEFAULT_DATA, splits="train / dev / test",
               build=build, summary=lambda rows: f"{len(rows)} descriptions")


if __name__ == "__main__":
    raise SystemExit(main())
