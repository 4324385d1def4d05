"""Document ids and the small parsers for metadata values (dates, titles).

``document_id`` hashes the normalised *cleaned* text, so the same article read twice, from a
.txt file or from a .jsonl line, with or without page chrome, gets the same id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from .clean import clean_text

_WS = re.compile(r"\s+")
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                       "„": '"', "‟": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


def normalise_for_id(text: str) -> str:
    """The key an id is computed from: cleaned, NFKC, quotes/dashes folded, casefolded,
    whitespace collapsed."""
    text = unicodedata.normalize("NFKC", clean_text(text)).translate(_FOLD)
    return _WS.sub(" ", text.casefold()).strip()


def document_id(text: str) -> str:
    """16 hex characters of sha256 over :func:`normalise_for_id`."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: object) -> date | None:
    """A date from ``YYYY-MM-DD``, an ISO datetime (with or without zone), a ``date`` or a
    ``datetime``; None for anything else (never raises)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _DATE.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def same_line(a: str, b: str) -> bool:
    """Whether two titles/lines are the same text up to case, quotes and spacing."""
    fold = lambda s: _WS.sub(" ", unicodedata.normalize("NFKC", s).translate(_FOLD).casefold()).strip(" .")  # noqa: E731
    return fold(a) == fold(b)
