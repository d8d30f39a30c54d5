"""Open generated maps in headless Chromium, with no network, and check what really ran.

Needs Debian's ``chromium`` and the npm assets of ``tests/browser/package.json``:

    apt-get install -y chromium
    npm ci --prefix tests/browser --no-audit --no-fund

Without them the tests skip (and the screenshot checks without Pillow, from the ``test``
extra). Pages are served from 127.0.0.1 and every other host name fails to resolve inside
the browser, so nothing can come from a CDN or a tile server.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from geomentions.maps import (
    LAND_COLOR,
    LIBRARY_NOTICE,
    SEA_COLOR,
    TILE_NOTICE,
    _npm_path,
    make_map,
    save_offline,
)

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from gm_map_samples import hostile_doc, many_docs, sample_docs  # noqa: E402

NODE_MODULES = Path(__file__).parent / "browser" / "node_modules"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TITLE = "geomentions map test"

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)"
    ),
    pytest.mark.skipif(
        not (NODE_MODULES / "leaflet" / "dist" / "leaflet.js").is_file()
        or not (NODE_MODULES / "leaflet.markercluster" / "dist").is_dir(),
        reason="browser assets missing (npm ci --prefix tests/browser --no-audit --no-fund)",
    ),
]

# Runs before any map code: records uncaught errors so the DOM dump can show them.
EARLY = """<script>
window.__errors = [];
window.addEventListener("error", function (e) {
  if (e.message) { window.__errors.push(e.message); }
});
</script>"""

# Runs after the map script. Opens the hostile popup through Leaflet itself, then puts
# every popup's and tooltip's content into the page the way Leaflet does (innerHTML), so
# any markup that escaped escaping gets its chance to run. A deliberately unescaped
# control proves that the probe would notice.
PROBE = """<script>
(function () {
  var map = window[%(map)s];
  var seen = {}, contents = [], popups = 0;
  function visit(layer) {
    var id = L.stamp(layer);
    if (seen[id]) { return; }
    seen[id] = true;
    if (layer.getPopup && layer.getPopup()) {
      popups += 1;
      contents.push(layer.getPopup().getContent());
      if (layer.getTooltip && layer.getTooltip()) {
        contents.push(layer.getTooltip().getContent());
      }
      var text = String(layer.getPopup().getContent());
      if (text.indexOf("onerror") >= 0 && text.indexOf("geonames:169389") >= 0) {
        L.popup({maxWidth: 380}).setLatLng(layer.getLatLng())
          .setContent(layer.getPopup().getContent()).openOn(map);
      }
    }
    if (layer instanceof L.LayerGroup) { layer.eachLayer(visit); }
  }
  map.eachLayer(visit);
  var probe = document.createElement("div");
  probe.id = "probe";
  probe.style.display = "none";
  probe.innerHTML = contents.join("");
  document.body.appendChild(probe);
  var control = document.createElement("div");
  control.style.display = "none";
  control.innerHTML = '<img src="x-control" onerror="document.body.setAttribute(' +
    "'data-control-ran', '1')" + '">';
  document.body.appendChild(control);
  setTimeout(function () {
    document.body.setAttribute("data-popups", String(popups));
    document.body.setAttribute("data-errors", window.__errors.join(" | "));
  }, 1000);
})();
</script>"""


def _instrument(page: str, map_name: str) -> str:
    page = page.replace("<head>", f"<head>\n<title>{TITLE}</title>\n{EARLY}", 1)
    return page.replace("</html>", PROBE % {"map": repr(map_name)} + "\n</html>")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A static file server on 127.0.0.1 for ``tmp_path`` (node_modules linked in)."""
    (tmp_path / "node_modules").symlink_to(NODE_MODULES.resolve(), target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", tmp_path
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _chromium(url: str, tmp: Path, *extra: str) -> str:
    """Run headless Chromium on ``url``; returns stdout (the DOM with --dump-dom)."""
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        "--window-size=1100,750",
        "--hide-scrollbars",
        "--virtual-time-budget=8000",
        *extra,
        url,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _body_attr(dom: str, name: str) -> str | None:
    body = re.search(r"<body\b[^>]*>", dom)
    assert body, "no <body> in DOM dump"
    hit = re.search(rf'\b{name}="([^"]*)"', body.group(0))
    return html.unescape(hit.group(1)) if hit else None


def _drawn(dom: str) -> int:
    """Circles on screen plus the circles counted by cluster icons."""
    circles = len(re.findall(r'<path[^>]*class="[^"]*leaflet-interactive', dom))
    clustered = re.findall(r'class="[^"]*marker-cluster[^"]*"[^>]*><div><span[^>]*>(\d+)<', dom)
    return circles + sum(int(n) for n in clustered)


def _expected_circles(docs: list) -> int:
    """Distinct (event type, place, point) among resolved mentions."""
    keys = set()
    for doc in docs:
        for m in doc.places:
            lat = m.lat if m.lat is not None else m.place.lat
            lon = m.lon if m.lon is not None else m.place.lon
            keys.add((m.activity.event_type, m.place.place_id, round(lat, 6), round(lon, 6)))
    return len(keys)


def test_offline_map_renders_and_report_text_never_runs(server: tuple[str, Path]) -> None:
    base, root = server
    docs = sample_docs() + [hostile_doc()] + many_docs(60)
    m = make_map(docs, offline=True)
    page = root / "map.html"
    save_offline(m, page, NODE_MODULES)
    page.write_text(_instrument(page.read_text(encoding="utf-8"), m.get_name()))

    dom = _chromium(f"{base}/map.html", root, "--dump-dom")

    assert _body_attr(dom, "data-errors") == "", "JavaScript errors on the page"
    assert _body_attr(dom, "data-control-ran") == "1", "probe cannot see injected markup"
    assert _body_attr(dom, "data-pwned") is None
    assert f"<title>{TITLE}</title>" in dom
    # Every circle got a popup, and Leaflet drew circles and clusters.
    assert _body_attr(dom, "data-popups") == str(_expected_circles(docs))
    assert _drawn(dom) == _expected_circles(docs)
    assert re.search(r'class="[^"]*marker-cluster', dom)
    # The hostile popup is open, its sentence highlighted and shown as text.
    popup = re.search(r'<div class="leaflet-popup-content"[^>]*>(.*?)</div></div>', dom, re.S)
    assert popup, "hostile popup did not open"
    assert "<mark>Idlib</mark>" in popup.group(1)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in popup.group(1)
    assert "<script" not in popup.group(1) and "<img" not in popup.group(1)
    # The legend and layer control show the escaped event type as text.
    assert re.search(r'class="gm-legend[^"]*"', dom)
    assert "&lt;b&gt;&lt;script&gt;" in dom.split('class="leaflet-control-layers', 1)[1]

    shot = root / "offline-map.png"
    _chromium(f"{base}/map.html", root, f"--screenshot={shot}")
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB


def test_cdn_page_with_assets_rewritten_to_local_server(server: tuple[str, Path]) -> None:
    base, root = server
    m = make_map(sample_docs(), tiles=None, cluster=True)
    page = m.get_root().render()

    def local(match: re.Match[str]) -> str:
        # Known assets come from node_modules; anything else 404s locally, never online.
        try:
            return f'{match.group(1)}="{base}/node_modules/{_npm_path(match.group(2))}"'
        except ValueError:
            return f'{match.group(1)}="{base}/missing"'

    page = re.sub(r'(src|href)="(https?://[^"]+\.(?:js|css))"', local, page)
    assert "cdn" not in page
    (root / "cdn.html").write_text(_instrument(page, m.get_name()), encoding="utf-8")

    dom = _chromium(f"{base}/cdn.html", root, "--dump-dom")

    assert _body_attr(dom, "data-errors") == ""
    assert _body_attr(dom, "data-popups") == str(_expected_circles(sample_docs()))
    assert _drawn(dom) == _expected_circles(sample_docs())


# Where a land point and a sea point of the basemap land on screen, in the final view.
WHERE = """<script>
(function () {
  var map = window[%(map)s];
  setTimeout(function () {
    var land = map.latLngToContainerPoint([35.2, 38.9]);   // Syrian desert, no dot near
    var sea = map.latLngToContainerPoint([35.0, 35.65]);   // Mediterranean off Tartus
    document.body.setAttribute("data-land", Math.round(land.x) + "," + Math.round(land.y));
    document.body.setAttribute("data-sea", Math.round(sea.x) + "," + Math.round(sea.y));
  }, 500);
})();
</script>"""


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _share(pixels: list[tuple[int, tuple[int, int, int]]], color: tuple[int, int, int]) -> float:
    """Share of ``pixels`` ((count, colour) pairs) within 3 levels of ``color``."""
    near = sum(n for n, p in pixels if all(abs(a - b) <= 3 for a, b in zip(p, color, strict=True)))
    return near / sum(n for n, _ in pixels)


def test_offline_basemap_draws_land_and_sea(server: tuple[str, Path]) -> None:
    image = pytest.importorskip("PIL.Image")
    base, root = server
    m = make_map(sample_docs(), offline=True)
    page = root / "basemap.html"
    save_offline(m, page, NODE_MODULES)
    text = _instrument(page.read_text(encoding="utf-8"), m.get_name())
    page.write_text(text.replace("</html>", WHERE % {"map": repr(m.get_name())} + "\n</html>"))

    dom = _chromium(f"{base}/basemap.html", root, "--dump-dom")
    assert _body_attr(dom, "data-errors") == ""
    # Country names are drawn as text (escaped by the browser, not by us).
    assert re.search(r'class="[^"]*gm-country[^"]*"[^>]*><span>Syria</span>', dom)
    shot = root / "basemap.png"
    _chromium(f"{base}/basemap.html", root, f"--screenshot={shot}")

    with image.open(shot) as img:
        rgb = img.convert("RGB")
        width, height = rgb.size

        def box(attr: str) -> list[tuple[int, int, int]]:
            x, y = (int(v) for v in _body_attr(dom, attr).split(","))
            assert 10 <= x < width - 10 and 10 <= y < height - 10, f"{attr} point off screen"
            return [
                (1, rgb.getpixel((x + dx, y + dy))) for dx in range(-6, 7) for dy in range(-6, 7)
            ]

        everything = rgb.getcolors(width * height)
        land, sea = _rgb(LAND_COLOR), _rgb(SEA_COLOR)
        # Land is drawn where land is, sea shows where sea is: not just some fill somewhere.
        assert _share(box("data-land"), land) > 0.9
        assert _share(box("data-sea"), sea) > 0.9
        assert _share(everything, land) > 0.3 and _share(everything, sea) > 0.02


def test_online_map_says_when_tiles_cannot_load(server: tuple[str, Path]) -> None:
    base, root = server
    m = make_map(sample_docs())  # OpenStreetMap tiles: every tile host fails to resolve
    page = m.get_root().render()
    assert "tile.openstreetmap.org" in page
    page = re.sub(
        r'(src|href)="(https?://[^"]+\.(?:js|css))"',
        lambda hit: f'{hit.group(1)}="{base}/node_modules/{_npm_path(hit.group(2))}"',
        page,
    )
    (root / "online.html").write_text(_instrument(page, m.get_name()), encoding="utf-8")

    dom = _chromium(f"{base}/online.html", root, "--dump-dom")

    assert _body_attr(dom, "data-errors") == ""
    notices = re.findall(r'<div class="gm-notice[^"]*"[^>]*>([^<]*)</div>', dom)
    assert notices == [html.escape(TILE_NOTICE, quote=False)]
    # The basemap is there under the missing tiles, and the circles on top.
    pane = dom.split("leaflet-gmBasemap-pane", 1)[1].split("leaflet-gmBasemapLabels-pane", 1)[0]
    assert pane.count("<path") >= 3
    assert _drawn(dom) == _expected_circles(sample_docs())


def test_offline_time_slider_and_heat_map_run(server: tuple[str, Path]) -> None:
    if not (NODE_MODULES / "leaflet-timedimension" / "dist").is_dir():
        pytest.skip("slider assets missing (npm ci --prefix tests/browser)")
    base, root = server
    m = make_map(sample_docs(), offline=True, time_slider=True, heatmap=True)
    page = root / "slider.html"
    save_offline(m, page, NODE_MODULES)
    page.write_text(_instrument(page.read_text(encoding="utf-8"), m.get_name()))

    dom = _chromium(f"{base}/slider.html", root, "--dump-dom")

    assert _body_attr(dom, "data-errors") == ""
    assert "leaflet-control-timecontrol" in dom and "leaflet-heatmap-layer" in dom
    shown = re.search(r'class="[^"]*timecontrol-date[^"]*"[^>]*>(?:<[^>]+>)*([\d-]+)', dom)
    assert shown, "the slider shows no date"
    # Type layers start hidden: what is drawn is the slider's circles for the date shown.
    per_day = {"2024-03-01": 1, "2024-03-02": 1, "2024-03-05": 2}
    assert _drawn(dom) == per_day[shown.group(1)]
    assert "time slider: 4 dated mentions" in dom


def test_online_map_without_any_network_says_why_it_is_empty(server: tuple[str, Path]) -> None:
    base, root = server
    # Leaflet itself comes from a CDN this machine cannot reach: no map can be drawn at all.
    (root / "cut-off.html").write_text(make_map(sample_docs()).get_root().render(), "utf-8")

    dom = _chromium(f"{base}/cut-off.html", root, "--dump-dom")

    notices = re.findall(r'<div class="gm-notice gm-library-notice"[^>]*>([^<]*)</div>', dom)
    assert notices == [html.escape(LIBRARY_NOTICE, quote=False)]
