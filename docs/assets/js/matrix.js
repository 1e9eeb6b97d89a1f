// Filter and reorder the comparison matrices. The tables are complete without this script: it only
// shows the controls (hidden in the HTML) and moves rows. No data is read from anywhere else.
// Orders: "group" (the page's own), "name", "stance" (by data-first, the first filled column) and
// "support" (by data-support, most first). A table split into pages is filtered page by page.
(function () {
  "use strict";

  function setup(table) {
    var controls = document.getElementById(table.id + "-controls");
    if (!controls) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr.rid-matrix__row"));
    var groupRows = Array.prototype.slice.call(body.querySelectorAll("tr.rid-matrix__group"));
    var columns = Array.prototype.map.call(table.tHead.querySelectorAll("th[data-column]"), function (th) {
      return th.getAttribute("data-column");
    });
    var filter = controls.querySelector("[data-rid-filter]");
    var order = controls.querySelector("[data-rid-order]");
    var shown = controls.querySelector("[data-rid-shown]");
    var shownText = table.getAttribute("data-rid-shown-text") || "{shown} / {total}";
    // The page's own order is by regional group: remember it to come back to it.
    var original = Array.prototype.slice.call(body.children);
    rows.forEach(function (row) {
      row.ridName = (row.querySelector("th").textContent || "").trim();
    });
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: "base" });

    function stanceIndex(row) {
      var i = columns.indexOf(row.getAttribute("data-first"));
      return i < 0 ? columns.length : i;
    }

    function apply() {
      var needle = filter.value.trim().toLocaleLowerCase();
      var visible = 0;
      rows.forEach(function (row) {
        var match = !needle || row.ridName.toLocaleLowerCase().indexOf(needle) !== -1;
        row.hidden = !match;
        if (match) visible += 1;
      });
      var mode = order.value;
      if (mode === "group") {
        original.forEach(function (tr) { body.appendChild(tr); });
        groupRows.forEach(function (g) {
          var id = g.getAttribute("data-group");
          g.hidden = !rows.some(function (r) { return !r.hidden && r.getAttribute("data-group") === id; });
        });
      } else {
        var sorted = rows.slice().sort(function (a, b) {
          if (mode === "stance") {
            var d = stanceIndex(a) - stanceIndex(b);
            if (d !== 0) return d;
          } else if (mode === "support") {
            // Proposals with the most positions in support first (data-support, a count).
            var n = Number(b.getAttribute("data-support")) - Number(a.getAttribute("data-support"));
            if (n !== 0) return n;
          }
          return collator.compare(a.ridName, b.ridName);
        });
        groupRows.forEach(function (g) { g.hidden = true; });
        sorted.forEach(function (tr) { body.appendChild(tr); });
      }
      shown.textContent = shownText.replace("{shown}", visible).replace("{total}", rows.length);
    }

    filter.addEventListener("input", apply);
    order.addEventListener("change", apply);
    controls.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-rid-sortable]"), setup);
})();
