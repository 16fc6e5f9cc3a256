/* Actor network: a small force layout in SVG, refetched as the time slider moves. */
"use strict";
(() => {
  const months = NG.readData() || [];
  const box = document.getElementById("network");
  const from = document.getElementById("from"), to = document.getElementById("to");
  const positions = new Map();
  let timer = null;

  const monthEnd = (p) => {
    const [y, m] = p.split("-").map(Number);
    return `${p}-${String(new Date(y, m, 0).getDate()).padStart(2, "0")}`;
  };
  const range = () => {
    if (!months.length) return "";
    let i = Number(from.value), j = Number(to.value);
    if (i > j) [i, j] = [j, i];
    return `start=${months[i]}-01&end=${monthEnd(months[j])}`;
  };
  const edgeColor = (g) => (g > 0.5 ? NG.css("--q2") : g < -0.5 ? NG.css("--q4") : "#98a2b3");

  function layout(nodes, edges, W, H) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    nodes.forEach((n, i) => {
      const p = positions.get(n.id);
      const a = (2 * Math.PI * i) / Math.max(nodes.length, 1);
      n.x = p ? p.x : W / 2 + (W / 3) * Math.cos(a);
      n.y = p ? p.y : H / 2 + (H / 3) * Math.sin(a);
    });
    const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.55;
    for (let it = 0; it < 300; it++) {
      const t = 0.1 * (1 - it / 300) + 0.005;
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const p = nodes[i], q = nodes[j];
          let dx = p.x - q.x, dy = p.y - q.y;
          const d2 = Math.max(dx * dx + dy * dy, 1), f = (k * k) / d2;
          dx *= f; dy *= f;
          p.dx += dx; p.dy += dy; q.dx -= dx; q.dy -= dy;
        }
      }
      for (const e of edges) {
        const p = byId.get(e.source), q = byId.get(e.target);
        const dx = q.x - p.x, dy = q.y - p.y, d = Math.max(Math.hypot(dx, dy), 1);
        const f = (d * d) / k / d * Math.min(1 + Math.log(e.weight), 3) * 0.5;
        p.dx += dx * f; p.dy += dy * f; q.dx -= dx * f; q.dy -= dy * f;
      }
      for (const n of nodes) {
        n.dx += (W / 2 - n.x) * 0.05; n.dy += (H / 2 - n.y) * 0.05;
        const d = Math.max(Math.hypot(n.dx, n.dy), 1e-6), step = Math.min(d, k * t * 10);
        n.x = Math.min(W - 40, Math.max(40, n.x + (n.dx / d) * step));
        n.y = Math.min(H - 30, Math.max(30, n.y + (n.dy / d) * step));
      }
    }
    for (const n of nodes) positions.set(n.id, { x: n.x, y: n.y });
  }

  function draw(g) {
    if (!g.nodes.length) { NG.message(box, "No events between countries in this period."); return; }
    const W = Math.max(box.clientWidth || 800, 320), H = Math.round(Math.min(560, Math.max(360, W * 0.55)));
    layout(g.nodes, g.edges, W, H);
    const root = NG.svg(box, W, H);
    root.classList.add("net-svg");
    const defs = NG.el("defs", {}, root);
    for (const [name, color] of [["pos", NG.css("--q2")], ["neg", NG.css("--q4")], ["neu", "#98a2b3"]]) {
      const mk = NG.el("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, defs);
      NG.el("path", { d: "M0,0L10,5L0,10z", fill: color }, mk);
    }
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const maxW = Math.max(...g.edges.map((e) => e.weight), 1);
    const maxN = Math.max(...g.nodes.map((n) => n.events), 1);
    const radius = (n) => 7 + 18 * Math.sqrt(n.events / maxN);
    const edgeEls = g.edges.map((e) => {
      const p = byId.get(e.source), q = byId.get(e.target);
      const dx = q.x - p.x, dy = q.y - p.y, d = Math.max(Math.hypot(dx, dy), 1);
      const back = g.edges.some((o) => o.source === e.target && o.target === e.source);
      const off = back ? 7 : 0, nx = (-dy / d) * off, ny = (dx / d) * off;
      const rq = radius(q) + 3, rp = radius(p);
      const kind = e.goldstein > 0.5 ? "pos" : e.goldstein < -0.5 ? "neg" : "neu";
      const line = NG.el("line", {
        x1: p.x + (dx / d) * rp + nx, y1: p.y + (dy / d) * rp + ny,
        x2: q.x - (dx / d) * rq + nx, y2: q.y - (dy / d) * rq + ny,
        stroke: edgeColor(e.goldstein), "stroke-width": 1.2 + 5 * Math.sqrt(e.weight / maxW),
        "marker-end": `url(#arrow-${kind})`,
      }, root);
      line.addEventListener("mousemove", (evt) => NG.showTip(evt, [[["", `${e.source} → ${e.target}`], ["events", String(e.weight)], ["mean Goldstein", NG.fmt(e.goldstein, 2)], ["conflict events", String(e.conflict)]]]));
      line.addEventListener("mouseleave", NG.hideTip);
      return { e, line };
    });
    for (const n of g.nodes) {
      const grp = NG.el("g", { class: "node", "data-id": n.id }, root);
      const c = NG.el("circle", { cx: n.x, cy: n.y, r: radius(n), fill: NG.css("--accent") }, grp);
      NG.el("text", { x: n.x, y: n.y + radius(n) + 12, "text-anchor": "middle" }, grp).textContent = n.label || n.id;
      c.addEventListener("mousemove", (evt) => {
        for (const { e, line } of edgeEls) line.classList.toggle("dim", e.source !== n.id && e.target !== n.id);
        NG.showTip(evt, [[["", n.label || n.id], ["events", String(n.events)]]]);
      });
      c.addEventListener("mouseleave", () => { for (const { line } of edgeEls) line.classList.remove("dim"); NG.hideTip(); });
      c.addEventListener("click", () => { window.location.href = `/events?actor=${encodeURIComponent(n.id)}`; });
    }
    document.getElementById("net-summary").textContent = `${g.nodes.length} actors · ${g.edges.length} links`;
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
  load();
})();
