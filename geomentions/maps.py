"""Folium maps of resolved mentions, safe to open on reports from anyone.

:func:`make_map` draws one circle per place and event type, sized by how often it is
mentioned and coloured by event type, with popups that quote the report sentence.
Report text is untrusted: every string from it is HTML-escaped (and kept out of
JavaScript syntax) before it reaches the page. :func:`save_offline` writes a map whose
HTML needs no network: the Leaflet files are inlined from a local copy.

Local copies of the assets, either of:

* ``pip install xstatic-leaflet xstatic-leaflet-markercluster`` (found automatically), or
* ``npm install --prefix DIR leaflet@1.9.4 leaflet.markercluster@1.5.3`` (plus
  ``leaflet.heat@0.2.0`` for heat maps, and ``leaflet-timedimension@1.1.1 jquery@3.7.1
  jquery-ui@1.13.3 moment@2.18.1 iso8601-js-period@0.2.1`` for the time slider), then
  ``save_offline(m, "map.html", asset_dir="DIR/node_modules")``.
"""

from __future__ import annotations

import base64
import html
import json
import math
import mimetypes
import os
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from folium import plugins
from jinja2 import Template

from geomentions.frames import SCHEMA, _check_confidence, to_geodataframe
from geomentions.model import EVENT_TYPES, Document

#: Fixed colour per event type, so maps made on different days read the same; a type
#: missing here is drawn in the "other" grey.
EVENT_COLORS: dict[str, str] = {
    "airstrike": "#d62728",
    "shelling": "#ff7f0e",
    "clashes": "#9467bd",
    "sortie": "#1f77b4",
    "explosion": "#8c564b",
    "displacement": "#2ca02c",
    "protest": "#e377c2",
    "other": "#7f7f7f",
}

GEONAMES_ATTRIBUTION = (
    "Place data &copy; GeoNames (CC BY 4.0); Data from Who's On First; "
    "OpenSyria incl. OCHA COD (CC BY 4.0); OurAirports"
)
#: Above this many circles, markers are clustered unless ``cluster=False``.
CLUSTER_THRESHOLD = 50
#: Below this confidence a circle is dashed and its popup lists the other candidates.
LOW_CONFIDENCE = 0.6
_MAX_POPUP_MENTIONS = 10
_SENTENCE_CONTEXT = 200
Row = dict[str, Any]
_PRECISION = {1: "the place itself", 2: "near or part of it", 3: "its province only"}

# Newer than folium's pinned cluster plugin, which predates circle-marker support.
_CLUSTER_JS = [
    (
        "markerclusterjs",
        "https://cdn.jsdelivr.net/npm/leaflet.markercluster@1.5.3/dist/leaflet.markercluster.js",
    )
]
_CLUSTER_CSS = [
    (
        "markerclustercss",
        "https://cdn.jsdelivr.net/npm/leaflet.markercluster@1.5.3/dist/MarkerCluster.css",
    ),
    (
        "markerclusterdefaultcss",
        "https://cdn.jsdelivr.net/npm/leaflet.markercluster@1.5.3/dist/MarkerCluster.Default.css",
    ),
]


def escape(text: Any) -> str:
    """HTML-escape ``text`` and neutralise the characters that matter inside JS strings.

    Folium places some strings in JavaScript template literals, where a backtick,
    ``${`` or a backslash would change the code; their entities render the same.

    >>> escape('<script>alert(`x`)</script>')
    '&lt;script&gt;alert(&#96;x&#96;)&lt;/script&gt;'
    """
    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return ""
    out = html.escape(str(text), quote=True)
    return out.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _js(text: str) -> str:
    """A JavaScript string literal that cannot close the surrounding <script>."""
    return json.dumps(text).replace("</", "<\\/").replace("<!--", "<\\!--")


def _color(event_type: str) -> str:
    return EVENT_COLORS.get(event_type, EVENT_COLORS["other"])


def _type_order(event_type: str) -> tuple[int, str]:
    # Known types in EVENT_TYPES order, unknown ones after them alphabetically.
    known = EVENT_TYPES.index(event_type) if event_type in EVENT_TYPES else len(EVENT_TYPES)
    return known, event_type


