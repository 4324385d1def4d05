"""The ingest stage: inputs (text, HTML, JSON Lines, directories, stdin) -> ``Document``.

* :func:`read_inputs` yields one ``Document`` or ``Skipped`` per article, lazily;
* :func:`clean_text` normalises text and removes page chrome (patterns in
  ``newsledger/data/chrome_*.txt``);
* :func:`document_id` is the content hash that makes re-ingesting an article idempotent;
* :func:`is_english` is the cheap language gate.
"""

from .clean import clean_text, clean_title, normalise_whitespace
from .html import parse_html
from .jsonl import detokenize, parse_record, tokenized_to_text
from .language import is_english
from .normalise import document_id, normalise_for_id, parse_date
from .readers import MAX_BYTES, decode_bytes, make_document, read_inputs

__all__ = [
    "read_inputs",
    "clean_text",
    "clean_title",
    "normalise_whitespace",
    "document_id",
    "normalise_for_id",
    "parse_date",
    "is_english",
    "parse_html",
    "parse_record",
    "detokenize",
    "tokenized_to_text",
    "decode_bytes",
    "make_document",
    "MAX_BYTES",
]
