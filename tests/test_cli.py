"""The CLI end to end on real files and a real SQLite database."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from newsledger.cli import main

FIX = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parent.parent / "examples" / "articles.jsonl"


def test_bad_inputs_are_skipped_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00" * 50)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "garbage.txt").write_bytes(b"\xff\xfe\xfa\x81\x8d" * 40 + b"\x00")
    db = tmp_path / "l.db"
    code = main(["--db", str(db), "ingest", str(tmp_path / "binary.txt"), str(tmp_path / "empty.txt"),
                 str(tmp_path / "garbage.txt"), str(tmp_path / "missing.txt"), str(FIX / "seed_deir_ez_zor.txt")])
    assert code == 0
    err = capsys.readouterr().err
    assert err.count("skipped:") == 4
    for line in err.splitlines():
        assert line.startswith("skipped: ") and "\n" not in line
    out = tmp_path / "x.json"
    main(["--db", str(db), "export", "-o", str(out)])
    data = json.loads(out.read_text())
    assert len(data["skipped"]) == 4 and {s["input"] for s in data["skipped"]} >= {str(tmp_path / "missing.txt")}
    assert len(data["incidents"]) == 1


def test_every_input_failed_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert main(["--db", str(tmp_path / "l.db"), "ingest", str(tmp_path / "empty.txt")]) == 1


def test_usage_error_exits_2(tmp_path, capsys):
    try:
        main(["--db", str(tmp_path / "l.db"), "ingest", "x.txt", "--published", "yesterday"])
    except SystemExit as exit:
        assert exit.code == 2
    else:  # pragma: no cover
        raise AssertionError("argparse should have exited")


def test_sample_corpus_dedupes_and_clusters(tmp_path, capsys):
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "ingest", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "6 added, 1 unchanged" in out  # one wire reprint has the same text
    assert main(["--db", str(db), "incidents"]) == 0
    table = capsys.readouterr().out
    assert "Deir ez-Zor" in table and "Syria" in table
    csv_path = tmp_path / "l.csv"
    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(csv_path)]) == 0
    rows = list(csv.DictReader(csv_path.open()))
    assert rows and {"id", "killed_best", "injured_best", "country_code"} <= set(rows[0])
    multi = [r for r in rows if int(r["n_documents"]) > 1]
    assert multi, "the two Pasadena reports should form one incident"


def test_show_prints_claims_and_why(tmp_path, capsys):
    db = tmp_path / "l.db"
    main(["--db", str(db), "ingest", str(FIX / "seed_deir_ez_zor.txt"), "--published", "2018-02-21"])
    capsys.readouterr()
    assert main(["--db", str(db), "show", "1"]) == 0
    out = capsys.readouterr().out
    assert "presumably" in out and "started:" in out and "rule:" in out
    assert main(["--db", str(db), "show", "99"]) == 1


def test_policy_switch_changes_best(tmp_path, capsys):
    db = tmp_path / "l.db"
    main(["--db", str(db), "ingest", str(SAMPLE), "--policy", "acled"])
    main(["--db", str(db), "incidents", "--policy", "ucdp"])
    out = tmp_path / "u.json"
    main(["--db", str(db), "export", "-o", str(out)])
    ucdp = {i["id"]: i["killed"] for i in json.loads(out.read_text())["incidents"]}
    main(["--db", str(db), "incidents", "--policy", "acled"])
    main(["--db", str(db), "export", "-o", str(out)])
    acled = {i["id"]: i["killed"] for i in json.loads(out.read_text())["incidents"]}
    for k in ucdp:
        if acled[k]["best"] is not None:
            assert acled[k]["best"] == acled[k]["low"]
            assert acled[k]["best"] <= ucdp[k]["best"]


def test_installed_entry_point_runs(tmp_path):
    """One subprocess smoke test of the console script (with NEWSLEDGER_DB)."""
    exe = Path(sys.executable).parent / "newsledger"
    env = dict(os.environ, NEWSLEDGER_DB=str(tmp_path / "env.db"))
    r = subprocess.run([str(exe), "ingest", "-"], input=(FIX / "seed_deir_ez_zor.txt").read_text(),
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "env.db").exists()
    r = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert "ingest" in r.stdout and "eval" in r.stdout


def test_two_processes_give_the_same_ledger(tmp_path):
    """Extraction in worker processes is the same pure function: same incidents, same figures."""
    out = {}
    for n in (1, 2):
        db = tmp_path / f"p{n}.db"
        assert main(["--db", str(db), "ingest", str(SAMPLE), "--processes", str(n)]) == 0
        path = tmp_path / f"p{n}.json"
        main(["--db", str(db), "export", "-o", str(path)])
        data = json.loads(path.read_text())
        out[n] = sorted((i["date"]["start"], i["killed"]["best"], i["injured"]["best"], len(i["claims"]))
                        for i in data["incidents"])
    assert out[1] == out[2] and len(out[1]) >= 3
