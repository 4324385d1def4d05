"""Faster matrix products for the spaCy model, with identical parses.

thinc's CPU backend multiplies with ``blis``; on this class of machine (x86-64 without a blis
kernel tuned for it) numpy's bundled OpenBLAS does the same products about three times as
fast single-threaded, which makes the whole ``nlp.pipe`` over the gated sentences ~40% faster.
The parses (tags, dependencies, heads, lemmas) come out the same: checked token for token on
the gated sentences of 400 GVA articles.

The same ops also hand the parser (and the hash embeddings) OpenBLAS's ``saxpy`` instead of
blis's (``_openblas_cblas``): blis picks its unoptimised "generic" kernels on CPUs it does not
know (AMD EPYC here), and the parser calls ``saxpy`` a few hundred times per step; with
``alpha`` = 1, its only use, every implementation computes the same float sums.

The parser's transition loop runs from Python with the GIL held (``parse_holding_gil``):
spaCy's compiled loop hands the GIL back and forth millions of times per batch. Same
functions, same order of sums, same parses; about a fifth less parse time.

OpenBLAS is held to one thread while spaCy runs (``single_thread``): with its default of one
thread per core it is slower than blis on a shared machine and fights the worker processes of
``--processes N``. The limit is thread-local and restored afterwards, so other numpy code in
the process is not affected. When numpy's OpenBLAS cannot be reached (another BLAS, an old
OpenBLAS without ``openblas_set_num_threads_local``), the model keeps thinc's own ops.
"""

from __future__ import annotations

import ctypes
import glob
import importlib.util
import os
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator


