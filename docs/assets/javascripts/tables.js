/* Tables of prose on a phone (extra.css): each row reads as a card, every cell under the name of its
   column. Here each cell gets that name (data-label), and the table keeps its roles for screen readers,
   whose table semantics a block layout would drop. Data tables (a DataFrame, a notebook's) are left as
   they are: they scroll in their own box. */
(function () {
  "use strict";
  function stack(table) {
    var heads = [].map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    if (heads.length < 3) return;
    table.classList.add("stacked");
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.querySelectorAll("tr").forEach(function (row) { row.setAttribute("role", "row"); });
    table.querySelectorAll("thead th").forEach(function (th) { th.setAttribute("role", "columnheader"); });
    // A long piece of code may break after "(", "=" or "," and before ".", never inside a name.
    table.querySelectorAll("td code").forEach(function (code) {
      if (code.children.length) return;
      var parts = code.textContent.split(/(?<=[(=,])|(?=\.)/);
      if (parts.length < 2) return;
      code.textContent = "";
      parts.forEach(function (part, index) {
        if (index) code.appendChild(document.createElement("wbr"));
        code.appendChild(document.createTextNode(part));
      });
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      [].forEach.call(row.children, function (cell, index) {
        cell.setAttribute("role", "cell");
        if (heads[index]) cell.setAttribute("data-label", heads[index]);
      });
    });
  }
  document.querySelectorAll(".md-content .md-typeset table:not([class])").forEach(function (table) {
    if (!table.closest(".snippet-table, .jupyter-wrapper")) stack(table);
  });
})();
