"""The compiled modules (geomentions/_native.py) and their Python sources give the same output."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import geomentions as gm
from geomentions import _native

REPORTS = sorted((Path(__file__).resolve().parents[1] / "examples" / "reports").glob("*.txt"))
# Our own words: the three scripts, counts, dates, roles and a name with no match.
TEXTS = [
    "Jets flying from Hmeymim struck 12 targets near Tadmur and in eastern Aleppo on 3 May.",
    "قصفت الطائرات مواقع في ريف دير الزور الشرقي وفي مدينة تدمر.",
    "Удары нанесены по объектам в районе Пальмиры и Дейр-эз-Зора; из Москвы не сообщали.",
    "Refugees who fled Mosul arrived in Erbil, where a car bomb exploded; Zzyzxqv was quiet.",
]

_DUMP = """
import json, sys
import geomentions as gm
texts = json.loads(sys.stdin.read())
docs = [gm.extract(t) for t in texts]
print(json.dumps({"native": gm.NATIVE, "docs": [d.to_dict() for d in docs]}))
"""


def _dump(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "GEOMENTIONS_PURE"}
    if pure:
        env["GEOMENTIONS_PURE"] = "1"
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in REPORTS]
    out = subprocess.run(
        [sys.executable, "-c", _DUMP],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout)


# CI installs with a compiler: there the modules must have been compiled.
needs_compiled = pytest.mark.skipif(
    gm.NATIVE != "compiled" and not os.environ.get("CI"), reason="not compiled here"
)


@needs_compiled
def test_ci_runs_the_compiled_modules() -> None:
    assert gm.NATIVE == "compiled", "CI must compile the modules (is mypy or gcc missing?)"
    assert all(_native.compiled(m) for m in _native.COMPILED)


@needs_compiled
def test_python_sources_give_the_same_output_as_the_compiled_modules() -> None:
    pure, compiled = _dump(True), _dump(False)
    assert (pure["native"], compiled["native"]) == ("python", "compiled")
    assert pure["docs"] == compiled["docs"]
    # Not vacuous: the reports' places were found, with their activity.
    first = compiled["docs"][0]["mentions"]
    assert [m["text"] for m in first][:3] == ["Hmeymim", "Tadmur", "Aleppo"]
    assert sum(len(d["mentions"]) for d in compiled["docs"]) > 50


def test_an_edited_source_is_stale(tmp_path: Path) -> None:
    modules = ("one", "two")
    for m in modules:
        (tmp_path / f"{m}.py").write_text(f"X = {m!r}\n", encoding="utf-8")
    assert _native.stale(tmp_path, modules) == ["one", "two"]  # no stamp: nothing is current
    _native.write_stamp(tmp_path, modules)
    assert _native.stale(tmp_path, modules) == []
    (tmp_path / "two.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert _native.stale(tmp_path, modules) == ["two"]


def test_the_source_of_a_module_keeps_its_docstrings() -> None:
    src = _native.source("recognition")
    assert src.find_spans.__doc__ and "span" in src.find_spans.__doc__.lower()
    assert _native.source("model") is sys.modules["geomentions.model"]  # never compiled


def test_the_compiled_modules_type_check() -> None:
    """mypyc compiles only code mypy accepts: a type error would make the build fall back to
    pure Python (and CI's check above fail), so it is caught here first."""
    api = pytest.importorskip("mypy.api")
    root = Path(_native.__file__).resolve().parent
    sources = [str(root / f"{m}.py") for m in _native.COMPILED]
    options = ["--follow-imports=silent", "--ignore-missing-imports", "--cache-dir=/dev/null"]
    out, err, status = api.run([*sources, *options])
    assert status == 0, out + err


def test_written_out_dataclass_inits_take_the_fields_in_order() -> None:
    """A dataclass made per span or match in a compiled module writes its own ``__init__``
    (a generated one stays Python); it must take exactly the fields, with their defaults."""
    checked = []
    for name in _native.COMPILED:
        module = _native.source(name)
        for cls in vars(module).values():
            if not (
                isinstance(cls, type)
                and dataclasses.is_dataclass(cls)
                and cls.__module__ == module.__name__
                and not cls.__dataclass_params__.init  # type: ignore[attr-defined]
            ):
                continue
            params = list(inspect.signature(cls.__init__).parameters.values())[1:]
            got = [(p.name, p.default, p.kind) for p in params]
            want = [
                (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default,
                 inspect.Parameter.POSITIONAL_OR_KEYWORD)
                for f in dataclasses.fields(cls)
            ]  # fmt: skip
            assert got == want, cls.__qualname__
            checked.append(cls.__qualname__)
    assert {"NameMatch", "_Reading", "Link", "Trigger"} <= set(checked)
