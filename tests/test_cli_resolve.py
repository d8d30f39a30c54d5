"""The ``geomentions resolve`` command: text and JSON output, exit codes, errors on stderr."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import geomentions as gm
from geomentions import cli

REPO = Path(__file__).resolve().parent.parent


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_resolve_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["resolve", "Dayr az Zawr", "--country", "SY", "--limit", "2"], capsys)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("1. Deir ez-Zor (")
    assert "geonames:170794" in lines[0]
    assert "35.3" in lines[0] and "40.1" in lines[0]
    assert lines[1].strip().startswith("score ")
    assert "in SY" in lines[1]
    # Two candidates, two lines each.
    assert [ln[:2] for ln in lines if not ln.startswith(" ")] == ["1.", "2."]


@pytest.mark.parametrize("name", ["حلب", "Алеппо", "Halab"])
def test_resolve_json_output(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["resolve", name, "--json", "--limit", "3"], capsys)
    assert code == 0
    found = json.loads(out)
    assert isinstance(found, list) and 1 <= len(found) <= 3
    assert found[0]["place_id"] == "geonames:170063"
    assert found[0]["matched_name"] == name
    fields = {f.name for f in dataclasses.fields(gm.Candidate)}
    assert all(set(c) == fields for c in found)
    assert all(0.0 <= c["score"] <= 1.0 and c["why"] for c in found)
    # The JSON is the same as the library's answer.
    assert found == [c.to_dict() for c in gm.resolve(name, limit=3)]


def test_country_option_changes_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    _, out_ly, _ = run(["resolve", "Tripoli", "--country", "LY", "--json"], capsys)
    _, out_lb, _ = run(["resolve", "Tripoli", "--country", "LB", "--json"], capsys)
    assert json.loads(out_ly)[0]["country_code"] == "LY"
    assert json.loads(out_lb)[0]["country_code"] == "LB"


def test_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["resolve", "xqzvwk"], capsys)
    assert (code, out) == (1, "")
    assert "xqzvwk" in err
    code, out, _ = run(["resolve", "xqzvwk", "--json"], capsys)
    assert code == 1
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["resolve", "x" * 400], "characters"),
        (["resolve", "Aleppo", "--limit", "0"], "limit"),
        (["--gazetteer", "/nonexistent/gaz.parquet", "resolve", "Aleppo"], "gaz.parquet"),
    ],
    ids=["too-long", "limit-0", "missing-gazetteer"],
)
def test_bad_input_exits_2_with_error_on_stderr(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("geomentions: error:")
    assert needle in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["resolve"])
    assert exc.value.code == 2
    assert "name" in capsys.readouterr().err


def test_module_entry_point_in_a_subprocess(tmp_path: Path) -> None:
    # Also checks --places layering, non-Latin arguments and UTF-8 JSON on a real stdout.
    places = tmp_path / "camps.csv"
    places.write_text(
        "id,name,name_ar,lat,lon,feature_code,country_code\n"
        "test:testville,Camp Testville,مخيم تستفيل,36.4512,37.0123,CMP,SY\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "geomentions.cli", "--places", str(places)]
        + ["resolve", "مخيم تستفيل", "--json", "--limit", "1"],
        capture_output=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    found = json.loads(proc.stdout.decode("utf-8"))
    assert [c["place_id"] for c in found] == ["test:testville"]
    assert found[0]["matched_name"] == "مخيم تستفيل"
    assert (found[0]["lat"], found[0]["lon"]) == (36.4512, 37.0123)
