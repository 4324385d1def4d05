"""``newsledger eval semeval2018-task5 --data DIR``: SemEval-2018 Task 5, "Counting Events
and Participants in the Long Tail", answered from the ledger.

DIR holds ``questions_s{1,2,3}.json``, ``docs.jsonl`` (``doc_id``, ``dct``,
``lines_tokenized``; the first line is the title) and, when present,
``gold_answers_s{1,2,3}.json`` (official gold format: ``{qid: {"numerical_answer": n,
"answer_docs": {incident_id: [doc_id, ...]}}}``; a plain doc list is accepted too).

All documents are ingested into one ledger (publication date = dct; title = the first line;
text = the other lines detokenised). Every question is then answered from ``Ledger.incidents()``:

* event_type: ``killing`` -> killed best > 0; ``injuring`` -> injured best > 0;
  ``fire_burning`` / ``job_firing`` -> an incident whose sub_type names it (the ledger has
  no such types, so in practice no incident fits: answer 0 and no documents);
* time: ``day`` dd/mm/yyyy, ``month`` mm/yyyy, ``year`` yyyy against the incident date
  (``date.start``); when the incident has no year-bearing date, the earliest publication
  date of its documents stands in;
* location: a DBpedia URI. ``.../Eudora,_Arkansas`` = city "Eudora" in state "Arkansas";
  ``.../Houston`` (city) = city "Houston", any state; ``.../Ohio`` (state) = admin1 "Ohio".
  Parenthesised qualifiers (``Georgia_(U.S._state)``) are dropped. Compared with the
  incident location's name / admin1, normalised (``scoring.place_match`` /
  ``scoring.admin1_match``);
* participant: ``first`` / ``last`` / ``full_name`` must occur as whole words in the text of
  one of the incident's documents (or in an actor name).

Answers: S1 = the documents of the fitting incident (when several fit, the one with the most
documents, then the most claims); S2 = number of fitting incidents and the union of their
documents; S3 = the sum of killed (killing) or injured (injuring) best figures over the fitting
incidents, and their documents. Every question is answered, so ``answered`` is 100 %.

Scores follow the official scorer: accuracy and RMSE of ``numerical_answer`` (S2, S3) and
macro document F1 (empty gold and empty answer = 1) over the answered questions, percentages.
"""

from __future__ import annotations

import json
import re
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from newsledger.eval import scoring
from newsledger.eval.common import make_document, print_table, read_jsonl, semeval_text
from newsledger.models import Document, Incident

SUBTASKS = (1, 2, 3)


# --------------------------------------------------------------------------- questions


def uri_place(uri: str) -> tuple[str, str | None]:
    """``http://dbpedia.org/resource/Eudora,_Arkansas`` -> ("Eudora", "Arkansas");
    ``Houston`` -> ("Houston", None); ``Georgia_(U.S._state)`` -> ("Georgia", None)."""
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    name = urllib.parse.unquote(name).replace("_", " ")
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if "," in name:
        first, rest = name.split(",", 1)
        return first.strip(), rest.strip() or None
    return name, None


@dataclass
class Candidate:
    """What the question matcher needs to know about one incident (system or gold)."""

    id: Any
    killed: int = 0
    injured: int = 0
    date: str | None = None  # "YYYY-MM-DD" / "YYYY-MM" / "YYYY"; None when unknown
    city: str | None = None
    state: str | None = None
    sub_type: str = ""
    docs: list[str] = field(default_factory=list)
    has_name: Callable[[str, str], bool] = lambda kind, value: False  # (first|last|full_name, value)
    extra_cities: tuple = ()  # other spellings of the place (gold side: none)
    weight: int = 0  # tie-break for S1 (e.g. number of claims)


def _time_fits(spec: dict, when: str | None) -> bool:
    if not spec:
        return True
    if not when:
        return False
    y, m, d = (when.split("-") + [None, None])[:3]
    if "day" in spec:
        dd, mm, yyyy = spec["day"].split("/")
        return (y, m, d) == (yyyy, mm, dd)
    if "month" in spec:
        mm, yyyy = spec["month"].split("/")
        return (y, m) == (yyyy, mm)
    if "year" in spec:
        return y == str(spec["year"])
    return True


