/* studysite: a sentence's check mark opens, in place, what was checked (a tap, a click, Enter or
   Space: it is a button), and Escape closes it. Markup: claims.claims_html. */
(function () {
  "use strict";
  function toggle(button, open) {
    var box = document.getElementById(button.getAttribute("aria-controls"));
    if (!box) return;
    if (open === undefined) open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    box.hidden = !open;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.claim") : null;
    if (button) toggle(button);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest) return;
    var group = event.target.closest(".claim-group");
    var button = group && group.querySelector("button.claim");
    if (button && button.getAttribute("aria-expanded") === "true") {
      toggle(button, false);
      button.focus();
    }
  });
})();

/* Code and output blocks: each line becomes a span of its own that knows its indentation (--indent),
   so that on a narrow screen (studysite.css) a long line wraps and its continuation stays indented
   under its start. The text (what the copy button copies) is unchanged. */
(function () {
  "use strict";
  function lines(code) {
    var pieces = [];  // [class name or null, text] in order: Pygments' markup is one level deep
    var known = true;
    code.childNodes.forEach(function (node) {
      if (node.nodeType === 3) pieces.push([null, node.textContent]);
      else if (node.nodeType === 1 && node.childElementCount === 0 && node.tagName === "SPAN")
        pieces.push([node.className, node.textContent]);
      else known = false;
    });
    if (!known) return;  // markup this does not know (annotations, links): left as it is
    var out = document.createDocumentFragment();
    var line = null;
    function add(cls, text) {
      if (!text) return;
      if (!line) {
        line = document.createElement("span");
        line.className = "studysite-line";
        out.appendChild(line);
      }
      if (cls === null) line.appendChild(document.createTextNode(text));
      else {
        var span = document.createElement("span");
        span.className = cls;
        span.textContent = text;
        line.appendChild(span);
      }
    }
    pieces.forEach(function (piece) {
      var parts = piece[1].split("\n");
      parts.forEach(function (part, index) {
        add(piece[0], part + (index < parts.length - 1 ? "\n" : ""));
        if (index < parts.length - 1) line = null;
      });
    });
    out.querySelectorAll(".studysite-line").forEach(function (span) {
      var indent = /^[ ]*/.exec(span.textContent)[0].length;
      if (indent) span.style.setProperty("--indent", String(indent));
    });
    code.replaceChildren(out);
  }
  function all() {
    // Code blocks, and notebook cells (mkdocs-jupyter: the token spans sit in the <pre> itself).
    document.querySelectorAll(".md-typeset pre > code, .md-typeset .highlight-ipynb > pre").forEach(function (code) {
      if (!code.dataset.studysiteLines) {
        code.dataset.studysiteLines = "1";
        lines(code);
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  else all();
})();
