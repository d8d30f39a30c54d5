"""Folium maps of resolved mentions, safe to open on reports from anyone.

:func:`make_map` draws one circle per place and event type, sized by how often it is
mentioned and coloured by event type, with popups that quote the report sentence, over a
built-in world basemap (Natural Earth: land, coasts, borders, country names) so a map
with no tiles still shows where things are. Report text is untrusted: every string from
it is HTML-escaped, stripped of control characters and kept out of JavaScript syntax
before it reaches the page. :func:`save_offline` writes a map whose HTML needs no
network: the Leaflet files are inlined from a local copy.

The map is put together from small layer functions (``_add_basemap``,
``_add_type_layers``, ``_add_heatmap``, ``_add_time_slider``, ``_add_legend``...), each
taking the map and what it draws; a new layer is one more such function.

Local copies of the assets, either of:

* ``pip install xstatic-leaflet xstatic-leaflet-markercluster`` (found automatically), or
* ``npm install --prefix DIR leaflet@1.9.4 leaflet.markercluster@1.5.3`` (plus
  ``leaflet.heat@0.2.0`` for heat maps, and ``leaflet-timedimension@1.1.1 moment@2.18.1
  iso8601-js-period@0.2.1`` for the time slider), then
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

from geomentions.basemap import ATTRIBUTION as BASEMAP_ATTRIBUTION
from geomentions.basemap import basemap_json
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
#: Basemap fills: pale and unsaturated, so that no event colour is lost on them.
LAND_COLOR, SEA_COLOR = "#f4f1ea", "#d8e5ee"
#: The one line an online map shows when its tiles cannot load.
TILE_NOTICE = "Map tiles could not load (no network?): showing the built-in basemap."
#: The line an online map shows when even its map library (Leaflet, from a CDN) cannot load.
LIBRARY_NOTICE = (
    "This map loads its map library from the network, which could not be reached: "
    "make it with --offline (offline=True in Python) to open it without a network."
)
#: Above this many circles, markers are clustered unless ``cluster=False``.
CLUSTER_THRESHOLD = 50
#: Below this confidence a circle is dashed and its popup lists the other candidates.
LOW_CONFIDENCE = 0.6
_MAX_POPUP_MENTIONS = 10
#: A time-slider circle is one place on one day; its popup quotes fewer sentences than the
#: place's own circle (which has them all), since there is one per day.
_MAX_SLIDER_MENTIONS = 3
_SENTENCE_CONTEXT = 200
Row = dict[str, Any]
_PRECISION = {1: "the place itself", 2: "near or part of it", 3: "its province only"}

# Newer than folium's pinned cluster plugin, which predates circle-marker support. The
# default theme's stylesheet (green/yellow/orange bubbles) is left out: ours is neutral.
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
]
# Bubbles in slate grey, a colour no event type uses, sized by how many circles they hold.
_CLUSTER_ICON = """function (cluster) {
  var n = cluster.getChildCount();
  var size = n < 10 ? 30 : n < 100 ? 36 : 44;
  return L.divIcon({html: "<div><span>" + n + "</span></div>",
                    className: "marker-cluster gm-cluster", iconSize: L.point(size, size)});
}"""

# C0 and C1 control characters except tab, newline and carriage return: a NUL or an
# escape sequence has no business in a popup and can cut the text where it is read back.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class MapWarning(UserWarning):
    """A :func:`make_map` option that could not take effect; ``option`` names it.

    >>> str(MapWarning("time_slider", "no mention has a date"))
    'time_slider=True: no mention has a date'
    >>> MapWarning("time_slider", "no mention has a date").cli_message()
    '--time-slider: no mention has a date'
    """

    def __init__(self, option: str, problem: str) -> None:
        super().__init__(f"{option}=True: {problem}")
        self.option, self.problem = option, problem

    def cli_message(self) -> str:
        """The same warning naming the command-line flag instead of the argument."""
        return f"--{self.option.replace('_', '-')}: {self.problem}"


def escape(text: Any) -> str:
    """HTML-escape ``text``, drop control characters, and neutralise JS string syntax.

    Folium places some strings in JavaScript template literals, where a backtick,
    ``${`` or a backslash would change the code; their entities render the same.

    >>> escape('<script>alert(`x`)</script>')
    '&lt;script&gt;alert(&#96;x&#96;)&lt;/script&gt;'
    >>> escape("Idlib\\x00 city")
    'Idlib city'
    """
    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return ""
    out = html.escape(_CONTROL.sub("", str(text)), quote=True)
    return out.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _js(text: str) -> str:
    """A JavaScript string literal that cannot close the surrounding <script>."""
    return _script_safe(json.dumps(text))


def _script_safe(js_text: str) -> str:
    """JSON or JS text that cannot close the <script> element it is placed in."""
    return js_text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _color(event_type: str) -> str:
    if event_type == MENTIONED:
        return MENTIONED_COLOR
    return EVENT_COLORS.get(event_type, EVENT_COLORS["other"])


#: The layer of places that are not where an event happened (origins, bases, datelines...).
MENTIONED = "mentioned"
MENTIONED_COLOR = "#9e9e9e"


def _layer_of(row: Row) -> str:
    """The layer of a mention: its event type where its event happened, else "mentioned".
    Rows without a role (frames made before the linker, hand-made mentions) count as events."""
    role = row.get("role") or "event"
    return row["event_type"] if role == "event" else MENTIONED


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
    if _text(row.get("role")):
        meta.append(f"role: {escape(row['role'])} ({float(row.get('role_p') or 0):.2f})")
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


def _popup_html(rows: list[Row], limit: int = _MAX_POPUP_MENTIONS, day: str = "") -> str:
    first = rows[0]
    n = len(rows)
    when = f" on {day}" if day else ""
    head = (
        f'<div class="gm-title">{escape(first["name"])} ({escape(first["country_code"])})</div>'
        f'<div class="gm-meta">{escape(first["place_id"])} &middot; '
        f"{escape(first['event_type'])} &middot; {n} mention{'s' if n != 1 else ''}{when}</div>"
    )
    items = "".join(_mention_html(r) for r in rows[:limit])
    more = n - limit
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


def _circle_style(event_type: str, rows: list[Row]) -> dict[str, Any]:
    """Colour by type, size by mentions, opacity by the best confidence, dashed when low."""
    best = float(rows[0]["confidence"])
    color = _color(event_type)
    style: dict[str, Any] = {
        "radius": _radius(len(rows)),
        "color": color,
        "weight": 2,
        "fill": True,
        "fillColor": color,
        "fillOpacity": round(0.25 + 0.5 * best, 2),
    }
    if best < LOW_CONFIDENCE:
        style["dashArray"] = "4 4"
    return style


# --- page elements --------------------------------------------------------------------------


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


class _Script(MacroElement):
    """A style block for the page header and a script run with the map as ``map``.

    ``values`` are JavaScript expressions (already safe inside <script>), spliced into
    ``script`` where it says ``{{ name }}``.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}{{ this.style }}{% endmacro %}
{% macro script(this, kwargs) %}
(function (map) {
{{ this.script }}
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, name: str, style: str, script: str, **values: str) -> None:
        super().__init__()
        self._name = name
        self.style = f"<style>{style}</style>" if style else ""
        self.script = Template(script).render(**values)


_BASEMAP_STYLE = """
.gm-country { pointer-events: none; }
.gm-country span { position: absolute; transform: translate(-50%, -50%); white-space: nowrap;
  font: 11px/1 sans-serif; color: #6d665c; letter-spacing: 0.03em;
  text-shadow: 0 0 2px #f4f1ea, 0 0 2px #f4f1ea, 0 0 3px #f4f1ea; }
"""
# Panes below Leaflet's tile pane (z-index 200): tiles cover the basemap when they load,
# and it shows wherever they do not.
_BASEMAP_SCRIPT = """
var data = {{ data }};
map.getContainer().style.background = {{ sea }};
map.createPane("gmBasemap").style.zIndex = 150;
map.createPane("gmBasemapLabels").style.zIndex = 160;
var styles = {
  land: {stroke: true, color: "#9fb1bf", weight: 0.8, fillColor: {{ land }}, fillOpacity: 1},
  border: {color: "#8f8a82", weight: 1, fill: false},
  disputed: {color: "#8f8a82", weight: 1, dashArray: "4 3", fill: false},
  admin1: {color: "#bdb7ad", weight: 0.6, dashArray: "2 3", fill: false}
};
L.geoJSON(data, {
  pane: "gmBasemap", interactive: false,
  filter: function (f) { return f.properties.layer !== "label"; },
  style: function (f) { return styles[f.properties.kind || f.properties.layer]; }
}).addTo(map);
var labels = L.layerGroup().addTo(map), byZoom = [];
L.geoJSON(data, {
  filter: function (f) { return f.properties.layer === "label"; },
  pointToLayer: function (f, latlng) {
    var text = document.createElement("span");
    text.textContent = f.properties.name;
    var label = L.marker(latlng, {pane: "gmBasemapLabels", interactive: false, keyboard: false,
      icon: L.divIcon({className: "gm-country", html: text, iconSize: null})});
    byZoom.push([label, f.properties.min_zoom]);
    return label;
  }
});
function showLabels() {
  var zoom = map.getZoom();
  byZoom.forEach(function (pair) {
    if (zoom >= pair[1]) { labels.addLayer(pair[0]); } else { labels.removeLayer(pair[0]); }
  });
}
map.on("zoomend", showLabels);
showLabels();
if (map.attributionControl) { map.attributionControl.addAttribution({{ credit }}); }
"""


def _add_basemap(m: folium.Map) -> None:
    """The shipped Natural Earth land, borders and country names, under any tiles."""
    script = _Script(
        "Basemap",
        _BASEMAP_STYLE,
        _BASEMAP_SCRIPT,
        data=_script_safe(basemap_json().strip()),
        credit=_js(BASEMAP_ATTRIBUTION),
        land=_js(LAND_COLOR),
        sea=_js(SEA_COLOR),
    )
    m.add_child(script)


_TILE_NOTICE_STYLE = """
.gm-notice { background: rgba(255,255,255,0.92); padding: 3px 8px; border-radius: 4px;
  font: 12px/1.4 sans-serif; color: #333; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
"""
# One notice however many tiles fail; the handlers are on before any tile can fail.
_TILE_NOTICE_SCRIPT = """
var shown = false;
function notice() {
  if (shown) { return; }
  shown = true;
  var control = L.control({position: "topleft"});
  control.onAdd = function () {
    var div = L.DomUtil.create("div", "gm-notice");
    div.textContent = {{ text }};
    return div;
  };
  control.addTo(map);
}
map.eachLayer(function (layer) {
  if (layer instanceof L.TileLayer) { layer.on("tileerror", notice); }
});
"""


def _add_tile_notice(m: folium.Map, basemap: bool) -> None:
    """Say so in one line when the tiles cannot load, instead of a silent blank; and, in
    plain HTML that the page removes once Leaflet has loaded, when the map library cannot."""
    text = TILE_NOTICE if basemap else TILE_NOTICE.split(":")[0] + "."
    m.add_child(_Script("TileNotice", _TILE_NOTICE_STYLE, _TILE_NOTICE_SCRIPT, text=_js(text)))
    root = m.get_root()
    root.html.add_child(Element(_LIBRARY_NOTICE_HTML.format(text=html.escape(LIBRARY_NOTICE))))
    root.header.add_child(Element(_LIBRARY_NOTICE_SCRIPT))


_LIBRARY_NOTICE_HTML = (
    '<div class="gm-notice gm-library-notice" id="gm-library-notice" style="position:absolute;'
    "top:10px;left:10px;right:10px;z-index:2000;background:#fff;padding:6px 10px;"
    'font:14px/1.4 sans-serif;color:#333;border:1px solid #999">{text}</div>'
)
_LIBRARY_NOTICE_SCRIPT = """<script>
window.addEventListener("load", function () {
  var n = document.getElementById("gm-library-notice");
  if (n && window.L) { n.remove(); }
});
</script>"""


def _keep_assets(element: MacroElement, js: Iterable[str] = (), css: Iterable[str] = ()) -> None:
    """Keep only the named default JS/CSS files of ``element``: the page loads no others."""
    js, css = set(js), set(css)
    element.default_js = [a for a in type(element).default_js if a[0] in js]
    element.default_css = [a for a in type(element).default_css if a[0] in css]


_POPUP_STYLE = """
.gm-popup { max-height: 320px; overflow-y: auto; font: 13px/1.35 sans-serif; }
.gm-title { font-weight: bold; font-size: 14px; }
.gm-meta { color: #555; font-size: 11px; }
.gm-item { border-top: 1px solid #ddd; margin-top: 4px; padding-top: 4px; }
.gm-warn { color: #8a4b00; font-size: 11px; }
.gm-popup mark { background: #ffe066; padding: 0 1px; }
.gm-legend { background: rgba(255,255,255,0.9); padding: 6px 8px; border-radius: 4px;
  font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 230px; }
.gm-legend .gm-meta { display: inline-block; line-height: 1.3; }
.gm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 5px; vertical-align: middle; opacity: 0.8; }
.gm-legend i.gm-dashed { background: none; border: 2px dashed #555; width: 7px; height: 7px; }
.gm-legend i.gm-cluster-key { background: #37474f; }
.gm-cluster { background: rgba(69, 90, 100, 0.3); border-radius: 50%; }
.gm-cluster div { width: calc(100% - 8px); height: calc(100% - 8px); margin: 4px;
  border-radius: 50%; background: rgba(55, 71, 79, 0.88); color: #fff;
  display: flex; align-items: center; justify-content: center; font: bold 12px sans-serif; }
"""
_LEGEND_SCRIPT = """
if (map.attributionControl) { map.attributionControl.addAttribution({{ credit }}); }
var legend = L.control({position: "bottomleft"});
legend.onAdd = function () {
  var div = L.DomUtil.create("div", "gm-legend");
  div.innerHTML = {{ legend }};
  return div;
};
legend.addTo(map);
"""


def _legend_html(
    type_counts: dict[str, int],
    low_confidence: bool,
    clustered: bool,
    slider: tuple[int, int] | None,
) -> str:
    """What the legend says; ``slider`` is (dated, undated) mentions when there is one."""
    lines = ["<b>Event type</b>"]
    for event_type, n in type_counts.items():
        lines.append(f'<i style="background:{_color(event_type)}"></i>{escape(event_type)} ({n})')
    if low_confidence:
        lines.append(f'<i class="gm-dashed"></i>confidence &lt; {LOW_CONFIDENCE}')
    if clustered:
        lines.append('<i class="gm-cluster-key"></i>cluster (number of circles)')
    if not type_counts:
        lines.append("no resolved places")
    if slider is None:
        lines.append('<span class="gm-meta">circle size: mentions</span>')
    else:
        dated, undated = slider
        plural = "s" if dated != 1 else ""
        lines.append(
            f'<span class="gm-meta">time slider: {dated} dated mention{plural}, a circle per '
            "place and day, size: that day&#39;s mentions</span>"
        )
        note = (
            f"; {undated} undated mention{'s' if undated != 1 else ''} only there"
            if undated
            else ""
        )
        lines.append(
            f'<span class="gm-meta">all dates at once: tick a type in the layer list{note}</span>'
        )
    return "<br>".join(lines)


def _add_legend(m: folium.Map, legend_html: str) -> None:
    """The legend control, the GeoNames credit and the popup, legend and cluster styles."""
    m.add_child(
        _Script(
            "Extras",
            _POPUP_STYLE,
            _LEGEND_SCRIPT,
            credit=_js(GEONAMES_ATTRIBUTION),
            legend=_js(legend_html),
        )
    )


# --- data ---------------------------------------------------------------------------------


def _as_frame(data: Any, min_confidence: float) -> gpd.GeoDataFrame:
    if isinstance(data, gpd.GeoDataFrame):
        # role/role_p came with the linker: frames saved before it still map.
        missing = [c for c in SCHEMA if c not in data.columns and c not in ("role", "role_p")]
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


PointKey = tuple[str, str, float, float]


def _by_point(records: Iterable[Row]) -> list[tuple[PointKey, list[Row]]]:
    """Rows grouped by (layer, place, point): the layer is the event type where the place is
    the event's location, else "mentioned"; layers in legend order, rows best first."""
    groups: dict[PointKey, list[Row]] = {}
    for row in records:
        key = (_layer_of(row), row["place_id"] or "", row["_lat"], row["_lon"])
        groups.setdefault(key, []).append(row)
    for rows in groups.values():
        rows.sort(key=_row_order)
    return sorted(groups.items(), key=lambda kv: (_type_order(kv[0][0]), kv[0]))


def _renumber(root: Element) -> None:
    """Replace folium's random element ids with sequential ones: same input, same HTML."""
    stack, n = [root], 0
    while stack:
        el = stack.pop(0)
        el._id = f"{n:08x}"
        n += 1
        stack.extend(el._children.values())


# --- layers -------------------------------------------------------------------------------


def _type_layer(event_type: str, clustered: bool, show: bool) -> MacroElement:
    label = f'<span style="color:{_color(event_type)}">&#9679;</span> {escape(event_type)}'
    if not clustered:
        return folium.FeatureGroup(name=label, show=show)
    layer = plugins.MarkerCluster(name=label, show=show, icon_create_function=_CLUSTER_ICON)
    layer.default_js, layer.default_css = _CLUSTER_JS, _CLUSTER_CSS
    return layer


def _add_type_layers(
    m: folium.Map,
    groups: list[tuple[PointKey, list[Row]]],
    clustered: bool,
    show: bool,
    mentioned: bool = False,
) -> dict[str, int]:
    """One toggleable layer per event type, a circle per place; returns mentions per type.
    The "mentioned" layer starts hidden unless ``mentioned``."""
    layers: dict[str, MacroElement] = {}
    type_counts: dict[str, int] = {}
    for (event_type, _, lat, lon), rows in groups:
        if event_type not in layers:
            # Places that are only mentioned (origins, bases, sources) start hidden.
            visible = show and (mentioned or event_type != MENTIONED)
            layers[event_type] = _type_layer(event_type, clustered, visible).add_to(m)
        marker = folium.CircleMarker(location=[lat, lon], **_circle_style(event_type, rows))
        marker.add_child(_Bind(_popup_html(rows), _tooltip_html(rows)))
        marker.add_to(layers[event_type])
        type_counts[event_type] = type_counts.get(event_type, 0) + len(rows)
    return type_counts


def _add_heatmap(m: folium.Map, groups: list[tuple[PointKey, list[Row]]]) -> None:
    heat = [[lat, lon, float(len(rows))] for (_, _, lat, lon), rows in groups]
    if heat:
        plugins.HeatMap(heat, name="Heat map", radius=22, blur=15, min_opacity=0.3).add_to(m)


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


def _slider_features(records: Iterable[Row]) -> list[dict[str, Any]]:
    """One GeoJSON point per day, event type and place: the file grows with places x days.

    >>> import datetime as dt
    >>> row = {"event_type": "shelling", "place_id": "geonames:169388", "_lat": 35.93,
    ...        "_lon": 36.63, "date": dt.date(2024, 3, 1), "confidence": 0.9, "doc_id": "d",
    ...        "start": 0, "name": "Idlib", "country_code": "SY", "sentence": "Idlib.",
    ...        "mention": "Idlib", "precision": None, "uncertainty_km": None, "counts": None,
    ...        "qualifier": None}
    >>> features = _slider_features([row, dict(row, start=9)])
    >>> len(features), features[0]["properties"]["time"], features[0]["properties"]["tooltip"]
    (1, '2024-03-01', '<b>Idlib</b> (SY) &middot; shelling &times; 2 on 2024-03-01')
    """
    by_day: dict[str, list[Row]] = {}
    for row in records:
        if row["date"] is not None:
            by_day.setdefault(row["date"].strftime("%Y-%m-%d"), []).append(row)
    features = []
    for day in sorted(by_day):
        for (event_type, _, lat, lon), rows in _by_point(by_day[day]):
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "time": day,
                        "popup": _popup_html(rows, _MAX_SLIDER_MENTIONS, day),
                        "tooltip": f"{_tooltip_html(rows)} on {day}",
                        "icon": "circle",
                        "iconstyle": _circle_style(event_type, rows),
                    },
                }
            )
    return features


