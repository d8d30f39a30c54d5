"""Build hook: compile the optional native modules in place.

- ``geomentions/_scan.pyx``, the recognition scan, with Cython;
- the modules listed in ``geomentions/_native.py`` (``COMPILED``), with mypyc: the same typed
  Python sources, made C.

Both are optional, as setuptools' ``Extension(optional=True)`` is: when a compiler or the
build tool is missing, or a build fails, a warning is printed and the package installs as pure
Python, which gives the same results. ``GEOMENTIONS_PURE=1`` skips both. The modules are built
in place beside their sources, so an editable install and a test run from the checkout find
them too, and are added to the wheel, which then gets a platform tag.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SCAN = "geomentions/_scan.pyx"


class NativeBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("GEOMENTIONS_PURE"):
            return
        root = Path(self.root)
        built: list[Path] = []
        for what, build in (("geomentions._scan", _build_scan), ("mypyc modules", _build_mypyc)):
            try:
                built += build(root)
            except Exception as exc:  # no Cython or mypy, no compiler, a failed compile
                print(f"warning: {what} not compiled ({exc}); pure Python", file=sys.stderr)
        if not built:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in built:
            rel = path.relative_to(root).as_posix()
            if rel.startswith("geomentions/"):
                build_data["artifacts"].append(rel)
            else:  # mypyc's shared library sits beside the package
                build_data["force_include"][str(path)] = path.name


def _native_module(root: Path) -> Any:
    """geomentions/_native.py, read on its own (the package's dependencies may be missing)."""
    spec = importlib.util.spec_from_file_location(
        "_geomentions_native", root / "geomentions/_native.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build_scan(root: Path) -> list[Path]:
    from Cython.Build import cythonize
    from setuptools import Extension

    ext = Extension("geomentions._scan", [SCAN], optional=False)
    return _build_ext(root, cythonize([ext], language_level=3, quiet=True), "scan")


def _build_mypyc(root: Path) -> list[Path]:
    from mypyc.build import mypycify

    native = _native_module(root)
    _remove_unlisted(root / "geomentions", native.COMPILED)
    sources = [f"geomentions/{m}.py" for m in native.COMPILED]
    cwd = os.getcwd()
    os.chdir(root)  # mypyc names modules by their path from the current folder
    try:
        # Only these modules are type-checked; the rest of the package and its dependencies
        # are read for their types where they have them, as running Python elsewhere.
        options = ["--follow-imports=silent", "--ignore-missing-imports"]
        exts = mypycify([*sources, *options], opt_level="3", group_name="geomentions")
    finally:
        os.chdir(cwd)
    built = _build_ext(root, exts, "mypyc")
    # Written after the build: the sources' digests say which compiled modules are current.
    return [*built, native.write_stamp(root / "geomentions")]


def _remove_unlisted(package: Path, compiled: tuple[str, ...]) -> None:
    """Delete modules an earlier build compiled that are no longer listed: they would shadow
    their sources, and call into a shared library that no longer has them."""
    from importlib.machinery import EXTENSION_SUFFIXES

    for suffix in EXTENSION_SUFFIXES:
        for path in package.glob(f"*{suffix}"):
            name = path.name[: -len(suffix)]
            if name not in compiled and (package / f"{name}.py").is_file():
                path.unlink()


def _build_ext(root: Path, modules: list, temp: str) -> list[Path]:
    from setuptools import Distribution

    cwd = os.getcwd()
    os.chdir(root)  # setuptools resolves sources and in-place outputs from the current folder
    try:
        dist = Distribution({"name": "geomentions", "ext_modules": modules})
        cmd = dist.get_command_obj("build_ext")
        cmd.inplace = True
        cmd.build_temp = str(root / "build" / temp)
        cmd.ensure_finalized()
        cmd.run()
        return [root / cmd.get_ext_fullpath(ext.name) for ext in modules]
    finally:
        os.chdir(cwd)
