/* Map of events: equirectangular projection over a dot-matrix world, fitted to the events. */
"use strict";
(() => {
  const box = document.getElementById("map");
  const form = document.getElementById("map-filters");
  let land = null, points = [];

  const dominant = (p) => [1, 2, 3, 4].reduce((best, q) => (p[`quad${q}`] > p[`quad${best}`] ? q : best), 1);

  function view(pts) {
    // The whole world, or the box around the events with a margin, kept at a 2:1 aspect.
    if (!pts.length) return [-180, 180, -60, 84];
    let x0 = Math.min(...pts.map((p) => p.lon)) - 12, x1 = Math.max(...pts.map((p) => p.lon)) + 12;
    let y0 = Math.min(...pts.map((p) => p.lat)) - 8, y1 = Math.max(...pts.map((p) => p.lat)) + 8;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    let w = Math.max(x1 - x0, 60), h = Math.max(y1 - y0, 30);
    if (w / h > 2) h = w / 2; else w = h * 2;
    x0 = Math.max(-180, cx - w / 2); x1 = Math.min(180, x0 + w); x0 = x1 - w;
    y0 = Math.max(-80, cy - h / 2); y1 = Math.min(85, y0 + h); y0 = y1 - h;
    return [x0, x1, y0, y1];
  }

  function draw() {
    const W = Math.max(box.clientWidth || 800, 320), H = Math.round(W / 2);
    const [x0, x1, y0, y1] = view(points);
    const x = NG.scale(x0, x1, 0, W), y = NG.scale(y0, y1, H, 0);
    const root = NG.svg(box, W, H);
    root.classList.add("map-svg");
    NG.el("rect", { class: "ocean", x: 0, y: 0, width: W, height: H, rx: 8 }, root);
    const step = x1 - x0 > 120 ? 30 : 10;
    for (let lon = Math.ceil(x0 / step) * step; lon <= x1; lon += step) NG.el("line", { class: "grat", x1: x(lon), x2: x(lon), y1: 0, y2: H }, root);
    for (let lat = Math.ceil(y0 / step) * step; lat <= y1; lat += step) NG.el("line", { class: "grat", x1: 0, x2: W, y1: y(lat), y2: y(lat) }, root);
    if (land) {
      const half = land.grid / 2, cw = Math.max(x(half) - x(-half), 1.5) * 0.82, ch = Math.max(y(-half) - y(half), 1.5) * 0.82;
      const g = NG.el("g", { class: "land" }, root);
      for (const [lat, lon] of land.cells) {
        if (lon < x0 - 2 || lon > x1 + 2 || lat < y0 - 2 || lat > y1 + 2) continue;
        NG.el("rect", { x: x(lon) - cw / 2, y: y(lat) - ch / 2, width: cw, height: ch, rx: Math.min(cw, ch) / 3 }, g);
      }
    }
    const maxE = Math.max(...points.map((p) => p.events), 1);
    for (const p of [...points].sort((a, b) => b.events - a.events)) {
      const q = dominant(p);
      const c = NG.el("circle", { class: "pt", cx: x(p.lon), cy: y(p.lat), r: 4 + 16 * Math.sqrt(p.events / maxE), fill: NG.quadColor(q), "data-place": p.name }, root);
      c.addEventListener("mousemove", (evt) => NG.showTip(evt, [[
        ["", `${p.name}${p.country ? " · " + p.country : ""}`], ["events", String(p.events)],
        ["by QuadClass", [1, 2, 3, 4].map((k) => `Q${k} ${p["quad" + k]}`).join(" · ")],
        ["mean Goldstein", NG.fmt(p.goldstein_mean, 2)]]]));
      c.addEventListener("mouseleave", NG.hideTip);
      c.addEventListener("click", () => { window.location.href = `/events?place=${encodeURIComponent(p.name)}`; });
    }
    if (!points.length) {
      const t = NG.el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, root);
      t.textContent = "No located events for these filters.";
    }
  }

  async function load() {
    const params = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...params.entries()]) if (!v) params.delete(k);
    try {
      const [basemap, pts] = await Promise.all([land ? land : NG.getJSON("/api/basemap"), NG.getJSON(`/api/places?${params}`)]);
      land = basemap;
      points = pts;
      draw();
    } catch (err) {
      NG.message(box, `Could not load the map: ${err.message}`);
    }
  }
  form.addEventListener("submit", (evt) => { evt.preventDefault(); load(); });
  form.addEventListener("change", load);
  window.addEventListener("resize", () => land && draw());
  load();
})();
