"""Where the files shipped inside the package live."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def sample_dir() -> Path:
    """The bundled sample corpus (fiction written for testing newsgraph)."""
    return PACKAGE_DIR / "sample"
