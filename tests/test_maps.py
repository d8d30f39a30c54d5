"""geomentions.maps: layers, styling, escaping and offline HTML (no browser needed)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import folium
import pytest
from folium import plugins

from geomentions.frames import read_parquet, to_geodataframe, to_parquet
from geomentions.maps import (
    EVENT_COLORS,
    GEONAMES_ATTRIBUTION,
    TILE_NOTICE,
    escape,
    inline_assets,
    make_map,
    save_offline,
)
from geomentions.model import EVENT_TYPES, Document

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from gm_map_samples import ALEPPO, IDLIB, IMG, SCRIPT, hostile_doc, many_docs, mention, sample_docs  # noqa: E402

REMOTE_ASSET = re.compile(
    r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE
)


def _walk(el: object):  # noqa: ANN202
    yield el
    for child in el._children.values():  # type: ignore[attr-defined]
        yield from _walk(child)


def _all(m: folium.Map, cls: type) -> list:
    return [el for el in _walk(m) if type(el) is cls]


def _popups(html: str) -> list[str]:
    """Popup HTML as bound in the page script, decoded from its JS string literal."""
    return [json.loads(s) for s in re.findall(r'\.bindPopup\(("(?:[^"\\]|\\.)*")', html)]


def test_one_layer_per_event_type_with_fixed_colours() -> None:
    m = make_map(sample_docs(), tiles=None)
    groups = _all(m, folium.FeatureGroup)
    names = [g.layer_name for g in groups]
    assert len(groups) == 4
    for event_type in ("airstrike", "shelling", "clashes", "sortie"):
        assert sum(f"</span> {event_type}" in n for n in names) == 1
    # Layers in EVENT_TYPES order; every circle in a layer has that type's colour.
    order = [next(t for t in EVENT_TYPES if n.endswith(f" {t}")) for n in names]
    assert order == sorted(order, key=EVENT_TYPES.index)
    for group, event_type in zip(groups, order, strict=True):
        circles = _all(group, folium.CircleMarker)
        assert circles
        assert {c.options["color"] for c in circles} == {EVENT_COLORS[event_type]}
    assert len(_all(m, folium.LayerControl)) == 1


def test_every_event_type_has_its_own_colour() -> None:
    assert set(EVENT_COLORS) == set(EVENT_TYPES)
    assert len(set(EVENT_COLORS.values())) == len(EVENT_TYPES)


def test_one_circle_per_place_point_and_type() -> None:
    m = make_map(sample_docs(), tiles=None)
    # eastern Aleppo and Aleppo are different points; the unresolved mention has none.
    circles = _all(m, folium.CircleMarker)
    assert len(circles) == 5
    assert sorted(tuple(c.location) for c in circles) == sorted(
        [(36.21, 37.19), (36.20124, 37.16117), (35.33588, 40.14084), (34.56, 38.28), (35.93, 36.63)]
    )


def test_circle_grows_with_mentions() -> None:
    docs = []
    for i in range(8):
        s = f"Shelling on Idlib, report {i}."
        docs.append(Document(f"d{i}", s, [mention("Idlib", s, IDLIB, 0.9, event_type="shelling")]))
    radius = [_all(make_map(docs[:n], tiles=None), folium.CircleMarker)[0].options["radius"]
              for n in (1, 2, 8)]  # fmt: skip
    assert radius[0] < radius[1] < radius[2] <= 28


def test_popup_content() -> None:
    html = make_map(sample_docs(), tiles=None).get_root().render()
    popups = _popups(html)
    assert len(popups) == 5
    eastern = next(p for p in popups if "24 targets" in p)
    assert "Warplanes hit 24 targets in eastern <mark>Aleppo</mark> overnight" in eastern
    assert "Aleppo (SY)" in eastern and "document rep-001" in eastern
    assert "confidence 0.92" in eastern and "precision 2" in eastern and "&plusmn;5 km" in eastern
    # Runners-up only where the resolution is doubtful.
    assert "Other candidates" not in eastern
    palmyra = next(p for p in popups if "Tadmur (SY)" in p)
    assert "<mark>Palmyra</mark>" in palmyra
    assert "Other candidates: Palmyra (US) 0.41" in palmyra
    assert sum("Other candidates" in p for p in popups) == 1
    idlib = next(p for p in popups if "Idlib (SY)" in p)
    assert "no document id" in idlib


def test_low_confidence_circle_is_dashed() -> None:
    circles = _all(make_map(sample_docs(), tiles=None), folium.CircleMarker)
    dashed = [tuple(c.location) for c in circles if c.options.get("dashArray")]
    assert dashed == [(34.56, 38.28)]


def test_min_confidence_drops_markers_and_empty_layers() -> None:
    m = make_map(sample_docs(), tiles=None, min_confidence=0.6)
    assert len(_all(m, folium.CircleMarker)) == 4
    assert not any("sortie" in g.layer_name for g in _all(m, folium.FeatureGroup))
    gdf_map = make_map(to_geodataframe(sample_docs()), tiles=None, min_confidence=0.6)
    assert len(_all(gdf_map, folium.CircleMarker)) == 4


def test_report_text_is_escaped_everywhere() -> None:
    for data in ([hostile_doc()], to_geodataframe(hostile_doc())):
        html = make_map(data, tiles=None, heatmap=True, time_slider=True).get_root().render()
        assert "<script>document.title" not in html
        assert "<img src=x" not in html and "<img" not in html
        assert "`${alert(2)}`" not in html and "${" not in html
        assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in html
        # The hostile event type is a layer name and a legend entry, escaped in both.
        assert "&lt;b&gt;&lt;script&gt;" in html.split("L.control.layers", 1)[0]
        # No string from the report can close the page's <script> element.
        assert len(re.findall(r"<script\b", html)) == len(re.findall(r"</script", html, re.I))


def test_escape() -> None:
    assert escape('<a href="x">`${1}`\\</a>') == (
        "&lt;a href=&quot;x&quot;&gt;&#96;&#36;{1}&#96;&#92;&lt;/a&gt;"
    )
    assert escape(None) == "" and escape(float("nan")) == ""
    assert escape(SCRIPT + IMG).count("<") == 0


def test_clustering_is_automatic_above_fifty_circles() -> None:
    assert _all(make_map(many_docs(51), tiles=None), plugins.MarkerCluster)
    assert not _all(make_map(many_docs(50), tiles=None), plugins.MarkerCluster)
    assert _all(make_map(many_docs(3), tiles=None, cluster=True), plugins.MarkerCluster)
    assert not _all(make_map(many_docs(60), tiles=None, cluster=False), plugins.MarkerCluster)
    clustered = make_map(many_docs(60), tiles=None)
    assert len(_all(clustered, folium.CircleMarker)) == 60


def test_heatmap_and_time_slider() -> None:
    plain = make_map(sample_docs(), tiles=None)
    assert not _all(plain, plugins.HeatMap) and not _all(plain, plugins.TimestampedGeoJson)
    m = make_map(sample_docs(), tiles=None, heatmap=True, time_slider=True)
    (heat,) = _all(m, plugins.HeatMap)
    assert len(heat.data) == 5
    (slider,) = _all(m, plugins.TimestampedGeoJson)
    features = json.loads(slider.data.replace("<\\/", "</"))["features"]
    # Four mentions have a date (Idlib's report has none).
    assert sorted(f["properties"]["time"] for f in features) == [
        "2024-03-01",
        "2024-03-02",
        "2024-03-05",
        "2024-03-05",
    ]
    # With a slider the static layers start hidden, to avoid drawing each point twice.
    assert all(not g.show for g in _all(m, folium.FeatureGroup))


def test_time_slider_without_dates_warns() -> None:
    s = "Idlib was shelled."
    doc = Document("d", s, [mention("Idlib", s, IDLIB, 0.9, event_type="shelling")])
    with pytest.warns(UserWarning, match="no mention has a date"):
        m = make_map(doc, tiles=None, time_slider=True)
    assert not _all(m, plugins.TimestampedGeoJson)
    assert all(g.show for g in _all(m, folium.FeatureGroup))


def test_tiles_attribution_and_bounds() -> None:
    osm = make_map(sample_docs()).get_root().render()
    assert "tile.openstreetmap.org" in osm and "OpenStreetMap" in osm
    assert json.dumps(GEONAMES_ATTRIBUTION) in osm
    bare = make_map(sample_docs(), tiles=None)
    assert not _all(bare, folium.TileLayer)
    assert "openstreetmap" not in bare.get_root().render().lower()
    assert not _all(make_map(sample_docs(), offline=True), folium.TileLayer)
    assert _all(make_map(sample_docs(), offline=True, tiles="OpenStreetMap"), folium.TileLayer)
    (fit,) = _all(bare, folium.FitBounds)
    assert fit.bounds == [[34.56, 36.63], [36.21, 40.14084]]


def test_empty_data_gives_a_map_without_markers() -> None:
    m = make_map([], tiles=None)
    assert not _all(m, folium.CircleMarker) and not _all(m, folium.FitBounds)
    assert not _all(m, folium.LayerControl)
    assert "no resolved places" in m.get_root().render()


def test_legend_lists_types_with_mention_counts() -> None:
    html = make_map(sample_docs(), tiles=None).get_root().render()
    legend = json.loads(re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*")', html).group(1))
    for text in (
        "airstrike (2)",
        "shelling (1)",
        "clashes (1)",
        "sortie (1)",
        "confidence &lt; 0.6",
    ):
        assert text in legend
    assert "protest" not in legend


def test_same_input_same_html() -> None:
    assert (
        make_map(sample_docs(), heatmap=True).get_root().render()
        == make_map(sample_docs(), heatmap=True).get_root().render()
    )


def test_geodataframe_input_matches_document_input(tmp_path: Path) -> None:
    from_docs = make_map(sample_docs(), tiles=None).get_root().render()
    gdf = read_parquet(to_parquet(to_geodataframe(sample_docs()), tmp_path / "m.parquet"))
    from_file = make_map(gdf, tiles=None).get_root().render()
    assert _popups(from_file) == _popups(from_docs)


@pytest.mark.parametrize(
    ("data", "kwargs", "error"),
    [
        ("Aleppo was shelled", {}, TypeError),
        (42, {}, TypeError),
        (to_geodataframe([]).drop(columns=["sentence"]), {}, ValueError),
        (to_geodataframe([]).set_crs(None, allow_override=True), {}, ValueError),
        ([], {"tiles": 3}, TypeError),
        ([], {"cluster": "yes"}, TypeError),
        ([], {"min_confidence": 2}, ValueError),
        (to_geodataframe([]), {"min_confidence": 2}, ValueError),
    ],
)
def test_bad_input(data: object, kwargs: dict, error: type[Exception]) -> None:
    with pytest.raises(error):
        make_map(data, **kwargs)


# --- offline ----------------------------------------------------------------------------


def _fake_assets(root: Path) -> Path:
    """A node_modules-shaped folder with tiny stand-ins for the Leaflet files."""
    files = {
        "leaflet/dist/leaflet.js": "window.L = {version: 'stub'}; var s = '</script>';",
        "leaflet/dist/leaflet.css": (
            ".leaflet-control-layers-toggle { background-image: url(images/layers.png); }\n"
            "@font-face { font-family: X; src: url('//fonts.example.org/x.woff'); }"
        ),
        "leaflet.markercluster/dist/leaflet.markercluster.js": "/* cluster stub */",
        "leaflet.markercluster/dist/MarkerCluster.css": ".marker-cluster { color: red; }",
        "leaflet.markercluster/dist/MarkerCluster.Default.css": ".marker-cluster div {}",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / "leaflet/dist/images").mkdir()
    (root / "leaflet/dist/images/layers.png").write_bytes(b"\x89PNG\r\n\x1a\nstub")
    return root


def test_offline_html_has_no_remote_assets(tmp_path: Path) -> None:
    assets = _fake_assets(tmp_path / "node_modules")
    docs = many_docs(60) + [hostile_doc()]
    m = make_map(docs, offline=True)
    # Folium re-renders are not idempotent; compare against a fresh, identical map.
    online = make_map(docs, offline=True).get_root().render()
    assert REMOTE_ASSET.search(online)  # the check below can fail
    out = save_offline(m, tmp_path / "map.html", tmp_path)  # parent of node_modules works
    page = out.read_text(encoding="utf-8")
    assert not REMOTE_ASSET.search(page)
    assert "window.L = {version: 'stub'}; var s = '<\\/script>';" in page
    assert "/* cluster stub */" in page and ".marker-cluster { color: red; }" in page
    assert 'url("data:image/png;base64,' in page
    assert "fonts.example.org" not in page
    # Offline maps only need Leaflet and the plugins they use.
    for absent in ("bootstrap", "jquery", "awesome-markers", "fontawesome"):
        assert absent not in online.lower()
    assert "<script>document.title" not in page
    assert inline_assets(online, assets) == page


def test_offline_names_the_missing_asset(tmp_path: Path) -> None:
    assets = _fake_assets(tmp_path / "node_modules")
    m = make_map(sample_docs(), offline=True, heatmap=True)
    with pytest.raises(FileNotFoundError, match=r"leaflet\.heat.*npm install .*leaflet\.heat@"):
        save_offline(m, tmp_path / "map.html", assets)
    # Several missing packages: one error names them all, with one command for all.
    m = make_map(sample_docs(), offline=True, heatmap=True, time_slider=True)
    with pytest.raises(FileNotFoundError) as caught:
        save_offline(m, tmp_path / "map.html", assets)
    message = str(caught.value)
    command = re.search(r"`npm install --prefix DIR ([^`]*)`", message).group(1).split()
    assert command == [
        "iso8601-js-period@0.2.1",
        "leaflet-timedimension@1.1.1",
        "leaflet.heat@0.2.0",
        "moment@2.18.1",
    ]
    assert "leaflet.timedimension.control.css" in message and "moment.min.js" in message
    assert not (tmp_path / "map.html").exists()
    with pytest.raises(ValueError, match="no local copy known"):
        inline_assets('<script src="https://example.org/lib.js"></script>', assets)
    with pytest.raises(FileNotFoundError, match="not a folder"):
        inline_assets("<p></p>", tmp_path / "nowhere")
    with pytest.raises(TypeError):
        save_offline("<html></html>", tmp_path / "map.html", assets)  # type: ignore[arg-type]


def test_offline_time_slider_uses_local_files_only(tmp_path: Path) -> None:
    m = make_map(sample_docs(), offline=True, time_slider=True)
    page = m.get_root().render()
    needed = sorted(set(re.findall(r'(?:src|href)="(https?://[^"]+)"', page)))
    # Every asset the slider needs maps onto an npm package path.
    assert not any("highlight" in url for url in needed)
    root = tmp_path / "node_modules"
    from geomentions.maps import _npm_path

    for url in needed:
        path = root / _npm_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {path.name} */")
    inlined = inline_assets(page, root)
    assert not REMOTE_ASSET.search(inlined)
    assert "/* leaflet.timedimension.min.js */" in inlined and "/* moment.min.js */" in inlined


def test_protocol_relative_urls_are_inlined_too(tmp_path: Path) -> None:
    assets = _fake_assets(tmp_path / "node_modules")
    page = '<script src="//cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"></script>'
    assert inline_assets(page, assets).startswith("<script>window.L = ")


def test_offline_minified_name_falls_back_to_source_file(tmp_path: Path) -> None:
    root = tmp_path / "node_modules" / "iso8601-js-period"
    root.mkdir(parents=True)
    (root / "iso8601.js").write_text("var iso = 1;")
    page = '<script src="https://cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js"></script>'
    assert inline_assets(page, tmp_path) == "<script>var iso = 1;</script>"


def test_dates_in_popups() -> None:
    s = "Idlib was shelled."
    doc = Document("d", s, [mention("Idlib", s, IDLIB, 0.9, date=dt.date(2024, 2, 29))])
    (popup,) = _popups(make_map(doc, tiles=None).get_root().render())
    assert "2024-02-29" in popup


# --- basemap, page assets, clusters, slider -------------------------------------------------


def test_shipped_basemap_is_small_and_real_geography() -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    from geomentions.basemap import basemap_json

    text = basemap_json()
    assert len(text.encode("utf-8")) < 1_000_000
    gdf = gpd.read_file(text)
    land = gdf[gdf["layer"] == "land"].geometry.iloc[0]
    # Aleppo and Tripoli (Libya) are on land; the sea off Tartus and mid-Atlantic are not.
    assert land.contains(Point(ALEPPO.lon, ALEPPO.lat)) and land.contains(Point(13.19, 32.89))
    assert not land.contains(Point(35.65, 35.0)) and not land.contains(Point(-40.0, 30.0))
    labels = gdf[gdf["layer"] == "label"].set_index("name")
    assert len(labels) > 200
    syria = labels.loc["Syria"].geometry
    assert 35.7 < syria.x < 42.4 and 32.3 < syria.y < 37.4
    assert set(gdf.loc[gdf["layer"] == "border", "kind"]) == {"border", "disputed"}
    assert (gdf["layer"] == "admin1").sum() == 1


def test_basemap_is_drawn_under_the_dots_and_credited() -> None:
    page = make_map(sample_docs(), tiles=None).get_root().render()
    assert '"name":"Syria"' in page
    assert "Basemap made with Natural Earth (public domain)" in page
    # Its panes sit under Leaflet's tile pane (200), so tiles cover it when they load.
    assert 'createPane("gmBasemap").style.zIndex = 150' in page
    bare = make_map(sample_docs(), tiles=None, basemap=False).get_root().render()
    assert '"name":"Syria"' not in bare and "Natural Earth" not in bare
    assert len(page) - len(bare) > 400_000


def test_tile_notice_only_when_there_are_tiles() -> None:
    online = make_map(sample_docs()).get_root().render()
    assert online.count('layer.on("tileerror", notice)') == 1
    assert json.dumps(TILE_NOTICE) in online
    bare = make_map(sample_docs(), basemap=False).get_root().render()
    assert json.dumps("Map tiles could not load (no network?).") in bare
    assert "tileerror" not in make_map(sample_docs(), tiles=None).get_root().render()
    assert "tileerror" not in make_map(sample_docs(), offline=True).get_root().render()


def _asset_urls(html: str) -> list[str]:
    return re.findall(r"""<(?:script|link)\b[^>]*\b(?:src|href)=["']((?:https?:)?//[^"']+)""", html)


def test_page_loads_only_the_assets_it_uses() -> None:
    plain = _asset_urls(make_map(sample_docs(), tiles=None).get_root().render())
    assert [u.rsplit("/", 1)[-1] for u in plain] == ["leaflet.js", "leaflet.css"]
    clustered = make_map(many_docs(60), heatmap=True).get_root().render()
    names = sorted(u.rsplit("/", 1)[-1] for u in _asset_urls(clustered))
    assert names == sorted(
        ["leaflet.js", "leaflet.css", "leaflet.markercluster.js", "MarkerCluster.css"]
        + ["leaflet_heat.min.js"]
    )
    for unused in ("bootstrap", "jquery", "fontawesome", "glyphicons", "awesome-markers"):
        assert unused not in clustered.lower()
    # The time slider needs its plugin, moment and iso8601; not jQuery nor highlight.js.
    slider = make_map(sample_docs(), time_slider=True).get_root().render()
    assert sorted(u.rsplit("/", 1)[-1] for u in _asset_urls(slider)) == [
        "iso8601.min.js",
        "leaflet.css",
        "leaflet.js",
        "leaflet.timedimension.control.css",
        "leaflet.timedimension.min.js",
        "moment.min.js",
    ]


def test_cluster_bubbles_are_neutral() -> None:
    page = make_map(many_docs(60), tiles=None).get_root().render()
    assert "MarkerCluster.Default.css" not in page  # its green/yellow/orange theme
    assert 'className: "marker-cluster gm-cluster"' in page
    rules = re.findall(r"\.gm-cluster[^{]*\{([^}]*)\}", page)
    colours = {tuple(map(int, c)) for c in re.findall(r"rgba\((\d+), (\d+), (\d+)", "".join(rules))}
    assert colours
    event_rgb = {tuple(int(h[i : i + 2], 16) for i in (1, 3, 5)) for h in EVENT_COLORS.values()}
    for colour in colours:
        assert colour not in event_rgb
        assert max(colour) - min(colour) < 40  # a grey, not a hue
    legend = json.loads(re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*")', page).group(1))
    assert "cluster (number of circles)" in legend


def _slider_features(m: folium.Map) -> list[dict]:
    (slider,) = _all(m, plugins.TimestampedGeoJson)
    return json.loads(slider.data.replace("<\\/", "</"))["features"]


def _idlib_days(n: int) -> list[Document]:
    """``n`` reports of shelling on Idlib over two days, and one airstrike on Aleppo."""
    docs = []
    for i in range(n):
        s = f"Shelling hit Idlib again, source {i} said."
        day = dt.date(2024, 3, 1 + i % 2)
        docs.append(Document(f"s{i}", s, [mention("Idlib", s, IDLIB, 0.9, event_type="shelling", date=day)]))  # fmt: skip
    s = "An airstrike hit Aleppo."
    docs.append(Document("a", s, [mention("Aleppo", s, ALEPPO, 0.8, event_type="airstrike", date=dt.date(2024, 3, 1))]))  # fmt: skip
    return docs


def test_time_slider_has_one_circle_per_place_and_day() -> None:
    features = _slider_features(make_map(_idlib_days(40), tiles=None, time_slider=True))
    keys = [(f["properties"]["time"], f["geometry"]["coordinates"][1]) for f in features]
    # By day, then in legend order (airstrike before shelling).
    assert keys == [
        ("2024-03-01", ALEPPO.lat),
        ("2024-03-01", IDLIB.lat),
        ("2024-03-02", IDLIB.lat),
    ]
    idlib = features[1]["properties"]
    assert (
        "20 mentions on 2024-03-01" in idlib["popup"] and "&hellip; and 17 more" in idlib["popup"]
    )
    assert idlib["iconstyle"]["radius"] > features[0]["properties"]["iconstyle"]["radius"]
    assert idlib["iconstyle"]["color"] == EVENT_COLORS["shelling"]


def test_time_slider_size_grows_with_places_and_days_not_mentions() -> None:
    def size(n: int) -> int:
        (slider,) = _all(
            make_map(_idlib_days(n), tiles=None, time_slider=True), plugins.TimestampedGeoJson
        )
        return len(slider.data)

    small, large = size(20), size(2000)
    # 100 times the mentions: only the counts in the popups get longer.
    assert large - small < 200, (small, large)


def test_legend_in_time_slider_mode() -> None:
    def legend(m: folium.Map) -> str:
        page = m.get_root().render()
        return json.loads(re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*")', page).group(1))

    text = legend(make_map(sample_docs(), tiles=None, time_slider=True))
    # Four of the five mentions have a date; the fifth is only in the (hidden) type layers.
    assert "time slider: 4 dated mentions" in text and "size: that day" in text
    assert "1 undated mention only there" in text
    assert "circle size: mentions" not in text
    assert "circle size: mentions" in legend(make_map(sample_docs(), tiles=None))


def test_control_characters_never_reach_a_popup() -> None:
    s = "Shelling hit Idlib at\x00 dawn,\x1b[31m the\x7f monitor\x85 said."
    doc = Document("d\x00x", s, [mention("Idlib", s, IDLIB, 0.9, event_type="shelling", date=dt.date(2024, 3, 1))])  # fmt: skip
    m = make_map(doc, tiles=None, time_slider=True)
    page = m.get_root().render()
    texts = _popups(page) + [f["properties"]["popup"] for f in _slider_features(m)]
    for text in texts:
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
        assert "<mark>Idlib</mark> at dawn,[31m the monitor said." in text
        assert "document dx" in text


def test_online_map_carries_a_plain_html_line_for_when_leaflet_cannot_load() -> None:
    import html

    from geomentions.maps import LIBRARY_NOTICE

    page = make_map(sample_docs()).get_root().render()
    # In the page body as plain HTML (no script needed to show it), removed once Leaflet runs.
    body = page.split("<body>", 1)[1]
    assert html.escape(LIBRARY_NOTICE) in body
    assert 'getElementById("gm-library-notice")' in page and "window.L" in page
