"""Building folium maps from composable layers (base, districts, labels, offices, offers,
legend, notice) that call functions of static/quartiersatlas.js with compact JSON.

- jsbridge.py: safe JSON for scripts, the `QaCall` element, click references
- layers.py: one function per layer; each returns a folium element to add to a map
- base.py: the local map (own JS/CSS, no CDN) and `build_base_map`, the map page's composition
"""
