"""Build a doc-gold file (``newsledger eval docs`` format) from the Gun Violence Archive
development data in /work/shared/benchdata/gva.

One line per article of the chosen split (default ``dev``: 607 articles)::

    {"id": doc_id, "incident_id": GVA incident id, "text": content, "title": title,
     "published": dct, "url": uri,
     "gold": {"killed": num_killed, "injured": num_injured, "event_date": incident date,
              "event_type": "shooting",
              "location": {"name": city_or_county, "admin1": state, "country": "US",
                           "lat": latitude, "lon": longitude}}}

13 dev articles have an empty ``content`` (the crawl failed); their title is used as the text
so the file keeps all 607 dev articles the README floors are computed on.

Notes on the gold: it is the incident's *final* total (an early article may report fewer
deaths); GVA's num_killed counts a shooter killed in the incident (suicide or shot by police)
like any other death, so gold "killed" is num_killed minus the suspects whose status is Killed
(victims only, as newsledger's killed figure), with those under "perpetrators_killed"; "shooting" maps to ACLED "Violence against civilians"
(newsledger/eval/acled.py). ``incident_id`` lets the same file feed ``eval clusters``.

    .venv/bin/python bench/data/gva_docs.py [--split dev] [--out bench/out/gva_dev_docs.jsonl]
"""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/benchdata/gva")


def load_incidents(data: Path = DEFAULT_DATA) -> dict[str, dict]:
    with open(data / "incidents.jsonl", encoding="utf-8") as fh:
        return {str(r["incident_id"]): r for r in map(json.loads, fh)}


def gold_of(inc: dict) -> dict:
    loc = {"name": inc.get("city_or_county"), "admin1": inc.get("state"), "country": "US"}
    if inc.get("latitude") is not None and inc.get("longitude") is not None:
        loc["lat"] = inc["latitude"]
        loc["lon"] = inc["longitude"]
    # Victims only: GVA's num_killed also counts a suspect who died; newsledger counts
    # perpetrators apart (Incident.perpetrators_killed), as the participant types record them.
    perps = sum(1 for p in inc.get("participants", [])
                if p.get("Type") == "Subject-Suspect" and str(p.get("Status", "")).startswith("Killed"))
    killed = inc.get("num_killed")
    gold = {
        "killed": None if killed is None else killed - perps,
        "perpetrators_killed": perps,
        "injured": inc.get("num_injured"),
        "event_date": inc.get("date"),
        "event_type": "shooting",
        "location": {k: v for k, v in loc.items() if v not in (None, "")},
    }
    return {k: v for k, v in gold.items() if v is not None}


def build(split: str | None = "dev", data: Path = DEFAULT_DATA, limit: int | None = None,
          incidents: set[str] | None = None) -> list[dict]:
    """The doc-gold rows of a split (``None`` or "all" = every split)."""
    inc_by_id = load_incidents(data)
    rows = []
    with open(data / "documents.jsonl", encoding="utf-8") as fh:
        for doc in map(json.loads, fh):
            if split not in (None, "all") and doc.get("split") != split:
                continue
            iid = str(doc["incident_id"])
            if incidents is not None and iid not in incidents:
                continue
            inc = inc_by_id.get(iid)
            text = (doc.get("content") or "").strip() or (doc.get("title") or "").strip()
            if inc is None or not text:
                continue
            rows.append(
                {
                    "id": doc["doc_id"],
                    "incident_id": iid,
                    "title": doc.get("title"),
                    "published": doc.get("dct"),
                    "url": doc.get("uri"),
                    "text": text,
                    "gold": gold_of(inc),
                }
            )
            if limit is not None and len(rows) >= limit:
                break
    return rows


def main(argv: list[str] | None = None) -> int:
    from doc_gold import run

    return run(argv, name="gva", doc=__doc__, default_data=DEFAULT_DATA, splits="train / dev / extra",
               build=build, summary=lambda rows: f"{len(rows)} articles of {len({r['incident_id'] for r in rows})} incidents")


if __name__ == "__main__":
    raise SystemExit(main())
