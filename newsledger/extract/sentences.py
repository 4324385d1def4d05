"""Fast rule-based sentence splitting with character offsets.

Why not spaCy's parser: it costs most of the pipeline's time, and we only need the
expensive parse for the few sentences that can hold a claim (see ``claims.gate``). This
splitter handles news text well enough: abbreviations (Mr., Gov., Jan., U.S., Calif.),
initials, quotes, and paragraphs (a blank line always ends a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words that end with a period but rarely end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gov", "sen", "rep", "gen", "col",
    "lt", "sgt", "capt", "cpl", "pvt", "maj", "cmdr", "adm", "rev", "hon", "pres", "supt",
    "det", "ofc", "insp", "cmdt", "no", "vs", "etc", "inc", "co", "corp", "ltd", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "mt",
    "ft", "approx", "est", "ave", "blvd", "rd", "hwy", "mt", "a.m", "p.m", "u.s", "u.k",
    "u.n", "d.c", "e.g", "i.e", "n.y", "l.a",
}

# A candidate boundary: sentence punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|\n\s*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the period at ``dot`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot + 1])
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV or word.rstrip(".") in _ABBREV:
        return True
    # A single capital letter ("John F. Kennedy") or dotted initials ("U.S.").
    return len(word) == 1 and word.isalpha() or bool(_INITIALS.fullmatch(word))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text``.

    The pipeline, the date finder and the copy detector all split the same document: the
    last few results are kept (``_split``), each caller gets its own list."""
    return list(_split(text))


@lru_cache(maxsize=128)
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0).strip() and text[m.start()] == "." and _is_abbreviation(text, m.start()):
            # Still a boundary if the next word starts a new line.
            nxt = text[end : end + 2]
            if "\n" not in nxt:
                continue
        # A boundary must be followed by something that can start a sentence.
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k < n and not (text[k].isupper() or text[k].isdigit() or text[k] in "\"'“‘(["):
            if "\n" not in text[m.start() : end + 1]:
                continue
        _add(out, text, start, end)
        start = end
    _add(out, text, start, n)
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    seg = text[start:end]
    stripped = seg.strip()  # str.strip() strips exactly the characters str.isspace() finds
    if stripped:
        start += len(seg) - len(seg.lstrip())
        out.append(Sentence(start, start + len(stripped), stripped))