def _highlight(sentence: str, mention: str) -> str:
    """The escaped sentence with the first occurrence of ``mention`` in <mark>."""
    if not sentence:
        return f"<mark>{escape(mention)}</mark>"
    i = sentence.find(mention) if mention else -1
    # Case-insensitive retry only where lowercasing keeps offsets ("İ" does not).
    if i < 0 and mention and len(sentence.lower()) == len(sentence):
        if len(mention.lower()) == len(mention):
            i = sentence.lower().find(mention.lower())
    if i < 0:
        return escape(sentence)
    j = i + len(mention)
    lo, hi = max(0, i - _SENTENCE_CONTEXT), min(len(sentence), j + _SENTENCE_CONTEXT)
    before = ("…" if lo else "") + sentence[lo:i]
    after = sentence[j:hi] + ("…" if hi < len(sentence) else "")
    return f"{escape(before)}<mark>{escape(sentence[i:j])}</mark>{escape(after)}"


def _text(value: Any) -> str:
    """A text cell as str, with NA/None/NaN as ""."""
    return "" if value is None or pd.isna(value) else str(value)


def _mention_html(row: Row) -> str:
    doc_id = _text(row["doc_id"])
    meta = [f"document {escape(doc_id)}" if doc_id else "no document id"]
    if row["date"] is not None:
        meta.append(row["date"].strftime("%Y-%m-%d"))
    meta.append(f"confidence {row['confidence']:.2f}")
    if row["precision"] is not None:
        p = int(row["precision"])
        meta.append(f"precision {p} ({_PRECISION.get(p, 'unknown')})")
    if row["uncertainty_km"] is not None:
        meta.append(f"&plusmn;{row['uncertainty_km']:.0f} km")
    if _text(row["counts"]):
        meta.append(escape(row["counts"]))
    if _text(row["qualifier"]):
        meta.append(f"qualifier: {escape(row['qualifier'])}")
    sentence = _highlight(_text(row["sentence"]), _text(row["mention"]))
    parts = [
        f'<div class="gm-sentence">{sentence}</div>',
        f'<div class="gm-meta">{" &middot; ".join(meta)}</div>',
    ]
    if row["confidence"] < LOW_CONFIDENCE:
        others = escape(row["runners_up"]) if _text(row["runners_up"]) else "none"
        parts.append(
            f'<div class="gm-warn">Low confidence. Other candidates: {others}. '
            f"Why this one: {escape(row['why'])}</div>"
        )
    return f'<div class="gm-item">{"".join(parts)}</div>'


def _popup_html(rows: list[Row]) -> str:
    first = rows[0]
    n = len(rows)
    head = (
        f'<div class="gm-title">{escape(first["name"])} ({escape(first["country_code"])})</div>'
        f'<div class="gm-meta">{escape(first["place_id"])} &middot; '
        f"{escape(first['event_type'])} &middot; {n} mention{'s' if n != 1 else ''}</div>"
    )
    items = "".join(_mention_html(r) for r in rows[:_MAX_POPUP_MENTIONS])
    more = n - _MAX_POPUP_MENTIONS
    tail = f'<div class="gm-meta">&hellip; and {more} more</div>' if more > 0 else ""
    return f'<div class="gm-popup">{head}{items}{tail}</div>'


def _tooltip_html(rows: list[Row]) -> str:
    first = rows[0]
    return (
        f"<b>{escape(first['name'])}</b> ({escape(first['country_code'])}) &middot; "
        f"{escape(first['event_type'])} &times; {len(rows)}"
    )


def _radius(weight: float) -> float:
    # Log scale: one mention is visible, hundreds do not cover a province.
    return round(min(6.0 + 4.0 * math.log2(1.0 + max(weight, 0.0)), 28.0), 1)


class _Bind(MacroElement):
    """Binds pre-escaped popup and tooltip HTML to its parent layer (no jQuery needed)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 380})"
        ".bindTooltip({{ this.tooltip }});"
        "{% endmacro %}"
    )

    def __init__(self, popup_html: str, tooltip_html: str) -> None:
        super().__init__()
        self._name = "Bind"
        self.popup = _js(popup_html)
        self.tooltip = _js(tooltip_html)


class _Extras(MacroElement):
    """Legend control, GeoNames credit and the popup/legend styles."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.gm-popup { max-height: 320px; overflow-y: auto; font: 13px/1.35 sans-serif; }
