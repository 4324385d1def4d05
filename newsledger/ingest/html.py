"""HTML pages -> article text and metadata, via trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from .normalise import parse_date

# trafilatura logs every page it cannot parse; a Skipped row already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Only page metadata and the URL, no guessing from the body's text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class Page:
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<html", "<head", "<body", "<article", "<p>", "<div")
    )


def parse_html(html: str | bytes, url: str | None = None) -> Page:
    """Main text (paragraphs separated by a blank line), title, canonical/og url, site name
    and publication date. Raises ``InputError`` when no article text is found."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise InputError("HTML input needs trafilatura (pip install trafilatura)") from exc
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many things on broken markup
        raise InputError(f"no article text found in HTML ({type(exc).__name__})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text found in HTML")
    title = (doc.title or "").strip() or None
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
        if not lines:
            raise InputError("no article text found in HTML")
    return Page(
        text="\n\n".join(lines),
        title=title,
        url=(doc.url or None) or url,
        outlet=(doc.sitename or "").strip() or None,
        published=parse_date(doc.date),
    )
