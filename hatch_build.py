"""Build hook: compile the recognition scan (geomentions/_scan.pyx) with Cython.

The extension is optional, as setuptools' ``Extension(optional=True)`` is: when Cython or a C
compiler is missing, or the build fails, a warning is printed and the package installs as pure
Python (geomentions.recognition then uses its own loops, which give the same results).
The module is built in place beside the .pyx, so an editable install and a test run from
the checkout find it too, and is added to the wheel, which then gets a platform tag.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "geomentions/_scan.pyx"


class ScanBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("GEOMENTIONS_PURE"):
            return
        root = Path(self.root)
        try:
            built = _build_in_place(root)
        except Exception as exc:  # no Cython, no compiler, a failed compile: pure Python
            print(f"warning: geomentions._scan not compiled ({exc}); pure Python", file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["artifacts"].append(built.relative_to(root).as_posix())


def _build_in_place(root: Path) -> Path:
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    cwd = os.getcwd()
    os.chdir(root)  # setuptools resolves sources and in-place outputs from the current folder
    try:
        ext = Extension("geomentions._scan", [SOURCE], optional=False)
        modules = cythonize([ext], language_level=3, quiet=True)
        dist = Distribution({"name": "geomentions", "ext_modules": modules})
        cmd = dist.get_command_obj("build_ext")
        cmd.inplace = True
        cmd.build_temp = str(root / "build" / "scan")
        cmd.ensure_finalized()
        cmd.run()
        return root / cmd.get_ext_fullpath("geomentions._scan")
    finally:
        os.chdir(cwd)
