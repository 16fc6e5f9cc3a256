/* Map of events: country outlines (Natural Earth, shipped with the package) as a choropleth,
   places below country level as points clustered for the zoom, drag to pan, wheel or
   buttons to zoom, a scale bar. Plain SVG, equirectangular projection; no map library. */
"use strict";
(() => {
  const box = document.getElementById("map");
  const form = document.getElementById("map-filters");
  const scaleEl = document.getElementById("map-scale");
  const metoEl = document.getElementById("metonyms");
  const legendEl = document.getElementById("choropleth-legend");
  let outlines = null, data = { countries: [], points: [], metonyms: [] };
  // The view: longitude/latitude at the centre and pixels per degree.
  const view = { lon: 20, lat: 30, k: 3 };
  let W = 800, H = 440, root = null, world = null, pointLayer = null;
  const CLUSTER_PX = 30, LAT0 = -58, LAT1 = 84;

  const dominant = (p) => [1, 2, 3, 4].reduce((best, q) => (p[`quad${q}`] > p[`quad${best}`] ? q : best), 1);
  const px = (lon, lat) => [W / 2 + (lon - view.lon) * view.k, H / 2 - (lat - view.lat) * view.k];
  const unpx = (x, y) => [view.lon + (x - W / 2) / view.k, view.lat - (y - H / 2) / view.k];
  const minK = () => Math.max(W / 360, H / (LAT1 - LAT0));
  const clampView = () => {
    view.k = Math.min(Math.max(view.k, minK()), 400);
    const halfW = W / 2 / view.k, halfH = H / 2 / view.k;
    view.lon = halfW >= 180 ? 0 : Math.min(Math.max(view.lon, -180 + halfW), 180 - halfW);
    view.lat = halfH >= 71 ? 13 : Math.min(Math.max(view.lat, LAT0 + halfH), LAT1 - halfH);
  };

  // Country colour: sequential by events (log), or diverging by mean Goldstein.
  const mode = () => (form.elements.colour ? form.elements.colour.value : "events");
  function fillFor(c) {
    if (!c) return null;
    if (mode() === "goldstein") {
      const g = c.goldstein_mean;
      if (g === null || g === undefined) return "#d0d5dd";
      const t = Math.min(Math.abs(g) / 10, 1) * 0.85 + 0.12;
      return g >= 0 ? `rgba(46, 125, 50, ${t})` : `rgba(198, 40, 40, ${t})`;
    }
    const maxE = Math.max(...data.countries.map((d) => d.events), 1);
    const t = 0.12 + 0.8 * (Math.log(1 + c.events) / Math.log(1 + maxE));
    return `rgba(37, 99, 235, ${t.toFixed(3)})`;
  }

  function pathOf(rings) {
    let d = "";
    for (const ring of rings) {
      d += "M" + ring.map(([lon, lat]) => `${lon},${-lat}`).join("L") + "Z";
    }
    return d;
  }

  function build() {
    W = Math.max(box.clientWidth || 800, 320);
    H = Math.round(Math.min(600, Math.max(340, W * 0.46)));
    root = NG.svg(box, W, H);
    root.classList.add("map-svg");
    root.style.touchAction = "none";
    NG.el("rect", { class: "ocean", x: 0, y: 0, width: W, height: H }, root);
    world = NG.el("g", { class: "world" }, root);
    const byIso = new Map(data.countries.map((c) => [c.iso3, c]));
    for (const [iso3, country] of Object.entries(outlines.countries)) {
      const c = byIso.get(iso3);
      const path = NG.el("path", { d: pathOf(country.rings), class: c ? "country has-events" : "country", "data-iso3": iso3, "vector-effect": "non-scaling-stroke" }, world);
      if (c) path.style.fill = fillFor(c);
      path.addEventListener("mousemove", (evt) => NG.showTip(evt, [[["", country.name], ["events", c ? String(c.events) : "0"], ...(c ? [["mean Goldstein", NG.fmt(c.goldstein_mean, 2)]] : [])]]));
      path.addEventListener("mouseleave", NG.hideTip);
      if (c) path.addEventListener("click", () => { if (!dragged) window.location.href = `/events?place=${encodeURIComponent(iso3)}`; });
    }
    pointLayer = NG.el("g", { class: "points" }, root);
    drawLegend();
  }

  function clusters() {
    // Greedy screen-space clustering: biggest places first, each absorbing its neighbours.
    const placed = [];
    for (const p of [...data.points].sort((a, b) => b.events - a.events)) {
      const [x, y] = px(p.lon, p.lat);
      if (x < -40 || y < -40 || x > W + 40 || y > H + 40) continue;
      const near = placed.find((c) => Math.hypot(c.x - x, c.y - y) < CLUSTER_PX);
      if (near) { near.members.push(p); near.events += p.events; } else placed.push({ x, y, events: p.events, members: [p] });
    }
    return placed;
  }

  function render() {
    clampView();
    world.setAttribute("transform", `translate(${W / 2 - view.lon * view.k},${H / 2 + view.lat * view.k}) scale(${view.k})`);
    pointLayer.replaceChildren();
    const groups = clusters();
    const maxE = Math.max(...data.points.map((p) => p.events), 1);
    for (const c of groups) {
      const r = Math.min(5 + 14 * Math.sqrt(c.events / maxE), 22);
      if (c.members.length === 1) {
        const p = c.members[0];
        const dot = NG.el("circle", { class: "pt", cx: c.x, cy: c.y, r, fill: NG.quadColor(dominant(p)), "data-place": p.name }, pointLayer);
        dot.addEventListener("mousemove", (evt) => NG.showTip(evt, [[
          ["", `${p.name}${p.country ? " · " + p.country : ""}`], ["events", String(p.events)],
          ...[1, 2, 3, 4].map((k) => [NG.QUAD_NAMES[k], String(p["quad" + k])]),
          ["mean Goldstein", NG.fmt(p.goldstein_mean, 2)]]]));
        dot.addEventListener("mouseleave", NG.hideTip);
        dot.addEventListener("click", (evt) => { evt.stopPropagation(); window.location.href = `/events?place=${encodeURIComponent(p.name)}`; });
      } else {
        const g = NG.el("g", { class: "cluster", "data-count": c.members.length, "data-members": c.members.map((m) => m.name).join("|") }, pointLayer);
        NG.el("circle", { cx: c.x, cy: c.y, r: r + 4 }, g);
        NG.el("text", { x: c.x, y: c.y + 4, "text-anchor": "middle" }, g).textContent = String(c.members.length);
        g.addEventListener("mousemove", (evt) => NG.showTip(evt, [[["", `${c.members.length} places`], ["events", String(c.events)],
          ["", c.members.slice(0, 6).map((m) => m.name).join(", ") + (c.members.length > 6 ? ", …" : "")], ["", "click to zoom in"]]]));
        g.addEventListener("mouseleave", NG.hideTip);
        g.addEventListener("click", (evt) => {
          evt.stopPropagation();
          const [lon, lat] = unpx(c.x, c.y);
          zoomAt(lon, lat, 2.5);
        });
      }
    }
    drawScale();
  }

  function drawScale() {
    // Kilometres per pixel at the centre latitude; a round length close to 120 px.
    const kmPerPx = (111.32 * Math.cos((view.lat * Math.PI) / 180)) / view.k;
    const target = kmPerPx * 120, p = Math.pow(10, Math.floor(Math.log10(target)));
    const km = [1, 2, 5, 10].map((m) => m * p).filter((v) => v <= target).pop() || p;
    const bar = Math.round(km / kmPerPx);
    scaleEl.querySelector("i").style.width = `${bar}px`;
    scaleEl.querySelector("span").textContent = `${km.toLocaleString("en")} km`;
    scaleEl.dataset.km = String(km);
  }

  function drawLegend() {
    legendEl.replaceChildren();
    const add = (color, text) => {
      const s = document.createElement("span");
      const i = document.createElement("i");
      i.style.background = color;
      s.append(i, document.createTextNode(text));
      legendEl.appendChild(s);
    };
    if (mode() === "goldstein") {
      add("rgba(198, 40, 40, 0.9)", "mean Goldstein −10");
      add("rgba(198, 40, 40, 0.3)", "−2");
      add("rgba(46, 125, 50, 0.3)", "+2");
      add("rgba(46, 125, 50, 0.9)", "+10 (cooperative)");
    } else {
      const maxE = Math.max(...data.countries.map((d) => d.events), 0);
      add("rgba(37, 99, 235, 0.15)", "1 event");
      add("rgba(37, 99, 235, 0.9)", `${maxE} events (log scale)`);
    }
    add("#e4e7ec", "no located events");
  }

  function zoomAt(lon, lat, factor, sx = W / 2, sy = H / 2) {
    // Keep the point (lon, lat) under the screen position (sx, sy).
    view.k *= factor;
    clampView();
    view.lon = lon - (sx - W / 2) / view.k;
    view.lat = lat + (sy - H / 2) / view.k;
    render();
  }

  function fit() {
    const pts = [...data.points.map((p) => [p.lon, p.lat])];
    for (const c of data.countries) {
      const o = outlines.countries[c.iso3];
      if (!o) continue;
      const big = o.rings.reduce((a, b) => (b.length > a.length ? b : a), []);
      for (const [lon, lat] of big) pts.push([lon, lat]);
    }
    if (!pts.length) { view.lon = 0; view.lat = 20; view.k = minK(); return; }
    const lons = pts.map((p) => p[0]), lats = pts.map((p) => p[1]);
    const x0 = Math.min(...lons), x1 = Math.max(...lons), y0 = Math.min(...lats), y1 = Math.max(...lats);
    view.lon = (x0 + x1) / 2; view.lat = (y0 + y1) / 2;
    view.k = Math.min(W / Math.max(x1 - x0 + 10, 20), H / Math.max(y1 - y0 + 8, 12));
  }

  // Interaction: drag to pan, wheel to zoom at the cursor, buttons.
  let drag = null, dragged = false;
  box.addEventListener("pointerdown", (evt) => { drag = { x: evt.clientX, y: evt.clientY, lon: view.lon, lat: view.lat }; dragged = false; });
  window.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    const dx = evt.clientX - drag.x, dy = evt.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) dragged = true;
    if (!dragged) return;
    view.lon = drag.lon - dx / view.k; view.lat = drag.lat + dy / view.k;
    render();
  });
  window.addEventListener("pointerup", () => { drag = null; setTimeout(() => { dragged = false; }, 0); });
  box.addEventListener("wheel", (evt) => {
    evt.preventDefault();
    const r = root.getBoundingClientRect();
    const sx = ((evt.clientX - r.left) / r.width) * W, sy = ((evt.clientY - r.top) / r.height) * H;
    const [lon, lat] = unpx(sx, sy);
    zoomAt(lon, lat, evt.deltaY < 0 ? 1.25 : 0.8, sx, sy);
  }, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", () => zoomAt(view.lon, view.lat, 1.6));
  document.getElementById("zoom-out").addEventListener("click", () => zoomAt(view.lon, view.lat, 1 / 1.6));
  document.getElementById("zoom-fit").addEventListener("click", () => { fit(); render(); });

  function listMetonyms() {
    metoEl.replaceChildren();
    if (!data.metonyms.length) { metoEl.hidden = true; return; }
    metoEl.hidden = false;
    metoEl.appendChild(document.createTextNode("Not mapped (a seat of government standing for its government, an actor rather than a place): "));
    data.metonyms.forEach((m, i) => {
      const a = document.createElement("a");
      a.href = `/events?place=${encodeURIComponent(m.name)}`;
      a.textContent = `${m.name} (${m.events})`;
      if (i) metoEl.appendChild(document.createTextNode(", "));
      metoEl.appendChild(a);
    });
  }

  async function load(refit) {
    const params = new URLSearchParams(new FormData(form));
    params.delete("colour");
    for (const [k, v] of [...params.entries()]) if (!v) params.delete(k);
    try {
      const [o, d] = await Promise.all([outlines || NG.getJSON("/api/basemap"), NG.getJSON(`/api/map?${params}`)]);
      outlines = o;
      data = d;
      build();
      if (refit) fit();
      render();
      listMetonyms();
      box.dataset.ready = "1";
    } catch (err) {
      NG.message(box, `Could not load the map: ${err.message}`);
    }
  }
  form.addEventListener("submit", (evt) => { evt.preventDefault(); load(false); });
  form.addEventListener("change", (evt) => {
    if (evt.target.name === "colour") { build(); render(); } else load(false);
  });
  window.addEventListener("resize", () => { if (outlines) { build(); render(); } });
  load(true);
})();
