"""The speed-ups of the spaCy pass (newsledger/extract/fastops.py) change no parse: the
pipeline of ``claims.nlp()`` (numpy matrix products, memoised lemmatizer with set-valued
index) against the same model with thinc's and spaCy's own code."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.extract import claims, fastops
from newsledger.extract.sentences import split_sentences

SEED = Path(__file__).parent / "fixtures" / "seed_deir_ez_zor.txt"

SENTENCES = [
    "Five Russian citizens were presumably killed in the clash, the Foreign Ministry said.",
    "A 25-year-old man was shot and killed Tuesday night, police said.",
    "Dozens of Russian and CIS citizens were wounded, some of them seriously.",
    "The gunman opened fire on the crowd before turning the gun on himself.",
    "Teen Accidentally Shot and Killed by Brother",
    "Officers found two women dead inside the home on Elm Street.",
]


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def plain_nlp():
    import spacy

    pipeline = spacy.load(claims.MODEL, exclude=["ner"])
    claims._replace_attribute_ruler(pipeline)  # the rules' POS lookup, no fastops
    return pipeline


def test_parses_are_identical(plain_nlp):
    texts = SENTENCES + [s.text for s in split_sentences(SEED.read_text("utf-8"))]
    with fastops.single_thread():
        fast = [_attrs(d) for d in claims.nlp().pipe(texts)]
        fast_again = [_attrs(d) for d in claims.nlp().pipe(texts)]  # from the lemma memo
    plain = [_attrs(d) for d in plain_nlp.pipe(texts)]
    assert fast == plain
    assert fast_again == plain


def test_single_thread_restores():
    fn = fastops._set_threads_local()
    if fn is None:
        pytest.skip("numpy's OpenBLAS is not reachable: thinc's own ops are kept")
    before = fn(3)
    try:
        with fastops.single_thread():
            assert fn(1) == 1
        assert fn(3) == 3
    finally:
        fn(before)


def test_split_sentences_returns_a_fresh_list():
    text = "One man was killed. Two were hurt."
    a = split_sentences(text)
    a.append(None)
    assert len(split_sentences(text)) == 2
