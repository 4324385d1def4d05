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


def _titled_docs() -> list[tuple[str, str]]:
    """(title, text) of real articles: the fixtures, and the first 800 GVA articles of the
    shared development data when it is beside the repository (as in CI)."""
    import json
    from pathlib import Path

    root = Path(__file__).parent
    out = []
    for path in (root / "fixtures/eval/gva_docs.jsonl", root / "fixtures/eval/msa_docs.jsonl",
                 root / "fixtures/ingest/gva_sample.jsonl",
                 root.parent.parent / "shared/benchdata/gva/documents.jsonl"):
        if path.exists():
            for line in path.read_text().splitlines()[:800]:
                if line.strip():
                    r = json.loads(line)
                    text = r.get("text") or r.get("content") or ""
                    out.append(((r.get("title") or "").strip(), text))
    return out


def test_title_and_text_split_apart_as_joined():
    from newsledger.extract.sentences import split_sentences

    pairs = _titled_docs() + [
        ("Gunman shot by Sgt.", "  \n\nMr. Smith said. he left."),
        ("Who fired?", "\n \nthree people were shot"),
        ("Shots fired at St.", ". Louis bar"), ("A", ""), ("Man shot!", "'Quote,' he said."),
    ]
    assert len(pairs) > 20
    for title, text in pairs:
        if not title:
            continue
        joined = [(s.start, s.end) for s in split_sentences(title + "\n\n" + text)]
        assert dates._sentence_spans(title, text) == joined, (title, text[:200])


def test_split_run_is_regex_tokens():
    import re

    runs = [m.group(0) for text in _articles() + _texts(_PLACE_VOCAB, 2000, 11)
            for m in places._RUN.finditer(text)]
    for text in runs + ["A \t B\u00a0C\u2009D  E", " x ", "St. Louis\tCounty"]:
        assert places._split_run(text, 7) == [
            (7 + m.start(), 7 + m.end(), m.group(0)) for m in re.finditer(r"\S+", text)]


def _token_runs_plain(text, abbr):
    """``places._token_runs`` as first written: every end tested in the loop."""
    from newsledger.extract.gazetteer import name_key

    out = []
    for run in places._RUN.finditer(text):
        toks = places._split_run(run.group(0), run.start())
        low = [places._clean_lower(t[2]) for t in toks]
        n = len(toks)
        contraction = [k for k, t in enumerate(toks) if places._CONTRACTION.search(t[2])]
        spans = [[] for _ in range(n)]
        for i in range(n):
            if low[i] in places._FUNCTION or low[i] in places._LEAD_WORDS:
                continue
            first_contraction = next((k for k in contraction if k >= i), n)
            for j in range(min(n, i + 6), i, -1):
                if low[j - 1] in places._FUNCTION or first_contraction < j:
                    continue
                s, e = toks[i][0], toks[j - 1][1]
                surface = text[s:e]
                cut = places._tail(toks[j - 1][2])
                if cut and not (cut == 1 and surface[-1] == "." and surface in abbr):
                    surface = surface[:-cut]
                    e = s + len(surface)
                spans[i].append((j, s, e, surface, name_key(surface)))
        out.append((toks, low, spans))
    return out


def test_token_runs_same_as_plain():
    abbr = places._states()[0]
    extra = ["Mr. Smith Didn't See Fort Worth's Police and The Kansas City Star's I'll Go",
             "New York's Mayor Won't Say, the Ga. Sheriff of the St. Louis County Police"]
    for text in _articles() + extra + _texts(_PLACE_VOCAB + ["Didn't", "I'll", "Won't"], 2000, 12):
        assert places._token_runs(text, abbr) == _token_runs_plain(text, abbr), text


def test_playlist_items_same_as_finditer():
    from newsledger.extract import chrome

    vocab = ["1:35", "12:05", "2:59", "123:45", "1:2", ":", "::", "5::30", "1:35:20", "8:30",
             "a.m.", "pm", "PM", "Mayor", "Olathe", "'Quote", "“Q", "x", "9", "²:30", "٣:45",
             "Shooting", "of"]
    for text in _articles() + _texts(vocab, 3000, 13):
        assert chrome._item_starts(text) == \
            [m.start() for m in chrome._PLAYLIST_ITEM.finditer(text)], text


_COUNT_VOCAB = (
    "Two two TWO twenty-three Twenty One hundred a dozen A Dozen dozens some Some many several "
    "more than More Than at least At Least nearly between Between and to or 10 15 1,200 3.5 250 "
    "2014 9mm 22-year-old -year-old people killed Killed KILLED dead Died dies injured Wounded "
    "shot Shot hit Hit\\b troops victims No one no one nobody another And another a man A Man "
    "ſhot ınjured İnjured \u212aILLED café É Überfall ‘x’ - – , . ; said police an another while was "
    "Unidentified Young woman Woman officer Police Officer Jones none of them were hurt No Injuries"
).split(" ")


def test_count_scans_on_lowered_text():
    """claims.gate and numbers.find_quantities search lowered text without IGNORECASE."""
    from newsledger.extract import claims, numbers

    for text in _SAMPLES + _articles() + _texts(_COUNT_VOCAB, 3000, 11):
        assert [m.span() + m.groups() for m in numbers._quantity_matches(text)] == \
            [m.span() + m.groups() for m in numbers._QUANTITY.finditer(text)], text
        low = numbers.lowered(text)
        if low is None:
            continue
        for pat, twin in ((claims._GATE, claims._GATE_LOWER), (claims._ONE, claims._ONE_LOWER),
                          (claims._NONE, claims._NONE_LOWER), (claims._AND_ANOTHER, claims._AND_ANOTHER_LOWER)):
            assert [m.span() + m.regs for m in twin.finditer(low)] == \
                [m.span() + m.regs for m in pat.finditer(text)], (pat.pattern, text)


def test_lowered_refuses_case_changes():
    from newsledger.extract import numbers

    assert numbers.lowered("Five KILLED") == "five killed"
    assert numbers.lowered("Café É") == "café é"
    for odd in ("\u0130njured", "\u017fhot", "\u212aILLED", "\u0131njured"):
        assert numbers.lowered(odd) is None