.gm-title { font-weight: bold; font-size: 14px; }
.gm-meta { color: #555; font-size: 11px; }
.gm-item { border-top: 1px solid #ddd; margin-top: 4px; padding-top: 4px; }
.gm-warn { color: #8a4b00; font-size: 11px; }
.gm-popup mark { background: #ffe066; padding: 0 1px; }
.gm-legend { background: rgba(255,255,255,0.9); padding: 6px 8px; border-radius: 4px;
  font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.gm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 5px; vertical-align: middle; opacity: 0.8; }
.gm-legend i.gm-dashed { background: none; border: 2px dashed #555; width: 7px; height: 7px; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (map) {
  if (map.attributionControl) { map.attributionControl.addAttribution({{ this.credit }}); }
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "gm-legend");
    div.innerHTML = {{ this.legend }};
    return div;
  };
  legend.addTo(map);
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, legend_html: str) -> None:
        super().__init__()
        self._name = "Extras"
        self.credit = _js(GEONAMES_ATTRIBUTION)
        self.legend = _js(legend_html)


def _legend_html(type_counts: dict[str, int], low_confidence: bool) -> str:
    lines = ["<b>Event type</b>"]
    for event_type, n in type_counts.items():
        lines.append(f'<i style="background:{_color(event_type)}"></i>{escape(event_type)} ({n})')
    if low_confidence:
        lines.append(f'<i class="gm-dashed"></i>confidence &lt; {LOW_CONFIDENCE}')
    if not type_counts:
        lines.append("no resolved places")
    lines.append('<span class="gm-meta">circle size: mentions</span>')
    return "<br>".join(lines)


def _as_frame(data: Any, min_confidence: float) -> gpd.GeoDataFrame:
    if isinstance(data, gpd.GeoDataFrame):
        missing = [c for c in SCHEMA if c not in data.columns]
        if missing:
            raise ValueError(
                f"GeoDataFrame lacks column(s) {missing}; build it with to_geodataframe"
            )
        if data.crs is None:
            raise ValueError("GeoDataFrame has no CRS; expected EPSG:4326 from to_geodataframe")
        threshold = _check_confidence(min_confidence)
        return data[data["confidence"] >= threshold].to_crs("EPSG:4326")
    if isinstance(data, Document) or (
        isinstance(data, Iterable) and not isinstance(data, str | bytes | pd.DataFrame)
    ):
        return to_geodataframe(data, min_confidence=min_confidence)
    raise TypeError(
        f"expected a GeoDataFrame, a Document or an iterable of Documents, got {type(data)!r}"
    )


def _records(gdf: gpd.GeoDataFrame) -> list[Row]:
    """Rows as plain dicts (NA as None) with the rounded point: fast to group and format."""
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for row, x, y in zip(rows, gdf.geometry.x, gdf.geometry.y, strict=True):
        row["event_type"] = row["event_type"] or "other"
        row["_lat"], row["_lon"] = round(float(y), 6), round(float(x), 6)
    return rows


def _row_order(row: Row) -> tuple[float, str, int]:
    return -row["confidence"], row["doc_id"] or "", row["start"]


def _renumber(root: Element) -> None:
    """Replace folium's random element ids with sequential ones: same input, same HTML."""
    stack, n = [root], 0
    while stack:
        el = stack.pop(0)
        el._id = f"{n:08x}"
        n += 1
        stack.extend(el._children.values())


def make_map(
    data: gpd.GeoDataFrame | Document | Iterable[Document],
    *,
    heatmap: bool = False,
    time_slider: bool = False,
    cluster: bool | None = None,
    offline: bool = False,
    tiles: str | None = "auto",
    min_confidence: float = 0.0,
) -> folium.Map:
    """A Folium map with one circle per place and event type.

    Circles are coloured by event type (:data:`EVENT_COLORS`), one toggleable layer per
    type, sized by the number of mentions, dashed when the best mention's confidence is
    below :data:`LOW_CONFIDENCE`; clustered above :data:`CLUSTER_THRESHOLD` circles
    unless ``cluster`` says otherwise. ``tiles="auto"`` means OpenStreetMap, or no tiles
    when ``offline``; ``tiles=None`` never loads tiles. ``offline=True`` keeps the page's
    assets to Leaflet and the plugins used, ready for :func:`save_offline`.

    >>> from geomentions.model import Candidate, Document, Mention
    >>> aleppo = Candidate("geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P",
    ...                    "PPLA", "09", "", 1602264, "Aleppo", 0.9, "exact name")
    >>> doc = Document("r1", "Shelling hit Aleppo.", [Mention("Aleppo", 13, 19, aleppo,
    ...                [aleppo], 0.9)])
    >>> m = make_map(doc, tiles=None)
    >>> m.save("/tmp/aleppo.html")  # popups quote the sentence, Aleppo highlighted
    """
    if tiles is not None and not isinstance(tiles, str):
        raise TypeError(f"tiles must be a string or None, got {type(tiles)!r}")
    if cluster is not None and not isinstance(cluster, bool):
        raise TypeError(f"cluster must be True, False or None, got {cluster!r}")
    gdf = _as_frame(data, min_confidence)
    if tiles == "auto":
        tiles = None if offline else "OpenStreetMap"

    m = folium.Map(location=[20.0, 0.0], zoom_start=2, tiles=tiles, control_scale=True)
    # Folium gives maxZoom to the tile layer only; the cluster plugin needs it on the map.
    m.options["maxZoom"] = 18
    if offline:
        # Only what the page uses: every asset has to be found locally by save_offline.
        m.default_js = [js for js in folium.Map.default_js if js[0] == "leaflet"]
        m.default_css = [css for css in folium.Map.default_css if css[0] == "leaflet_css"]

    records = _records(gdf)
    by_point: dict[tuple[str, str, float, float], list[Row]] = {}
    for row in records:
        key = (row["event_type"], row["place_id"] or "", row["_lat"], row["_lon"])
        by_point.setdefault(key, []).append(row)
    groups = sorted(by_point.items(), key=lambda kv: (_type_order(kv[0][0]), kv[0]))
    use_cluster = len(groups) > CLUSTER_THRESHOLD if cluster is None else cluster
    slider = time_slider and any(r["date"] is not None for r in records)
    if time_slider and not slider:
        warnings.warn("time_slider=True but no mention has a date; no slider added", stacklevel=2)

    layers: dict[str, folium.FeatureGroup | plugins.MarkerCluster] = {}
    type_counts: dict[str, int] = {}
    heat: list[list[float]] = []
    low = False
    for (event_type, _, lat, lon), rows in groups:
        if event_type not in layers:
            label = f'<span style="color:{_color(event_type)}">&#9679;</span> {escape(event_type)}'
            if use_cluster:
                layer = plugins.MarkerCluster(name=label, show=not slider)
                layer.default_js, layer.default_css = _CLUSTER_JS, _CLUSTER_CSS
            else:
                layer = folium.FeatureGroup(name=label, show=not slider)
            layers[event_type] = layer.add_to(m)
        rows.sort(key=_row_order)
        best = float(rows[0]["confidence"])
        low = low or best < LOW_CONFIDENCE
        color = _color(event_type)
        marker = folium.CircleMarker(
            location=[lat, lon],
            radius=_radius(len(rows)),
            color=color,
            weight=2,
            fill=True,
            fill_color=color,
            fill_opacity=round(0.25 + 0.5 * best, 2),
            dash_array="4 4" if best < LOW_CONFIDENCE else None,
        )
        marker.add_child(_Bind(_popup_html(rows), _tooltip_html(rows)))
        marker.add_to(layers[event_type])
        type_counts[event_type] = type_counts.get(event_type, 0) + len(rows)
        heat.append([lat, lon, float(len(rows))])

    if heatmap and heat:
        plugins.HeatMap(heat, name="Heat map", radius=22, blur=15, min_opacity=0.3).add_to(m)
    if slider:
        _add_time_slider(m, records, offline)
    m.add_child(_Extras(_legend_html(type_counts, low)))
    folium.LayerControl(collapsed=False).add_to(m)
    if len(gdf):
        b = gdf.total_bounds  # minx, miny, maxx, maxy
        m.fit_bounds([[b[1], b[0]], [b[3], b[2]]], padding=(30, 30), max_zoom=10)
    _renumber(m.get_root())
    return m


# !important: this sits in the page before the plugin's own stylesheet.
_SLIDER_BUTTONS_CSS = """<style>
.leaflet-bar-timecontrol .leaflet-control-timecontrol:before { font-family: sans-serif !important; }
.timecontrol-play:before, .timecontrol-play.reverse:before { content: "\\25B6" !important; }
.timecontrol-play.pause:before,
.timecontrol-play.reverse.pause:before { content: "\\2016" !important; }
a.timecontrol-play.loading:before,
.timecontrol-date.loading:before { content: "\\2026" !important; }
.timecontrol-backward:before { content: "\\00AB" !important; }
.timecontrol-forward:before { content: "\\00BB" !important; }
.timecontrol-stop:before { content: "\\25A0" !important; }
.timecontrol-loop:before { content: "\\21BB" !important; }
.timecontrol-speed:before { content: "" !important; }
</style>"""


def _add_time_slider(m: folium.Map, records: list[Row], offline: bool) -> None:
    dated = sorted(
        (r for r in records if r["date"] is not None),
        key=lambda r: (r["date"], r["doc_id"] or "", r["start"]),
    )
    features = []
    for row in dated:
        color = _color(row["event_type"])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["_lon"], row["_lat"]]},
                "properties": {
                    "time": row["date"].strftime("%Y-%m-%d"),
                    "popup": _popup_html([row]),
                    "icon": "circle",
                    "iconstyle": {
                        "color": color,
                        "fillColor": color,
                        "fillOpacity": 0.6,
                        "radius": 7,
                        "weight": 2,
                    },
                },
            }
        )
    slider = plugins.TimestampedGeoJson(
        {"type": "FeatureCollection", "features": features},
        period="P1D",
        auto_play=False,
        loop=False,
        add_last_point=False,
        date_options="YYYY-MM-DD",
    )
    # The template builds this JSON into a script: keep "</" from closing it.
    slider.data = slider.data.replace("</", "<\\/")
    if offline:
        # A highlight.js stylesheet that the slider never uses: one less file to find.
        slider.default_css = [c for c in slider.default_css if not c[0].startswith("highlight")]
        # Its buttons use a CDN icon font; plain characters work without it.
        m.get_root().header.add_child(Element(_SLIDER_BUTTONS_CSS), name="gm_slider_buttons")
    slider.add_to(m)


