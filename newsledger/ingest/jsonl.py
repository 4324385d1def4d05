"""JSON Lines: one article per line, and the benchmark record shapes.

Accepted keys (first present wins):

* text: ``text``, ``content``, ``body``; or ``html``; or ``lines_tokenized`` (a list of
  tokenised sentences, the first being the title; ``NEWLINE`` tokens end a paragraph);
* ``title``; url: ``url``, ``uri``, ``link``; published: ``published``, ``dct``, ``date``,
  ``published_at`` (YYYY-MM-DD or ISO datetime); outlet: ``outlet``, ``site_name``,
  ``sitename``, ``source_name``; external id: ``id``, ``doc_id``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError
from .normalise import parse_date

_TEXT_KEYS = ("text", "content", "body")
_URL_KEYS = ("url", "uri", "link")
_DATE_KEYS = ("published", "dct", "date", "published_at", "publish_date")
_OUTLET_KEYS = ("outlet", "site_name", "sitename", "source_name")
_ID_KEYS = ("id", "doc_id")


@dataclass
class Record:
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    external_id: str | None = None


def _first(rec: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = rec.get(key)
        if value not in (None, ""):
            return value
    return None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def parse_record(line: bytes | str) -> Record:
    """One JSON line -> Record. Raises ``InputError`` with a one-line reason."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except UnicodeDecodeError:
        raise InputError("invalid JSON (bytes are not UTF-8)") from None
    if not isinstance(rec, dict):
        raise InputError(f"not a JSON object (got {type(rec).__name__})")
    out = Record(
        title=_str(rec.get("title")),
        url=_str(_first(rec, _URL_KEYS)),
        outlet=_str(_first(rec, _OUTLET_KEYS)),
        external_id=_str(_first(rec, _ID_KEYS)),
    )
    raw_date = _first(rec, _DATE_KEYS)
    if raw_date is not None:
        out.published = parse_date(raw_date)
        if out.published is None:
            raise InputError(f"unreadable published date {str(raw_date)[:40]!r}")
    text = _first(rec, _TEXT_KEYS)
    if text is not None:
        if not isinstance(text, str):
            raise InputError("the text field is not a string")
        out.text = text
    elif rec.get("html"):
        if not isinstance(rec["html"], str):
            raise InputError("the html field is not a string")
        out.html = rec["html"]
    elif rec.get("lines_tokenized"):
        lines = rec["lines_tokenized"]
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise InputError("lines_tokenized is not a list of strings")
        title, body = tokenized_to_text(lines)
        out.title = out.title or title
        out.text = body
    else:
        raise InputError("no text, content, html or lines_tokenized field")
    return out


# --- detokenisation -------------------------------------------------------------------

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|’s\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$#]) ")
_HYPHEN = re.compile(r"(?<=[A-Za-z0-9]) - (?=[a-z0-9])")
_SLASH = re.compile(r"(?<=\w) / (?=\w)")


def _fix_quotes(text: str) -> str:
    """Pair straight double quotes: attach an opening one to the next word, a closing one
    to the previous word."""
    text = text.replace("``", '"').replace("''", '"')
    out, opening = [], True
    parts = text.split('"')
    for i, part in enumerate(parts):
        if i:
            if opening:
                out[-1] = out[-1].rstrip(" ") + (" " if out[-1].strip() else "")
                part = part.lstrip(" ")
            else:
                out[-1] = out[-1].rstrip(" ")
            out.append('"')
            opening = not opening
        out.append(part)
    return "".join(out).strip()


def detokenize(text: str) -> str:
    """Undo PTB-style tokenisation: ``"Smith , 42 , said"`` -> ``"Smith, 42, said"``."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace("-LRB-", "(").replace("-RRB-", ")")
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = _HYPHEN.sub("-", text)
    text = _SLASH.sub("/", text)
    if text.count('"') % 2 == 0 and ('"' in text or "``" in text):
        text = _fix_quotes(text)
    return text


def tokenized_to_text(lines: list[str]) -> tuple[str | None, str]:
    """SemEval ``lines_tokenized`` -> (title, body). Sentences of a paragraph are joined by a
    space; a ``NEWLINE`` token ends the paragraph."""
    if not lines:
        return None, ""
    title = detokenize(lines[0].replace("NEWLINE", " ")) or None
    paragraphs, current = [], []
    for line in lines[1:]:
        tokens = line.split(" ")
        pieces, buf = [], []
        for tok in tokens:
            if tok == "NEWLINE":
                pieces.append((" ".join(buf), True))
                buf = []
            else:
                buf.append(tok)
        pieces.append((" ".join(buf), False))
        for chunk, ends in pieces:
            chunk = detokenize(chunk)
            if chunk:
                current.append(chunk)
            if ends and current:
                paragraphs.append(" ".join(current))
                current = []
    if current:
        paragraphs.append(" ".join(current))
    return title, "\n\n".join(paragraphs)
