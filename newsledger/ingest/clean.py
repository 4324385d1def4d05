"""Text normalisation and page-chrome removal.

``clean_text`` turns scraped article text into clean paragraphs:

1. unicode and whitespace: NFC, non-breaking and odd spaces become plain spaces, zero-width
   characters and control characters go, curly quotes stay, lines are stripped, runs of
   blank lines become one blank line;
2. chrome glued to real text is cut out (``chrome_inline.txt``: "Posted: ... Updated: ..."
   stamps, "(Photo: ...)" credits, "Buy Photo");
3. lines that are nothing but chrome are dropped (``chrome_lines.txt``: copyright lines,
   bylines, "Read More", "Related: ...", newsletter and cookie notices, and lines made only
   of toolbar words from ``chrome_toolbar.txt`` such as "Adjust Comment Print");
4. chrome sentences inside a real paragraph are dropped (``chrome_sentences.txt``).

The patterns are data (``newsledger/data/chrome_*.txt``), each file says where its entries
come from. Datelines ("ALTURAS, Calif. (AP) —") are never touched: they carry the place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Pieces the pattern files can use as {NAME}.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MACROS = {
    "DAY": r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?",
    "DATE": (
        rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
        r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
    ),
    "TIME": (
        r"(?:\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
        r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|ET|CT|MT|PT)\)?)?"
    ),
}

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MULTI_SPACE = re.compile(r" {2,}")
_BLANKS = re.compile(r"\n{3,}")
_SPACE_PUNCT = re.compile(r"\s+([.,;:!?](?:\s|$))")
_HAS_ALNUM = re.compile(r"[^\W_]")
# A sentence end followed by space (splitting only to find chrome sentences; a wrong split
# merely means a chrome sentence is not found, never that text is lost).
_SENT_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")


def _load(name: str) -> list[str]:
    text = resources.files("newsledger").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _expand(pattern: str) -> str:
    for key, value in MACROS.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, list[re.Pattern], list[re.Pattern], re.Pattern, re.Pattern]:
    lines = [_expand(p) for p in _load("chrome_lines.txt")]
    line_re = re.compile("|".join(f"(?:{p})" for p in lines), re.I)
    inline = [re.compile(_expand(p), re.I | re.M) for p in _load("chrome_inline.txt")]
    sentences = [re.compile(_expand(p), re.I) for p in _load("chrome_sentences.txt")]
    words = sorted(_load("chrome_toolbar.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    sep = r"[\s|•·:/,()\d-]*"
    toolbar_line = re.compile(rf"{sep}(?:(?<![\w+-])(?:{alt})(?![\w+-]){sep})+", re.I)
    # Three or more toolbar words glued before a capitalised real sentence.
    toolbar_prefix = re.compile(
        rf"^(?:(?:{alt})(?![\w+-])[\s|•·:]+){{3,}}(?=[\"“A-Z])", re.I
    )
    return line_re, inline, sentences, toolbar_line, toolbar_prefix


def normalise_whitespace(text: str) -> str:
    """Unicode NFC, plain spaces, stripped lines, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()


def is_chrome_line(line: str) -> bool:
    """True when the whole line is page chrome (after inline chrome was cut out)."""
    line_re, _, _, toolbar_line, _ = _patterns()
    if not _HAS_ALNUM.search(line):  # "___", "---", "###", ".........."
        return True
    return bool(line_re.fullmatch(line) or toolbar_line.fullmatch(line))


def _split_sentences(line: str) -> list[str]:
    parts, start = [], 0
    for m in _SENT_END.finditer(line):
        parts.append(line[start : m.end()].strip())
        start = m.end()
    parts.append(line[start:].strip())
    return [p for p in parts if p]


def _clean_line(line: str) -> str:
    _, inline, sentences, _, toolbar_prefix = _patterns()
    original = line
    for pattern in inline:
        line = pattern.sub(" ", line)
    if line != original:  # "firearm (photo released)." -> "firearm ."  -> "firearm."
        line = _SPACE_PUNCT.sub(r"\1", line)
    line = _MULTI_SPACE.sub(" ", line).strip()
    line = toolbar_prefix.sub("", line)
    if not line or is_chrome_line(line):
        return ""
    parts = _split_sentences(line)
    if len(parts) > 1 or any(p.search(line) for p in sentences):
        kept = [s for s in parts if not any(p.search(s.strip()) for p in sentences)]
        if len(kept) != len(parts):
            # Re-join from the original so spacing inside kept sentences is untouched.
            line = " ".join(s.strip() for s in kept)
            if not line or is_chrome_line(line):
                return ""
    return line


def clean_title(title: str) -> str:
    """A title on one line, without glued chrome ("... Posted: Friday, ... Updated: ...")."""
    _, inline, _, _, _ = _patterns()
    line = " ".join(normalise_whitespace(title).split())
    for pattern in inline:
        line = pattern.sub(" ", line)
    return _MULTI_SPACE.sub(" ", line).strip()


def clean_text(text: str) -> str:
    """Normalise whitespace/unicode and remove page chrome, keeping the article's sentences.

    Paragraph structure is kept: paragraphs are separated by one blank line, lines inside a
    paragraph by a newline.
    """
    text = normalise_whitespace(text)
    out: list[str] = []
    for line in text.split("\n"):
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        cleaned = _clean_line(line)
        if cleaned:
            out.append(cleaned)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