# --- offline HTML -------------------------------------------------------------------------

_REMOTE_TAG = re.compile(
    r"""<script\b[^>]*?\bsrc=["'](?P<js>(?:https?:)?//[^"']+)["'][^>]*>\s*</script\s*>"""
    r"""|<link\b[^>]*?\bhref=["'](?P<css>(?:https?:)?//[^"']+)["'][^>]*>""",
    re.IGNORECASE,
)
_JSDELIVR_NPM = re.compile(
    r"^(?:https?:)?//cdn\.jsdelivr\.net/npm/((?:@[^/@]+/)?[^/@]+)@[^/]+/(.+)$"
)
#: File name in a non-npm CDN URL -> the same file in an npm ``node_modules`` folder.
_KNOWN_FILES: dict[str, str] = {
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "leaflet_heat.min.js": "leaflet.heat/dist/leaflet-heat.js",
    "jquery.min.js": "jquery/dist/jquery.min.js",
    "jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "jquery-ui.min.js": "jquery-ui/dist/jquery-ui.min.js",
    "moment.min.js": "moment/min/moment.min.js",
}
#: Versions to suggest in error messages.
_NPM_VERSIONS: dict[str, str] = {
    "leaflet": "1.9.4",
    "leaflet.markercluster": "1.5.3",
    "leaflet.heat": "0.2.0",
    "leaflet-timedimension": "1.1.1",
    "jquery": "3.7.1",
    "jquery-ui": "1.13.3",
    "moment": "2.18.1",
    "iso8601-js-period": "0.2.1",
}
#: npm folder prefix -> xstatic package that ships the same files.
_XSTATIC: dict[str, str] = {
    "leaflet/dist/": "xstatic.pkg.leaflet",
    "leaflet.markercluster/dist/": "xstatic.pkg.leaflet_markercluster",
}


