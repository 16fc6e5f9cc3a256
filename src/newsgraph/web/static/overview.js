/* Overview: events per month stacked by QuadClass, articles per month as a line. */
"use strict";
(() => {
  const rows = NG.readData() || [];
  const chart = document.getElementById("volume-chart");
  const draw = () => NG.timeline(chart, {
    rows, stacks: NG.quadStacks(), height: 280, yLabel: "events", rightLabel: "articles",
    lines: [{ key: "articles", color: NG.css("--ink"), label: "Articles" }],
    empty: "No dated articles yet.",
    onClick: (r) => { window.location.href = `/events?start=${r.period}-01&end=${monthEnd(r.period)}`; },
  });
  const monthEnd = (p) => {
    const [y, m] = p.split("-").map(Number);
    return `${p}-${String(new Date(y, m, 0).getDate()).padStart(2, "0")}`;
  };
  draw();
  window.addEventListener("resize", draw);
})();
