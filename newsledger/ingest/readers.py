"""Inputs -> ``Document`` / ``Skipped``: files, directories, JSON Lines archives, stdin.

``read_inputs`` never raises for bad input: each unusable input (or JSON line) becomes a
``Skipped`` with a one-line reason and the batch goes on. It is lazy: JSON Lines files are
read line by line and directories walked as they are consumed.
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import BinaryIO, TextIO

from ..errors import BinaryInput, DecodeError, EmptyInput, InputError, TooLarge
from ..models import Document, Skipped
from .clean import clean_text, clean_title, normalise_whitespace
from .html import looks_like_html, parse_html
from .jsonl import Record, parse_record
from .language import is_english
from .normalise import document_id, same_line

#: Largest article accepted, in bytes (a whole .txt/.html file, or one JSON line).
MAX_BYTES = 20 * 1024 * 1024

TEXT_EXTS = (".txt", ".text")
HTML_EXTS = (".html", ".htm", ".xhtml")
JSONL_EXTS = (".jsonl", ".jsonl.gz", ".ndjson")
KNOWN_EXTS = TEXT_EXTS + HTML_EXTS + JSONL_EXTS

_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "zip archive",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
# Characters a cp1252 text plausibly contains beyond ASCII (besides letters).
_CP1252_PUNCT = set("‘’‚“”„–—…•€£¥§°©®™«»¡¿·×")


# --- decoding ---------------------------------------------------------------------------


def _mb(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.1f} KB"


def check_size(n: int) -> None:
    if n > MAX_BYTES:
        raise TooLarge(f"too large ({_mb(n)}; the limit is {_mb(MAX_BYTES)} per article)")


def _plausible_cp1252(text: str) -> bool:
    if not text:
        return False
    high = [c for c in text if ord(c) > 127]
    if len(high) > 0.3 * len(text):
        return False
    odd = sum(1 for c in high if not (c.isalpha() or c in _CP1252_PUNCT or c == "\u00a0"))
    return odd <= max(2, 0.1 * len(high))


def _check_text(text: str) -> str:
    sample = text[:100000]
    if sample:
        bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
        if bad > 0.1 * len(sample):
            raise BinaryInput("binary file (mostly non-text characters)")
    return text


def decode_bytes(data: bytes) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252 only when
    the result looks like text. Raises ``BinaryInput`` / ``DecodeError``."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _check_text(data[len(codecs.BOM_UTF8):].decode("utf-8"))
        except UnicodeDecodeError:
            raise DecodeError("undecodable bytes (UTF-8 BOM but invalid UTF-8)") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise DecodeError("undecodable bytes (UTF-16 BOM but invalid UTF-16)") from None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"binary file ({kind})")
    if b"\x00" in data[:1_000_000]:
        raise BinaryInput("binary file (contains NUL bytes)")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if _plausible_cp1252(text):
        return _check_text(text)
    raise DecodeError("undecodable bytes (not UTF-8, UTF-16 or plausible cp1252 text)")


# --- building documents -----------------------------------------------------------------


def split_title(text: str) -> tuple[str | None, str]:
    """A first line standing alone (followed by a blank line) is the title."""
    text = normalise_whitespace(text)
    head, sep, rest = text.partition("\n\n")
    if sep and rest.strip() and "\n" not in head and len(head) <= 300:
        return head, rest
    return None, text


def _drop_title_line(body: str, title: str | None) -> str:
    """Drop a first paragraph that repeats the title ("Title - Outlet" counts too)."""
    if not title:
        return body
    first, sep, rest = body.partition("\n\n")
    if "\n" in first:
        first, sep, rest = body.partition("\n")
    candidates = {title}
    for cut in (" - ", " | ", " — ", " – "):
        if cut in title:
            candidates.add(title.rsplit(cut, 1)[0])
    if any(same_line(first, c) for c in candidates) and rest.strip():
        return rest.lstrip("\n")
    return body


_EXTERNAL_ID = "external_id" in {f.name for f in dataclasses.fields(Document)}


def make_document(
    text: str,
    *,
    source: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    external_id: str | None = None,
) -> Document:
    """Clean ``text`` and wrap it with its metadata. Raises ``InputError``."""
    if not text or not text.strip():
        raise EmptyInput("empty (no text)")
    check_size(len(text.encode("utf-8", "surrogatepass")))
    if title:
        title = clean_title(title) or None
    body = clean_text(text)
    body = _drop_title_line(body, title)
    if not body:
        raise EmptyInput("no text left after removing page chrome")
    ok, detail = is_english(body if not title else title + "\n\n" + body)
    if not ok:
        raise InputError(f"not English ({detail})")
    extra = {"external_id": external_id} if _EXTERNAL_ID else {}
    return Document(
        id=document_id(body),
        text=body,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language="en",
        source=source,
        **extra,
    )


class _Meta:
    """Caller-supplied metadata: overrides what the input says."""

    def __init__(self, published: date | None, outlet: str | None):
        self.published = published
        self.outlet = outlet

    def apply(self, published: date | None, outlet: str | None) -> tuple[date | None, str | None]:
        return (
            self.published if self.published is not None else published,
            self.outlet if self.outlet is not None else outlet,
        )


def _from_text(text: str, source: str, meta: _Meta) -> Document:
    if not text.strip():
        raise EmptyInput("empty file (only whitespace)")
    title, body = split_title(text)
    published, outlet = meta.apply(None, None)
    return make_document(body, source=source, title=title, published=published, outlet=outlet)


def _from_html(html: str, source: str, meta: _Meta) -> Document:
    if not html.strip():
        raise EmptyInput("empty file (only whitespace)")
    page = parse_html(html)
    published, outlet = meta.apply(page.published, page.outlet)
    try:
        return make_document(
            page.text, source=source, title=page.title, url=page.url,
            published=published, outlet=outlet,
        )
    except EmptyInput:
        raise InputError("no article text found in HTML") from None


def _from_record(rec: Record, source: str, meta: _Meta) -> Document:
    text, title, url, outlet, published = rec.text, rec.title, rec.url, rec.outlet, rec.published
    if text is None and rec.html is not None:
        page = parse_html(rec.html, url=url)
        text = page.text
        title = title or page.title
        url = url or page.url
        outlet = outlet or page.outlet
        published = published or page.published
    if not text or not text.strip():
        raise EmptyInput("empty text")
    published, outlet = meta.apply(published, outlet)
    return make_document(
        text, source=source, title=title, url=url, outlet=outlet,
        published=published, external_id=rec.external_id,
    )


def _from_any(text: str, source: str, meta: _Meta) -> Document:
    """Unknown kind (stdin, unknown extension): HTML if it looks like HTML, else text."""
    if looks_like_html(text):
        return _from_html(text, source, meta)
    return _from_text(text, source, meta)


# --- readers ----------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "cannot read (permission denied)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or type(exc).__name__})"


def _guard(label: str, build) -> Document | Skipped:
    try:
        return build()
    except InputError as exc:
        return Skipped(label, _reason(exc))
    except OSError as exc:
        return Skipped(label, _os_reason(exc))
    except Exception as exc:  # a bug must not stop the batch; say what happened
        return Skipped(label, f"unexpected error ({type(exc).__name__}: {_reason(exc)})")


def _read_file_bytes(path: str) -> bytes:
    check_size(os.path.getsize(path))
    with open(path, "rb") as fh:
        return fh.read(MAX_BYTES + 1)


def _jsonl_lines(label: str, lines: Iterable[bytes], meta: _Meta) -> Iterator[Document | Skipped]:
    seen_any = False
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{label}:{n}"
        if n == 1 and b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield Skipped(label, "binary file (contains NUL bytes)")
            return

        def build(raw=raw, where=where):
            check_size(len(raw))
            data = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
            return _from_record(parse_record(data), where, meta)

        yield _guard(where, build)
    if not seen_any:
        yield Skipped(label, "empty file (no JSON lines)")


def _read_jsonl_file(path: str, meta: _Meta) -> Iterator[Document | Skipped]:
    try:
        opener = gzip.open if path.endswith(".gz") else open
        fh = opener(path, "rb")
    except OSError as exc:
        yield Skipped(path, _os_reason(exc))
        return
    with fh:
        try:
            head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        except OSError as exc:
            yield Skipped(path, f"cannot read ({exc})")
            return
        for magic, kind in _MAGIC.items():
            if head.startswith(magic):
                yield Skipped(path, f"binary file ({kind})")
                return
        try:
            yield from _jsonl_lines(path, fh, meta)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Skipped(path, f"cannot read the rest of the file ({_reason(exc)})")


def _kind(path: str) -> str | None:
    low = path.lower()
    for kind, exts in (("jsonl", JSONL_EXTS), ("html", HTML_EXTS), ("text", TEXT_EXTS)):
        if low.endswith(exts):
            return kind
    return None


def _read_file(path: str, meta: _Meta) -> Iterator[Document | Skipped]:
    kind = _kind(path)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, meta)
        return

    def build():
        text = decode_bytes(_read_file_bytes(path))
        if kind == "html":
            return _from_html(text, path, meta)
        if kind == "text":
            return _from_text(text, path, meta)
        if text.lstrip().startswith("{"):
            raise InputError("looks like JSON Lines; name the file .jsonl")
        return _from_any(text, path, meta)

    yield _guard(path, build)


def _walk(path: str) -> Iterator[tuple[str, OSError | None]]:
    """Files under ``path`` in sorted order (a sub-directory sorts by its name among the
    files), skipping hidden entries; unreadable directories are reported."""
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield path, exc
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path)
        else:
            yield entry.path, None


def _read_dir(path: str, meta: _Meta) -> Iterator[Document | Skipped]:
    found = False
    for full, error in _walk(path):
        if error is not None:
            yield Skipped(full, _os_reason(error))
            continue
        if _kind(full) is None:
            ext = os.path.splitext(full)[1] or "no extension"
            yield Skipped(full, f"unsupported file type ({ext})")
            continue
        found = True
        yield from _read_file(full, meta)
    if not found:
        yield Skipped(path, "directory contains no articles (.txt, .html, .htm, .jsonl)")


def _stdin_lines(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    buffer = getattr(stream, "buffer", None)
    for line in buffer if buffer is not None else stream:
        yield line.encode("utf-8") if isinstance(line, str) else line


def _read_stdin(stream: TextIO | BinaryIO, meta: _Meta) -> Iterator[Document | Skipped]:
    """Detect the kind from the first non-blank line: ``{`` means JSON Lines (read lazily),
    otherwise the whole stream is one HTML page or text article."""
    label = "stdin"
    lines = _stdin_lines(stream)
    leading: list[bytes] = []
    try:
        for line in lines:
            leading.append(line)
            if line.strip():
                break
        first = leading[-1] if leading else b""
        if first.lstrip().removeprefix(codecs.BOM_UTF8).startswith(b"{"):
            yield from _jsonl_lines(label, itertools.chain(leading, lines), meta)
            return
        data = b"".join(itertools.chain(leading, lines))
    except OSError as exc:
        yield Skipped(label, _os_reason(exc))
        return
    except UnicodeError as exc:
        yield Skipped(label, f"undecodable bytes ({_reason(exc)})")
        return

    def build():
        check_size(len(data))
        return _from_any(decode_bytes(data), label, meta)

    yield _guard(label, build)


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    outlet: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | Skipped]:
    """Yield one ``Document`` or ``Skipped`` per article, in input order, lazily.

    ``paths`` may hold files (.txt, .html/.htm, .jsonl, .jsonl.gz), directories (walked
    recursively in sorted order) and ``-`` for ``stdin`` (default ``sys.stdin``; HTML,
    JSON Lines or text is detected). ``published`` / ``outlet`` override the metadata found
    in the inputs.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    meta = _Meta(published, outlet)
    for raw_path in paths:
        path = os.fspath(raw_path)
        if path == "-":
            if stdin is None:
                import sys

                stdin = sys.stdin
            yield from _read_stdin(stdin, meta)
            continue
        try:
            if os.path.isdir(path):
                yield from _read_dir(path, meta)
            elif os.path.exists(path):
                yield from _read_file(path, meta)
            else:
                yield Skipped(path, "no such file or directory")
        except OSError as exc:
            yield Skipped(path, _os_reason(exc))


__all__ = ["read_inputs", "decode_bytes", "make_document", "MAX_BYTES"]
