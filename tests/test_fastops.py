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


def test_parser_loop_holds_the_gil(plain_nlp):
    """The parser's greedy loop runs from Python (fastops.parse_holding_gil): same heads,
    labels and sentence starts as spaCy's compiled loop, through ``pipe`` (batches sorted by
    length, several sub-batches) and through ``__call__``, empty texts included."""
    if fastops._blis_functions() is None:
        pytest.skip("blis's functions are not reachable: spaCy's own loop is kept")
    nlp = claims.nlp()
    assert isinstance(nlp.get_pipe("parser"), fastops._GilParser)
    assert not fastops.parse_holding_gil(nlp)  # already swapped: left alone
    texts = SENTENCES + ["", "Shot."] + [s.text for s in split_sentences(SEED.read_text("utf-8"))]

    def parse(doc):
        return [(t.dep_, t.head.i, t.is_sent_start) for t in doc]

    with fastops.single_thread():
        fast = [parse(d) for d in nlp.pipe(texts, batch_size=16)]  # sub-batches of 4
        one = [parse(nlp(t)) for t in SENTENCES[:3]]
    plain = [parse(d) for d in plain_nlp.pipe(texts, batch_size=16)]
    assert fast == plain
    assert one == plain[:3]


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


def _parsed(texts):
    from newsledger.extract import claims

    return list(claims.nlp().pipe(texts))


_PARSE_SAMPLES = [
    "Two people were killed and three others were wounded in a shooting Saturday night, police said.",
    "A 17-year-old boy was shot in the leg and is in stable condition; he is expected to survive.",
    "The man died at the scene, according to police, who reportedly found the gun nearby.",
    "Teen accidentally shot and killed in itasca county",
    "He had been charged with the murder of his wife and the fatal shooting of a neighbor.",
    "",
]


def test_tag_pos_same_as_token_by_token():
    """claims._tag_pos (arrays) gives the POS the per-token rule gives."""
    from newsledger.extract import claims

    for doc in _parsed(_PARSE_SAMPLES):
        want = ["AUX" if (t.dep_ in ("aux", "auxpass") or t.lower_ in claims._BE) and t.tag_.startswith(("VB", "MD"))
                else claims._TAG_POS.get(t.tag_, "X") for t in doc]
        assert [t.pos_ for t in doc] == want


def test_victim_words_cover_every_rule_start():
    """claims._victim_words keeps every token that _implicit_victims' rules can start from."""
    from newsledger.extract import claims

    for doc in _parsed(_PARSE_SAMPLES):
        want = [t.i for t in doc if t.lemma_.lower() in claims._VICTIM_LEMMAS or t.lower_ in claims._VICTIM_LOWERS]
        assert claims._victim_words(doc) == want