def _npm_path(url: str) -> str:
    hit = _JSDELIVR_NPM.match(url)
    if hit:
        return f"{hit.group(1)}/{hit.group(2)}"
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if name in _KNOWN_FILES:
        return _KNOWN_FILES[name]
    raise ValueError(
        f"no local copy known for {url}; offline maps can use only Leaflet and the plugins "
        "that make_map(..., offline=True) adds"
    )


def _xstatic_file(rel: str) -> Path | None:
    import importlib

    for prefix, module in _XSTATIC.items():
        if rel.startswith(prefix):
            try:
                base = Path(importlib.import_module(module).BASE_DIR)
            except ImportError:
                return None
            return base / rel[len(prefix) :]
    return None


def _find_asset(url: str, root: Path | None) -> Path:
    rel = _npm_path(url)
    # A CDN may minify on the fly (".min.js") where the package ships only the source.
    options = [rel, rel.replace(".min.", ".")] if ".min." in rel else [rel]
    for option in options:
        path = root / option if root is not None else _xstatic_file(option)
        if path is not None and path.is_file():
            return path
    package = rel.split("/")[0] if not rel.startswith("@") else "/".join(rel.split("/")[:2])
    spec = f"{package}@{_NPM_VERSIONS[package]}" if package in _NPM_VERSIONS else package
    where = f"under {root}" if root is not None else "in an installed xstatic package"
    raise FileNotFoundError(
        f"offline map needs {url}: no {rel} {where}. Install it with "
        f"`npm install --prefix DIR {spec}` and pass asset_dir='DIR/node_modules'"
    )


