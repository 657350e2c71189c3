// termweave review page: the filters. "Only segments with findings" hides rows without a finding in a
// shown column; the column toggles hide a language. The state lives in the URL fragment, so a link
// (or a test) opens the page filtered: report.html#only-findings&hide-ko. Inlined, CSP-hashed.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var only = document.getElementById("only-findings");
  var status = document.getElementById("shown");
  var toggles = Array.prototype.slice.call(document.querySelectorAll("input[data-lang-toggle]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#segments tr.segment"));
  function tokens() {
    var hash = window.location.hash.replace(/^#/, "");
    try { hash = decodeURIComponent(hash); } catch (e) { hash = ""; }
    return hash.split(/[&,;]/);
  }
  function readState() {
    var t = tokens();
    only.checked = t.indexOf("only-findings") >= 0;
    toggles.forEach(function (box) {
      box.checked = t.indexOf("hide-" + box.getAttribute("data-lang-toggle")) < 0;
    });
  }
  function writeState() {
    var t = [];
    if (only.checked) { t.push("only-findings"); }
    toggles.forEach(function (box) {
      if (!box.checked) { t.push("hide-" + box.getAttribute("data-lang-toggle")); }
    });
    var url = window.location.href.replace(/#.*$/, "") + (t.length ? "#" + t.join("&") : "");
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
  }
  function apply() {
    var hidden = {};
    toggles.forEach(function (box) { hidden[box.getAttribute("data-lang-toggle")] = !box.checked; });
    Array.prototype.forEach.call(document.querySelectorAll("#segments [data-col]"), function (cell) {
      cell.hidden = hidden[cell.getAttribute("data-col")] === true;
    });
    var shown = 0;
    rows.forEach(function (row) {
      var count = 0;
      Array.prototype.forEach.call(row.querySelectorAll("td[data-col]"), function (cell) {
        if (!cell.hidden) { count += parseInt(cell.getAttribute("data-findings"), 10) || 0; }
      });
      row.hidden = only.checked && count === 0;
      if (!row.hidden) { shown += 1; }
    });
    document.body.setAttribute("data-filter", only.checked ? "only-findings" : "all");
    status.textContent = shown + " of " + rows.length + " segments shown";
  }
  form.hidden = false;
  readState();
  apply();
  form.addEventListener("change", function () { apply(); writeState(); });
  window.addEventListener("hashchange", function () { readState(); apply(); });
})();
