/*
 * Quartiersatlas Bottrop: the map's layers, drawn from compact JSON that
 * services/map/layers.py sends. No German text and no data live here.
 *
 * Security: Leaflet parses tooltip strings and divIcon html as HTML, so every data
 * string that goes into one passes through QA.esc; legend and notice set textContent.
 * Clickable items end their tooltip with a hidden marker "⟦kind:id⟧" (id URI-encoded),
 * which streamlit-folium reports as the clicked tooltip's text (map/jsbridge.parse_clicked).
 */
(function () {
  "use strict";

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };
  var CHUNKED_FROM = 3000;
  // A ring above every marker and cluster; clicks pass through it (CSS pointer-events).
  var HIGHLIGHT_ICON = { className: "qa-highlight", iconSize: [46, 46] };
  var DISTRICT_STYLE = { color: "#555555", weight: 1, fillOpacity: 0.7 };
  var DISTRICT_HOVER = { color: "#222222", weight: 3 };
  var LABEL_GAP = 2;  // px kept free between two shown district labels
  // Panes above Leaflet's markerPane (600) and below its tooltipPane (650): district names
  // over clusters (they take no clicks), Quartiersbüros over both.
  var LABEL_PANE = ["qa-labels", 620];
  var OFFICE_PANE = ["qa-offices", 640];
  var GROUP_PANE = ["qa-groups", 650];  // status × dynamics groups: never under a symbol
  var OFFICE_GAP = 30;  // px between the centres of offices spread apart
  var OUTLINE_STYLE = { color: "#111111", weight: 4, fill: false, interactive: false, className: "qa-outline" };
  var OUTLINE_HALO = { color: "#ffffff", weight: 8, opacity: 0.9, fill: false, interactive: false, className: "qa-outline" };
  var OUTLINE_PADDING = [30, 30];
  var NARROW_MAP = 500;  // px: below this width the legend starts folded

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"'`]/g, function (c) {
      return ESCAPES[c];
    });
  }

  // The click marker "⟦o:id⟧" read by services/map/jsbridge.parse_clicked. The letters
  // ("o" offer, "b" office, "d" district) mirror services/selection.PREFIX_OF_KIND.
  function ref(kind, id) {
    return '<span class="qa-ref" hidden>\u27e6' + kind + ":" +
      esc(encodeURIComponent(id)) + "\u27e7</span>";
  }

  // Data text escaped and isolated (<bdi>): a direction override (U+202E) in a name
  // cannot reorder the tooltip's other lines ("Demo-Eintrag", "nicht geprüft").
  function plain(value) {
    return "<bdi>" + esc(value) + "</bdi>";
  }

  function tipLines(title, details) {
    var lines = details.filter(Boolean).map(function (d) { return "<br>" + plain(d); });
    return "<strong>" + plain(title) + "</strong>" + lines.join("");
  }

  // Title in bold, one line per detail, then the click marker; all data escaped.
  function tip(title, details, kind, id) {
    return tipLines(title, details) + ref(kind, id);
  }

  function textEl(parent, tag, className, text) {
    var el = L.DomUtil.create(tag, className, parent);
    el.textContent = text;
    return el;
  }

  // A control on the map; given a layer group instead (a layer swapped by st_folium's
  // feature_group_to_add), it comes and goes with that group.
  function control(target, position, build) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function (map) {
      var box = build(map);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    if (target instanceof L.Map) { return ctl.addTo(target); }
    target.addLayer(new ControlLayer(ctl));
    return ctl;
  }

  var ControlLayer = L.Layer.extend({
    initialize: function (ctl) { this._control = ctl; },
    onAdd: function (map) { this._control.addTo(map); },
    onRemove: function () { this._control.remove(); }
  });

  // A layer group whose layers are drawn in a pane of its own, created on first use.
  var PaneGroup = L.LayerGroup.extend({
    initialize: function (pane, layers) {
      this._pane = pane;
      L.LayerGroup.prototype.initialize.call(this, layers);
    },
    onAdd: function (map) {
      if (!map.getPane(this._pane[0])) { map.createPane(this._pane[0]).style.zIndex = this._pane[1]; }
      L.LayerGroup.prototype.onAdd.call(this, map);
    }
  });

  // data.rows: [id, name, fill colour, tooltip lines, GeoJSON geometry]; data.style
  // (optional) overrides the outline, e.g. a thick frame around a highlighted district.
  function addDistricts(target, data) {
    var style = L.extend({}, DISTRICT_STYLE, data.style || {});
    var layer = L.geoJSON(null, {
      style: function (f) { return L.extend({ fillColor: f.properties.colour }, style); },
      onEachFeature: function (f, item) {
        var p = f.properties;
        item.bindTooltip(tip(p.name, p.lines, "d", p.id), { sticky: true });
        item.on("mouseover", function () { item.setStyle(DISTRICT_HOVER); item.bringToFront(); });
        item.on("mouseout", function () { layer.resetStyle(item); });
      }
    });
    data.rows.forEach(function (r) {
      layer.addData({
        type: "Feature",
        properties: { id: r[0], name: r[1], colour: r[2], lines: r[3] },
        geometry: r[4]
      });
    });
    target.addLayer(layer);
    return layer;
  }

  // Labels overlap where districts are small (the south, Kirchhellen). After each zoom,
  // walk them by rank and hide every one that touches a label already shown; panning
  // moves all alike, so zoom is the only change that matters. A layer inside the labels'
  // group, it is added and removed with it.
  var LabelDeclutter = L.Layer.extend({
    initialize: function (markers) { this._markers = markers; },
    onAdd: function (map) { map.on("zoomend", this._update, this); this._update(); },
    onRemove: function (map) { map.off("zoomend", this._update, this); },
    _update: function () {
      var shown = [];
      this._markers.forEach(function (marker) {
        var el = marker.getElement();
        if (!el) { return; }
        var box = el.firstChild.getBoundingClientRect();  // measurable while hidden too
        var free = !shown.some(function (other) { return overlap(box, other, LABEL_GAP); });
        el.classList.toggle("qa-label-hidden", !free);
        if (free) { shown.push(box); }
      });
    }
  });

  function overlap(a, b, gap) {
    return a.left < b.right + gap && b.left < a.right + gap &&
      a.top < b.bottom + gap && b.top < a.bottom + gap;
  }

  // data.rows: [name, lat, lon, rank] at each district's representative point; rank 0 is
  // the largest district, whose label wins a collision. data.kind "group": the status ×
  // dynamics group below the name, never hidden.
  function addDistrictLabels(group, data) {
    var groups = data.kind === "group";
    var panes = groups ? GROUP_PANE : LABEL_PANE;
    var pane = new PaneGroup(panes);
    var className = groups ? "qa-district-label qa-group-label" : "qa-district-label";
    var ranked = data.rows.map(function (r) {
      var icon = L.divIcon({ className: className, html: "<span>" + esc(r[0]) + "</span>", iconSize: null });
      var marker = L.marker([r[1], r[2]], { icon: icon, interactive: false, keyboard: false, pane: panes[0] });
      pane.addLayer(marker);
      return { marker: marker, rank: r[3] };
    }).sort(function (a, b) { return a.rank - b.rank; });
    group.addLayer(pane);
    if (groups) { return group; }
    // added last, so the markers are on the map when it first measures them
    group.addLayer(new LabelDeclutter(ranked.map(function (item) { return item.marker; })));
    return group;
  }

  // Offices closer than an icon on screen (Feuerbach- and Morianstraße at city zoom) are
  // put side by side, west to east, around their common centre after each zoom, so none
  // covers another. The selection ring of an office moves with it: `shifts` holds the
  // screen shift of each office position ("lat,lon"), and `ring` the ring shown, if any.
  var spread = { shifts: {}, ring: null };

  function positionKey(latlng) { return latlng.lat.toFixed(5) + "," + latlng.lng.toFixed(5); }

  function shiftRing() {
    var el = spread.ring && spread.ring.getElement();
    if (el) { el.style.translate = spread.shifts[positionKey(spread.ring.getLatLng())] || ""; }
  }

  var OfficeSpread = L.Layer.extend({
    initialize: function (markers) { this._markers = markers; },
    onAdd: function (map) { map.on("zoomend", this._update, this); this._update(); },
    onRemove: function (map) { map.off("zoomend", this._update, this); },
    _update: function () {
      var map = this._map;
      var groups = [];
      this._markers.forEach(function (marker) {
        var point = map.latLngToLayerPoint(marker.getLatLng());
        var member = { marker: marker, point: point };
        var near = groups.find(function (g) { return g[0].point.distanceTo(point) < OFFICE_GAP; });
        if (near) { near.push(member); } else { groups.push([member]); }
      });
      groups.forEach(function (g) {
        var centre = g.reduce(function (sum, m) { return sum.add(m.point); }, L.point(0, 0)).divideBy(g.length);
        g.sort(function (a, b) { return a.point.x - b.point.x; }).forEach(function (m, i) {
          var el = m.marker.getElement();
          if (!el) { return; }
          var dx = g.length > 1 ? centre.x + (i - (g.length - 1) / 2) * OFFICE_GAP - m.point.x : 0;
          var dy = g.length > 1 ? centre.y - m.point.y : 0;
          el.style.translate = g.length > 1 ? dx + "px " + dy + "px" : "";
          spread.shifts[positionKey(m.marker.getLatLng())] = el.style.translate;
        });
      });
      shiftRing();
    }
  });

  // data.rows: [id, name, detail line, lat, lon]
  function addOffices(group, data) {
    var icon = L.divIcon({ className: "qa-office", html: "<span>Q</span>", iconSize: [26, 26] });
    var markers = data.rows.map(function (r) {
      var marker = L.marker([r[3], r[4]], { icon: icon, pane: OFFICE_PANE[0], title: r[1] });
      return marker.bindTooltip(tip(r[1], [r[2]], "b", r[0]));
    });
    group.addLayer(new PaneGroup(OFFICE_PANE, markers));
    group.addLayer(new OfficeSpread(markers));
    return group;
  }

  // The offers' markers in one cluster, not yet on the map.
  // data.needs: [colour, symbol]; data.providers: [name]; data.clusterTip: "… {n} …";
  // data.rows: [id, name, provider index, need index, lat, lon, demo 0/1, stale 0/1]
  function offerCluster(data) {
    var icons = data.needs.map(function (n) {
      var html = '<span style="background:' + esc(n[0]) + '">' + esc(n[1]) + "</span>";
      return L.divIcon({ className: "qa-offer", html: html, iconSize: [22, 22] });
    });
    var markers = data.rows.map(function (r) {
      var marker = L.marker([r[4], r[5]], { icon: icons[r[3]] });
      var lines = [data.providers[r[2]], r[6] ? data.demoTag : "", r[7] ? data.staleTag : ""];
      return marker.bindTooltip(tip(r[1], lines, "o", r[0]));
    });
    // Chunked loading keeps the page responsive with tens of thousands of offers, but its
    // timer delays the first markers; below a few thousand one pass is faster.
    var chunked = data.rows.length > CHUNKED_FROM;
    var cluster = L.markerClusterGroup({ chunkedLoading: chunked, iconCreateFunction: clusterIcon });
    // A cluster gets a tooltip of its own: a click on it must not be reported with the
    // tooltip of the offer clicked before (streamlit-folium keeps the last one it saw).
    // Own icon instead of the plugin's green/yellow/orange discs, which blend into the
    // yellow-to-red districts; grows a little with the count.
    function clusterIcon(c) {
      var n = c.getChildCount();
      var text = esc(data.clusterTip.replace("{n}", n));
      if (c.getTooltip()) { c.setTooltipContent(text); } else { c.bindTooltip(text); }
      var size = n < 10 ? 26 : n < 100 ? 32 : 38;
      return L.divIcon({ className: "marker-cluster qa-cluster", html: "<span>" + n + "</span>",
        iconSize: [size, size] });
    }
    return { markers: markers, cluster: cluster };
  }

  // Markers must go into a cluster that is on the map: off the map, markercluster checks
  // every new marker against its whole pending list (quadratic: seconds at 50,000).
  // streamlit-folium adds a feature group to the map only after our call, hence "add".
  function whenOnMap(group, action) {
    if (group._map) { action(); } else { group.once("add", action); }
  }

  // The selected offer or office: a ring that shows even when its marker is in a cluster.
  function addRing(group, highlight) {
    spread.ring = null;
    if (highlight) {
      var ring = L.marker(highlight, { icon: L.divIcon(HIGHLIGHT_ICON), interactive: false,
        keyboard: false, zIndexOffset: 5000 });
      ring.on("add", shiftRing);
      spread.ring = ring;
      group.addLayer(ring);
    }
  }

  // All given offers, shown at once. data: as offerCluster, plus
  // data.highlight: [lat, lon] of the selected item or null
  function addOffers(group, data) {
    var built = offerCluster(data);
    group.addLayer(built.cluster);
    whenOnMap(group, function () { built.cluster.addLayers(built.markers); });
    addRing(group, data.highlight);
    return built.cluster;
  }

  // The map page keeps every offer of a data version in the base map, which stays mounted
  // while only the filters change: the markers are built once (storeOffers), and a filter
  // change sends just a bitmask of the offers to show (showOffers), applied as a diff.
  var offerStore = null;

  // The rows come from a file the app serves (data.url, fetched once per mount and cached by
  // the browser) or, where the app could not write one, from an inert
  // <script type="application/json" id=data.element> in the page.
  function loadOffers(data, done, fail) {
    if (data.element) {
      done(JSON.parse(document.getElementById(data.element).textContent));
      return;
    }
    fetch(data.url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(done).catch(fail);
  }

  // data: {url or element: where the rows are (what offerCluster takes), key: the rows'
  // content hash, failed: the German notice shown when they cannot be loaded}
  function storeOffers(map, data) {
    var store = offerStore = { key: data.key, markers: null, cluster: null, shown: null,
      group: null, mask: null };
    loadOffers(data, function (rows) {
      var built = offerCluster(rows);
      store.markers = built.markers;
      store.cluster = built.cluster;
      store.shown = new Uint8Array(built.markers.length);
      if (store.group) { attach(store); }
    }, function (error) {
      console.error("QA.storeOffers:", error);
      addNotice(map, data.failed);
    });
    return map;
  }

  // Bit i of the base64 text (little-endian within each byte) says whether row i is shown.
  function decodeMask(text, n) {
    var bytes = atob(text);
    var wanted = new Uint8Array(n);
    for (var i = 0; i < n; i++) { wanted[i] = (bytes.charCodeAt(i >> 3) >> (i & 7)) & 1; }
    return wanted;
  }

  function applyMask(store, wanted) {
    var add = [], remove = [], count = 0;
    for (var i = 0; i < wanted.length; i++) {
      count += wanted[i];
      if (wanted[i] && !store.shown[i]) { add.push(store.markers[i]); }
      if (!wanted[i] && store.shown[i]) { remove.push(store.markers[i]); }
    }
    if (add.length + remove.length > count) {  // a large change: refilling is cheaper
      store.cluster.clearLayers();
      add = store.markers.filter(function (marker, j) { return wanted[j]; });
    } else if (remove.length) {
      store.cluster.removeLayers(remove);
    }
    store.cluster.addLayers(add);
    store.shown = wanted;
  }

  // The loaded cluster into the group of the latest showOffers, filtered by its mask.
  function attach(store) {
    var group = store.group, mask = store.mask;
    group.addLayer(store.cluster);
    whenOnMap(group, function () {
      if (store.group === group) { applyMask(store, decodeMask(mask, store.markers.length)); }
    });
  }

  // data: {key, mask: base64 bitmask over the stored rows, highlight: [lat, lon] | null}
  // Before the rows have arrived only the mask is kept: storeOffers attaches the cluster.
  function showOffers(group, data) {
    var store = offerStore;
    if (!store || store.key !== data.key) {  // both come from one page run
      throw new Error("QA.showOffers: no offers stored under " + data.key);
    }
    // The previous group is off the map already; detach it, or clicks would bubble to it.
    if (store.group && store.cluster) { store.group.removeLayer(store.cluster); }
    store.group = group;
    store.mask = data.mask;
    if (store.cluster) { attach(store); }
    addRing(group, data.highlight);
    return group;
  }

  // data: {title, lines: [text], classes: [[colour, label]], noData: [colour, label],
  //        source: [short, full]}
  // Top left, under the zoom buttons: north-west of Bottrop the map is empty, while the
  // bottom right would hide the dense south. Each text is one line; what does not fit is
  // cut (CSS) and shows in full on hover.
  // A <details>: folded to its title on narrow maps (phones), where it would cover the city.
  function addLegend(target, data) {
    return control(target, data.corner || "topleft", function (map) {
      var box = L.DomUtil.create("details", "qa-legend");
      box.open = map.getSize().x >= NARROW_MAP;
      textEl(box, "summary", "qa-legend-title", data.title);
      data.lines.forEach(function (line) { textEl(box, "div", "qa-legend-line", line).title = line; });
      data.classes.concat([data.noData]).forEach(function (c) {
        var row = L.DomUtil.create("div", "qa-legend-class", box);
        L.DomUtil.create("span", "qa-legend-swatch", row).style.background = c[0];
        textEl(row, "span", "qa-legend-label", c[1]);
      });
      textEl(box, "div", "qa-legend-line qa-legend-source", data.source[0]).title = data.source[1];
      return box;
    });
  }

  // Bottom left, above the scale bar (a bottom corner stacks later controls on top):
  // there it covers no district.
  function addNotice(target, text) {
    return control(target, "bottomleft", function () {
      return textEl(null, "div", "qa-notice", text);
    });
  }

  // The selected districts outlined (white halo, dark line); the map zooms to them when the
  // choice changes, not when only another layer (indicator, year, filters) is redrawn.
  // data: {key, rows: [GeoJSON geometry]}
  var lastFitted = null;
  function outlineDistricts(group, data) {
    var halo = L.geoJSON(null, { style: OUTLINE_HALO });
    var line = L.geoJSON(null, { style: OUTLINE_STYLE });
    data.rows.forEach(function (g) { halo.addData(g); line.addData(g); });
    group.addLayer(halo).addLayer(line);
    if (data.key !== lastFitted) {
      lastFitted = data.key;
      var fit = function () {
        if (data.rows.length) { group._map.flyToBounds(line.getBounds(), { padding: OUTLINE_PADDING, duration: 0.5 }); }
      };
      if (group._map) { fit(); } else { group.once("add", fit); }
      if (data.rows.length && group._map) { group._map._qaKeepView = true; }
    }
    return group;
  }

  // Moves a tooltip back inside the map where it would stick out (CSS translate, which adds
  // to Leaflet's own transform and direction margins).
  function keepInside(tooltip) {
    var el = tooltip.getElement();
    var map = tooltip._map;
    if (!el || !map) { return; }
    el.style.translate = "";
    var box = el.getBoundingClientRect();
    var frame = map.getContainer().getBoundingClientRect();
    var dx = Math.max(0, frame.left - box.left) - Math.max(0, box.right - frame.right);
    var dy = Math.max(0, frame.top - box.top) - Math.max(0, box.bottom - frame.bottom);
    if (dx || dy) { el.style.translate = dx + "px " + dy + "px"; }
  }

  // The page sizes the map's frame to the window (static/page.css), and our CSS that makes
  // the map fill it may arrive after the map was drawn: whenever the frame's size changes,
  // Leaflet is told, and until the user moves the map it shows the whole city again.
  function followFrameSize(map, bounds, padding) {
    var container = map.getContainer();
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      container.addEventListener(type, function () { map._qaKeepView = true; }, { passive: true });
    });
    function fit() {
      if (!map._qaKeepView) { map.fitBounds(bounds, { padding: padding, animate: false }); }
    }
    new ResizeObserver(function () {
      map.invalidateSize({ pan: false });
      // a zoom animation under way (the first fitBounds) would swallow the new view
      if (map._animatingZoom) { map.once("zoomend", fit); } else { fit(); }
    }).observe(container);
  }

  // German for everything Leaflet itself says, a metric scale, lang="de" on the map's
  // document, tooltips kept inside the map, the map following its frame's size.
  // data: {lang, zoomIn, zoomOut, layers, attribution, bounds, padding}
  function localise(map, data) {
    document.documentElement.lang = data.lang;
    followFrameSize(map, data.bounds, data.padding);
    var zoom = map.zoomControl;
    if (zoom) {
      [[zoom._zoomInButton, data.zoomIn], [zoom._zoomOutButton, data.zoomOut]].forEach(function (b) {
        b[0].title = b[1];
        b[0].setAttribute("aria-label", b[1]);
      });
    }
    L.control.scale({ imperial: false }).addTo(map);
    if (map.attributionControl) { map.attributionControl.setPrefix(esc(data.attribution)); }
    if (L.Control.Layers.prototype._qaLocalised) { return map; }  // patch the classes once
    L.Control.Layers.prototype._qaLocalised = true;
    var initLayout = L.Control.Layers.prototype._initLayout;
    L.Control.Layers.include({
      _initLayout: function () {
        // on a phone the open list would cover the district names: folded to its button
        if (this._map && this._map.getSize().x < NARROW_MAP) { this.options.collapsed = true; }
        initLayout.call(this);
        this._layersLink.title = data.layers;
        this._layersLink.setAttribute("aria-label", data.layers);
        this._section.setAttribute("aria-label", data.layers);
      }
    });
    var setPosition = L.Tooltip.prototype._setPosition;
    L.Tooltip.include({
      _setPosition: function (pos) { setPosition.call(this, pos); keepInside(this); }
    });
    return map;
  }


  // Round marks with a short text, tooltip without click marker (not selectable):
  // a scenario's hypothetical offers, the counts of reported needs.
  // data: {className, size, rows: [[lat, lon, text, title, [detail lines]]]}
  function addMarks(group, data) {
    data.rows.forEach(function (r) {
      var icon = L.divIcon({ className: data.className, html: "<span>" + esc(r[2]) + "</span>",
        iconSize: [data.size, data.size] });
      var marker = L.marker([r[0], r[1]], { icon: icon, zIndexOffset: 2000 });
      group.addLayer(marker.bindTooltip(tipLines(r[3], r[4])));
    });
    return group;
  }

  window.QA = {
    addMarks: addMarks,
    esc: esc,
    addDistricts: addDistricts,
    addDistrictLabels: addDistrictLabels,
    addOffices: addOffices,
    addOffers: addOffers,
    storeOffers: storeOffers,
    showOffers: showOffers,
    addLegend: addLegend,
    addNotice: addNotice,
    outlineDistricts: outlineDistricts,
    localise: localise
  };
})();