def _css_with_data_urls(css: str, css_path: Path) -> str:
    """Inline relative url(...) files as data: URLs, since the CSS moves into the HTML.

    Remote ones (a web font on a CDN) become empty data: URLs: an offline page must not
    even try to reach a server.
    """

    def repl(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if re.match(r"^(https?:)?//", ref, re.I):
            return 'url("data:,")'
        if re.match(r"^(data:|#)", ref, re.I):
            return match.group(0)
        target = (css_path.parent / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file():
            return match.group(0)
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return re.sub(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""", repl, css)


def inline_assets(html_text: str, asset_dir: str | os.PathLike[str] | None = None) -> str:
    """Replace every remote ``<script src>`` / stylesheet ``<link>`` by the file's contents.

    ``asset_dir`` is an npm ``node_modules`` folder (or the folder holding one); with
    ``None`` the files come from the ``xstatic-leaflet`` and
    ``xstatic-leaflet-markercluster`` packages. A missing file raises FileNotFoundError
    naming it and the npm package to install.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "leaflet/dist").mkdir(parents=True)
    >>> _ = (d / "leaflet/dist/leaflet.js").write_text("var L = {};")
    >>> page = '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"></script>'
    >>> inline_assets(page, d)
    '<script>var L = {};</script>'
    """
    if not isinstance(html_text, str):
        raise TypeError(f"html_text must be a str, got {type(html_text)!r}")
    root = None
    if asset_dir is not None:
        root = Path(asset_dir)
        if not root.is_dir():
            raise FileNotFoundError(f"asset_dir {root} is not a folder")
        if (root / "node_modules").is_dir():
            root = root / "node_modules"

    def repl(match: re.Match[str]) -> str:
        if match.group("css") and "stylesheet" not in match.group(0).lower():
            return ""  # a remote non-stylesheet <link> (icon, preload): drop, never fetch
        url = match.group("js") or match.group("css")
        path = _find_asset(url, root)
        text = path.read_text(encoding="utf-8")
        if match.group("js"):
            return "<script>" + re.sub(r"</(script)", r"<\\/\1", text, flags=re.I) + "</script>"
        css = _css_with_data_urls(text, path)
        return "<style>" + re.sub(r"</(style)", r"<\\/\1", css, flags=re.I) + "</style>"

    return _REMOTE_TAG.sub(repl, html_text)


def save_offline(
    m: folium.Map,
    path: str | os.PathLike[str],
    asset_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Write ``m`` as one self-contained HTML file that loads nothing from the network.

    Best with a map from ``make_map(..., offline=True)`` (no tiles, only the assets the
    map uses); see :func:`inline_assets` for ``asset_dir``.

    >>> # m = make_map(docs, offline=True)
    >>> # save_offline(m, "map.html", asset_dir="assets/node_modules")  # -> Path('map.html')
    """
    if not isinstance(m, folium.Map):
        raise TypeError(f"expected a folium.Map, got {type(m)!r}")
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path)!r}")
    out = Path(path)
    out.write_text(inline_assets(m.get_root().render(), asset_dir), encoding="utf-8")
    return out
