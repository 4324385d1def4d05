"""Decide which incident a document's event joins, and say why.

An event joins the best-scoring existing incident when the evidence agrees, or starts a new
one. Evidence, each with a stated weight:

* date: same day +2, within 1 day +2, within 3 days +1; more than ``DATE_WINDOW`` days apart
  (both known to the day) rules the pair out;
* place: same GeoNames id or ≤ 10 km +2, ≤ 50 km +1; > 100 km or another country rules it out;
  no place on either side 0;
* type: same ACLED type +1, another type −1;
* killed: the same figure +1.

A score of ``JOIN_SCORE`` or more joins. The reason is stored with the event and shown by
``newsledger show``. Incremental by construction: only incidents inside the date window are
loaded, so adding documents never reprocesses the ledger.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from newsledger.models import Event, Location
from newsledger.store.store import IncidentRow

DATE_WINDOW = 3
JOIN_SCORE = 4


def _day(value: str | None) -> date | None:
    if value and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def km(a: Location, b: Location) -> float | None:
    """Great-circle distance in km, or None when either has no coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def window(ev: Event) -> tuple[str | None, str | None]:
    """The date range of incidents worth comparing with ``ev`` (ISO strings)."""
    d = _day(ev.date.start)
    if d is None:
        return None, None
    return (d - timedelta(days=DATE_WINDOW)).isoformat(), (d + timedelta(days=DATE_WINDOW)).isoformat()


def score(ev: Event, killed: int | None, row: IncidentRow) -> tuple[float, list[str]] | None:
    """Agreement score of an event with an incident, with reasons; None when ruled out."""
    reasons: list[str] = []
    total = 0.0
    d1, d2 = _day(ev.date.start), _day(row.date.start)
    if d1 and d2:
        gap = abs((d1 - d2).days)
        if gap > DATE_WINDOW:
            return None
        pts = 2 if gap <= 1 else 1
        total += pts
        reasons.append(f"date {'same day' if gap == 0 else f'{gap} day(s) apart'} (+{pts})")
    elif ev.date.start and row.date.start and ev.date.start != row.date.start:
        reasons.append("dates not comparable (0)")
    a, b = ev.location, row.location
    if a is not None and b is not None:
        if a.country_code and b.country_code and a.country_code != b.country_code:
            return None
        dist = km(a, b)
        if a.geonames_id and a.geonames_id == b.geonames_id:
            total += 2
            reasons.append(f"same place {a.name} (+2)")
        elif dist is not None:
            if dist > 100:
                return None
            pts = 2 if dist <= 10 else 1 if dist <= 50 else 0
            total += pts
            reasons.append(f"{dist:.0f} km apart (+{pts})")
    if ev.event_type == row.event_type:
        total += 1
        reasons.append(f"same type {ev.event_type} (+1)")
    else:
        total -= 1
        reasons.append(f"different type {ev.event_type} vs {row.event_type} (-1)")
    if killed is not None and row.killed_best is not None and killed == row.killed_best:
        total += 1
        reasons.append(f"same killed figure {killed} (+1)")
    return total, reasons


def choose(ev: Event, killed: int | None, rows: list[IncidentRow]) -> tuple[int | None, str]:
    """(incident id to join or None for a new one, why)."""
    best: tuple[float, int, list[str]] | None = None
    for row in rows:
        scored = score(ev, killed, row)
        if scored is None:
            continue
        total, reasons = scored
        if best is None or total > best[0]:
            best = (total, row.id, reasons)
    if best is not None and best[0] >= JOIN_SCORE:
        return best[1], f"joined incident {best[1]}: score {best[0]:g} ≥ {JOIN_SCORE}: " + ", ".join(best[2])
    if best is None:
        return None, f"started: no incident within {DATE_WINDOW} days, 100 km and the same country"
    return None, (f"started: best candidate incident {best[1]} scored {best[0]:g} < {JOIN_SCORE} ("
                  + ", ".join(best[2]) + ")")