@lru_cache(maxsize=1)
def _set_threads_local() -> Any:
    """numpy's OpenBLAS ``openblas_set_num_threads_local`` (returns the previous count), or
    None."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - spaCy needs numpy
        return None
    base = os.path.dirname(os.path.abspath(numpy.__file__))
    candidates = glob.glob(os.path.join(base + ".libs", "lib*openblas*.so*"))  # manylinux wheels
    candidates += glob.glob(os.path.join(base, ".dylibs", "lib*openblas*.dylib"))  # macOS wheels
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)  # already loaded by numpy: the same library and state
            fn = lib.openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes = [ctypes.c_int]
        fn.restype = ctypes.c_int
        return fn
    return None


@contextmanager
def single_thread() -> Iterator[None]:
    """Hold numpy's OpenBLAS to one thread in this thread (no-op when unavailable)."""
    fn = _set_threads_local()
    if fn is None:
        yield
        return
    before = fn(1)
    try:
        yield
    finally:
        fn(before)


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters (malloc.h)


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Let glibc's malloc reuse freed memory for the model's large arrays instead of giving it
    back to the kernel; returns whether it could (glibc only).

    Each layer of the parse allocates arrays of several MB (tokens x 288 floats). glibc
    serves such sizes with fresh ``mmap`` pages and returns them on ``free``, so every array
    costs a page fault per 4 KB and the kernel's zeroing: ~250,000 faults and 1.3 s of system
    time per 600 articles (of ~12 s). With the mmap threshold at its largest (32 MB) and a
    128 MB trim threshold, the heap keeps them: ~40,000 faults, 0.4 s, peak memory within a
    few MB. Only where memory comes from changes, never a value."""
    import platform

    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, 32 << 20)) and bool(mallopt(M_TRIM_THRESHOLD, 128 << 20))


def use_numpy_gemm(pipeline: Any) -> bool:
    """Make the pipeline's thinc models multiply with numpy (see module docstring); returns
    whether it did. Call ``nlp.pipe`` inside ``single_thread()`` afterwards. The parser also
    gets its loop run holding the GIL (``parse_holding_gil``), whatever the BLAS."""
    if _set_threads_local() is None:
        parse_holding_gil(pipeline)
        return False
    import numpy
    from thinc.api import NumpyOps

    class _NumpyGemmOps(NumpyOps):
        name = "numpy"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: D102
            if trans1:
                x = x.T
            if trans2:
                y = y.T
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

        def cblas(self):  # noqa: D102
            return fast_cblas if fast_cblas is not None else super().cblas()

    keep_freed_memory()  # the model's large arrays: reuse freed memory, no page faults
    fast_cblas = _openblas_cblas()
    ops = _NumpyGemmOps()
    for _name, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if isinstance(node.ops, NumpyOps):
                    node.ops = ops
    parse_holding_gil(pipeline)
    return True


@lru_cache(maxsize=1)
def _lp64_saxpy() -> int | None:
    """The address of ``cblas_saxpy`` in scipy's bundled OpenBLAS (32-bit integers, like
    thinc's ``saxpy_ptr``; numpy's bundled one takes 64-bit integers), or None."""
    spec = importlib.util.find_spec("scipy")
    if spec is None or not spec.origin:
        return None
    base = os.path.dirname(os.path.abspath(spec.origin))
    candidates = glob.glob(os.path.join(base + ".libs", "lib*openblas*.so*"))
    candidates += glob.glob(os.path.join(base, ".dylibs", "lib*openblas*.dylib"))
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in ("scipy_", ""):  # scipy's wheels prefix OpenBLAS's symbols
            config = getattr(lib, prefix + "openblas_get_config", None)
            saxpy = getattr(lib, prefix + "cblas_saxpy", None)
            if config is None or saxpy is None:
                continue
            config.restype = ctypes.c_char_p
            if b"USE64BITINT" not in (config() or b"USE64BITINT"):  # else 64-bit integers
                return ctypes.cast(saxpy, ctypes.c_void_p).value
    return None


def _capsule_pointer(capsule: Any) -> int:
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype, get_name.argtypes = ctypes.c_char_p, [ctypes.py_object]
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype, get.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
    return get(capsule, get_name(capsule))


def _cblas_functions(table: Any) -> Any:
    """The ``{daxpy, saxpy, sgemm}`` function pointers of a thinc ``CBlas`` table (a ctypes
    array over the table itself), or None when the object is not laid out as thinc 8's
    ``cblas.pyx`` says (the object header, then a ``shared_ptr`` to the three pointers)."""
    from thinc.backends.cblas import CBlas

    size = ctypes.sizeof(ctypes.c_void_p)
    if not isinstance(table, CBlas) or CBlas.__basicsize__ != object.__basicsize__ + 2 * size:
        return None
    funcs_at = ctypes.c_void_p.from_address(id(table) + object.__basicsize__).value
    if not funcs_at:
        return None
    return (ctypes.c_void_p * 3).from_address(funcs_at)


@lru_cache(maxsize=1)
def _blis_functions() -> list[int] | None:
    """Addresses of blis's ``daxpy``, ``saxpy`` and ``sgemm`` (thinc's default table), or None."""
    try:
        import blis.cy

        return [_capsule_pointer(blis.cy.__pyx_capi__[name]) for name in ("daxpy", "saxpy", "sgemm")]
    except (ImportError, AttributeError, KeyError, ValueError):
        return None


@lru_cache(maxsize=1)
def _openblas_cblas() -> Any:
    """A thinc ``CBlas`` table whose ``saxpy`` is OpenBLAS's, or None (then thinc's own).

    ``CBlas`` exposes no setter to Python, so its table is written in place -- only after
    checking that the object is laid out as thinc 8's ``cblas.pyx`` says and that the table
    holds exactly blis's three functions; anything else keeps thinc's table. One table per
    process, read only."""
    address = _lp64_saxpy()
    expected = _blis_functions()
    if address is None or expected is None:
        return None
    try:
        from thinc.backends.cblas import CBlas
    except ImportError:
        return None
    table = CBlas()
    funcs = _cblas_functions(table)
    if funcs is None or list(funcs) != expected:
        return None
    funcs[1] = address
    return table


# ------------------------------------------------------------------ the parser's loop
def parse_holding_gil(pipeline: Any) -> bool:
    """Run the dependency parser's greedy loop from Python, holding the GIL; same parses.
    Returns whether the pipeline's parser was swapped for ``_GilParser``.

    spaCy's ``Parser.greedy_parse`` releases the GIL and steps all sentences of a batch in
    compiled code (``_parseC``). That code was compiled (Cython 3) with an exception check
    after each call of thinc's inline helpers ``Vec.arg_max`` and ``VecVec.add_i`` (declared
    without ``noexcept``), and without the GIL each check takes it and gives it back:
    per sentence, per hidden unit (64), per transition -- ~13 million GIL hand-offs per 500
    articles, a fifth of the parse time. ``_greedy_parse`` makes the same step from Python
    with spaCy's own pieces (``ParserStepModel``, ``precompute_hiddens``,
    ``Parser.transition_states``), where those checks cost nothing; the only product it
    computes itself, hidden units -> transition scores, goes to blis's ``sgemm`` with the
    arguments ``_parseC`` gives it. The Python overhead is ~30 us per step of 64 sentences.

    Swapped only when the parse is known to come out the same: a greedy (beam width 1)
    transition parser with an output layer, on thinc's CPU ops whose ``sgemm`` is blis's."""
    try:
        from spacy.pipeline.transition_parser import Parser
        from thinc.api import NumpyOps
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return False
    if "parser" not in pipeline.pipe_names:
        return False
    i = pipeline.pipe_names.index("parser")
    name, parser = pipeline._components[i]
    if isinstance(parser, _GilParser) or not isinstance(parser, Parser):
        return False
    ops = parser.model.ops
    blis_sgemm = (_blis_functions() or [None] * 3)[2]
    if parser.cfg.get("beam_width") != 1 or not isinstance(ops, NumpyOps):
        return False
    funcs = _cblas_functions(ops.cblas())
    if blis_sgemm is None or funcs is None or funcs[2] != blis_sgemm:
        return False
    if not parser.model.attrs.get("has_upper", False):
        return False
    pipeline._components[i] = (name, _GilParser(parser))
    return True


class _GilParser:
    """A pipeline's parser component whose ``predict`` is ``_greedy_parse``; everything else
    (``set_annotations``, ``model``, labels, ...) is the parser's own."""

    def __init__(self, parser: Any) -> None:
        self._parser = parser

    def __getattr__(self, name: str) -> Any:
        if name == "_parser":  # not set yet (copy, unpickling)
            raise AttributeError(name)
        return getattr(self._parser, name)

    def predict(self, docs: list) -> list:
        """``Parser.predict`` with ``_greedy_parse`` for ``Parser.greedy_parse``."""
        parser = self._parser
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        return _greedy_parse(parser, docs)

    def __call__(self, doc: Any) -> Any:
        """``TrainablePipe.__call__``."""
        try:
            self._parser.set_annotations([doc], self.predict([doc]))
            return doc
        except Exception as err:
            self._parser.get_error_handler()(self._parser.name, self._parser, [doc], err)

    def pipe(self, docs: Any, *, batch_size: int = 256) -> Iterator[Any]:
        """``Parser.pipe``: batches of ``batch_size``, parsed by length in quarters."""
        from spacy.util import minibatch

        parser = self._parser
        error_handler = parser.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch_in_order = list(batch)
            try:
                by_length = sorted(batch_in_order, key=len)
                for subbatch in minibatch(by_length, size=max(batch_size // 4, 2)):
                    subbatch = list(subbatch)
                    parser.set_annotations(subbatch, self.predict(subbatch))
                yield from batch_in_order
            except Exception as err:
                error_handler(parser.name, parser, batch_in_order, err)


def _greedy_parse(parser: Any, docs: list) -> list:
    """``Parser.greedy_parse`` step by step: the same features, sums, maxout, scores, unseen
    classes and transitions as ``_parseC`` / ``predict_states``, in the same order."""
    import blis.py
    from thinc.api import set_dropout_rate

    parser._ensure_labels_are_added(docs)
    set_dropout_rate(parser.model, 0.0)
    batch = parser.moves.init_batch(docs)
    model = parser.model.predict(docs)  # a ParserStepModel: token vectors, precomputed hiddens
    try:
        states = [state for state in batch if not state.is_final()]
        upper = model.vec2scores
        weights, bias = upper.get_param("W"), upper.get_param("b")
        unseen = model._class_mask == 0
        any_unseen = bool(unseen.any())
        to_hidden = model.state2vec
        while states:
            hidden = to_hidden.predict(model.get_token_ids(states))  # summed features + bias, maxout
            scores = blis.py.gemm(hidden, weights, trans2=True, beta=0.0)
            scores += bias
            if any_unseen:
                scores[:, unseen] = scores.min()
            states = parser.transition_states(states, scores)
    finally:
        model.clear_memory()
    return batch


def memoise_lemmatizer(pipeline: Any) -> bool:
    """Give the pipeline's rule lemmatizer a per-document fast path with the same lemmas.

    spaCy's ``Lemmatizer.__call__`` makes a Python ``Token`` per word and calls
    ``rule_lemmatize``, whose result depends only on (orth, POS, morphology) -- its own cache
    key. Here the three are read as one array, each distinct key is lemmatized once per
    process by spaCy's own code, and the lemmas are written back as one array: a sixth of
    the parse time saved. Returns whether the lemmatizer was replaced."""
    if "lemmatizer" not in pipeline.pipe_names:
        return False
    lemmatizer = pipeline.get_pipe("lemmatizer")
    from spacy.pipeline import Lemmatizer

    # only spaCy's own __call__ in rule mode is known to depend on nothing else
    if getattr(lemmatizer, "mode", None) != "rule" or type(lemmatizer).__call__ is not Lemmatizer.__call__:
        return False
    base = type(lemmatizer)
    lemmatizer.__class__ = type("Memoised" + base.__name__, (base,), {"__call__": _memoised_call})
    lemmatizer._newsledger_memo = {}
    # rule_lemmatize's only use of the "lemma_index" table is ``form in index``, and its
    # entries are lists (57,000 nouns): as sets each new word costs microseconds, not ~70.
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for key, forms in list(index.items()):
            if isinstance(forms, list):
                index[key] = frozenset(forms)
    return True


def _memoised_call(self: Any, doc: Any) -> Any:
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors

    if not self._validated:
        self._validate_tables(Errors.E1004)
    if not len(doc):
        return doc
    memo: dict = self._newsledger_memo
    strings = self.vocab.strings
    keys = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
    lemmas = []  # a list, made an array once: setting numpy items one by one costs more
    for i, (orth, pos, morph, lemma) in enumerate(keys):
        if lemma and not self.overwrite:
            lemmas.append(lemma)
            continue
        key = (orth, pos, morph)
        value = memo.get(key)
        if value is None:
            value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
        lemmas.append(value)
    doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
    return doc
