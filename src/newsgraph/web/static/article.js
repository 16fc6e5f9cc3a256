/* Article view: hover a highlight for its code, rule and confidence; toggle kinds; jump to events. */
"use strict";
(() => {
  const anns = NG.readData() || [];
  const text = document.getElementById("article-text");
  const KIND = { actor: "Actor", trigger: "Event trigger", quote: "Quote", place: "Place", date: "Date" };

  text.addEventListener("mousemove", (evt) => {
    const span = evt.target.closest("span[data-ann]");
    if (!span) { NG.hideTip(); return; }
    const blocks = span.dataset.ann.split(" ").map(Number).map((i) => anns[i]).filter(Boolean).map((a) => {
      const rows = [["", `${KIND[a.kind]}: ${a.label}`]];
      if (a.code) rows.push(["code", a.code]);
      if (a.detail) rows.push(["", a.detail]);
      rows.push(["rule", a.rule || "–"]);
      if (a.confidence !== null && a.confidence !== undefined) rows.push(["confidence", a.confidence.toFixed(2)]);
      if (a.reason) rows.push(["note", a.reason]);
      return rows;
    });
    NG.showTip(evt, blocks);
  });
  text.addEventListener("mouseleave", NG.hideTip);

  for (const btn of document.querySelectorAll("#toggles .toggle")) {
    btn.addEventListener("click", () => {
      const on = btn.getAttribute("aria-pressed") !== "true";
      btn.setAttribute("aria-pressed", String(on));
      text.classList.toggle(`off-${btn.dataset.kind}`, !on);
    });
  }

  function focusSpan(pred) {
    const idx = anns.findIndex(pred);
    if (idx < 0) return;
    for (const s of text.querySelectorAll(".focus")) s.classList.remove("focus");
    const spans = [...text.querySelectorAll("span[data-ann]")].filter((s) => s.dataset.ann.split(" ").includes(String(idx)));
    spans.forEach((s) => s.classList.add("focus"));
    if (spans.length) spans[0].scrollIntoView({ behavior: "smooth", block: "center" });
  }
  for (const li of document.querySelectorAll("#event-list li[data-event]")) {
    li.addEventListener("click", () => focusSpan((a) => a.kind === "trigger" && a.event === li.dataset.event));
  }
  for (const li of document.querySelectorAll(".quote-list li[data-span]")) {
    li.addEventListener("click", () => focusSpan((a) => a.kind === "quote" && String(a.start) === li.dataset.span));
  }
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash) focusSpan((a) => a.kind === "trigger" && a.event === hash);
})();
