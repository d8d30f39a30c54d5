"""Which modules run compiled, and the switch back to their Python sources.

``pip install`` compiles the modules in :data:`COMPILED` with mypyc (``hatch_build.py``):
the same code, typed, made C, for the per-span and per-candidate loops that take most of an
extraction. Their Python sources ship beside them and give the same results
(``tests/test_native.py`` compares the two). The sources are used instead, all together (a
compiled module calls its compiled peers directly, not through the import system), when

- ``GEOMENTIONS_PURE`` is set in the environment, or
- a source is not the one that was compiled (an edited checkout), since a stale compiled
  module would run old code: ``geomentions.NATIVE`` is then ``"stale"`` (quietly: a warning
  would change what the command line prints), and the benchmarks print it.

Only the standard library is imported here: ``geomentions/__init__.py`` calls :func:`setup`
before anything else, and the build hook reads :data:`COMPILED` from this file.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: Compiled by mypyc. The public entry points (``extract``, ``resolve``) take ``text``/``name``
#: as ``object`` and check it themselves: a compiled function checks annotated argument types
#: before its body runs, with mypyc's own message. A compiled class must not subclass another
#: compiled class to add ``__call__`` (extraction's reasons hold a ranker.Lifts instead: the
#: call slot went ahead of the inherited fields, which the base's methods overwrote). A
#: dataclass made per span, match or event writes its own ``__init__`` (``init=False``): mypyc
#: compiles that one, while the one ``@dataclass`` generates runs as Python (about 1 us against
#: 0.1; tests/test_native.py checks each takes the fields). Not models: mypyc cannot order
#: dataclass fields inherited from another dataclass (and models and trees are NumPy calls).
#: Not store: reading a string from its Arrow buffer took 1.3 us compiled or not.
COMPILED = (
    "recognition",
    "span_features",
    "activity",
    "context",
    "features",
    "event_features",
    "events",
    "evidence",
    "geo",
    "memo",
    "extraction",
    "resolution",
    "names",
    "ranker",
)
#: What the build hook writes beside the modules: each source's SHA-256 at compile time.
STAMP = "_native.json"

HERE = Path(__file__).resolve().parent


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_stamp(folder: Path = HERE, modules: Sequence[str] = COMPILED) -> Path:
    """Record the sources being compiled (the build hook calls this)."""
    stamp = folder / STAMP
    digests = {m: source_digest(folder / f"{m}.py") for m in modules}
    stamp.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return stamp


def _extension(folder: Path, module: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        if (folder / f"{module}{suffix}").is_file():
            return folder / f"{module}{suffix}"
    return None


def stale(folder: Path = HERE, modules: Sequence[str] = COMPILED) -> list[str]:
    """The ``modules`` whose source is not the one compiled (all, without a stamp)."""
    try:
        digests = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        digests = {}
    return [m for m in modules if digests.get(m) != source_digest(folder / f"{m}.py")]


class _Sources(importlib.machinery.PathFinder):
    """Finds the compiled modules' ``.py`` files (ahead of their extensions)."""

    @classmethod
    def find_spec(
        cls, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != __package__ or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, HERE / f"{name}.py")


def compiled(name: str) -> bool:
    """Whether module ``geomentions.<name>`` runs compiled."""
    file = getattr(sys.modules.get(f"{__package__}.{name}"), "__file__", None) or ""
    return not file.endswith(".py")


def source(name: str) -> ModuleType:
    """Module ``geomentions.<name>`` as its Python source runs: itself when not compiled,
    else its ``.py`` loaded on its own as ``geomentions._source_<name>`` (for its docstrings
    and their examples, which compiled functions do not keep)."""
    module = importlib.import_module(f"{__package__}.{name}")
    if not compiled(name):
        return module
    alias = f"{__package__}._source_{name}"
    if alias not in sys.modules:
        spec = importlib.util.spec_from_file_location(alias, HERE / f"{name}.py")
        assert spec is not None and spec.loader is not None
        sys.modules[alias] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[alias])
    return sys.modules[alias]


def setup() -> str:
    """How the modules in :data:`COMPILED` will run: ``"compiled"``; ``"python"`` (not
    compiled, or ``GEOMENTIONS_PURE``); or ``"stale"``, their Python sources as a source
    changed since they were compiled (``pip install -e .`` compiles them again).

    >>> setup() in ("compiled", "python", "stale")
    True
    """
    if not any(_extension(HERE, m) for m in COMPILED):
        return "python"  # installed without a compiler, or GEOMENTIONS_PURE at build time
    how = "python" if os.environ.get("GEOMENTIONS_PURE") else "stale" if stale() else "compiled"
    if how != "compiled" and _Sources not in sys.meta_path:
        sys.meta_path.insert(0, _Sources)
    return how