def _place_fits(spec: dict, cand: Candidate, accept_cities: Iterable[tuple[str | None, str]] = ()) -> bool:
    if not spec:
        return True
    if "state" in spec:
        state, _ = uri_place(spec["state"])
        if scoring.admin1_match(state, cand.state):
            return True
        return any(ct is None and scoring.admin1_match(st, cand.state) for st, ct in accept_cities)
    if "city" in spec:
        city, state = uri_place(spec["city"])
        names = [cand.city, *cand.extra_cities]
        if any(scoring.place_match(city, n) for n in names if n) and (state is None or scoring.admin1_match(state, cand.state)):
            return True
        # additional (state, city) pairs a caller accepts for this question (trial gold only)
        for st, ct in accept_cities:
            if ct is not None and any(scoring.place_match(ct, n) for n in names if n) and (st is None or scoring.admin1_match(st, cand.state)):
                return True
        return False
    return True


def _type_fits(event_type: str, cand: Candidate) -> bool:
    if event_type == "killing":
        return cand.killed > 0
    if event_type == "injuring":
        return cand.injured > 0
    if event_type == "fire_burning":
        return bool(re.search(r"\b(fire|arson|burn)", cand.sub_type or "", re.I))
    if event_type == "job_firing":
        return bool(re.search(r"\b(dismiss|layoff|fired|job)", cand.sub_type or "", re.I))
    return False


def _participant_fits(spec: dict, cand: Candidate) -> bool:
    if not spec:
        return True
    return all(cand.has_name(kind, value) for kind, value in spec.items())


def fits(question: dict, cand: Candidate, accept_cities: Iterable[tuple[str | None, str]] = ()) -> bool:
    return (
        _type_fits(question.get("event_type", ""), cand)
        and _time_fits(question.get("time") or {}, cand.date)
        and _place_fits(question.get("location") or {}, cand, accept_cities)
        and _participant_fits(question.get("participant") or {}, cand)
    )


def answer(question: dict, subtask: int, candidates: list[Candidate], accept_cities=()) -> dict:
    """The answer in the official system format."""
    fitting = [c for c in candidates if fits(question, c, accept_cities)]
    if subtask == 1:
        if not fitting:
            return {"answer_docs": []}
        best = max(fitting, key=lambda c: (len(c.docs), c.weight))
        return {"answer_docs": sorted(set(best.docs))}
    docs = sorted({d for c in fitting for d in c.docs})
    if subtask == 2:
        num = len(fitting)
    else:
        field_ = "killed" if question.get("event_type") == "killing" else "injured"
        num = sum(getattr(c, field_) for c in fitting) if question.get("event_type") in ("killing", "injuring") else 0
    return {"numerical_answer": int(num), "answer_docs": docs}


# --------------------------------------------------------------------------- system side


def _words_re(value: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in value.split()) + r"(?!\w)", re.I)


def incident_candidate(inc: Incident, texts: dict[str, str]) -> Candidate:
    when = inc.date.start if inc.date and inc.date.start and not inc.date.start.startswith("--") else None
    if when is None:
        pubs = [d.published for d in inc.documents if d.published]
        if pubs:
            when = min(pubs).isoformat()
    loc = inc.location
    doc_ids = [d.id for d in inc.documents]
    haystack = [texts.get(d, "") for d in doc_ids] + [a.name for a in (inc.actors or [])]
    cache: dict[tuple[str, str], bool] = {}

    def has_name(kind: str, value: str) -> bool:
        key = (kind, value)
        if key not in cache:
            rx = _words_re(value)
            cache[key] = any(rx.search(t) for t in haystack if t)
        return cache[key]

    return Candidate(
        id=inc.id,
        killed=(inc.killed.best or 0) if inc.killed else 0,
        injured=(inc.injured.best or 0) if inc.injured else 0,
        date=when,
        city=loc.name if loc else None,
        state=loc.admin1 if loc else None,
        sub_type=inc.sub_type or "",
        docs=doc_ids,
        has_name=has_name,
        extra_cities=tuple(loc.mentions) if loc and loc.mentions else (),
        weight=len(inc.claims),
    )


