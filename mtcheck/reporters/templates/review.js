// mtcheck review page: details on click, jumps from the panel, filters. Text from the data block
// only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mtcheck-data").textContent);
  var findings = data.findings, terms = data.terms;
  var body = document.getElementById("details-body");
  var current = null;

  // Findings that cross a mark have none of their own: they are shown with the mark they cross.
  var shownAt = {};
  Object.keys(findings).sort().forEach(function (id) {
    var anchor = findings[id].anchor;
    if (anchor !== id) (shownAt[anchor] = shownAt[anchor] || []).push(id);
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function line(label, value, className) {
    var p = element("p");
    p.appendChild(element("span", "label", label + " "));
    p.appendChild(element("span", className, value));
    return p;
  }

  function card(id) {
    var f = findings[id];
    var box = element("div", "card sev-" + f.severity);
    box.dataset.finding = id;
    var head = element("p");
    head.appendChild(element("span", "badge sev-" + f.severity, f.severity));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("code", "rule-id", f.rule));
    head.appendChild(element("span", "label", " · " + f.path + ":" + f.line + ":" + f.column));
    box.appendChild(head);
    if (f.mqm) box.appendChild(line("MQM", f.mqm, "mqm"));
    box.appendChild(element("p", "found", "\u201c" + f.text + "\u201d"));
    box.appendChild(element("p", "message", f.message));
    if (f.suggestion) box.appendChild(line("Suggestion", f.suggestion, "suggestion"));
    var term = f.term && terms[f.term];
    if (term) {
      box.appendChild(line("Term", term.canonical + (term.type ? " (" + term.type + ")" : ""), "term"));
      if (term.note) box.appendChild(element("p", "note-text", term.note));
    }
    return box;
  }

  // The findings at a mark: it, the marks around it, and those shown with any of them.
  function findingsAt(node, first) {
    var ids = [];
    for (var el = node; el; el = el.parentElement ? el.parentElement.closest("mark[id]") : null) {
      ids.push(el.id);
      (shownAt[el.id] || []).forEach(function (id) { ids.push(id); });
    }
    if (first) ids.unshift(first);  // the finding whose link was followed comes first
    return ids.filter(function (id, i) { return findings[id] && ids.indexOf(id) === i; });
  }

  function show(node, first) {
    if (current) current.classList.remove("current");
    current = node;
    node.classList.add("current");
    body.replaceChildren.apply(body, findingsAt(node, first).map(card));
  }

  function jump(id, first) {
    var node = document.getElementById(id);
    if (!node) return;
    node.scrollIntoView({ block: "center", inline: "nearest" });
    node.focus({ preventScroll: true });
    show(node, first);
    try { history.replaceState(null, "", "#" + id); } catch (e) { /* some file:// setups refuse */ }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-jump]");
    if (link) {
      event.preventDefault();
      jump(link.dataset.jump, link.dataset.finding);
      return;
    }
    var mark = event.target.closest("mark[id], .finding-row");
    if (mark && !mark.classList.contains("filtered")) show(mark);
  });

  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark[id], .finding-row");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(mark);
    }
  });

  // Filters: a finding stays highlighted and listed when both its severity and its rule are checked.
  var filters = document.getElementById("filters");
  function checked(name) {
    var values = {};
    filters.querySelectorAll("input[name=" + name + "]").forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }
  function applyFilters() {
    var severities = checked("severity"), rules = checked("rule");
    document.querySelectorAll("mark[data-severity], .finding-row, .occ").forEach(function (el) {
      el.classList.toggle("filtered", !(severities[el.dataset.severity] && rules[el.dataset.rule]));
    });
    document.querySelectorAll(".form, .group").forEach(function (entry) {
      var links = entry.querySelectorAll(".occ");
      entry.hidden = links.length > 0 && entry.querySelectorAll(".occ:not(.filtered)").length === 0;
    });
  }
  if (filters) filters.addEventListener("change", applyFilters);

  var start = location.hash.slice(1);
  if (start && findings[start]) jump(findings[start].anchor, start);
})();
