"""The fast scans find exactly what the plain ones find.

dates: ``_Scan.finditer`` (anchored ``pattern.match``) vs ``pattern.finditer``, and the
lowercase twins on ``_lowered`` text vs the case-insensitive patterns; places: ``_runs`` vs
``_RUN.finditer``; events: the cue twins; copies: ``_fold`` vs ``str.translate``; the
gazetteer: ``prefetch`` vs one query per key.
"""

from __future__ import annotations

import random

from newsledger.extract import dates, events, places
from newsledger.resolve import copies

_DATE_VOCAB = (
    "Monday monday MONDAY Mondays Monday's mon Mon. Tues. Wed., Sept. Sep September Jan. jan "
    "May may March march between from to through thru until and - – — 5 5th 21st 31 3rd 2014 "
    "1999 2020, of the in last this past coming next previous early late earlier later on "
    "yesterday night last tonight overnight morning evening this afternoon today week weekend "
    "weeks month months year years ago three days a an one two twelve Chicago Christmas Eve "
    "New Year's Year’s Day St. Patrick's July 4th Fourth Labor Memorial Halloween Drive Street "
    "mid- mid since during by before after , . ; : ( ) ' ’ percent % 8:30 2/7/18 2018-02-07 "
    "x-Monday _May 12May OcT DEC ſept ıt İn K KELVIN said police"
).split(" ")
_SEPS = [" ", " ", " ", "  ", "\n", "", ",", ", ", "-", "\t", "\n\n"]


def _texts(vocab, n, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(vocab) + rng.choice(_SEPS) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


_SAMPLES = [
    "Police said the shooting happened late Tuesday night, three days ago, between Feb. 3 and 5.",
    "On Friday, January 31, 2014 he was shot; the 5th of May was quiet. In mid- 2012 and in May.",
    "He lives on June 5 Drive. Over the past weekend, earlier this week, last night in Chicago.",
    "Valentine’s Day, New Year's Eve, St. Patrick's Day and the Fourth of July in 1999.",
]


def _articles() -> list[str]:
    """Real article texts (fixtures): a pattern added later without an anchor shows here."""
    import json
    from pathlib import Path

    fix = Path(__file__).parent / "fixtures"
    out = [(fix / "seed_deir_ez_zor.txt").read_text(), (fix / "two_incidents_cleveland.txt").read_text()]
    for name in ("eval/gva_docs.jsonl", "eval/msa_docs.jsonl", "copies/articles.jsonl", "ingest/gva_sample.jsonl"):
        rows = [json.loads(line) for line in (fix / name).read_text().splitlines() if line.strip()]
        out += [r.get("text") or r.get("content") or "" for r in rows]
    return out


def test_date_scan_same_matches():
    for text in _SAMPLES + _articles() + _texts(_DATE_VOCAB, 2000, 7):
        scan = dates._Scan(text)
        for kind, pat in dates._PATTERNS:
            assert [m.span() for m in scan.finditer(kind, pat)] == \
                [m.span() for m in pat.finditer(text)], (kind, text)
        for kind, gate in dates._GATES.items():
            if dict(dates._PATTERNS)[kind].search(text):
                assert gate.search(text), (kind, text)


def test_date_twins_same_spans():
    for text in _SAMPLES + _articles() + _texts(_DATE_VOCAB, 1000, 8):
        _check_twins(text)


def _check_twins(text):
    low = dates._lowered(text)
    if low is None:
        assert any(ch in text for ch in "\u0130\u0131\u017f\u212a") or text.lower() != text
        return
    for pat, twin in ((dates._STRONG_EVENT, dates._STRONG_EVENT_L),
                      (dates._LATER_WORDS, dates._LATER_WORDS_L), (dates._DIED, dates._DIED_L),
                      (dates._EVENT_WORDS, dates._EVENT_WORDS_L),
                      (dates._FOCUS_WORDS, dates._FOCUS_WORDS_L),
                      (dates._PRIOR_CUE, dates._PRIOR_CUE_L), (dates._OFFSET, dates._OFFSET_L),
                      (dates._OFFSET_GATE, dates._OFFSET_GATE_L)):
        assert [m.span() for m in twin.finditer(low)] == [m.span() for m in pat.finditer(text)]


def test_lowered_refuses_odd_case():
    assert dates._lowered("Sunday") == "sunday"
    assert dates._lowered("café ‘x’") == "café ‘x’"
    for odd in ("\u0130stanbul", "\u017fept", "\u212aansas", "\u0131t", "ÉTÉ"):
        assert dates._lowered(odd) is None


_PLACE_VOCAB = ("al-Qaeda ash-Sham gas-Station as- al el-Arish U.S. D.C. St. Louis of the de "
                "la New York McDonald eBay ‐Z a-B ab-C abc-D - ‐ . , 's ’s O'Neil Jones' Mt. "
                "Ft. A B C x y").split(" ")


def test_place_runs_same_matches():
    for text in _articles() + _texts(_PLACE_VOCAB, 3000, 9):
        assert [m.span() for m in places._runs(text)] == \
            [m.span() for m in places._RUN.finditer(text)], text


def test_event_cue_twins():
    vocab = _DATE_VOCAB + ["Shooting", "IED", "IEDs", "air strike", "Mob", "shot", "SHOT"]
    for text in _SAMPLES + _texts(vocab, 500, 10):
        low = dates._lowered(text)
        for cue, twin in zip(events.cues(), events._cue_twins()):
            if twin is not None and low is not None:
                assert len(twin.findall(low)) == len(cue.pattern.findall(text)), text


def test_fold_is_translate():
    for text in ["‘quoted’ “text” – and — dashes ‐ ‑ ‚‛„‟", "plain", "mixed ’s é"]:
        assert copies._fold(text) == text.translate(copies._FOLD)


def test_prefetch_same_as_lookup():
    from newsledger.extract.gazetteer import Gazetteer, name_key

    names = ["Chicago", "Springfield", "Washington", "Jackson", "Deir ez-Zor", "Paris",
             "No Such Place Here", "St. Louis", "Kansas City", "Georgia", "Police"]
    keys = [name_key(n) for n in names]
    one, many = Gazetteer(), Gazetteer()
    many.prefetch(keys)
    assert [many.lookup_key(k) for k in keys] == [one.lookup_key(k) for k in keys]
