"""Derive gold answers for the SemEval-2018 Task 5 *trial* questions from the Gun Violence
Archive records, so ``newsledger eval semeval2018-task5`` can score the trial data.

The trial release has questions and documents but no answers. Every trial document is in
/work/shared/benchdata/gva/documents.jsonl with its GVA incident, so the task's own
definitions can be replayed on the structured GVA data:

* candidate incidents: the GVA incidents with at least one trial document;
* event type: ``killing`` = num_killed > 0, ``injuring`` = num_injured > 0
  (``fire_burning`` / ``job_firing``: no GVA incident fits);
* time: the incident date against day dd/mm/yyyy, month mm/yyyy or year;
* location: the DBpedia URI's city (and state, when the URI has one) against GVA
  ``city_or_county`` / ``state`` (normalised; "Chicago (Englewood)" = Chicago); a state URI
  against ``state``. Because the organisers linked GVA places to DBpedia (e.g. GVA "Antioch,
  Tennessee" -> ``Nashville,_Tennessee``), the GVA (state, city) pair printed in the
  question's ``verbose_question`` (and its state for state questions, e.g. GVA "District of
  Columbia" linked to ``Maryland``) is accepted as well — gold side only, never by the system;
* participant: ``first`` / ``last`` / ``full_name`` against the participants' names
  (first token / last word(s) / whole name, case-insensitive, punctuation ignored);
* answers (official gold format): ``answer_docs`` = ``{incident_id: [trial doc ids]}`` of the
  fitting incidents; ``numerical_answer`` = number of fitting incidents (S1, S2) or the summed
  num_killed / num_injured (S3).

Writes ``gold_answers_s{1,2,3}.json`` into OUT alongside symlinks to the trial
``questions_s*.json`` and ``docs.jsonl`` and prints how many S1 questions get exactly one
incident (the task guarantees one; a mismatch shows where the replay differs).

    .venv/bin/python bench/data/semeval_trial_gold.py [--out bench/out/semeval-trial]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from newsledger.eval.scoring import norm_text  # noqa: E402
from newsledger.eval.semeval import SUBTASKS, Candidate, fits  # noqa: E402

GVA = Path("/work/shared/benchdata/gva")
TRIAL = Path("/work/shared/benchdata/semeval2018-task5-trial")

_VERBOSE_CITY = re.compile(r"in \('([^']*)', '([^']*)'\) \(city\)")
_VERBOSE_STATE = re.compile(r"in \('([^']*)',\) \(state\)")


def _name_matcher(participants: list[dict]):
    names = [norm_text(p.get("Name")) for p in participants if p.get("Name")]

    def has_name(kind: str, value: str) -> bool:
        v = norm_text(value)
        for n in names:
            toks = n.split()
            if not toks:
                continue
            if kind == "first" and toks[0] == v:
                return True
            if kind == "last" and (n == v or n.endswith(" " + v)):
                return True
            if kind == "full_name" and n == v:
                return True
        return False

    return has_name


def gva_candidates(trial_ids: set[str], gva: Path = GVA, incident_ids: set[str] | None = None) -> list[Candidate]:
    docs_by_inc: dict[str, list[str]] = defaultdict(list)
    with open(gva / "documents.jsonl", encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if d["doc_id"] in trial_ids:
                docs_by_inc[str(d["incident_id"])].append(d["doc_id"])
    out = []
    with open(gva / "incidents.jsonl", encoding="utf-8") as fh:
        for inc in map(json.loads, fh):
            iid = str(inc["incident_id"])
            if iid not in docs_by_inc or (incident_ids is not None and iid not in incident_ids):
                continue
            out.append(
                Candidate(
                    id=iid,
                    killed=int(inc.get("num_killed") or 0),
                    injured=int(inc.get("num_injured") or 0),
                    date=inc.get("date"),
                    city=inc.get("city_or_county"),
                    state=inc.get("state"),
                    docs=sorted(docs_by_inc[iid]),
                    has_name=_name_matcher(inc.get("participants") or []),
                )
            )
    return out


def gold_answer(question: dict, subtask: int, candidates: list[Candidate]) -> dict:
    verbose = question.get("verbose_question", "")
    accept = [(m.group(1), m.group(2)) for m in _VERBOSE_CITY.finditer(verbose)]
    accept += [(m.group(1), None) for m in _VERBOSE_STATE.finditer(verbose)]
    fitting = [c for c in candidates if fits(question, c, accept)]
    if subtask == 3:
        field = "killed" if question.get("event_type") == "killing" else "injured"
        num = sum(getattr(c, field) for c in fitting)
    else:
        num = len(fitting)
    return {"numerical_answer": num, "answer_docs": {c.id: c.docs for c in fitting}}


def build(out: Path, trial: Path = TRIAL, gva: Path = GVA, doc_ids: set[str] | None = None,
          question_ids: set[str] | None = None, link: bool = True) -> dict:
    """Write the gold (and links / copies of the inputs) to ``out``; returns statistics.

    ``doc_ids`` / ``question_ids`` restrict to a slice (tests): the docs.jsonl written is then
    a filtered copy, not a link."""
    out.mkdir(parents=True, exist_ok=True)
    trial_ids = set()
    with open(trial / "docs.jsonl", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            if doc_ids is None or row["doc_id"] in doc_ids:
                trial_ids.add(row["doc_id"])
    candidates = gva_candidates(trial_ids, gva)
    stats: dict = {}
    for s in SUBTASKS:
        qs = json.loads((trial / f"questions_s{s}.json").read_text())
        if question_ids is not None:
            qs = {k: v for k, v in qs.items() if k in question_ids}
        gold = {qid: gold_answer(q, s, candidates) for qid, q in qs.items()}
        (out / f"gold_answers_s{s}.json").write_text(json.dumps(gold, indent=1, sort_keys=True) + "\n")
        n_inc = Counter(len(g["answer_docs"]) for g in gold.values())
        stats[f"s{s}"] = {"questions": len(gold), "incidents_per_question": dict(sorted(n_inc.items()))}
        qpath = out / f"questions_s{s}.json"
        if question_ids is None and link:
            if qpath.is_symlink() or qpath.exists():
                qpath.unlink()
            os.symlink((trial / f"questions_s{s}.json").resolve(), qpath)
        else:
            qpath.write_text(json.dumps(qs, indent=1) + "\n")
    dpath = out / "docs.jsonl"
    if dpath.is_symlink() or dpath.exists():
        dpath.unlink()
    if doc_ids is None and link:
        os.symlink((trial / "docs.jsonl").resolve(), dpath)
    else:
        with open(trial / "docs.jsonl", encoding="utf-8") as src, open(dpath, "w", encoding="utf-8") as dst:
            for line in src:
                if json.loads(line)["doc_id"] in trial_ids:
                    dst.write(line)
    stats["documents"] = len(trial_ids)
    stats["candidate_incidents"] = len(candidates)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "out" / "semeval-trial")
    ap.add_argument("--trial", type=Path, default=TRIAL)
    ap.add_argument("--gva", type=Path, default=GVA)
    args = ap.parse_args(argv)
    stats = build(args.out, args.trial, args.gva)
    print(json.dumps(stats, indent=1))
    print(f"-> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
