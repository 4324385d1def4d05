"""The ``newsledger`` command line: a thin layer over :class:`newsledger.api.Ledger`.

Only this module (and ``eval/cli.py``) prints. Exit codes: 0 when anything was ingested (or
the command succeeded), 1 when every input failed or a store/input error occurred, 2 for
usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from typing import Any

from newsledger import __version__
from newsledger.errors import NewsledgerError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsledger",
        description="Turn news reports into a ledger of events, every figure traced to its source.",
    )
    p.add_argument("--version", action="version", version=f"newsledger {__version__}")
    p.add_argument("--db", help="database URL or SQLite path (env NEWSLEDGER_DB; default ./newsledger.db)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ing = sub.add_parser("ingest", help="read articles and add them to the ledger")
    ing.add_argument("paths", nargs="+", help="files (.txt .html .jsonl), directories, or - for stdin")
    ing.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (supplies or overrides)")
    ing.add_argument("--outlet", help="outlet name (supplies or overrides)")
    ing.add_argument("--policy", choices=["ucdp", "acled"], default="ucdp", help="reconciliation policy")
    ing.add_argument("--processes", type=int, default=1, help="worker processes for extraction")
    ing.set_defaults(func=cmd_ingest)

    inc = sub.add_parser("incidents", help="print the incident table")
    inc.add_argument("--policy", choices=["ucdp", "acled"], help="re-reconcile under this policy first")
    inc.set_defaults(func=cmd_incidents)

    show = sub.add_parser("show", help="one incident with every claim and why documents joined")
    show.add_argument("id", type=int)
    show.set_defaults(func=cmd_show)

    exp = sub.add_parser("export", help="write the ledger as JSON or CSV")
    exp.add_argument("--format", choices=["json", "csv"], default="json")
    exp.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    exp.set_defaults(func=cmd_export)

    from newsledger.eval.cli import register

    register(sub)
    return p


def _ledger(args: argparse.Namespace, **kw: Any):
    from newsledger.api import Ledger

    return Ledger(args.db, **kw)


def _progress(enabled: bool):
    """A rich progress bar on stderr for batches; silent when stderr is not a terminal."""
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} inputs"),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    with _ledger(args, policy=args.policy, processes=args.processes) as ledger:
        progress = _progress(sys.stderr.isatty())
        if progress is not None:
            with progress:
                task = progress.add_task("ingesting", total=None)
                result = ledger.ingest(args.paths, published=args.published, outlet=args.outlet,
                                       on_item=lambda _item: progress.advance(task))
        else:
            result = ledger.ingest(args.paths, published=args.published, outlet=args.outlet)
    for s in result.skipped:
        print(f"skipped: {s.input}: {s.reason}", file=sys.stderr)
    print(f"{result.added} added, {result.unchanged} unchanged, {len(result.skipped)} skipped; "
          f"{len(result.incidents)} incident(s) updated")
    if result.added == 0 and result.unchanged == 0:
        return 1
    return 0


def _fig(e) -> str:
    if e.best is None and e.low is None and e.high is None:
        return "-"
    hi = "+" if e.high is None and e.low is not None else ("" if e.high is None else str(e.high))
    lo = "?" if e.low is None else str(e.low)
    best = "?" if e.best is None else str(e.best)
    return f"{lo}/{best}/{hi}"


def incident_rows(incidents) -> list[list[str]]:
    rows = []
    for i in incidents:
        loc = i.location
        rows.append([
            str(i.id), i.date.start or "?", loc.name if loc else "?", loc.country if loc and loc.country else "?",
            i.event_type, _fig(i.killed), _fig(i.injured), str(len(i.documents)),
        ])
    return rows


HEADERS = ["id", "date", "place", "country", "type", "killed l/b/h", "injured l/b/h", "docs"]


def cmd_incidents(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        if args.policy:
            ledger.set_policy(args.policy)
        incidents = ledger.incidents()
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(incidents)} incident(s)")
    for h in HEADERS:
        table.add_column(h, overflow="fold")
    for row in incident_rows(incidents):
        table.add_row(*row)
    Console(width=140, highlight=False).print(table)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        inc = ledger.incident(args.id)
        if inc is None:
            print(f"no incident {args.id}", file=sys.stderr)
            return 1
        docs = {d.id: d for d in inc.documents}
        origins = {i: ledger.document(i) for i in {d.duplicate_of for d in inc.documents}
                   | {c.copied_from for c in inc.claims} if i}  # copies: where copies come from
    from newsledger.resolve.copies import outlet_label

    def _origin(doc_id: str) -> str:
        o = origins.get(doc_id)
        return f"{outlet_label(o.outlet, o.url) if o else '-'}/{doc_id} ({o.published if o and o.published else '?'})"

    loc = inc.location
    print(f"Incident {inc.id}: {inc.event_type} / {inc.sub_type}")
    print(f"  date:     {inc.date.start or 'unknown'} (precision {inc.date.precision})")
    if loc:
        print(f"  place:    {loc.name}, {loc.admin1 or '-'}, {loc.country or '-'} ({loc.lat}, {loc.lon}); "
              f"precision {loc.precision}; written as: {', '.join(loc.mentions) or loc.name}")
    if inc.actors:
        print("  actors:   " + "; ".join(f"{a.name} ({a.role})" for a in inc.actors))
    for label, est in (("killed", inc.killed), ("injured", inc.injured),
                       ("perpetrators killed", inc.perpetrators_killed)):
        if label.startswith("perp") and est.best is None:
            continue
        print(f"  {label:8s}  low {est.low}  best {est.best}  high {est.high if est.high is not None else 'open'}")
        print(f"            rule: {est.rule}; claims {est.claim_ids}")
    print("  documents:")
    for d, why in zip(inc.documents, inc.why):
        print(f"    {d.id}  {d.published or '?'}  {d.outlet or '-'}  {d.title or '(untitled)'}")
        print(f"      {why}")
        if d.duplicate_of:
            o = origins.get(d.duplicate_of)
            print(f"      near-duplicate of {d.duplicate_of} ({outlet_label(o.outlet, o.url) if o else '-'}, "
                  f"{o.published if o and o.published else '?'})")
    print("  claims:")
    for c in inc.claims:
        rng = f"[{c.low if c.low is not None else '?'}, {c.high if c.high is not None else 'open'}]"
        flags = [f for f, on in (("negated", c.negated), ("historical", c.historical),
                                 ("perpetrator", c.perpetrator), ("vague", c.vague)) if on]
        print(f"    #{c.id} {c.counts}{'/' + c.detail if c.detail else ''} {rng} \"{c.text}\""
              f" subject={c.subject!r} source={c.source!r} hedge={c.hedge!r}"
              + (f" [{', '.join(flags)}]" if flags else ""))
        doc = docs.get(c.document_id)
        print(f"       in {c.document_id} ({doc.outlet if doc and doc.outlet else '-'}): {c.sentence}")
        if c.copied_from:
            print(f"       copied from {_origin(c.copied_from)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        data = ledger.export_dict()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        if args.format == "json":
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            write_csv(data, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


CSV_COLUMNS = [
    "id", "event_type", "sub_type", "date_start", "date_end", "date_precision", "place", "admin1",
    "country", "country_code", "lat", "lon", "geonames_id", "location_precision", "killed_low",
    "killed_best", "killed_high", "injured_low", "injured_best", "injured_high", "n_claims",
    "n_documents", "document_ids",
]


def write_csv(data: dict[str, Any], out) -> None:
    """One row per incident (claims stay in the JSON export)."""
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for i in data["incidents"]:
        loc = i["location"] or {}
        w.writerow([
            i["id"], i["event_type"], i["sub_type"], i["date"]["start"], i["date"]["end"], i["date"]["precision"],
            loc.get("name"), loc.get("admin1"), loc.get("country"), loc.get("country_code"), loc.get("lat"),
            loc.get("lon"), loc.get("geonames_id"), loc.get("precision"),
            i["killed"]["low"], i["killed"]["best"], i["killed"]["high"],
            i["injured"]["low"], i["injured"]["best"], i["injured"]["high"],
            len(i["claims"]), len(i["documents"]), " ".join(d["id"] for d in i["documents"]),
        ])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NewsledgerError as err:
        print(f"newsledger: error: {err}", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"newsledger: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsledger: interrupted; what was stored stays stored", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
