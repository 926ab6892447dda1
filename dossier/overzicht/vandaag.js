"use strict";
// Marks today on each timeline that spans it. The page itself is the same file for the same
// dossier; only this script, allowed by its hash, knows the day the page is read.
(function () {
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  var ns = "http://www.w3.org/2000/svg";
  document.querySelectorAll("svg[data-begin]").forEach(function (svg) {
    var begin = Date.parse(svg.dataset.begin);
    var end = Date.parse(svg.dataset.einde);
    if (!(today >= begin && today < end)) {
      return;
    }
    var x0 = Number(svg.dataset.x0);
    var x = x0 + (today - begin) / (end - begin) * (Number(svg.dataset.x1) - x0);
    var line = document.createElementNS(ns, "line");
    var attributes = { x1: x, x2: x, y1: svg.dataset.boven, y2: svg.dataset.onder, stroke: "#a4001d", "stroke-width": 2, "class": "vandaag" };
    Object.keys(attributes).forEach(function (name) { line.setAttribute(name, attributes[name]); });
    svg.appendChild(line);
    var note = svg.parentNode.querySelector(".vandaag-tekst");
    if (note) {
      note.textContent = "De rode lijn is vandaag, " + now.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) + ".";
      note.hidden = false;
    }
  });
})();
