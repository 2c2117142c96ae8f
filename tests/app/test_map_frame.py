import streamlit_folium

from ui.components import map_frame


def test_st_folium_declares_the_click_count_its_frontend_reports():
    calls = []
    component = map_frame._with_frontend_defaults(lambda **kwargs: calls.append(kwargs))
    component(default={"last_object_clicked_count": None, "last_object_clicked_tooltip": None},
              key="karte")
    component(default=None, key="other")  # no returned objects: nothing to adjust
    assert calls == [
        {"default": {"last_object_clicked_count": 0, "last_object_clicked_tooltip": None},
         "key": "karte"},
        {"default": None, "key": "other"},
    ]
    assert streamlit_folium._component_func.wrapped  # installed when the page imports it
