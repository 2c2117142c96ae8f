"""The bridge from Python to static/quartiersatlas.js: JSON safe to embed in a script, an
element that calls `QA.<function>(parent, data)`, and the click references in tooltips.

Layers are not built from folium's per-feature classes: each is one small element with
compact JSON, which keeps 10,000 offers cheap to rebuild on every rerun and lets the JS
escape all text (folium escapes nothing).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

import folium
from branca.element import Element

from services.selection import Selection

# The tooltip's hidden marker "⟦o:id⟧" at its end; the JS URI-encodes the id
# (encodeURIComponent), so the brackets cannot occur inside. Selection reads the reference.
_CLICK_REF = re.compile(r"\u27e6([^\u27e6\u27e7]+)\u27e7\s*$")

# "</script>" in data must not end the script; U+2028/9 end JS lines in old engines.
# "_" too: streamlit-folium rewrites `_[a-z0-9]+` names across the whole script.
_JS_ESCAPES = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("_", "\\u005f"),
)


def js_json(data: Any) -> str:
    """Compact JSON that is safe to embed in a <script> and in eval'd JS.

    These characters can only occur inside JSON strings, where \\uXXXX means the same.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, replacement in _JS_ESCAPES:
        text = text.replace(char, replacement)
    return text


class _RawScript(Element):
    """Script text as is. branca would compile it as a Jinja template: "{{ 7*7 }}" in a
    name would run on the server, "{%" crash the page, and lexing 1 MB takes 50 ms."""

    def __init__(self, script: str):
        super().__init__()
        self.script = script

    def render(self, **kwargs: Any) -> str:
        return self.script


class QaCall(folium.MacroElement):
    """Calls `QA.<function>(parent, data)` of static/quartiersatlas.js."""

    _template = folium.template.Template(
        "{% macro script(this, kwargs) %}"
        "QA.{{ this.function }}({{ this._parent.get_name() }}, {{ this.payload }});"
        "{% endmacro %}"
    )

    def __init__(self, function: str, data: Any):
        super().__init__()
        self._name = "QaCall"
        self.function = function
        self.payload = js_json(data)  # once: streamlit-folium renders the macro twice

    def render(self, **kwargs: Any) -> None:
        """What MacroElement.render does for a script-only template, minus the Jinja pass."""
        script = self._template.module.script(self, kwargs)
        self.get_root().script.add_child(_RawScript(script), name=self.get_name())


class QaDataCall(QaCall):
    """Calls `QA.<function>(parent, {"element": id, ...})` of static/quartiersatlas.js, with
    large data in the page's HTML as an inert `<script type="application/json" id=id>`.

    streamlit-folium reworks the map's script on every rerun (dedent, regex renames, hash:
    ~0.6 s for the 3.6 MB of 50,000 offers) but passes the HTML through one cheap pass; the
    frontend inserts both only when it mounts the map. `data_json` is js_json text (no "<").
    """

    def __init__(self, function: str, element_id: str, data_json: str, options: dict[str, Any]):
        super().__init__(function, {"element": element_id} | options)
        self.element_id = element_id
        self.data_json = data_json

    def render(self, **kwargs: Any) -> None:
        tag = f'\n<script type="application/json" id="{self.element_id}">{self.data_json}</script>\n'
        self.get_root().html.add_child(_RawScript(tag), name=f"{self.get_name()}_data")
        super().render(**kwargs)


def qa_layer(name: str, function: str, data: Any) -> folium.FeatureGroup:
    """A named overlay (shown in the layer control) drawn by one QA function."""
    group = folium.FeatureGroup(name=name)
    group.add_child(QaCall(function, data))
    return group


def parse_clicked(tooltip_text: str | None) -> Selection | None:
    """The selection of st_folium's last_object_clicked_tooltip (None: not one of ours)."""
    match = _CLICK_REF.search(tooltip_text or "")
    return Selection.parse(unquote(match[1])) if match else None
