"""Page chrome inside an article's text that no extractor should read as the story.

Cleaning at ingest (``ingest/clean.py``) drops whole chrome lines it can recognise alone
("Adjust Comment Print"); some chrome is only recognisable as a run of lines, such as a
list of videos with their durations and headlines, each the headline of another story.
The extractors (places, dates) skip the spans found here.
"""

from __future__ import annotations

import re

#: One item of a list of videos: a duration, then a headline ("1:35 Mayor of Olathe
#: addresses the shooting", "2:59 Olathe shooting victim is being called a hero").
_PLAYLIST_ITEM = re.compile(r"(?<![\d:])\d{1,2}:\d{2}[ \t]+(?![ap]\.?m\b|[AP]\.?M\b)[A-Z'‘“\"]")
#: Three items or more, each within this many characters of the previous one, make a list.
_PLAYLIST_GAP = 250


def playlist_spans(text: str) -> list[tuple[int, int]]:
    """Spans of video lists in a page's text: from the first item to the end of the last."""
    if ":" not in text:
        return []
    starts = _item_starts(text)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(starts):
        j = k
        while j + 1 < len(starts) and starts[j + 1] - starts[j] <= _PLAYLIST_GAP:
            j += 1
        if j - k >= 2:
            end = text.find("\n", starts[j])
            out.append((starts[k], min(end if end >= 0 else len(text), starts[j] + 200)))
        k = j + 1
    return out


def _item_starts(text: str) -> list[int]:
    """``[m.start() for m in _PLAYLIST_ITEM.finditer(text)]``, found faster: an item holds
    one colon, its one or two digits right before it, so the pattern is tried only there
    (most texts have few colons; a scan of every position costs more)."""
    out: list[int] = []
    c = text.find(":")
    while c >= 0:
        for p in (c - 2, c - 1):
            if p >= 0 and text[p].isdigit():
                m = _PLAYLIST_ITEM.match(text, p)
                if m is not None and text.find(":", p, c) < 0:  # this colon's item
                    out.append(p)
                    break
        c = text.find(":", c + 1)
    return out
