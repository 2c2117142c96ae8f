"""The map on a page: st_folium with our base map, a swappable layer and click handling.

The base map stays mounted across reruns while its HTML is unchanged; what changes with
the filters goes into `dynamic` (st_folium's feature_group_to_add). Only the clicked
tooltip is returned, so panning and zooming never rerun the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

from services.assets import missing_assets
from services.map.base import layer_control
from services.map.jsbridge import parse_clicked
from services.texts import ui
from ui import state

_RETURNED = ["last_object_clicked_tooltip", "last_object_clicked_count"]
FALLBACK_HEIGHT = 560


def _with_frontend_defaults(component: Callable[..., Any]) -> Callable[..., Any]:
    """st_folium's component with the initial value its frontend really reports.

    st_folium (0.27.4) declares `last_object_clicked_count: None` as the initial value, but
    its frontend starts counting at 0 and reports the value after the map's first move
    (fitBounds): the values differ, so every page view ran the whole script twice. With 0
    as the declared value the first report equals it and is not sent.
    """
    def component_call(*args: Any, default: Any = None, **kwargs: Any) -> Any:
        if isinstance(default, dict) and default.get("last_object_clicked_count", 0) is None:
            default = default | {"last_object_clicked_count": 0}
        return component(*args, default=default, **kwargs)

    component_call.wrapped = component  # type: ignore[attr-defined]
    return component_call


if not hasattr(streamlit_folium._component_func, "wrapped"):  # once per process
    streamlit_folium._component_func = _with_frontend_defaults(streamlit_folium._component_func)


def _last_click_key(key: str) -> str:
    return f"_last_click_{key}"


def _remember_click(key: str, result: dict | None) -> None:
    """Turn a new click on the map into the page's selection."""
    result = result or {}
    click = (result.get("last_object_clicked_count"), result.get("last_object_clicked_tooltip"))
    if click[1] is None:
        st.session_state[_last_click_key(key)] = None
        return
    if click == st.session_state.get(_last_click_key(key)):
        return
    st.session_state[_last_click_key(key)] = click
    chosen = parse_clicked(click[1])
    if chosen:
        state.select(chosen)
        st.rerun()


def assets_ready() -> bool:
    """False (with a German hint how to fix it) when the map's own JS/CSS are missing."""
    missing = missing_assets()
    if missing:
        st.error(ui.MAP_ASSETS_MISSING.format(files=", ".join(p.name for p in missing)))
    return not missing


def map_frame(
    base: folium.Map, dynamic: list[folium.FeatureGroup], key: str, height: int = FALLBACK_HEIGHT
) -> None:
    """Draw the map; a click on one of our items selects it (and reruns the page).

    `height` is only the frame's first size: static/page.css sizes the frame to the window
    (what is left below the controls), and the map fills its frame.
    """
    result = st_folium(
        base, key=key, height=height, use_container_width=True,
        feature_group_to_add=dynamic, layer_control=layer_control(),
        returned_objects=_RETURNED,
    )
    _remember_click(key, result)
