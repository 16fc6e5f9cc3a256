/* newsgraph dashboard: shared chart helpers (plain SVG, no libraries).
   Data always reaches the page through textContent or attributes, never as HTML. */
"use strict";

const NG = (() => {
  const SVGNS = "http://www.w3.org/2000/svg";
  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const QUAD_NAMES = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
  const quadColor = (q) => css(`--q${q}`);

  function el(tag, attrs = {}, parent = null) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(container, width, height) {
    container.replaceChildren();
    return el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img" }, container);
  }

  function scale(d0, d1, r0, r1) {
    const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
    return (v) => r0 + (v - d0) * k;
  }

  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function fmt(v, digits = 1) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    return typeof v === "number" && !Number.isInteger(v) ? v.toFixed(digits) : String(v);
  }

  /* Tooltip: rows of [key, value] pairs, built with textContent only. */
  const tipEl = () => document.getElementById("tip");
  function showTip(evt, blocks) {
    const tip = tipEl();
    tip.replaceChildren();
    for (const block of blocks) {
      const row = document.createElement("div");
      row.className = "row";
      for (const [k, v] of block) {
        const line = document.createElement("div");
        if (k) {
          const key = document.createElement("span");
          key.className = "k";
          key.textContent = k + " ";
          line.appendChild(key);
        }
        const val = document.createElement(k ? "span" : "b");
        val.textContent = v;
        line.appendChild(val);
        row.appendChild(line);
      }
      tip.appendChild(row);
    }
    tip.style.display = "block";
    moveTip(evt);
  }
  function moveTip(evt) {
    const tip = tipEl();
    const pad = 14;
    let x = evt.clientX + pad, y = evt.clientY + pad;
    const r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth - 8) x = evt.clientX - r.width - pad;
    if (y + r.height > window.innerHeight - 8) y = evt.clientY - r.height - pad;
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${Math.max(4, y)}px`;
  }
  function hideTip() { tipEl().style.display = "none"; }

  async function getJSON(url) {
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    if (!resp.ok) throw new Error(`${resp.status} ${url}`);
    return resp.json();
  }

  function message(container, text) {
    container.replaceChildren();
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = text;
    container.appendChild(p);
  }

  /* Ticks for a count axis: whole numbers at a step of 1, 2 or 5 times a power of ten, the
     top tick at or above the largest value. */
  function countTicks(maxV, n = 4) {
    const top = Math.max(maxV, 1);
    const raw = top / n, p = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = [1, 2, 2.5, 5, 10].map((k) => k * p).find((v) => v >= raw) || 10 * p;
    step = Math.max(1, Math.round(step));
    const ticks = [];
    for (let v = 0; v < top + step; v += step) { ticks.push(v); if (v >= top) break; }
    return ticks;
  }

  /* Ticks of a fixed domain such as Goldstein's -10..10: whole numbers, zero included. */
  function domainTicks(d0, d1) {
    const span = d1 - d0, step = span >= 20 ? 5 : span >= 8 ? 2 : 1;
    const ticks = [];
    for (let v = Math.ceil(d0 / step) * step; v <= d1; v += step) ticks.push(v);
    return ticks;
  }

  function axisTitle(root, text, x, y, rotate) {
    const t = el("text", { x, y, "text-anchor": "middle", class: "axis-title", transform: rotate ? `rotate(${rotate} ${x} ${y})` : null }, root);
    t.textContent = text;
    return t;
  }

  /* Stacked bars per period (left axis) with optional lines on their own right axis,
     and dashed markers. opts: {rows, stacks:[{key,color,label}], lines:[{key,color,label,domain}],
     yLabel, rightLabel, xLabel, markers:[{period,label,direction}], height, onClick(row)} */
  function timeline(container, opts) {
    const rows = opts.rows || [];
    if (!rows.length) { message(container, opts.empty || "No data yet."); return; }
    const W = Math.max(container.clientWidth || 640, 320), H = opts.height || 300;
    const hasLines = opts.lines && opts.lines.length;
    const m = { l: 58, r: hasLines ? 58 : 14, t: 22, b: 52 };
    const root = svg(container, W, H);
    const n = rows.length, band = (W - m.l - m.r) / n;
    const xc = (i) => m.l + band * (i + 0.5);
    const total = (r) => opts.stacks.reduce((s, st) => s + (r[st.key] || 0), 0);
    const ticks = countTicks(Math.max(...rows.map(total)));
    const yMax = ticks[ticks.length - 1];
    const y = scale(0, yMax, H - m.b, m.t);
    const grid = el("g", { class: "grid" }, root);
    for (const v of ticks) {
      const yy = y(v);
      el("line", { x1: m.l, x2: W - m.r, y1: yy, y2: yy }, grid);
      el("text", { x: m.l - 6, y: yy + 4, "text-anchor": "end", class: "tick-left" }, root).textContent = String(v);
    }
    axisTitle(root, opts.yLabel || "events", 14, m.t + (H - m.t - m.b) / 2, -90);
    const bw = Math.max(1, Math.min(band * 0.72, 48));
    rows.forEach((r, i) => {
      let acc = 0;
      for (const st of opts.stacks) {
        const v = r[st.key] || 0;
        if (!v) continue;
        el("rect", { x: xc(i) - bw / 2, y: y(acc + v), width: bw, height: y(acc) - y(acc + v), fill: st.color, rx: 1.5, "data-period": r.period }, root);
        acc += v;
      }
    });
    const step = Math.ceil((n * 58) / (W - m.l - m.r));
    rows.forEach((r, i) => {
      if (i % step) return;
      el("text", { x: xc(i), y: H - m.b + 16, "text-anchor": "middle" }, root).textContent = r.period;
    });
    axisTitle(root, opts.xLabel || "month of publication", m.l + (W - m.l - m.r) / 2, H - 10);
    el("line", { x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b, stroke: "#d0d5dd" }, root);
    (opts.lines || []).forEach((ln, li) => {
      const rTicks = ln.domain ? domainTicks(ln.domain[0], ln.domain[1]) : countTicks(Math.max(...rows.map((r) => r[ln.key] || 0)));
      const [d0, d1] = ln.domain || [0, rTicks[rTicks.length - 1]];
      const yl = scale(d0, d1, H - m.b, m.t);
      if (li === 0) {
        for (const v of rTicks) el("text", { x: W - m.r + 6, y: yl(v) + 4, class: "tick-right" }, root).textContent = String(v);
        if (d0 < 0 && d1 > 0) el("line", { x1: m.l, x2: W - m.r, y1: yl(0), y2: yl(0), stroke: "#98a2b3", "stroke-dasharray": "2 3" }, root);
        axisTitle(root, opts.rightLabel || ln.label, W - 12, m.t + (H - m.t - m.b) / 2, 90);
      }
      let d = "", prev = false;
      rows.forEach((r, i) => {
        const v = r[ln.key];
        if (v === null || v === undefined) { prev = false; return; }
        d += `${prev ? "L" : "M"}${xc(i).toFixed(1)},${yl(v).toFixed(1)}`;
        prev = true;
        el("circle", { cx: xc(i), cy: yl(v), r: 2.8, fill: ln.color }, root);
      });
      el("path", { d, fill: "none", stroke: ln.color, "stroke-width": 2.2, "stroke-linejoin": "round", class: `line-${ln.key}` }, root);
    });
    for (const mk of opts.markers || []) {
      // Change points: a neutral dashed rule; only the label's arrow says the direction
      // (green: more cooperative, red: more hostile).
      const i = rows.findIndex((r) => r.period === mk.period);
      if (i < 0) continue;
      const x = m.l + band * i;
      const color = mk.direction === "up" ? css("--q2") : mk.direction === "down" ? css("--q4") : "#475467";
      el("line", { x1: x, x2: x, y1: m.t - 6, y2: H - m.b, stroke: "#475467", "stroke-width": 1.4, "stroke-dasharray": "5 4", class: `change-point ${mk.direction || ""}` }, root);
      const t = el("text", { x: x + 4, y: m.t - 8, "font-weight": 600, class: "cp-label" }, root);
      t.textContent = mk.label;
      t.style.fill = color;
    }
    rows.forEach((r, i) => {
      const hit = el("rect", { x: m.l + band * i, y: m.t, width: band, height: H - m.t - m.b, fill: "transparent" }, root);
      hit.addEventListener("mousemove", (evt) => {
        const block = [["", r.period]];
        for (const st of opts.stacks) block.push([st.label, fmt(r[st.key] || 0)]);
        for (const ln of opts.lines || []) block.push([ln.label, fmt(r[ln.key], 2)]);
        showTip(evt, [block]);
      });
      hit.addEventListener("mouseleave", hideTip);
      if (opts.onClick) { hit.style.cursor = "pointer"; hit.addEventListener("click", () => opts.onClick(r)); }
    });
  }

  const quadStacks = () => [1, 2, 3, 4].map((q) => ({ key: `quad${q}`, color: quadColor(q), label: QUAD_NAMES[q] }));

  function readData() {
    const node = document.getElementById("data");
    return node ? JSON.parse(node.textContent) : null;
  }

  return { el, svg, scale, niceMax, countTicks, domainTicks, fmt, showTip, moveTip, hideTip, getJSON, message, timeline, quadStacks, quadColor, css, readData, QUAD_NAMES };
})();
