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


def test_openblas_saxpy_table_sums_like_blis():
    """The parser's and the hash embeddings' ``saxpy`` (always with alpha = 1) comes from
    OpenBLAS when scipy's LP64 OpenBLAS is there; its sums are blis's, bit for bit."""
    import numpy
    from thinc.api import NumpyOps

    table = fastops._openblas_cblas()
    if table is None:
        pytest.skip("no LP64 OpenBLAS or an unexpected CBlas layout: thinc's table is kept")
    ops = claims.nlp().get_pipe("parser").model.ops
    assert ops.cblas() is table
    rng = numpy.random.default_rng(0)
    emb = rng.standard_normal((500, 96)).astype("float32")
    ids = rng.integers(0, 500, size=(2000, 4)).astype("int32")
    assert numpy.array_equal(ops.gather_add(emb, ids), NumpyOps().gather_add(emb, ids))


def test_keep_freed_memory_is_harmless():
    """glibc's thresholds only: numpy arrays still work, and a second call is a no-op."""
    import numpy

    first = fastops.keep_freed_memory()
    assert fastops.keep_freed_memory() == first
    a = numpy.ones((4000, 288), dtype="float32")
    assert float((a @ a.T)[0, 0]) == 288.0
