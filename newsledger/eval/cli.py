"""The ``newsledger eval`` subcommands (argparse).

``newsledger/cli.py`` calls :func:`register` with its subparsers. Each subcommand calls an
importable function returning the metrics dict (``run_docs``, ``run_semeval``,
``run_clusters``), prints a readable table, then, as the very last line of stdout, the
metrics as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _emit(metrics: dict[str, Any], report) -> int:
    report(metrics)
    sys.stdout.flush()
    print(json.dumps(metrics, sort_keys=False))
    return 0


def _docs(args: argparse.Namespace) -> int:
    from newsledger.eval.docs import print_docs_report, run_docs

    metrics = run_docs(args.file, out=args.out, limit=args.limit, progress=args.progress)
    return _emit(metrics, print_docs_report)


def _semeval(args: argparse.Namespace) -> int:
    from newsledger.eval.semeval import print_semeval_report, run_semeval

    metrics = run_semeval(args.data, out=args.out, db=args.db, progress=args.progress)
    return _emit(metrics, print_semeval_report)


def _clusters(args: argparse.Namespace) -> int:
    from newsledger.eval.clusters import print_clusters_report, run_clusters

    metrics = run_clusters(args.file, out=args.out, limit=args.limit)
    return _emit(metrics, print_clusters_report)


def register(subparsers) -> None:
    """Add ``eval`` with ``docs`` / ``semeval2018-task5`` / ``clusters`` to ``subparsers``."""
    p = subparsers.add_parser(
        "eval",
        help="measure the ledger against gold data",
        description="Measure the ledger against gold data. Each command prints a table, then "
        "the metrics as one JSON object on the last line.",
    )
    sub = p.add_subparsers(dest="eval_command", metavar="{docs,semeval2018-task5,clusters}")
    sub.required = True

    d = sub.add_parser("docs", help="per-document gold: counts, date, place, event type")
    d.add_argument("file", help="doc-gold JSONL (see README 'Doc-gold format')")
    d.add_argument("--out", help="directory for predictions.jsonl and metrics.json")
    d.add_argument("--limit", type=int, help="score the first N documents only")
    d.add_argument("--progress", action="store_true", help="progress on stderr")
    d.set_defaults(func=_docs)

    s = sub.add_parser("semeval2018-task5", help="SemEval-2018 Task 5 question answering")
    s.add_argument("--data", required=True, help="directory with questions_s*.json, docs.jsonl [, gold_answers_s*.json]")
    s.add_argument("--out", help="directory for answers_s{1,2,3}.json and metrics.json")
    s.add_argument("--db", help="ledger database to use (default: a temporary one)")
    s.add_argument("--progress", action="store_true", help="progress on stderr")
    s.set_defaults(func=_semeval)

    c = sub.add_parser("clusters", help="B-cubed / CEAF-e of incidents vs gold incident_id")
    c.add_argument("file", help="doc-gold JSONL with incident_id")
    c.add_argument("--out", help="directory for clusters.jsonl and metrics.json")
    c.add_argument("--limit", type=int, help="first N documents only")
    c.set_defaults(func=_clusters)


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (``python -m newsledger.eval.cli docs FILE``) until the main CLI
    registers ``eval``."""
    parser = argparse.ArgumentParser(prog="newsledger")
    subs = parser.add_subparsers(dest="command")
    register(subs)
    args = parser.parse_args(["eval", *(argv if argv is not None else sys.argv[1:])])
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
