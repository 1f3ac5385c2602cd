// The map of events and bases: a bundled Natural Earth outline (world-atlas, countries-110m) drawn by
// Leaflet under circle markers loaded from the JSON API. Online tiles only when the server was started
// with them (data-tiles), and even then off until chosen in the layer control.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var status = document.getElementById("map-status");
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.setView([20, 20], 2);
  map.attributionControl.setPrefix("");
  var outline = L.layerGroup().addTo(map);
  var layers = { "Outline (offline)": outline };
  if (el.dataset.tiles) {
    layers["Online tiles"] = L.tileLayer(el.dataset.tiles, {
      maxZoom: 18, attribution: el.dataset.tilesAttribution || ""
    });
  }
  var events = L.layerGroup().addTo(map);
  var bases = L.layerGroup().addTo(map);
  L.control.layers(layers, { "Events": events, "Bases": bases }, { collapsed: false }).addTo(map);

  fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    // Antarctica's ring runs along the antimeridian and would draw a line across the map's foot
    land.features = land.features.filter(function (f) { return f.id !== "010"; });
    L.geoJSON(land, { interactive: false, style: { color: "#8a8a8a", weight: 0.6, fillColor: "#f1efe8", fillOpacity: 1 } })
      .addTo(outline);
    outline.eachLayer(function (l) { if (l.bringToBack) { l.bringToBack(); } });
  });

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;  // never innerHTML: names and places come from untrusted articles
    if (cls) { node.className = cls; }
    return node;
  }

  function eventPopup(p) {
    var box = document.createElement("div");
    box.appendChild(text("strong", (p.sub_type || p.event_type || "event").replace(/_/g, " ")));
    box.appendChild(text("div", [p.date || "undated", [p.place, p.country].filter(Boolean).join(", ")].join(" · ")));
    if (p.perpetrators && p.perpetrators.length) { box.appendChild(text("div", "by " + p.perpetrators.join(", "))); }
    var tolls = [];
    if (p.killed != null) { tolls.push(p.killed + " killed"); }
    if (p.injured != null) { tolls.push(p.injured + " injured"); }
    if (tolls.length) { box.appendChild(text("div", tolls.join(", "))); }
    return box;
  }

  function basePopup(p) {
    var box = document.createElement("div");
    var a = text("a", p.group);
    a.href = "/groups/" + encodeURIComponent(p.group_id);
    box.appendChild(a);
    box.appendChild(text("div", "based in " + [p.place, p.country].filter(Boolean).join(", ")));
    box.appendChild(text("div", p.statements + " statement(s), " + p.documents + " document(s)"));
    return box;
  }

  fetch(el.dataset.api, { headers: { "Accept": "application/json" } }).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (data) {
    var bounds = [];
    var nEvents = 0, nBases = 0;
    data.features.forEach(function (f) {
      var c = f.geometry.coordinates, p = f.properties, ll = [c[1], c[0]];
      bounds.push(ll);
      if (p.kind === "base") {
        nBases += 1;
        L.circleMarker(ll, { radius: 7, className: "marker marker-base", color: "#1f4e79", weight: 2, fillColor: "#6fa8dc", fillOpacity: 0.8 })
          .bindPopup(basePopup(p)).addTo(bases);
      } else {
        nEvents += 1;
        var r = 4 + Math.min(10, Math.sqrt(p.killed || 0));
        L.circleMarker(ll, { radius: r, className: "marker marker-event", color: "#8b1a1a", weight: 1, fillColor: "#e06666", fillOpacity: 0.7 })
          .bindPopup(eventPopup(p)).addTo(events);
      }
    });
    if (bounds.length && el.dataset.fit) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 }); }
    el.dataset.markers = String(nEvents + nBases);
    if (status) {
      status.textContent = nEvents + " of " + data.events_total + " located events and " + nBases + " bases shown.";
    }
  }).catch(function (err) {
    el.dataset.markers = "error";
    if (status) { status.textContent = "Could not load the map data: " + err.message; }
  });
}());
