"""Duplicates and the "copied from" trail.

News is copied: a wire story is reprinted by many outlets with a new headline and a
trimmed ending (a *near-duplicate*), and local articles stitch paragraphs from other
reports (a *partial copy*). A copy repeats a figure, it does not confirm it. This module
finds both, with pure functions plus one store hook, :func:`register`:

* **Near-duplicate documents.** Text -> word 5-shingles (normalised: NFKC, quotes folded,
  casefolded, ``\\w+`` tokens) -> MinHash signature (``NUM_PERM`` = 120 permutations,
  datasketch, scheme ``affine32`` with a fixed seed over CRC-32 shingle hashes, which
  datasketch mixes with a murmur finaliser; CRC-32 in C is several times faster than the
  default SHA-1 and, like it, gives the same signature in every run and every process) -> LSH with ``BANDS`` = 40 bands of ``ROWS`` = 3 rows. The band keys
  are stored (table ``minhash_bands``), so candidate look-up is one indexed query and works
  incrementally across runs without any signature in memory. Candidates are then verified
  on the *exact* Jaccard similarity of the two shingle sets (the candidate's text is
  re-shingled: a fraction of a millisecond), and a pair is a near-duplicate when it is
  ``>= NEAR_DUPLICATE`` = 0.5.

  Why these numbers: 5-word shingles are long enough that two independent reports of the
  same shooting ("police said the victim was taken to", ...) share few of them (same-incident
  pairs of Gun Violence Archive articles that are not copies are almost all below 0.1), short
  enough that a reprint with edits keeps most of them. On GVA the Jaccard of same-incident
  pairs is bimodal: ~2,200 pairs below 0.05, a tail, and ~35 above 0.9; 0.5 keeps the
  wire reprints and the "updated" versions of one story (new headline, a paragraph added)
  and leaves out articles that only quote a paragraph. With 40 bands of 3 rows, the chance
  that a pair becomes a candidate is 1 - (1 - J^3)^40: 0.995 at J = 0.5, 0.93 at 0.4, 0.28 at
  0.2, 0.04 at 0.1, so near-duplicates are almost never missed and few unrelated documents
  need the exact check.

* **Copied sentences.** Each sentence of at least ``MIN_WORDS`` = 8 words is fingerprinted
  (8 bytes of BLAKE2b over its normalised words) and stored with its document and offsets
  (table ``sentence_prints``). Short sentences ("Police are investigating.") are too common
  to show copying. The same sentence in several documents is a copy; its *first publisher*
  is the holder with the earliest ``published`` date, ties (and unknown dates, which sort
  last) broken by ingest order. "First" is computed at query time, so it stays right when
  an older article is ingested after its copies.

* **Duplicate of.** A near-duplicate document points (``documents.duplicate_of``) at the
  *original* of its group: the earliest-published of the documents it is a near-duplicate of
  and their originals. When a document older than the current original arrives, the whole
  group is re-pointed at it, so the answer does not depend on ingest order.

The reconciler leaves out the events of a document whose original is in the same incident
(``reconcile(..., duplicates=...)``): a reprint is not an independent confirmation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence
from urllib.parse import urlsplit

import numpy as np

from newsledger.extract.sentences import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Connection

    from newsledger.models import Document
    from newsledger.store.store import Store

SHINGLE = 5
NUM_PERM = 120
BANDS = 40
ROWS = 3
NEAR_DUPLICATE = 0.5
MIN_WORDS = 8
MAX_CANDIDATES = 50  # exact checks per document at most (those sharing the most bands first)
SEED = 1

assert BANDS * ROWS == NUM_PERM

_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                       "„": '"', "‟": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def _fold(text: str) -> str:
    """``text.translate(_FOLD)``, faster: ``str.translate`` with a dict looks up every
    character, ``str.replace`` skips to the few folded ones (and folds to ASCII, which no
    later replacement touches)."""
    for ch, to in _FOLD_PAIRS:
        if ch in text:
            text = text.replace(ch, to)
    return text


# ----------------------------------------------------------------------------- text
def words(text: str) -> list[str]:
    """Normalised word tokens: NFKC, quotes and dashes folded, casefolded, ``\\w+``."""
    if text.isascii():  # NFKC and the folds leave ASCII alone; casefold() is lower() on it
        return _WORD.findall(text.lower())
    return _WORD.findall(_fold(unicodedata.normalize("NFKC", text)).casefold())


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of word ``k``-grams of ``text`` (one shingle for texts shorter than k words)."""
    w = words(text)
    if len(w) <= k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + k]) for i in range(len(w) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# --------------------------------------------------------------------------- minhash
# datasketch's ``MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32", hashfunc=zlib.crc32)``
# computed here in a few numpy lines with the same values (tests/test_copies.py compares them):
# importing datasketch pulls in scipy, a third of a second per process.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations: odd ``a`` and any ``b`` mod 2^32, from
    ``RandomState(SEED)``."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def signature(shingle_set: Iterable[str]) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of a shingle set. Deterministic: CRC-32
    of each shingle, the MurmurHash3 32-bit finaliser, then ``a * h + b`` mod 2^32 per
    permutation, the minimum over shingles (2^32 - 1 for an empty set)."""
    hv = np.fromiter(map(zlib.crc32, map(str.encode, shingle_set)), dtype=np.uint32)  # UTF-8
    if not len(hv):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = (hv ^ (hv >> s3)).reshape(-1, 1)
    a, b = _permutations()
    return (hv * a + b).min(axis=0)


def estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Jaccard estimate from two signatures (fraction of equal values)."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per LSH band: 16 hex characters of BLAKE2b over (band number, its rows)."""
    data = np.asarray(sig, dtype="<u4").tobytes()
    out = []
    for i in range(BANDS):
        chunk = data[i * ROWS * 4 : (i + 1) * ROWS * 4]
        out.append(hashlib.blake2b(bytes([i]) + chunk, digest_size=8).hexdigest())
    return out


def is_near_duplicate(a: set[str], b: set[str]) -> bool:
    return jaccard(a, b) >= NEAR_DUPLICATE


# ------------------------------------------------------------------------- sentences
def sentence_key(text: str) -> str | None:
    """The fingerprint of a sentence (16 hex characters), or None when it is shorter than
    ``MIN_WORDS`` words."""
    w = words(text)
    if len(w) < MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(w).encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class Print:
    key: str
    start: int
    end: int


def sentence_prints(text: str) -> list[Print]:
    """Fingerprints of the document's sentences (each distinct sentence once: the first)."""
    out: list[Print] = []
    seen: set[str] = set()
    for s in split_sentences(text):
        key = sentence_key(s.text)
        if key is not None and key not in seen:
            seen.add(key)
            out.append(Print(key, s.start, s.end))
    return out


# ----------------------------------------------------------------- first publisher
def first_key(published: date | str | None, seq: int | None) -> tuple:
    """Sort key for "who published first": earliest date, unknown dates last, then ingest
    order."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    return (published is None, published or date.max, seq if seq is not None else 1 << 62)


def first_of(rows: Sequence, published=lambda r: r[1], seq=lambda r: r[2]):
    """The row of the first publisher among ``rows`` (by :func:`first_key`)."""
    return min(rows, key=lambda r: first_key(published(r), seq(r)))


def outlet_label(outlet: str | None, url: str | None) -> str:
    """A name for where a document was published: its outlet, else its web host (an archive
    copy's original host), else "-"."""
    if outlet:
        return outlet
    if not url:
        return "-"
    m = re.search(r"web\.archive\.org/web/[^/]+/(.+)$", url)
    if m:
        url = m.group(1)
        if "://" not in url:
            url = "http://" + url
    host = urlsplit(url).hostname or ""
    host = host.split(":")[0]
    return host[4:] if host.startswith("www.") else (host or "-")


# ------------------------------------------------------------------------ the hook
def register(store: "Store", conn: "Connection", doc: "Document") -> str | None:
    """Record ``doc``'s LSH bands and sentence prints and decide its near-duplicate status,
    inside the caller's transaction (call it after ``store.add_document``). Returns the id of
    the original ``doc`` is a near-duplicate of, or None.

    When ``doc`` is older than the original of the documents it duplicates, they are re-pointed
    at ``doc`` (and ``doc`` gets None)."""
    sh = shingles(doc.text)
    keys = band_keys(signature(sh))
    original = None
    candidates = store.near_duplicates_of(conn, keys, limit=MAX_CANDIDATES, exclude=doc.id)
    if candidates:
        info = store.copy_info(conn, candidates + [doc.id])  # id -> (text, published, seq, duplicate_of)
        dups = [c for c in candidates if c in info and jaccard(sh, shingles(info[c][0])) >= NEAR_DUPLICATE]
        if dups:
            roots = {info[c][3] or c for c in dups}
            missing = [r for r in roots if r not in info]
            if missing:
                info.update(store.copy_info(conn, missing))
            group = roots | {doc.id}
            first = min(group, key=lambda i: first_key(info[i][1], info[i][2]) if i in info else (True, date.max, 1 << 62))
            others = sorted(group - {first})
            store.set_duplicate_of(conn, others, first)
            original = None if first == doc.id else first
    store.add_bands(conn, doc.id, keys)
    store.add_prints(conn, doc.id, [(p.key, p.start, p.end) for p in sentence_prints(doc.text)])
    return original


def backfill(store: "Store", conn: "Connection") -> int:
    """Register every stored document that has no LSH bands yet, in ingest order (used once
    when a version-1 database is upgraded). Returns how many."""
    from types import SimpleNamespace

    n = 0
    for doc_id in store.unregistered_documents(conn):
        text = store.copy_info(conn, [doc_id])[doc_id][0]
        register(store, conn, SimpleNamespace(id=doc_id, text=text))
        n += 1
    return n
