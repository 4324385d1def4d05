"""Event type and actors of a document's event.

Reads the title and the event's sentences; assigns one of the six ACLED types and a finer
sub-type from the weighted cue table ``data/event_cues.tsv``, and actors from
``data/actors.tsv`` with a role by position around the attack verb. Rules, not a model: a
coder can change a cue without touching Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsledger.extract.dates import _lowered
from newsledger.models import Actor


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    event_type: str
    sub_type: str
    weight: int


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsledger.data").joinpath(name).read_text("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def cues() -> list[_Cue]:
    return [
        _Cue(re.compile(rf"\b(?:{pat})\b", re.IGNORECASE), etype, sub, int(w))
        for pat, etype, sub, w in _rows("event_cues.tsv")
    ]


def _lower_twin(pat: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive copy of a case-insensitive ASCII pattern with its letters lowercased:
    on ``dates._lowered(text)`` it finds as many matches as ``pat`` on ``text`` (``re`` runs
    it faster). None when the pattern has inline flags, named groups, character codes or
    capitals in a character class."""
    src = pat.pattern
    if not src.isascii() or re.search(r"\(\?[aiLmsux-]|\(\?P", src):
        return None
    out, k, in_class = [], 0, False
    while k < len(src):
        ch = src[k]
        if ch == "\\":
            if src[k + 1 : k + 2] in ("N", "p", "P", "x", "u", "U") or src[k + 1 : k + 2].isdigit():
                return None
            out.append(src[k : k + 2])
            k += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif in_class and ch.isupper():
            return None
        out.append(ch.lower())
        k += 1
    return re.compile("".join(out), pat.flags & ~re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_twins() -> list[re.Pattern[str] | None]:
    return [_lower_twin(cue.pattern) for cue in cues()]


def classify(title: str | None, sentences: list[str]) -> tuple[str, str]:
    """(ACLED event type, sub-type). The title counts double: it names the event."""
    scores: dict[tuple[str, str], int] = {}
    order: dict[tuple[str, str], int] = {}
    # Lowercased once: the cues run as lowercase twins, which count the same matches faster.
    title_low = _lowered(title) if title else None
    lows = [_lowered(s) for s in sentences]
    for k, (cue, twin) in enumerate(zip(cues(), _cue_twins())):
        total = 0
        if title:
            found = twin.findall(title_low) if twin is not None and title_low is not None \
                else cue.pattern.findall(title)
            total += 2 * cue.weight * len(found)
        for s, low in zip(sentences, lows):
            found = twin.findall(low) if twin is not None and low is not None \
                else cue.pattern.findall(s)
            total += cue.weight * len(found)
        if total:
            key = (cue.event_type, cue.sub_type)
            scores[key] = scores.get(key, 0) + total
            order.setdefault(key, k)
    if not scores:
        return "Strategic developments", "other"
    best = max(scores, key=lambda key: (scores[key], -order[key]))
    return best


@lru_cache(maxsize=1)
def actor_aliases() -> list[tuple[re.Pattern[str], str]]:
    return [(pat, name) for pat, name, _ in _actor_table()]


@lru_cache(maxsize=1)
def _actor_table() -> list[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    """(pattern, name, the literal spellings the pattern is made of)."""
    out = []
    for name, aliases in _rows("actors.tsv"):
        alts = [name, *[a.strip() for a in aliases.split("|") if a.strip()]]
        pat = "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True))
        out.append((re.compile(rf"\b(?:{pat})\b"), name, tuple(alts)))
    return out


_ATTACK = re.compile(
    r"\b(?:attack\w*|struck|strikes?|bomb\w*|shell\w*|shot|shoot\w*|fired|killed|ambush\w*|raid\w*|assault\w*|targeted)\b",
    re.IGNORECASE,
)


def find_actors(sentences: list[str]) -> list[Actor]:
    """Named actors with a role: before the attack verb of a sentence = attacker, after = target."""
    roles: dict[str, str] = {}
    for s in sentences:
        verb = None
        for pattern, name, alts in _actor_table():
            if not any(a in s for a in alts):
                continue  # a match is one of the spellings (case-sensitive): none is there
            if verb is None:
                verb = _ATTACK.search(s) or False
            for m in pattern.finditer(s):
                role = "other"
                if verb:
                    role = "attacker" if m.start() < verb.start() else "target"
                if roles.get(name, "other") == "other":
                    roles[name] = role
    return [Actor(name, role) for name, role in roles.items()]
