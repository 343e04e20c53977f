// gapcoach team view: click (or Enter on) a column heading to sort the roster.
// The page's Content-Security-Policy allows this one script by its hash and nothing else.
document.querySelectorAll("table.sortable").forEach(function (table) {
  var body = table.tBodies[0];
  var headings = table.querySelectorAll("th[data-key]");
  headings.forEach(function (th) {
    th.tabIndex = 0;
    function sort() {
      var key = th.dataset.key;
      var number = th.dataset.type === "number";
      var current = th.getAttribute("aria-sort");
      var up = current ? current === "descending" : !number;
      headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var order = number ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return up ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
    });
  });
});
