"""One article that reports two incidents yields two (a real Cleveland report, gva train)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsledger.api import Ledger
from newsledger.extract.segments import starts_new_incident
from newsledger.ingest import read_inputs
from newsledger.pipeline import extract_report

FIX = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("sentence, new", [
    ("In a separate incident just before 8 p.m., a 16-year-old boy was shot in the stomach.", True),
    ("In another shooting, a man was wounded while in a car on the outbound Eisenhower Expressway.", True),
    ("Separately, two soldiers were killed by a roadside bomb in Kandahar.", True),
    ("In a separate Monday incident, a 14-, 15-, and 17-year-old were shot leaving a store.", True),
    ("Police said the shooting was not a separate incident.", False),
    ("The second victim, a 30-year-old man, was also shot in the knee.", False),
    ("In an earlier shooting last year, three people died.", False),
])
def test_markers(sentence, new):
    assert starts_new_incident(sentence) is new


def _doc():
    [doc] = list(read_inputs([str(FIX / "two_incidents_cleveland.txt")], published=date(2017, 2, 21)))
    return doc


def test_report_has_two_events_with_their_own_claims():
    report = extract_report(_doc())
    assert len(report.events) == 2
    first, second = report.events
    assert any(c.low == 5 for c in first.claims)  # "five people were shot"
    assert all(c.low != 5 for c in second.claims)
    assert any("16-year-old boy" in c.text for c in second.claims)


def test_two_incidents_in_the_ledger(tmp_path):
    with Ledger(str(tmp_path / "l.db")) as ledger:
        ledger.add_documents([_doc()])
        incidents = ledger.incidents()
    assert len(incidents) == 2
    injured = sorted(i.injured.best for i in incidents)
    assert injured == [1, 5]
    assert all(len(i.documents) == 1 for i in incidents)
