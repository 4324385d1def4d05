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


def classify(title: str | None, sentences: list[str]) -> tuple[str, str]:
    """(ACLED event type, sub-type). The title counts double: it names the event."""
    scores: dict[tuple[str, str], int] = {}
    order: dict[tuple[str, str], int] = {}
    for k, cue in enumerate(cues()):
        total = 0
        if title:
            total += 2 * cue.weight * len(cue.pattern.findall(title))
        for s in sentences:
            total += cue.weight * len(cue.pattern.findall(s))
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
    out = []
    for name, aliases in _rows("actors.tsv"):
        alts = [name, *[a.strip() for a in aliases.split("|") if a.strip()]]
        pat = "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True))
        out.append((re.compile(rf"\b(?:{pat})\b"), name))
    return out


_ATTACK = re.compile(
    r"\b(?:attack\w*|struck|strikes?|bomb\w*|shell\w*|shot|shoot\w*|fired|killed|ambush\w*|raid\w*|assault\w*|targeted)\b",
    re.IGNORECASE,
)


def find_actors(sentences: list[str]) -> list[Actor]:
    """Named actors with a role: before the attack verb of a sentence = attacker, after = target."""
    roles: dict[str, str] = {}
    for s in sentences:
        verb = _ATTACK.search(s)
        for pattern, name in actor_aliases():
            for m in pattern.finditer(s):
                role = "other"
                if verb is not None:
                    role = "attacker" if m.start() < verb.start() else "target"
                if roles.get(name, "other") == "other":
                    roles[name] = role
    return [Actor(name, role) for name, role in roles.items()]
