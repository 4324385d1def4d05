"""One article, several incidents: split a report's sentences into event segments.

Local news and wire round-ups often report a second incident after the first ("In a separate
incident just before 8 p.m., a 16-year-old boy was shot ..."). Coders record two events; so do
we. The rule is deliberately narrow, so it never splits an article about one incident: a
sentence that *opens* with an explicit marker of another incident (``data/segment_markers.txt``)
starts a new segment, and the sentences after it belong to that segment until the next
marker. A segment without a current casualty claim of its own is folded back into the first
segment (its sentences are context, not an event).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsledger.extract.sentences import Sentence
from newsledger.models import Claim


@lru_cache(maxsize=1)
def _marker() -> re.Pattern[str]:
    text = resources.files("newsledger.data").joinpath("segment_markers.txt").read_text("utf-8")
    phrases = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile(r"^\W*(?:%s)(?!\w)" % "|".join(phrases), re.IGNORECASE)


def starts_new_incident(sentence: str) -> bool:
    """Does this sentence open the report of another incident?"""
    return bool(_marker().match(sentence))


def split_events(sents: list[Sentence], claims: list[Claim]) -> list[list[Sentence]]:
    """The sentences of each event the article reports, in order; one list when it reports one.

    ``claims`` are the body claims (with offsets into the same text as ``sents``)."""
    segments: list[list[Sentence]] = [[]]
    for s in sents:
        if segments[-1] and starts_new_incident(s.text):
            segments.append([])
        segments[-1].append(s)
    if len(segments) == 1:
        return segments
    first, rest = segments[0], []
    for seg in segments[1:]:
        lo, hi = seg[0].start, seg[-1].end
        if any(lo <= c.start < hi and c.end > 0 and not c.historical and not c.negated
               and c.counts in ("killed", "injured", "other", "kidnapped", "missing") for c in claims):
            rest.append(seg)
        else:
            first.extend(seg)
    first.sort(key=lambda s: s.start)
    return [first, *rest]
