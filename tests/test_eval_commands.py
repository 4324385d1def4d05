"""The eval commands end to end on tiny slices of the dev data, through the real Ledger.

Fixtures: tests/fixtures/eval/ (rebuilt by make_fixtures.py there). These check the shape of
the output (a table, then one JSON object as the very last line; the files written to
--out), never a score threshold or a timing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures" / "eval"


def run_cli(argv: list[str], capsys) -> tuple[str, dict]:
    """Run ``newsledger eval ...`` in-process; returns (stdout, last-line JSON)."""
    try:
        from newsledger.cli import main as cli_main
    except ImportError:  # the main CLI may not exist yet
        cli_main = None
    code = None
    if cli_main is not None:
        try:
            code = cli_main(["eval", *argv])
        except SystemExit as exc:  # argparse: "eval" not registered (yet)
            if exc.code in (0, None):
                raise
            capsys.readouterr()
            code = None
    if code is None:
        from newsledger.eval.cli import main as eval_main

        code = eval_main(argv)
    out = capsys.readouterr().out
    assert code in (0, None)
    lines = [l for l in out.splitlines() if l.strip()]
    assert len(lines) >= 2, out  # a table, then the JSON
    return out, json.loads(lines[-1])


def test_eval_docs_gva(tmp_path, capsys):
    out, m = run_cli(["docs", str(FIX / "gva_docs.jsonl"), "--out", str(tmp_path)], capsys)
    assert m["n"] == 8
    for f in ("killed", "injured"):
        assert set(m[f]) == {"exact", "within", "mae", "n"}
        assert m[f]["n"] == 8
        assert 0.0 <= m[f]["exact"] <= 1.0 and 0.0 <= m[f]["within"] <= 1.0
        assert m[f]["mae"] >= 0.0
    assert m["event_date"]["n"] == 8 and 0.0 <= m["event_date"]["exact"] <= 1.0
    for f in ("within_25km", "country", "admin1", "city"):
        assert 0.0 <= m[f] <= 1.0
    assert m["median_km"] is None or m["median_km"] >= 0.0
    assert m["event_type"]["n"] == 8
    assert "Counts" in out
    preds = [json.loads(l) for l in (tmp_path / "predictions.jsonl").read_text().splitlines()]
    assert len(preds) == 8
    assert {"id", "gold", "predicted", "verdict"} <= set(preds[0])
    assert json.loads((tmp_path / "metrics.json").read_text())["n"] == 8


def test_eval_docs_msa_limit(capsys):
    _, m = run_cli(["docs", str(FIX / "msa_docs.jsonl"), "--limit", "3"], capsys)
    assert m["n"] == 3
    assert m["killed"]["n"] == 3 and m["injured"]["n"] == 3
    # no coordinates in MSA: distance is not scored
    assert m["within_25km"] is None and m["median_km"] is None
    assert m["location_n"]["coords"] == 0


def test_eval_semeval(tmp_path, capsys):
    out, m = run_cli(["semeval2018-task5", "--data", str(FIX / "semeval"), "--out", str(tmp_path)], capsys)
    assert set(m) >= {"s1", "s2", "s3"}
    assert set(m["s1"]) >= {"doc_f1", "answered"}
    for s in ("s2", "s3"):
        assert set(m[s]) >= {"accuracy", "rmse", "doc_f1", "answered"}
        assert 0.0 <= m[s]["accuracy"] <= 100.0
        assert m[s]["rmse"] >= 0.0
    for s in ("s1", "s2", "s3"):
        assert m[s]["answered"] == 100.0  # every question is answered
        assert 0.0 <= m[s]["doc_f1"] <= 100.0
    for s in (1, 2, 3):
        answers = json.loads((tmp_path / f"answers_s{s}.json").read_text())
        questions = json.loads((FIX / "semeval" / f"questions_s{s}.json").read_text())
        assert set(answers) == set(questions)
        for a in answers.values():
            assert isinstance(a["answer_docs"], list)
            if s > 1:
                assert isinstance(a["numerical_answer"], int)


def test_eval_semeval_without_gold(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("docs.jsonl", "questions_s1.json", "questions_s2.json", "questions_s3.json"):
        (data / name).write_text((FIX / "semeval" / name).read_text())
    _, m = run_cli(["semeval2018-task5", "--data", str(data), "--out", str(tmp_path / "out")], capsys)
    assert m["s2"]["gold"] is False
    assert (tmp_path / "out" / "answers_s3.json").exists()


def test_eval_clusters(tmp_path, capsys):
    out, m = run_cli(["clusters", str(FIX / "gva_docs.jsonl"), "--out", str(tmp_path)], capsys)
    assert m["n"] == 8 and m["gold_clusters"] == 4
    assert 1 <= m["system_clusters"] <= 8
    for key in ("b3", "ceaf_e"):
        assert set(m[key]) == {"p", "r", "f1"}
        assert all(0.0 <= v <= 1.0 for v in m[key].values())
    rows = [json.loads(l) for l in (tmp_path / "clusters.jsonl").read_text().splitlines()]
    assert len(rows) == 8 and {"id", "gold", "system"} <= set(rows[0])


def test_trial_gold_builder_matches_fixture(tmp_path):
    """The fixture's gold is what bench/data/semeval_trial_gold.py derives on the slice."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("semeval_trial_gold", root / "bench" / "data" / "semeval_trial_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not mod.GVA.exists():
        pytest.skip("benchdata not available on this machine")
    docs = {json.loads(l)["doc_id"] for l in (FIX / "semeval" / "docs.jsonl").read_text().splitlines()}
    qids = set()
    for s in (1, 2, 3):
        qids |= set(json.loads((FIX / "semeval" / f"questions_s{s}.json").read_text()))
    mod.build(tmp_path, doc_ids=docs, question_ids=qids, link=False)
    for s in (1, 2, 3):
        assert json.loads((tmp_path / f"gold_answers_s{s}.json").read_text()) == json.loads(
            (FIX / "semeval" / f"gold_answers_s{s}.json").read_text()
        )
