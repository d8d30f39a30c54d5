"""The ``extract``, ``map`` and ``evaluate`` commands: outputs, stdin, exit codes, errors.

Decision on bad input among good files: each failed document is named on stderr, the
others are still extracted and written, and the exit code is 1. Only when no input at
all could be read or extracted (one input or many), or an option is wrong, is it 2.
"""

from __future__ import annotations

import glob
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from conftest import km_between

import geomentions as gm
from geomentions import cli
from geomentions.frames import COLUMNS

REPO = Path(__file__).resolve().parent.parent
ALEPPO = (36.20124, 37.16117)
DEIR_EZ_ZOR = (35.33588, 40.14084)
TADMUR_ID, IDLIB_CITY_ID = "geonames:163808", "geonames:169389"

# Written for these tests: one sentence per place we check.
SHORT = "Airstrikes hit Tadmur on 4 May 2016. Later, rockets fell on the city of Idlib.\n"
NO_PLACES = "The meeting ended without agreement.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture()
def short(tmp_path: Path) -> Path:
    path = tmp_path / "short.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


@pytest.fixture()
def bad_utf8(tmp_path: Path) -> Path:
    path = tmp_path / "legacy.txt"
    path.write_bytes("قصف على حلب".encode("cp1256"))  # Windows Arabic, not UTF-8
    return path


# --- the README command, end to end in a real process -----------------------------------


def _markers(page: str) -> list[tuple[float, float, str, int]]:
    """(lat, lon, tooltip place name, mentions) of every circle marker on a map page."""
    points = dict(
        (name, (float(lat), float(lon)))
        for name, lat, lon in re.findall(
            r"var (circle_marker_\w+) = L\.circleMarker\(\s*\[([-\d.]+), ([-\d.]+)\]", page
        )
    )
    out = []
    for var, label in re.findall(
        r'(circle_marker_\w+)\.bindPopup\(.*?\.bindTooltip\(("[^\n]*?")\)', page
    ):
        tooltip = json.loads(label)
        name = re.match(r"<b>(.*?)</b>", tooltip).group(1)
        count = int(re.search(r"&times; (\d+)$", tooltip).group(1))
        out.append((*points[var], name, count))
    return out


def test_readme_map_command_makes_a_map_with_markers(tmp_path: Path) -> None:
    out = tmp_path / "activity.html"
    reports = sorted(glob.glob("examples/reports/*.txt", root_dir=REPO))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "geomentions.cli", "map", *reports, "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    summary = proc.stderr.strip().splitlines()[-1]
    hit = re.fullmatch(r"7 reports, (\d+) mentions, (\d+) on the map -> (.+)", summary)
    assert hit, summary
    mentions, placed = int(hit.group(1)), int(hit.group(2))
    assert 0 < placed <= mentions and hit.group(3) == str(out)
    # The README quotes this run's summary line.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`{summary.replace(str(out), 'activity.html')}`" in readme

    page = out.read_text(encoding="utf-8")
    assert "GeoNames (CC BY 4.0)" in page
    markers = _markers(page)
    # Each marker's tooltip counts its mentions; together they are the summary's number.
    assert sum(n for *_, n in markers) == placed
    near = {
        name: min(km_between(lat, lon, *where) for lat, lon, n, _ in markers if n == name)
        for name, where in (("Aleppo", ALEPPO), ("Deir ez-Zor", DEIR_EZ_ZOR))
    }
    # "eastern Aleppo" moves its dot into the east of the city, not out of it.
    assert near["Aleppo"] < 25 and near["Deir ez-Zor"] < 5, near


# --- extract: stdin, formats ------------------------------------------------------------


@pytest.mark.parametrize("argv", [["extract", "-"], ["extract"]], ids=["dash", "no-file"])
def test_extract_reads_stdin_and_prints_json(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, SHORT.encode("utf-8"))
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    docs = json.loads(out)
    # The JSON is exactly the library's document for the same text.
    assert docs == [gm.extract(SHORT, doc_id="stdin").to_dict()]
    ids = [m["place"]["place_id"] for m in docs[0]["mentions"] if m["place"]]
    assert TADMUR_ID in ids and IDLIB_CITY_ID in ids


