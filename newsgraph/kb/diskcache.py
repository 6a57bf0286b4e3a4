"""Pickled tables under ``$NEWSGRAPH_CACHE_DIR`` or ``~/.cache/newsgraph``.

The knowledge-base tables (gazetteer index, region tables, country names) derive from package data
by deterministic code; rebuilding them costs every process seconds, loading them milliseconds.  A
file's name carries a fingerprint of everything it derives from, so a file is either current or
never read; a file that cannot be read is rebuilt, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType
from typing import Callable

__all__ = ["cache_dir", "fingerprint", "read_cache", "write_cache"]


def cache_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "newsgraph"


def fingerprint(modules: tuple[ModuleType, ...] = (), packages: tuple[str, ...] = ()) -> str:
    """Eight hex digits over the source of ``modules`` and the versions of ``packages``."""
    digest = hashlib.sha1()
    for name in packages:
        try:
            digest.update(f"{name}={version(name)};".encode())
        except PackageNotFoundError:  # pragma: no cover - only hard dependencies are named
            digest.update(f"{name}=?;".encode())
    for module in modules:
        try:
            digest.update(Path(module.__file__).read_bytes())
        except (OSError, TypeError):
            digest.update(module.__name__.encode())
    return digest.hexdigest()[:8]


def read_cache(path: Path, valid: Callable[[object], bool]) -> object | None:
    """The object pickled at ``path`` if ``valid(obj)``, else None (with a message unless absent)."""
    try:
        with open(path, "rb") as fh:
            obj = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, garbled, or naming classes this code no longer has
        print(f"newsgraph: unreadable cache {path} ({type(exc).__name__}); rebuilding it", file=sys.stderr)
        return None
    if not valid(obj):
        print(f"newsgraph: cache {path} does not hold what this version expects; rebuilding it", file=sys.stderr)
        return None
    return obj


def write_cache(path: Path, obj: object) -> bool:
    """Pickle ``obj`` to ``path``; False when the directory is not writable or the disk is full."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename: other processes may be loading the same file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    except OSError:
        return False  # a read-only home directory only costs the rebuild next time
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # leave no half-written file behind
        return False
    return True