def load_documents(data: Path) -> list[Document]:
    docs = []
    for row in read_jsonl(data / "docs.jsonl"):
        title, text = semeval_text(row.get("lines_tokenized") or [])
        docs.append(make_document({"id": row["doc_id"], "text": text or title or " ", "title": title, "published": row.get("dct")}))
    return docs


def load_questions(data: Path) -> dict[int, dict]:
    out = {}
    for s in SUBTASKS:
        p = data / f"questions_s{s}.json"
        if p.exists():
            out[s] = json.loads(p.read_text())
    return out


def load_gold(data: Path) -> dict[int, dict]:
    out = {}
    for s in SUBTASKS:
        p = data / f"gold_answers_s{s}.json"
        if p.exists():
            out[s] = json.loads(p.read_text())
    return out


def run_semeval(data: str, out: str | None = None, db: str | None = None, progress: bool = False) -> dict[str, Any]:
    """Ingest DIR/docs.jsonl into one ledger, answer every question and score against gold
    when present. With ``out``, writes ``answers_s{1,2,3}.json`` (official format),
    ``scores_s{1,2,3}.json`` (per question: doc F1, gold vs system number) and
    ``metrics.json`` there.

    ``db``: a ledger URL/path to reuse (e.g. to answer again without re-ingesting); default a
    temporary sqlite file. Returns ``{"s1": {...}, "s2": {...}, "s3": {...}, ...}``."""
    import tempfile

    from newsledger.api import Ledger

    data_dir = Path(data)
    questions = load_questions(data_dir)
    if not questions:
        raise FileNotFoundError(f"no questions_s*.json in {data_dir}")
    gold = load_gold(data_dir)
    started = time.perf_counter()
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="nl-semeval-")
        db = f"sqlite:///{tmp.name}/ledger.db"
    ledger = Ledger(db=db)
    try:
        docs = load_documents(data_dir)
        texts = {d.id: d.text for d in docs}
        ingest = ledger.add_documents(docs)
        t_ingest = time.perf_counter() - started
        if progress:
            print(f"  ingested {len(docs)} documents in {t_ingest:.0f}s", file=sys.stderr)
        incidents = ledger.incidents()
    finally:
        ledger.close()
        if tmp is not None:
            tmp.cleanup()
    candidates = [incident_candidate(inc, texts) for inc in incidents]
    answers = {s: {qid: answer(q, s, candidates) for qid, q in qs.items()} for s, qs in questions.items()}
    metrics: dict[str, Any] = {}
    per_question: dict[int, dict] = {}
    for s, ans in answers.items():
        if s in gold:
            sc = scoring.score_semeval(gold[s], ans, numeric=s != 1)
            metrics[f"s{s}"] = sc.as_dict(numeric=s != 1)
            per_question[s] = sc.per_question
        else:
            metrics[f"s{s}"] = {"questions": len(ans), "answered": 100.0 if ans else 0.0, "gold": False}
    metrics["documents"] = len(docs)
    metrics["incidents"] = len(incidents)
    metrics["skipped"] = len(getattr(ingest, "skipped", []) or [])
    metrics["seconds"] = {"ingest": round(t_ingest, 2), "total": round(time.perf_counter() - started, 2)}
    if out:
        outdir = Path(out)
        outdir.mkdir(parents=True, exist_ok=True)
        for s, ans in answers.items():
            (outdir / f"answers_s{s}.json").write_text(json.dumps(ans, indent=1, sort_keys=True) + "\n")
            if s in per_question:
                (outdir / f"scores_s{s}.json").write_text(json.dumps(per_question[s], indent=1, sort_keys=True) + "\n")
        (outdir / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def print_semeval_report(metrics: dict[str, Any], file=None) -> None:
    rows = []
    for s in SUBTASKS:
        m = metrics.get(f"s{s}")
        if not m:
            continue
        if m.get("gold") is False:
            rows.append([f"S{s}", m["questions"], None, None, None, m["answered"]])
        else:
            rows.append([f"S{s}", m["n"], m.get("accuracy"), m.get("rmse"), m["doc_f1"], m["answered"]])
    print(f"{metrics.get('documents')} documents -> {metrics.get('incidents')} incidents", file=file)
    print_table(
        "SemEval-2018 Task 5",
        ["subtask", "questions", "accuracy %", "RMSE", "doc F1 %", "answered %"],
        rows,
        file=file,
    )