def test_no_input_on_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code, out, err = run(["extract"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("geomentions: error: no input")


def test_options_reach_extraction(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Rockets fell on Tripoli."
    results = {}
    for country in ("LY", "LB"):
        feed_stdin(monkeypatch, text.encode("utf-8"))
        code, out, _ = run(["extract", "--country", country, "--date", "2024-03-01"], capsys)
        assert code == 0
        doc = json.loads(out)[0]
        assert doc["date"] == "2024-03-01"
        tripoli = next(m for m in doc["mentions"] if m["text"] == "Tripoli")
        results[country] = tripoli["place"]["country_code"]
    assert results == {"LY": "LY", "LB": "LB"}
    # A threshold above every confidence leaves the mention unplaced (and nothing found).
    feed_stdin(monkeypatch, text.encode("utf-8"))
    code, out, err = run(["extract", "--min-confidence", "1"], capsys)
    assert code == 1 and "no places found" in err
    mentions = json.loads(out)[0]["mentions"]
    assert mentions and all(m["place"] is None and m["candidates"] for m in mentions)


def test_geojson_csv_parquet_read_back_with_geopandas(
    short: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frames = {}
    for fmt in ("geojson", "csv", "parquet"):
        out = tmp_path / f"places.{fmt}"
        # The format follows the suffix when --format is not given.
        code, stdout, err = run(["extract", str(short), "-o", str(out)], capsys)
        assert (code, stdout) == (0, "")
        assert re.fullmatch(r"1 report, \d+ mentions, \d+ resolved -> .+\n", err)
        frames[fmt] = out
    parquet = gpd.read_parquet(frames["parquet"])
    geojson = gpd.read_file(frames["geojson"])
    table = pd.read_csv(frames["csv"])
    csv = gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table.lon, table.lat), crs=4326)
    assert list(parquet.columns) == COLUMNS
    assert parquet.crs.to_epsg() == geojson.crs.to_epsg() == 4326
    for frame in (geojson, csv):
        assert list(frame["place_id"]) == list(parquet["place_id"])
        assert (frame.geometry.x - parquet.geometry.x).abs().max() < 1e-9
        assert (frame.geometry.y - parquet.geometry.y).abs().max() < 1e-9
    assert {TADMUR_ID, IDLIB_CITY_ID} <= set(parquet["place_id"])
    assert str(pd.Timestamp(parquet.loc[parquet.place_id == TADMUR_ID, "date"].iloc[0]).date()) == (
        "2016-05-04"
    )


def test_geojson_and_csv_to_stdout(short: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(short), "--format", "geojson"], capsys)
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["place_id"] for f in collection["features"]}
    assert {TADMUR_ID, IDLIB_CITY_ID} <= ids
    code, out, _ = run(["extract", str(short), "--format", "csv"], capsys)
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert set(table["place_id"]) == ids
    assert {"lat", "lon"} <= set(table.columns) and "geometry" not in table.columns


# --- exit codes and errors ----------------------------------------------------------------