def _add_time_slider(m: folium.Map, records: list[Row]) -> None:
    collection = {"type": "FeatureCollection", "features": _slider_features(records)}
    slider = plugins.TimestampedGeoJson(
        collection,
        period="P1D",
        auto_play=False,
        loop=False,
        add_last_point=False,
        date_options="YYYY-MM-DD",
    )
    # Compact JSON (folium indents it), and no "</" that could close the script.
    slider.data = _script_safe(json.dumps(collection, separators=(",", ":")))
    # Neither the plugin nor folium's template for it uses jQuery, jQuery UI or highlight.js.
    _keep_assets(
        slider, js=["iso8601", "leaflet.timedimension", "moment"], css=["leaflet.timedimension_css"]
    )
    # Its buttons use an icon font from a third CDN host; plain characters need no font.
    m.get_root().header.add_child(Element(_SLIDER_BUTTONS_CSS), name="gm_slider_buttons")
    slider.add_to(m)


def make_map(
    data: gpd.GeoDataFrame | Document | Iterable[Document],
    *,
    heatmap: bool = False,
    time_slider: bool = False,
    cluster: bool | None = None,
    offline: bool = False,
    tiles: str | None = "auto",
    basemap: bool = True,
    min_confidence: float = 0.0,
    mentioned: bool = False,
) -> folium.Map:
    """A Folium map with one circle per place and event type.

    Circles are coloured by event type (:data:`EVENT_COLORS`), one toggleable layer per
    type, sized by the number of mentions, dashed when the best mention's confidence is
    below :data:`LOW_CONFIDENCE`; clustered above :data:`CLUSTER_THRESHOLD` circles
    unless ``cluster`` says otherwise. ``tiles="auto"`` means OpenStreetMap, or no tiles
    when ``offline``; ``tiles=None`` never loads tiles. ``basemap`` draws the shipped
    Natural Earth land, borders and country names (about 0.5 MB of the page) under the
    tiles, so the map shows where things are without them; a map with tiles says so in one
    line when they cannot load. The page loads only Leaflet and the plugins it uses, which
    :func:`save_offline` can inline. ``time_slider`` adds a slider with
    a circle per place and day; with no dated mention it warns (:class:`MapWarning`).
    Places that are not where an event happened (origins, bases, datelines: see
    ``Mention.activity.role``) go to a grey "mentioned" layer, hidden at first unless
    ``mentioned``.

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
    # Folium's defaults add Bootstrap, jQuery, Font Awesome and awesome-markers: unused.
    _keep_assets(m, js=["leaflet"], css=["leaflet_css"])
    if basemap:
        _add_basemap(m)
    if tiles is not None:
        _add_tile_notice(m, basemap)

    records = _records(gdf)
    groups = _by_point(records)
    clustered = len(groups) > CLUSTER_THRESHOLD if cluster is None else cluster
    dated = sum(r["date"] is not None for r in records)
    slider = time_slider and dated > 0
    if time_slider and not slider:
        warnings.warn(
            MapWarning("time_slider", "no mention has a date; no slider added"), stacklevel=2
        )

    # With a slider the per-type layers start hidden, so no point is drawn twice.
    type_counts = _add_type_layers(m, groups, clustered, show=not slider, mentioned=mentioned)
    if heatmap:
        _add_heatmap(m, groups)
    if slider:
        _add_time_slider(m, records)
    low = any(float(rows[0]["confidence"]) < LOW_CONFIDENCE for _, rows in groups)
    counts = (dated, len(records) - dated) if slider else None
    _add_legend(m, _legend_html(type_counts, low, clustered and bool(groups), counts))
    if groups:  # an empty layer list would be an empty box
        folium.LayerControl(collapsed=False).add_to(m)
    if len(gdf):
        b = gdf.total_bounds  # minx, miny, maxx, maxy
        m.fit_bounds([[b[1], b[0]], [b[3], b[2]]], padding=(30, 30), max_zoom=10)
    _renumber(m.get_root())
    return m


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


def _package(rel: str) -> str:
    """The npm package of a node_modules path ("@scope/name/..." keeps its scope)."""
    parts = rel.split("/")
    return "/".join(parts[:2]) if rel.startswith("@") else parts[0]


def _find_asset(url: str, root: Path | None) -> Path | None:
    """The local copy of ``url`` under ``root`` (or in an xstatic package), if there is one."""
    rel = _npm_path(url)
    # A CDN may minify on the fly (".min.js") where the package ships only the source.
    options = [rel, rel.replace(".min.", ".")] if ".min." in rel else [rel]
    for option in options:
        path = root / option if root is not None else _xstatic_file(option)
        if path is not None and path.is_file():
            return path
    return None


def _missing_error(missing: list[str], root: Path | None) -> FileNotFoundError:
    """One error naming every missing file and one command that installs them all."""
    packages = sorted({_package(rel) for rel in missing})
    specs = " ".join(f"{p}@{_NPM_VERSIONS[p]}" if p in _NPM_VERSIONS else p for p in packages)
    where = f"under {root}" if root is not None else "in an installed xstatic package"
    return FileNotFoundError(
        f"offline map needs {len(missing)} file(s) not found {where}: {', '.join(missing)}. "
        f"Install them with `npm install --prefix DIR {specs}` and pass "
        "asset_dir='DIR/node_modules'"
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
    naming every missing file and the npm packages to install.

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

    # Every file first, so one error lists all that are missing.
    found: dict[str, Path] = {}
    missing: list[str] = []
    for match in _REMOTE_TAG.finditer(html_text):
        url = match.group("js") or match.group("css")
        if match.group("css") and "stylesheet" not in match.group(0).lower():
            continue
        path = _find_asset(url, root)
        if path is not None:
            found[url] = path
        elif _npm_path(url) not in missing:
            missing.append(_npm_path(url))
    if missing:
        raise _missing_error(missing, root)

    def repl(match: re.Match[str]) -> str:
        if match.group("css") and "stylesheet" not in match.group(0).lower():
            return ""  # a remote non-stylesheet <link> (icon, preload): drop, never fetch
        path = found[match.group("js") or match.group("css")]
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
