// The network of groups: nodes from /api/network, edges coloured by relation; click a group to open it.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || !window.cytoscape) { return; }
  var status = document.getElementById("network-status");
  var COLOURS = { linked_to: "#2e7d32", opposes: "#c62828", part_of: "#1565c0", split_from: "#ef6c00" };

  fetch(el.dataset.api, { headers: { "Accept": "application/json" } }).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (data) {
    var elements = data.nodes.map(function (n) {
      return { group: "nodes", data: { id: n.id, label: n.name, type: n.type } };
    }).concat(data.edges.map(function (e) {
      return { group: "edges", data: { id: e.id, source: e.source, target: e.target, relation: e.relation,
                                       colour: COLOURS[e.relation] || "#777", width: 1 + Math.min(6, Math.log2(1 + e.statements)) } };
    }));
    var cy = cytoscape({
      container: el,
      elements: elements,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11, "background-color": "#546e7a",
                                     "width": 18, "height": 18, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                     "target-arrow-shape": "triangle", "curve-style": "bezier", "width": "data(width)" } }
      ],
      layout: { name: data.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false, nodeRepulsion: 9000 }
    });
    cy.on("tap", "node", function (evt) {
      window.location.assign("/groups/" + encodeURIComponent(evt.target.id()));
    });
    window.dossierNetwork = cy;  // for the browser tests and the console
    el.dataset.nodes = String(cy.nodes().length);
    if (status) { status.textContent = data.nodes.length + " groups, " + data.edges.length + " links."; }
  }).catch(function (err) {
    el.dataset.nodes = "error";
    if (status) { status.textContent = "Could not load the network: " + err.message; }
  });
}());