def test_bad_utf8_file_is_named_and_the_good_ones_still_written(
    short: Path, bad_utf8: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    missing = tmp_path / "missing.txt"
    code, stdout, err = run(
        ["extract", str(short), str(bad_utf8), str(missing), "-o", str(out)], capsys
    )
    assert (code, stdout) == (1, "")
    lines = err.splitlines()
    assert any(str(bad_utf8) in ln and "UTF-8" in ln for ln in lines)
    assert any(str(missing) in ln and "no such file" in ln for ln in lines)
    assert "Traceback" not in err
    assert lines[-1].startswith("3 reports (2 failed), ")
    docs = json.loads(out.read_text(encoding="utf-8"))
    # One entry per input, in order; the failed ones carry their error and no mentions.
    assert [d["doc_id"] for d in docs] == [str(short), str(bad_utf8), str(missing)]
    assert docs[0]["error"] is None and docs[0]["mentions"]
    assert "UTF-8" in docs[1]["error"] and docs[1]["mentions"] == []


def test_map_with_a_bad_file_still_draws_the_others(
    short: Path, bad_utf8: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.html"
    # Two worker processes: the failed file must still line up with its own position.
    argv = ["map", str(bad_utf8), str(short), str(short), "-o", str(out), "--workers", "2"]
    code, _, err = run(argv, capsys)
    assert code == 1
    assert str(bad_utf8) in err
    hit = re.search(r"3 reports \(1 failed\), (\d+) mentions, (\d+) on the map -> ", err)
    assert hit and int(hit.group(1)) % 2 == 0, err  # the same file twice
    names = {name for *_, name, _ in _markers(out.read_text(encoding="utf-8"))}
    assert {"Tadmur", "Idlib"} <= names


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["extract", "{bad}"], "not valid UTF-8"),
        (["extract", "{tmp}/nope.txt"], "nope.txt: no such file"),
        (["extract", "{tmp}"], "is a directory"),
        (["extract", "{short}", "--date", "2024-02-30"], "--date"),
        (["extract", "{short}", "--date", "1 May 2024"], "YYYY-MM-DD"),
        (["extract", "{short}", "--min-confidence", "1.5"], "--min-confidence"),
        (["extract", "{short}", "--workers", "-1"], "--workers"),
        (["extract", "{short}", "--format", "parquet"], "-o FILE"),
        (["extract", "{short}", "-o", "{tmp}/no/such/dir/out.json"], "does not exist"),
        (["map", "{short}", "-o", "{tmp}"], "is a directory"),
        (["map", "{short}", "-o", "{tmp}/m.html", "--assets", "{tmp}/none"], "--assets"),
    ],
    ids=[
        "bad-utf8",
        "missing",
        "directory",
        "bad-date",
        "date-format",
        "confidence",
        "workers",
        "parquet-stdout",
        "output-folder",
        "map-output-dir",
        "assets-missing",
    ],
)
def test_input_errors_exit_2_with_one_line(
    argv: list[str],
    needle: str,
    short: Path,
    bad_utf8: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [a.format(bad=bad_utf8, short=short, tmp=tmp_path) for a in argv]
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("geomentions: error:") and err.count("\n") == 1, err
    assert needle in err


def test_nothing_found_exits_1_but_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, NO_PLACES.encode("utf-8"))
    out = tmp_path / "empty.geojson"
    code, _, err = run(["extract", "-o", str(out)], capsys)
    assert code == 1 and "no places found" in err
    assert len(gpd.read_file(out)) == 0


# --- map options --------------------------------------------------------------------------


def test_map_heatmap_and_time_slider(
    short: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.html"
    code, _, err = run(["map", str(short), "-o", str(out), "--heatmap", "--time-slider"], capsys)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "L.heatLayer(" in page
    assert "L.timeDimension" in page and "2016-05-04" in page


def test_map_mentioned_shows_the_grey_layer_from_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {}
    for flag in ([], ["--mentioned"]):
        feed_stdin(monkeypatch, b"Troops sent from Damascus shelled Aleppo.")
        out = tmp_path / f"map{len(flag)}.html"
        code, _, err = run(["map", "-o", str(out), *flag], capsys)
        assert code == 0, err
        pages[bool(flag)] = out.read_text(encoding="utf-8")
    # Two layers (shelling at Aleppo, Damascus only mentioned); the flag adds the second.
    assert pages[True].count(".addTo(map_") == pages[False].count(".addTo(map_") + 1
    assert "role: origin" in pages[True]


def test_time_slider_without_dates_warns_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, b"Rockets fell on Aleppo.")
    code, _, err = run(["map", "-o", str(tmp_path / "m.html"), "--time-slider"], capsys)
    assert code == 0
    # Named as typed on the command line, not as the Python argument.
    assert "geomentions: warning: --time-slider: no mention has a date" in err
    assert "time_slider=True" not in err
    assert "warnings.warn" not in err


