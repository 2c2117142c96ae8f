/*
 * Quartiersatlas Bottrop: the map's layers, drawn from compact JSON that
 * services/mapview.py embeds. No German text and no data live here.
 *
 * Security: Leaflet parses tooltip strings and divIcon html as HTML, so every data
 * string that goes into one passes through QA.esc; legend and notice set textContent.
 * Clickable items end their tooltip with a hidden marker "⟦kind:id⟧" (id URI-encoded),
 * which streamlit-folium reports as the clicked tooltip's text (mapview.parse_clicked).
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

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"'`]/g, function (c) {
      return ESCAPES[c];
    });
  }

  function ref(kind, id) {
    return '<span class="qa-ref" hidden>\u27e6' + kind + ":" +
      esc(encodeURIComponent(id)) + "\u27e7</span>";
  }

  // Title in bold, one line per detail, then the click marker; all data escaped.
  function tip(title, details, kind, id) {
    var lines = details.filter(Boolean).map(function (d) { return "<br>" + esc(d); });
    return "<strong>" + esc(title) + "</strong>" + lines.join("") + ref(kind, id);
  }

  function textEl(parent, tag, className, text) {
    var el = L.DomUtil.create(tag, className, parent);
    el.textContent = text;
    return el;
  }

  function control(map, position, build) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function () {
      var box = build();
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return ctl.addTo(map);
  }

  // data.rows: [id, name, fill colour, tooltip lines, GeoJSON geometry]
  function addDistricts(target, data) {
    var layer = L.geoJSON(null, {
      style: function (f) { return L.extend({ fillColor: f.properties.colour }, DISTRICT_STYLE); },
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
  // the largest district, whose label wins a collision.
  function addDistrictLabels(group, data) {
    var ranked = data.rows.map(function (r) {
      var icon = L.divIcon({ className: "qa-district-label", html: "<span>" + esc(r[0]) + "</span>", iconSize: null });
      var marker = L.marker([r[1], r[2]], { icon: icon, interactive: false, keyboard: false, zIndexOffset: -1000 });
      group.addLayer(marker);
      return { marker: marker, rank: r[3] };
    }).sort(function (a, b) { return a.rank - b.rank; });
    // added last, so the markers are on the map when it first measures them
    group.addLayer(new LabelDeclutter(ranked.map(function (item) { return item.marker; })));
    return group;
  }

  // data.rows: [id, name, detail line, lat, lon]
  function addOffices(group, data) {
    var icon = L.divIcon({ className: "qa-office", html: "<span>Q</span>", iconSize: [26, 26] });
    data.rows.forEach(function (r) {
      var marker = L.marker([r[3], r[4]], { icon: icon, zIndexOffset: 1000 });
      group.addLayer(marker.bindTooltip(tip(r[1], [r[2]], "b", r[0])));
    });
    return group;
  }

  // data.needs: [colour, symbol]; data.providers: [name]; data.clusterTip: "… {n} …";
  // data.highlight: [lat, lon] of the selected item or null;
  // data.rows: [id, name, provider index, need index, lat, lon, demo 0/1]
  function addOffers(group, data) {
    var icons = data.needs.map(function (n) {
      var html = '<span style="background:' + esc(n[0]) + '">' + esc(n[1]) + "</span>";
      return L.divIcon({ className: "qa-offer", html: html, iconSize: [22, 22] });
    });
    var markers = data.rows.map(function (r) {
      var marker = L.marker([r[4], r[5]], { icon: icons[r[3]] });
      var lines = [data.providers[r[2]], r[6] ? data.demoTag : ""];
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
    cluster.addLayers(markers);
    group.addLayer(cluster);
    // The selected offer or office: a ring that shows even when its marker is in a cluster.
    if (data.highlight) {
      var ring = L.divIcon(HIGHLIGHT_ICON);
      group.addLayer(L.marker(data.highlight, { icon: ring, interactive: false, keyboard: false, zIndexOffset: 5000 }));
    }
    return cluster;
  }

  // data: {title, lines: [text], classes: [[colour, label]], noData: [colour, label],
  //        source: [short, full]}
  // Top left, under the zoom buttons: north-west of Bottrop the map is empty, while the
  // bottom right would hide the dense south. Each text is one line; what does not fit is
  // cut (CSS) and shows in full on hover.
  function addLegend(map, data) {
    return control(map, "topleft", function () {
      var box = L.DomUtil.create("div", "qa-legend");
      textEl(box, "div", "qa-legend-title", data.title);
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
  function addNotice(map, text) {
    return control(map, "bottomleft", function () {
      return textEl(null, "div", "qa-notice", text);
    });
  }

  // Round marks with a short text, tooltip without click marker (not selectable):
  // a scenario's hypothetical offers, the counts of reported needs.
  // data: {className, size, rows: [[lat, lon, text, title, [detail lines]]]}
  function addMarks(group, data) {
    data.rows.forEach(function (r) {
      var icon = L.divIcon({ className: data.className, html: "<span>" + esc(r[2]) + "</span>",
        iconSize: [data.size, data.size] });
      var lines = r[4].map(function (d) { return "<br>" + esc(d); }).join("");
      var marker = L.marker([r[0], r[1]], { icon: icon, zIndexOffset: 2000 });
      group.addLayer(marker.bindTooltip("<strong>" + esc(r[3]) + "</strong>" + lines));
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
    addLegend: addLegend,
    addNotice: addNotice
  };
})();
