/* Actor network: node positions come from the server (one layout for the whole period), so
   moving the time slider shows and hides nodes and links without moving anything. Labels
   are placed greedily where they overlap no other label or node; self-loops are not drawn. */
"use strict";
(() => {
  const data = NG.readData() || { months: [], pos: {}, community: {}, isolated: [], loops: {} };
  const months = data.months || [];
  const box = document.getElementById("network");
  const from = document.getElementById("from"), to = document.getElementById("to");
  const PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#ea580c", "#4d7c0f", "#be185d", "#854d0e", "#0f766e", "#6d28d9", "#b91c1c"];
  const isolated = new Set(data.isolated || []);
  let timer = null;

  const monthEnd = (p) => {
    const [y, m] = p.split("-").map(Number);
    return `${p}-${String(new Date(y, m, 0).getDate()).padStart(2, "0")}`;
  };
  const range = () => {
    if (!months.length) return "";
    let i = Number(from.value), j = Number(to.value);
    if (i > j) [i, j] = [j, i];
    // The whole span: no date filter, so events of undated articles count too.
    if (i === 0 && j === months.length - 1) return "";
    return `start=${months[i]}-01&end=${monthEnd(months[j])}`;
  };
  const edgeColor = (g) => (g > 0.5 ? NG.css("--q2") : g < -0.5 ? NG.css("--q4") : "#98a2b3");
  const nodeColor = (id) => (isolated.has(id) ? "#98a2b3" : PALETTE[(data.community[id] ?? 0) % PALETTE.length]);

  function placeLabels(nodes, radius, W, H) {
    // Biggest nodes first; each label tries below, above, right, left of its node and is
    // hidden (shown on hover) when every spot overlaps a placed label or another node.
    const boxes = [], out = new Map();
    const hits = (b) => boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0)
      || nodes.some((m) => b.x0 < m.x + radius(m) && b.x1 > m.x - radius(m) && b.y0 < m.y + radius(m) && b.y1 > m.y - radius(m) && !b.self.has(m.id));
    for (const n of [...nodes].sort((a, b) => b.events - a.events)) {
      const w = 7.2 * (n.label || n.id).length + 4, h = 13, r = radius(n);
      const spots = [[n.x, n.y + r + 11, "middle"], [n.x, n.y - r - 4, "middle"], [n.x + r + 3, n.y + 4, "start"], [n.x - r - 3, n.y + 4, "end"]];
      let chosen = null;
      for (const [x, y, anchor] of spots) {
        const x0 = anchor === "middle" ? x - w / 2 : anchor === "start" ? x : x - w;
        const b = { x0, x1: x0 + w, y0: y - h + 2, y1: y + 2, self: new Set([n.id]) };
        if (b.x0 < 0 || b.x1 > W || b.y0 < 0 || b.y1 > H) continue;
        if (!hits(b)) { chosen = { x, y, anchor }; boxes.push(b); break; }
      }
      out.set(n.id, chosen);
    }
    return out;
  }

  function draw(g) {
    const W = Math.max(box.clientWidth || 800, 320), H = Math.round(Math.min(680, Math.max(420, W * 0.58)));
    const m = { l: 36, r: 36, t: 24, b: 28 };
    const nodes = g.nodes.filter((n) => data.pos[n.id]);
    if (!nodes.length) { NG.message(box, "No events between countries in this period."); document.getElementById("net-summary").textContent = ""; return; }
    for (const n of nodes) {
      const [px, py] = data.pos[n.id];
      n.x = m.l + px * (W - m.l - m.r);
      n.y = m.t + py * (H - m.t - m.b);
    }
    const root = NG.svg(box, W, H);
    root.classList.add("net-svg");
    const defs = NG.el("defs", {}, root);
    for (const [name, color] of [["pos", NG.css("--q2")], ["neg", NG.css("--q4")], ["neu", "#98a2b3"]]) {
      const mk = NG.el("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, defs);
      NG.el("path", { d: "M0,0L10,5L0,10z", fill: color }, mk);
    }
    if (nodes.some((n) => isolated.has(n.id))) {
      const top = Math.min(...nodes.filter((n) => isolated.has(n.id)).map((n) => n.y));
      NG.el("text", { x: m.l - 20, y: top - 22, class: "net-note" }, root).textContent = "Events only within the country (no link to another):";
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links = g.edges.filter((e) => e.source !== e.target && byId.has(e.source) && byId.has(e.target));
    const loops = new Map(g.edges.filter((e) => e.source === e.target).map((e) => [e.source, e.weight]));
    const maxW = Math.max(...links.map((e) => e.weight), 1);
    const maxN = Math.max(...nodes.map((n) => n.events), 1);
    const radius = (n) => 5 + 15 * Math.sqrt(n.events / maxN);
    const edgeEls = links.map((e) => {
      const p = byId.get(e.source), q = byId.get(e.target);
      const dx = q.x - p.x, dy = q.y - p.y, d = Math.max(Math.hypot(dx, dy), 1);
      const back = links.some((o) => o.source === e.target && o.target === e.source);
      const off = back ? 5 : 0, nx = (-dy / d) * off, ny = (dx / d) * off;
      const rq = radius(q) + 3, rp = radius(p);
      const kind = e.goldstein > 0.5 ? "pos" : e.goldstein < -0.5 ? "neg" : "neu";
      const line = NG.el("line", {
        x1: p.x + (dx / d) * rp + nx, y1: p.y + (dy / d) * rp + ny,
        x2: q.x - (dx / d) * rq + nx, y2: q.y - (dy / d) * rq + ny,
        stroke: edgeColor(e.goldstein), "stroke-width": 1.2 + 5 * Math.sqrt(e.weight / maxW),
        "marker-end": `url(#arrow-${kind})`, class: "link",
      }, root);
      line.addEventListener("mousemove", (evt) => NG.showTip(evt, [[["", `${e.source} → ${e.target}`], ["events", String(e.weight)], ["mean Goldstein", NG.fmt(e.goldstein, 2)], ["conflict events", String(e.conflict ?? (e.quad3 || 0) + (e.quad4 || 0))]]]));
      line.addEventListener("mouseleave", NG.hideTip);
      return { e, line };
    });
    const labels = placeLabels(nodes, radius, W, H);
    for (const n of nodes) {
      const grp = NG.el("g", { class: "node", "data-id": n.id, "data-x": n.x.toFixed(1), "data-y": n.y.toFixed(1) }, root);
      const c = NG.el("circle", { cx: n.x, cy: n.y, r: radius(n), fill: nodeColor(n.id) }, grp);
      const spot = labels.get(n.id);
      const t = NG.el("text", spot ? { x: spot.x, y: spot.y, "text-anchor": spot.anchor } : { x: n.x, y: n.y + radius(n) + 11, "text-anchor": "middle", class: "hidden-label" }, grp);
      t.textContent = n.label || n.id;
      c.addEventListener("mousemove", (evt) => {
        for (const { e, line } of edgeEls) line.classList.toggle("dim", e.source !== n.id && e.target !== n.id);
        grp.classList.add("hover");
        const rows = [["", n.label || n.id], ["events", String(n.events)]];
        if (loops.get(n.id)) rows.push(["within the country", String(loops.get(n.id))]);
        NG.showTip(evt, [rows]);
      });
      c.addEventListener("mouseleave", () => { for (const { line } of edgeEls) line.classList.remove("dim"); grp.classList.remove("hover"); NG.hideTip(); });
      c.addEventListener("click", () => { window.location.href = `/events?actor=${encodeURIComponent(n.id)}`; });
    }
    const nLoops = [...loops.values()].reduce((s, v) => s + v, 0);
    document.getElementById("net-summary").textContent = `${nodes.length} countries · ${links.length} links` + (nLoops ? ` · ${nLoops} events within one country (not drawn)` : "")
      + (range() ? " · dated events of the chosen months" : " · all events, undated articles included");
    box.dataset.ready = "1";
  }

  async function load() {
    const q = range();
    for (const fmt of ["gexf", "graphml", "json"]) document.getElementById(`dl-${fmt}`).href = `/api/network?format=${fmt}${q ? "&" + q : ""}`;
    try {
      draw(await NG.getJSON(`/api/network?${q}`));
    } catch (err) {
      NG.message(box, `Could not load the network: ${err.message}`);
    }
  }

  const onSlide = () => {
    let i = Number(from.value), j = Number(to.value);
    if (i > j) [i, j] = [j, i];
    document.getElementById("from-label").textContent = months[i] || "–";
    document.getElementById("to-label").textContent = months[j] || "–";
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  };
  from.addEventListener("input", onSlide);
  to.addEventListener("input", onSlide);
  window.addEventListener("resize", load);
  load();
})();
