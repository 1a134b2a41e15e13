/* graphbuild viewer: draws the JSON in #graph-data with vis-network.
 * Every string in the data comes from documents and is untrusted: the DOM is built with
 * textContent only, links are made only from validated Wikidata ids and http(s) URLs,
 * and vis-network gets no `title` (its tooltips render HTML). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = data.meta;
  var S = data.statements, N = data.nodes, E = data.edges, DOCS = data.docs;
  var FACTUAL = new Set(data.factual);
  var t0 = performance.now();

  var TYPE_COLOURS = {
    Country: "#4e79a7", Person: "#b07aa1", Organization: "#59a89c", Group: "#e3b505",
    Location: "#9c755f", Other: "#d0d0d0"
  };
  var QUADS = [
    [1, "verbal cooperation", "#7cba6d"], [2, "material cooperation", "#1b7837"],
    [3, "verbal conflict", "#f09a36"], [4, "material conflict", "#d7301f"], [0, "untyped", "#9a9a9a"]
  ];
  var QUAD_COLOUR = {}, QUAD_LABEL = {};
  QUADS.forEach(function (q) { QUAD_COLOUR[q[0]] = q[2]; QUAD_LABEL[q[0]] = q[1]; });
  var COUNTRY_PALETTE = ["#4e79a7", "#e15759", "#59a89c", "#f28e2b", "#b07aa1", "#9c755f", "#e3b505",
    "#76b7b2", "#ff9da7", "#6b8e23"];
  var NO_COUNTRY = "#c4c4c4";
  var BIG = N.length > 1500 || E.length > 4000;
  var MAX_CARDS = 60;

  // ---- DOM helpers (textContent only) -------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  // Canvas labels stay short; the panel shows the whole name.
  function shortLabel(text) { return text.length > 32 ? text.slice(0, 30).trimEnd() + "…" : text; }
  function safeUrl(text) { return /^https?:\/\/[^\s]+$/i.test(text || "") ? text : null; }
  function link(href, text) {
    var a = el("a", null, text);
    a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }

  // ---- indexes ----------------------------------------------------------------------------
  var nodeEdges = N.map(function () { return []; });
  E.forEach(function (e) {
    nodeEdges[e.from].push(e.id);
    if (e.to !== e.from) nodeEdges[e.to].push(e.id);
  });
  var countries = {};
  N.forEach(function (n) { if (n.country) countries[n.country] = (countries[n.country] || 0) + 1; });
  var countryOrder = Object.keys(countries).sort(function (a, b) { return countries[b] - countries[a] || (a < b ? -1 : 1); });
  var countryColour = {};
  countryOrder.forEach(function (c, i) { countryColour[c] = i < COUNTRY_PALETTE.length ? COUNTRY_PALETTE[i] : NO_COUNTRY; });

  // ---- filters ----------------------------------------------------------------------------
  var state = {
    quads: new Set([0, 1, 2, 3, 4]), modalities: new Set(data.modalities), negated: true,
    from: "", to: "", undated: true, hideNonActors: !!meta.hide_nonactors, hideIsolated: !!meta.hide_nonactors, colourBy: "type"
  };
  var pass = new Uint8Array(S.length);

  function passes(s) {
    if (!state.quads.has(s.q || 0) || !state.modalities.has(s.m)) return false;
    if (s.n && !state.negated) return false;
    if (!s.t) return state.undated;
    if (state.from && s.t < state.from.slice(0, s.t.length)) return false;
    if (state.to && s.t > state.to.slice(0, s.t.length)) return false;
    return true;
  }
  // Hedged: not an event between the edge's two actors (not stated as having happened, or an
  // agentless passive, whose subject underwent the act of someone the text does not name).
  function hedged(s) { return s.n || s.w || !FACTUAL.has(s.m); }

  function edgeLook(e) {
    var shown = e.st.filter(function (i) { return pass[i]; });
    if (!shown.length) return { hidden: true };
    var quads = {}, best = 0, bestCount = 0, allHedged = true;
    shown.forEach(function (i) {
      var q = S[i].q;
      if (q) quads[q] = (quads[q] || 0) + 1;
      if (!hedged(S[i])) allHedged = false;
    });
    Object.keys(quads).forEach(function (q) {
      q = Number(q);
      if (quads[q] > bestCount || (quads[q] === bestCount && q > best)) { best = q; bestCount = quads[q]; }
    });
    return { hidden: false, count: shown.length, quad: best, hedged: allHedged };
  }

  // The DataSets hold exactly what is drawn: hidden nodes and edges are removed, not flagged,
  // because vis-network processes every item it holds on each change and each frame.
  function edgeItem(e, look) {
    var colour = QUAD_COLOUR[look.quad];
    var item = {
      id: e.id, from: e.from, to: e.to,
      width: Math.min(1 + 1.8 * Math.log2(look.count), 10),
      color: { color: colour, highlight: colour, hover: colour, opacity: look.hedged ? 0.45 : 0.9 },
      dashes: look.hedged ? [6, 5] : false
    };
    if (e.pair > 1 && e.from !== e.to) item.smooth = { enabled: true, type: "curvedCW", roundness: 0.15 + 0.15 * e.k };
    if (!BIG && E.length <= 400) item.label = look.count > 1 ? e.lemma + " ×" + look.count : e.lemma;
    return item;
  }

  function nodeColour(n) {
    var fill = state.colourBy === "country" ? (n.country ? countryColour[n.country] : NO_COUNTRY) : TYPE_COLOURS[n.type];
    var colour = { background: fill, border: n.actor ? "#3b3b3b" : "#8a8a8a", highlight: { background: fill, border: "#000" } };
    if (!BIG) colour.hover = { background: fill, border: "#000" };
    return colour;
  }

  function nodeItem(n) {
    var item = { id: n.id, label: shortLabel(n.label), x: n.x, y: n.y, value: n.actor ? n.score : n.score / 2, color: nodeColour(n) };
    if (!n.actor) {
      item.shapeProperties = { borderDashes: [3, 3] };
      item.borderWidth = 1;
      item.font = { color: "#6b6b6b" };
    }
    return item;
  }

  function lookKey(look) { return look.hidden ? "" : look.count + "|" + look.quad + "|" + (look.hedged ? 1 : 0); }

  var nodes = new vis.DataSet(), edges = new vis.DataSet(), network = null;
  var nodeIn = new Uint8Array(N.length), edgeKey = E.map(function () { return ""; });
  var current = null;

  // Bring the DataSets in line with the filters; returns what is shown, for the header.
  function sync() {
    var i, shownNodes = 0, shownEdges = 0, shownStatements = 0;
    for (i = 0; i < S.length; i++) pass[i] = passes(S[i]) ? 1 : 0;
    var looks = E.map(edgeLook);
    var base = N.map(function (n) { return !(state.hideNonActors && !n.actor); });
    var degree = new Uint32Array(N.length);
    looks.forEach(function (look, id) {
      var e = E[id];
      if (!look.hidden && base[e.from] && base[e.to]) { degree[e.from]++; degree[e.to]++; }
    });
    var show = new Uint8Array(N.length), addNodes = [], removeNodes = [];
    N.forEach(function (n) {
      show[n.id] = base[n.id] && !(state.hideIsolated && degree[n.id] === 0) ? 1 : 0;
      if (show[n.id]) {
        shownNodes++;
        n.own.forEach(function (si) { shownStatements += pass[si]; });
        if (!nodeIn[n.id]) addNodes.push(nodeItem(n));
      } else if (nodeIn[n.id]) removeNodes.push(n.id);
      nodeIn[n.id] = show[n.id];
    });
    var addEdges = [], removeEdges = [], updateEdges = [];
    E.forEach(function (e, id) {
      var look = show[e.from] && show[e.to] ? looks[id] : { hidden: true };
      var key = lookKey(look), old = edgeKey[id];
      if (key) { shownEdges++; shownStatements += look.count; }
      if (key === old) return;
      if (!key) removeEdges.push(id); else (old ? updateEdges : addEdges).push(edgeItem(e, look));
      edgeKey[id] = key;
    });
    if (removeNodes.length && network) {
      // Keep where the user (or physics) left them for when they come back.
      var at = network.getPositions(removeNodes);
      removeNodes.forEach(function (id) { if (at[id]) { N[id].x = at[id].x; N[id].y = at[id].y; } });
    }
    // Each DataSet call redraws synchronously once physics is off; draw once for the batch.
    if (network) network.body.emitter.emit("_blockRedraw");
    try {
      if (removeEdges.length) edges.remove(removeEdges);
      if (removeNodes.length) nodes.remove(removeNodes);
      if (addNodes.length) nodes.add(addNodes);
      if (addEdges.length) edges.add(addEdges);
      if (updateEdges.length) edges.update(updateEdges);
    } finally {
      if (network) { network.body.emitter.emit("_allowRedraw"); network.redraw(); }
    }
    return [shownNodes, shownEdges, shownStatements];
  }

  document.getElementById("hide-nonactors").checked = state.hideNonActors;
  document.getElementById("hide-isolated").checked = state.hideIsolated;
  var initial = sync();

  var physicsOn = !meta.layout_fixed;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: physicsOn, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -45, centralGravity: 0.02, springLength: 80, springConstant: 0.08, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 50, fit: true },
      minVelocity: 1, maxVelocity: 40
    },
    interaction: { hover: !BIG, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, keyboard: false, multiselect: false, tooltipDelay: 1e9 },
    nodes: {
      shape: "dot", borderWidth: 1.5,
      scaling: { min: 7, max: 38, label: { enabled: true, min: 11, max: 19, drawThreshold: 7, maxVisible: 26 } },
      font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif", strokeWidth: 3, strokeColor: "#fcfcfb" }
    },
    edges: {
      smooth: false, selectionWidth: 2, hoverWidth: 0.5, arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      font: { size: 10, color: "#555", strokeWidth: 3, strokeColor: "#fcfcfb", align: "middle" }
    }
  };
  var container = document.getElementById("graph");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var api = window.graphbuild = {
    network: network, nodes: nodes, edges: edges, data: data, ready: false, readyMs: null, startMs: Math.round(t0),
    drawn: function () { return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length }; }
  };

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyMs = Math.round(performance.now());
    document.body.setAttribute("data-ready", "true");
    document.getElementById("status").textContent = "Ready";
  }
  network.on("stabilizationProgress", function (p) {
    document.getElementById("status").textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    physicsOn = false;
    network.fit({ maxZoomLevel: 1.4 });  // small graphs may grow: bigger labels read better
    markReady();
  });
  network.once("afterDrawing", function () { if (!physicsOn) markReady(); });
  if (!N.length) {
    // vis-network neither stabilises nor draws an empty graph: say so and be done.
    container.appendChild(el("p", "hint empty", "This graph is empty: no statement had an actor to draw."));
    markReady();
  }

  // ---- header -----------------------------------------------------------------------------
  document.getElementById("title").textContent = data.title || "graphbuild";
  function updateSummary(shownNodes, shownEdges, shownStatements) {
    document.getElementById("summary").textContent =
      fmt(shownNodes) + " of " + fmt(N.length) + " nodes · " + fmt(shownEdges) + " of " + fmt(E.length) +
      " relations · " + plural(shownStatements, "statement") + " · " + plural(meta.documents, "document");
  }
  if (state.hideNonActors) {
    var notice = document.getElementById("notice");
    notice.hidden = false;
    notice.textContent = "Large graph: its " + fmt(meta.nonactors) + " non-actor nodes (type Other, unresolved) and the" +
      " nodes left without a relation start hidden; untick the boxes under Nodes to show them.";
  }
  if (meta.max_nodes !== null && meta.nodes_shown < meta.nodes_total) {
    var trunc = document.getElementById("truncated");
    trunc.hidden = false;
    trunc.textContent = "Showing the " + fmt(meta.nodes_shown) + " most important of " + fmt(meta.nodes_total) +
      " nodes (PageRank, --max-nodes " + meta.max_nodes + "): " + fmt(meta.edges_total - meta.edges_shown) +
      " relations and " + fmt(meta.statements_total - meta.statements_shown) + " statements are left out.";
  }

  // ---- controls -----------------------------------------------------------------------------
  function checkbox(parent, label, checked, swatch, count, onChange) {
    var row = el("label", "check");
    var box = el("input");
    box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
    append(row, box, swatch, el("span", null, label), el("span", "count", fmt(count)));
    parent.appendChild(row);
    return box;
  }
  var quadCounts = {}, modalityCounts = {};
  S.forEach(function (s) {
    quadCounts[s.q || 0] = (quadCounts[s.q || 0] || 0) + 1;
    modalityCounts[s.m] = (modalityCounts[s.m] || 0) + 1;
  });
  var resetters = [];
  QUADS.forEach(function (q) {
    var line = el("span", "line"); line.style.borderTopColor = q[2];
    var box = checkbox(document.getElementById("filter-class"), q[1], true, line, quadCounts[q[0]] || 0,
      function (on) { if (on) state.quads.add(q[0]); else state.quads.delete(q[0]); });
    box.dataset.quad = String(q[0]);
    resetters.push(function () { box.checked = true; state.quads.add(q[0]); });
  });
  data.modalities.forEach(function (m) {
    var box = checkbox(document.getElementById("filter-modality"), m + (FACTUAL.has(m) ? "" : " (hedged)"), true, null,
      modalityCounts[m] || 0, function (on) { if (on) state.modalities.add(m); else state.modalities.delete(m); });
    box.dataset.modality = m;
    resetters.push(function () { box.checked = true; state.modalities.add(m); });
  });
  function bindCheck(id, key) {
    var box = document.getElementById(id);
    var initial = box.checked;
    box.addEventListener("change", function () { state[key] = box.checked; applyFilters(); });
    resetters.push(function () { box.checked = initial; state[key] = initial; });
  }
  bindCheck("filter-negated", "negated");
  bindCheck("filter-undated", "undated");
  bindCheck("hide-nonactors", "hideNonActors");
  bindCheck("hide-isolated", "hideIsolated");
  ["from", "to"].forEach(function (key) {
    var input = document.getElementById("date-" + key);
    if (meta.date_min) {
      input.min = meta.date_min.slice(0, 10); input.max = meta.date_max.slice(0, 10);
      document.getElementById("date-span").textContent = "Statements dated " + meta.date_min + " to " + meta.date_max + ".";
    }
    input.addEventListener("change", function () { state[key] = input.value; applyFilters(); });
    resetters.push(function () { input.value = ""; state[key] = ""; });
  });
  document.getElementById("colour-by").addEventListener("change", function (ev) {
    state.colourBy = ev.target.value;
    nodes.update(N.filter(function (n) { return nodeIn[n.id]; }).map(function (n) { return { id: n.id, color: nodeColour(n) }; }));
    drawLegend();
  });
  document.getElementById("reset").addEventListener("click", function () {
    resetters.forEach(function (r) { r(); });
    applyFilters();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false, maxZoomLevel: 1.4 }); });
  document.getElementById("relayout").addEventListener("click", function () {
    document.getElementById("status").textContent = "Laying out…";
    physicsOn = true;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(BIG ? 60 : 200);
  });

  // ---- legend -----------------------------------------------------------------------------
  function legendRow(swatch, label) {
    return append(el("div", "legend-row"), swatch, el("span", null, label));
  }
  function drawLegend() {
    var box = document.getElementById("legend-nodes");
    box.replaceChildren();
    if (state.colourBy === "country") {
      countryOrder.slice(0, COUNTRY_PALETTE.length).forEach(function (c) {
        var dot = el("span", "swatch"); dot.style.background = countryColour[c];
        box.appendChild(legendRow(dot, c + " (" + countries[c] + ")"));
      });
      var other = el("span", "swatch"); other.style.background = NO_COUNTRY;
      box.appendChild(legendRow(other, "other or no country"));
    } else {
      var types = {};
      N.forEach(function (n) { types[n.type] = (types[n.type] || 0) + 1; });
      Object.keys(TYPE_COLOURS).forEach(function (t) {
        if (!types[t]) return;
        var dot = el("span", "swatch"); dot.style.background = TYPE_COLOURS[t];
        box.appendChild(legendRow(dot, t + " (" + fmt(types[t]) + ")"));
      });
    }
    var edgesBox = document.getElementById("legend-edges");
    if (!edgesBox.firstChild) {
      QUADS.forEach(function (q) {
        var line = el("span", "line"); line.style.borderTopColor = q[2];
        edgesBox.appendChild(legendRow(line, q[1]));
      });
      var dashed = el("span", "line dashed"); dashed.style.borderTopColor = "#777";
      edgesBox.appendChild(legendRow(dashed, "negated or hedged only"));
    }
  }
  drawLegend();

  // ---- applying filters ----------------------------------------------------------------------
  function applyFilters() {
    var shown = sync();
    updateSummary(shown[0], shown[1], shown[2]);
    if (current) current.show();
  }

  // ---- side panel -----------------------------------------------------------------------------
  var panel = document.getElementById("panel-body");
  var hint = document.getElementById("panel-hint");

  function statementCard(i, withRelation) {
    var s = S[i];
    var card = el("div", "stmt" + (hedged(s) ? " hedged" : ""));
    card.style.borderLeftColor = QUAD_COLOUR[s.q || 0];
    if (withRelation) {
      var head = el("div", "meta");
      var subject = N[s.u] ? N[s.u].label : "";
      var object = s.v >= 0 && N[s.v] ? N[s.v].label : "";
      append(head, el("span", "rel", subject + " → " + s.r + (object ? " → " + object : "")));
      card.appendChild(head);
    }
    card.appendChild(el("p", "sentence", s.s));
    var m = el("div", "meta");
    var doc = DOCS[s.d] || "";
    var url = safeUrl(doc);
    append(m, url ? link(url, doc) : el("span", "doc", doc || "unknown document"));
    append(m, el("span", null, s.t || "undated"));
    if (s.a) append(m, el("span", null, "according to " + s.a));
    if (!withRelation) append(m, el("span", "tag", "“" + s.r + "”"));
    if (s.e || s.c) append(m, el("span", "tag", (s.e || "") + (s.c ? " (CAMEO " + s.c + ")" : "")));
    if (s.m !== "asserted") append(m, el("span", "tag" + (FACTUAL.has(s.m) ? "" : " warn"), s.m));
    if (s.n) append(m, el("span", "tag warn", "negated"));
    if (s.w) append(m, el("span", "tag warn", "no agent named"));
    card.appendChild(m);
    return card;
  }

  function cards(parent, indexes, withRelation) {
    var shown = indexes.filter(function (i) { return pass[i]; });
    var limit = MAX_CARDS;
    var box = el("div");
    function draw() {
      box.replaceChildren();
      shown.slice(0, limit).forEach(function (i) { box.appendChild(statementCard(i, withRelation)); });
      if (shown.length > limit) {
        var more = el("button", "more", "Show all " + fmt(shown.length) + " statements");
        more.type = "button";
        more.addEventListener("click", function () { limit = shown.length; draw(); });
        box.appendChild(more);
      }
    }
    draw();
    parent.appendChild(box);
    if (shown.length < indexes.length) {
      parent.appendChild(el("p", "hint", fmt(indexes.length - shown.length) + " more hidden by the filters."));
    }
    return shown.length;
  }

  function nodeButton(id) {
    var b = el("a", null, N[id].label);
    b.href = "#";
    b.addEventListener("click", function (ev) { ev.preventDefault(); focusNode(id); });
    return b;
  }

  function dl(rows) {
    var list = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      var dd = el("dd");
      if (typeof r[1] === "object") dd.appendChild(r[1]); else dd.textContent = String(r[1]);
      append(list, el("dt", null, r[0]), dd);
    });
    return list;
  }

  function showNode(id) {
    var n = N[id];
    current = { kind: "node", id: id, show: function () { showNode(id); } };
    hint.hidden = true;
    panel.replaceChildren();
    panel.appendChild(el("h3", null, n.label));
    var qid = /^Q[1-9][0-9]*$/.test(n.wikidata || "") ? n.wikidata : null;
    var total = n.own.length;
    nodeEdges[id].forEach(function (eid) { total += E[eid].st.length; });
    panel.appendChild(dl([
      ["Type", n.type + (n.actor ? "" : " (non-actor)")],
      ["Country", n.country],
      ["Wikidata", qid ? link("https://www.wikidata.org/wiki/" + qid, qid) : "none"],
      ["IRI", n.iri],
      ["Relations", fmt(nodeEdges[id].length)],
      ["Statements", fmt(total)]
    ]));
    if (!nodeIn[id]) panel.appendChild(el("p", "hint", "This node is hidden by the current filters."));
    var groups = nodeEdges[id].slice().sort(function (a, b) { return E[b].st.length - E[a].st.length; });
    panel.appendChild(el("h4", null, "Statements"));
    groups.forEach(function (eid) {
      var e = E[eid];
      if (!e.st.some(function (i) { return pass[i]; })) return;
      var title = el("div", "group-title");
      append(title, nodeButton(e.from), el("span", "rel", " → " + e.lemma + " → "), nodeButton(e.to));
      panel.appendChild(title);
      cards(panel, e.st, false);
    });
    if (n.own.length) {
      panel.appendChild(el("div", "group-title", "Without an object"));
      cards(panel, n.own, false);
    }
  }

  function showEdge(id) {
    var e = E[id];
    current = { kind: "edge", id: id, show: function () { showEdge(id); } };
    hint.hidden = true;
    panel.replaceChildren();
    var head = el("h3");
    append(head, nodeButton(e.from), el("span", "rel", " → " + e.lemma + " → "), nodeButton(e.to));
    panel.appendChild(head);
    var events = {};
    e.st.forEach(function (i) { if (S[i].e) events[S[i].e + (S[i].c ? " (" + S[i].c + ")" : "")] = 1; });
    var look = edgeLook(e);
    panel.appendChild(dl([
      ["Class", QUAD_LABEL[look.hidden ? (e.q || 0) : look.quad]],
      ["Events", Object.keys(events).join("; ")],
      ["Statements", fmt(e.st.length)]
    ]));
    panel.appendChild(el("h4", null, "Supporting statements"));
    cards(panel, e.st, false);
  }

  function clearPanel() {
    current = null;
    panel.replaceChildren();
    hint.hidden = false;
  }

  function focusNode(id) {
    if (nodeIn[id]) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    } else network.unselectAll();
    showNode(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else clearPanel();
  });
  api.showNode = showNode; api.showEdge = showEdge; api.focusNode = focusNode; api.applyFilters = applyFilters;

  // ---- search --------------------------------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var lowered = N.map(function (n) { return n.label.toLowerCase(); });
  var byScore = N.map(function (n) { return n.id; }).sort(function (a, b) { return N[b].score - N[a].score; });
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) { results.hidden = true; return []; }
    var hits = byScore.filter(function (id) { return lowered[id].indexOf(q) >= 0; });
    hits.sort(function (a, b) { return (lowered[a].indexOf(q) === 0 ? 0 : 1) - (lowered[b].indexOf(q) === 0 ? 0 : 1); });
    hits.slice(0, 20).forEach(function (id, rank) {
      var li = el("li", rank === 0 ? "active" : null);
      li.setAttribute("role", "option");
      var dot = el("span", "swatch"); dot.style.background = TYPE_COLOURS[N[id].type];
      append(li, dot, el("span", null, N[id].label), el("span", "kind", N[id].type + (N[id].country ? " · " + N[id].country : "")));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(id); });
      results.appendChild(li);
    });
    if (!hits.length) results.appendChild(el("li", "kind", "no actor matches"));
    results.hidden = false;
    return hits;
  }
  function pick(id) {
    results.hidden = true;
    search.value = N[id].label;
    focusNode(id);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = runSearch(); if (hits.length) pick(hits[0]); }
    else if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  updateSummary(initial[0], initial[1], initial[2]);
  api.setupMs = Math.round(performance.now() - t0);
})();