def test_offline_map_loads_nothing_from_the_network(
    short: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assets = REPO / "tests" / "browser" / "node_modules"
    if not (assets / "leaflet" / "dist" / "leaflet.js").is_file():
        pytest.skip("no local Leaflet copy (npm install in tests/browser)")
    out = tmp_path / "offline.html"
    code, _, err = run(["map", str(short), "-o", str(out), "--assets", str(assets)], capsys)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    # No remote script or stylesheet (links inside the inlined Leaflet code are text).
    assert not re.search(r"""<(script|link)\b[^>]*\b(src|href)=["'](https?:)?//""", page)
    assert "tile.openstreetmap" not in page
    assert {"Tadmur", "Idlib"} <= {name for *_, name, _ in _markers(page)}


def test_offline_map_names_every_missing_package_at_once(
    short: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assets = tmp_path / "node_modules"
    (assets / "leaflet" / "dist").mkdir(parents=True)
    for name in ("leaflet.js", "leaflet.css"):
        (assets / "leaflet" / "dist" / name).write_text("/* stub */")
    out = tmp_path / "m.html"
    args = ["map", str(short), "-o", str(out), "--assets", str(assets), "--heatmap", "--time-slider"]  # fmt: skip
    code, _, err = run(args, capsys)
    assert code == 2 and not out.exists()
    assert len(err.strip().splitlines()) == 1
    command = re.search(r"npm install --prefix DIR ([^`]*)`", err).group(1).split()
    assert [spec.split("@")[0] for spec in command] == [
        "iso8601-js-period",
        "leaflet-timedimension",
        "leaflet.heat",
        "moment",
    ]


# --- evaluate -----------------------------------------------------------------------------


def test_evaluate_runs_the_benchmark_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Fighting was reported in Aleppo on Tuesday."
    start = text.index("Aleppo")
    corpus = tmp_path / "lgl.xml"
    corpus.write_text(
        "<articles><article docid='1'>"
        f"<text>{text}</text><toponyms><toponym><start>{start}</start>"
        f"<end>{start + 6}</end><phrase>Aleppo</phrase>"
        "<gaztag geonameid='170063'><lat>36.20124</lat><lon>37.16117</lon></gaztag>"
        "</toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    code, out, err = run(["evaluate", "--lgl", str(corpus)], capsys)
    assert code == 0, err
    assert out.startswith("== LGL: 1 documents, 1 gold toponyms")
    assert re.search(r"acc@161km 1\.000\s+exact id 1\.000", out)
    assert "GeoWebNews" not in out.split("\n\n")[0]


def test_evaluate_outside_a_checkout_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "EVAL_SCRIPT", tmp_path / "benchmarks" / "eval_corpora.py")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["evaluate", "--lgl", "x.xml"], capsys)
    assert (code, out) == (2, "")
    assert "source checkout" in err and err.count("\n") == 1
    assert "python benchmarks/eval_corpora.py" in err


def test_evaluate_after_pip_install_runs_from_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Installed (not editable), the package has no benchmarks/ beside it; the checkout's
    # top folder, where the user runs the command, has.
    monkeypatch.setattr(cli, "EVAL_SCRIPT", tmp_path / "site-packages" / "eval_corpora.py")
    monkeypatch.chdir(REPO)
    code, _, err = run(["evaluate", "--lgl", str(tmp_path / "none.xml")], capsys)
    assert code == 2 and "none.xml not found" in err  # the script was found and ran


def test_the_documented_way_to_run_the_evaluation_works() -> None:
    # The error above and the README say: `python benchmarks/eval_corpora.py` in the checkout.
    proc = subprocess.run(
        [sys.executable, "benchmarks/eval_corpora.py", "--help"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and "--lgl" in proc.stdout, proc.stderr


# --- hostile input and closed streams ---------------------------------------------------


def _cli_process(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "geomentions.cli", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120, **kwargs,
    )  # fmt: skip


def test_closed_stdout_is_a_one_line_usage_error(short: Path) -> None:
    for args in (["extract", str(short)], ["resolve", "Aleppo"]):
        proc = subprocess.run(
            f"{sys.executable} -m geomentions.cli {' '.join(args)} >&-",
            shell=True, capture_output=False, stderr=subprocess.PIPE, text=True, cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 2, proc.stderr
        assert (
            proc.stderr
            == "geomentions: error: standard output is closed: give -o FILE, or redirect it\n"
        )


def test_closed_stdin_is_a_one_line_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        f"{sys.executable} -m geomentions.cli extract - -o {tmp_path / 'o.json'} <&-",
        shell=True, capture_output=True, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120,
    )  # fmt: skip
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "geomentions: error: stdin: standard input is closed\n"


def test_binary_file_error_does_not_suggest_iconv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + bytes(range(256)) * 8)
    code, out, err = run(["extract", str(binary)], capsys)
    assert (code, out) == (2, "")
    assert err == f"geomentions: error: {binary}: is a binary file, not a text report\n"


def test_one_bad_input_and_several_exit_alike(
    bad_utf8: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes("حمص".encode("cp1256"))
    one, _, err_one = run(["extract", str(bad_utf8)], capsys)
    two, _, err_two = run(["extract", str(bad_utf8), str(other)], capsys)
    assert one == two == 2
    assert err_one.count("\n") == 1 and "legacy.txt" in err_one
    assert "none of the 2 inputs" in err_two.splitlines()[-1]


def test_a_document_that_fails_extraction_alone_exits_2(
    short: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same code as an unreadable file: nothing could be written either way.
    from geomentions import batch

    def failing(text: object, **kwargs: object) -> gm.Document:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(batch, "extract", failing)
    code, out, err = run(["extract", str(short)], capsys)
    assert (code, out) == (2, "")
    assert err == f"geomentions: error: {short}: RuntimeError: simulated failure\n"


def test_places_option_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    places = tmp_path / "places.csv"
    places.write_text(
        "name,lat,lon,country_code\nKhirbet Umm Nawar,35.5,37.5,SY\n", encoding="utf-8"
    )
    before = run(["--places", str(places), "resolve", "Khirbet Umm Nawar", "--json"], capsys)
    after = run(["resolve", "Khirbet Umm Nawar", "--places", str(places), "--json"], capsys)
    assert before[0] == after[0] == 0
    assert (
        json.loads(before[1])[0]["name"] == json.loads(after[1])[0]["name"] == "Khirbet Umm Nawar"
    )
    report = tmp_path / "r.txt"
    report.write_text("Shelling hit Khirbet Umm Nawar.", encoding="utf-8")
    code, out, _ = run(["extract", str(report), "--places", str(places)], capsys)
    assert code == 0 and json.loads(out)[0]["mentions"][0]["place"]["name"] == "Khirbet Umm Nawar"


@pytest.mark.parametrize("argv", [["resolve", "Aleppo"], ["extract", "{short}"]])
@pytest.mark.parametrize("country", ["XX", "Narnia", "SYRIA-X"])
def test_unknown_country_exits_2_with_the_api_message(
    argv: list[str], country: str, short: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([a.format(short=short) for a in argv] + ["--country", country], capsys)
    assert (code, out) == (2, "")
    with pytest.raises(ValueError) as api:
        gm.resolve("Aleppo", country=country)
    assert err == f"geomentions: error: {api.value}\n"


def test_resolve_help_explains_name_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["resolve", "--help"])
    text = capsys.readouterr().out
    assert re.search(r"name\s+a place name", text) and re.search(
        r"--limit N\s+show at most N", text
    )


def test_workers_above_the_cpu_count_are_capped_with_a_note(
    short: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = (os.cpu_count() or 1) + 3
    code, _, err = run(
        ["extract", str(short), "--workers", str(many), "-o", str(tmp_path / "o.json")], capsys
    )
    assert code == 0 and f"--workers {many} is more than the CPUs here" in err


def test_evaluate_named_corpus_must_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["evaluate", "--gwn", str(tmp_path / "GWN.xml")], capsys)
    assert code == 2 and "GWN.xml not found" in err
