/* Dyad view: monthly timeline stacked by QuadClass with Goldstein and tone lines and change points. */
"use strict";
(() => {
  const chart = document.getElementById("dyad-chart");
  const { a, b, directed } = chart.dataset;
  if (!a || !b) { NG.message(chart, "Choose two countries."); return; }
  let data = null;
  const draw = () => NG.timeline(chart, {
    rows: data.series, stacks: NG.quadStacks(), height: 320, yLabel: "events",
    rightLabel: "mean Goldstein and tone (−10 to +10)", xLabel: `${data.by} of publication`,
    lines: [
      { key: "goldstein_mean", color: NG.css("--gold"), label: "Goldstein (mean)", domain: [-10, 10] },
      { key: "tone_mean", color: NG.css("--tone"), label: "Tone (mean)", domain: [-10, 10] },
    ],
    markers: data.change_points.map((c) => ({ period: c.period, direction: c.magnitude > 0 ? "up" : "down", label: `${c.magnitude > 0 ? "▲" : "▼"} ${c.period}` })),
    empty: "No events between these two countries.",
  });
  NG.getJSON(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series?directed=${directed}`)
    .then((d) => {
      data = d;
      draw();
      window.addEventListener("resize", draw);
      const list = document.getElementById("change-points");
      list.replaceChildren();
      for (const c of d.change_points) {
        const li = document.createElement("li");
        li.className = "small";
        const strong = document.createElement("span");
        strong.className = `cp ${c.magnitude > 0 ? "up" : "down"}`;
        strong.textContent = `${c.magnitude > 0 ? "▲ more cooperative" : "▼ more hostile"} from ${c.period}`;
        li.appendChild(strong);
        li.appendChild(document.createTextNode(
          ` · mean Goldstein ${c.before.toFixed(1)} → ${c.after.toFixed(1)} (${c.method})`));
        list.appendChild(li);
      }
      if (!d.change_points.length) {
        const li = document.createElement("li");
        li.className = "muted small";
        li.textContent = "No change points found.";
        list.appendChild(li);
      }
      const total = d.series.reduce((s, r) => s + r.events, 0);
      const conflict = d.series.reduce((s, r) => s + r.quad3 + r.quad4, 0);
      document.getElementById("dyad-summary").textContent =
        `${total} events over ${d.series.length} ${d.by}s · ${total ? Math.round((100 * conflict) / total) : 0}% conflictual (QuadClass 3–4).`;
    })
    .catch((err) => NG.message(chart, `Could not load the series: ${err.message}`));
})();
