/* mtcheck review: the page over the review app's JSON API (/api/). Text from articles and glossaries
   only ever reaches the page as text nodes (textContent, append), never as markup. */
"use strict";

(() => {
  const token = document.querySelector('meta[name="mtcheck-token"]').content;
  const $ = (id) => document.getElementById(id);
  const ACTIONS = [
    ["apply-fix", "Apply fix", "a"],
    ["edit", "Edit", "e"],
    ["dismiss", "Dismiss", "d"],
    ["accept-variant", "Accept as variant", "v"],
    ["add-forbidden", "Add as forbidden", "x"],
    ["add-short", "Add as short form", "s"],
    ["add-term", "Add as new term", "t"],
  ];
  const ROLES = { variants: "a variant", forbidden: "a forbidden form", short: "a short form" };
  // ``rule``: the rule the editor narrowed the list to ("" for all); kept from file to file.
  const state = { files: [], canUndo: false, path: null, findings: [], fileActions: [], current: -1, busy: false,
                  rule: "" };

  // Control characters and bidi overrides are shown as escapes, as the HTML report shows them:
  // an override in a finding must not reorder what the panel shows.
  const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
  const shown = (value) => (value == null ? "" : String(value)).replace(
    HIDDEN, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  async function api(method, path, body) {
    const options = { method, headers: { "X-MTCheck-Token": token } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (error) {
      return { ok: false, status: 0, data: { error: "the review server does not answer: is mtcheck review still running?" } };
    }
    let data;
    try {
      data = await response.json();
    } catch (error) {
      data = { error: `no answer to read (${response.status})` };
    }
    return { ok: response.ok, status: response.status, data };
  }

  function say(message, isError) {
    const status = $("status");
    status.textContent = shown(message);
    status.classList.toggle("error", Boolean(isError));
  }

  // ------------------------------------------------------------------------------------ files

  function setFiles(answer) {
    state.files = answer.files;
    state.canUndo = answer.can_undo;
    renderFiles();
  }

  function renderFiles() {
    $("file-list").replaceChildren(...state.files.map((file) => {
      const link = el("a", { href: "#", class: file.path === state.path ? "current" : null, "data-path": file.path },
        shown(file.path), " ", el("span", { class: "count" }, file.checked ? String(file.findings) : "–"));
      link.addEventListener("click", (event) => { event.preventDefault(); openFile(file.path); });
      return el("li", {}, link);
    }));
  }

  async function openFile(path, index) {
    const { ok, data } = await api("GET", "/api/files/findings?path=" + encodeURIComponent(path));
    if (!ok) return say(data.error, true);
    showReport(data, index || 0);
  }

  function nextFile(step) {
    if (!state.files.length) return;
    const at = state.files.findIndex((file) => file.path === state.path);
    openFile(state.files[(at + step + state.files.length) % state.files.length].path);
  }

  // ---------------------------------------------------------------------------------- document

  function showReport(report, index) {
    const file = report.files[0];
    state.path = file.path;
    state.findings = file.findings;
    state.fileActions = file.actions || [];
    state.canUndo = report.review.can_undo;
    $("file-title").textContent = shown(file.path);
    const score = file.score && !file.score.too_short ? `; MQM score ${file.score.score.toFixed(2)}` : "";
    $("file-summary").textContent = `${file.findings.length} finding${file.findings.length === 1 ? "" : "s"}, ` +
      `${file.words.toLocaleString()} words${score}; dismissals go to the ${report.review.dismiss}`;
    renderDocument(file.view);
    renderFindingList();
    renderFiles();
    select(Math.min(index, file.findings.length - 1), false);
  }

  function renderDocument(view) {
    const box = $("document");
    if (view.kind === "text") {
      box.replaceChildren(build(view.pieces, el("div", { class: "text" })));
    } else if (view.kind === "segments") {
      box.replaceChildren(...view.segments.map((segment) => el("section", { class: "segment" },
        el("p", { class: "segment-head" }, `segment ${segment.segment}` + (segment.unit ? ` · unit ${shown(segment.unit)}` : "")),
        el("p", { class: "source" }, segment.source),
        build(segment.pieces, el("div", { class: "text target" })))));
    } else {
      box.replaceChildren(el("p", { class: "note" }, view.note || "The text is not shown."));
    }
  }

  function build(pieces, root) {
    const open = [root];
    for (const piece of pieces) {
      const parent = open[open.length - 1];
      if (piece[0] === "text") {
        parent.append(piece[1]);
      } else if (piece[0] === "open") {
        const finding = state.findings[piece[1]];
        const mark = el("mark", { id: `m-${piece[1]}`, class: `sev-${finding.severity}`, "data-finding": String(piece[1]),
          title: `${finding.severity} · ${finding.rule}\n${shown(finding.message)}` });
        mark.addEventListener("click", (event) => {
          event.stopPropagation();
          const index = state.findings.findIndex((f) => f.mark === piece[1]);
          if (index >= 0) select(index, false);
        });
        parent.append(mark);
        open.push(mark);
      } else {
        open.pop();
      }
    }
    return root;
  }

  function renderFindingList() {
    $("finding-list").replaceChildren(...state.findings.map((finding, n) => {
      const row = el("li", { class: `finding-row sev-${finding.severity}`, "data-index": String(n) },
        el("span", { class: "pos" }, `${finding.line}:${finding.column}`), " ", el("strong", {}, finding.rule), " ",
        shown(finding.text));
      row.hidden = !wanted(finding);
      row.addEventListener("click", () => select(n, true));
      return row;
    }));
    renderRuleFilter();
  }

  // ------------------------------------------------------------------------------ rule filter

  const wanted = (finding) => !state.rule || finding.rule === state.rule;

  function renderRuleFilter() {
    const counts = new Map();
    for (const finding of state.findings) counts.set(finding.rule, (counts.get(finding.rule) || 0) + 1);
    if (state.rule && !counts.has(state.rule)) counts.set(state.rule, 0);  // kept: the next file may have some
    const options = [el("option", { value: "" }, `every rule (${state.findings.length})`)];
    for (const rule of [...counts.keys()].sort()) options.push(el("option", { value: rule }, `${rule} (${counts.get(rule)})`));
    const box = $("rule-filter");
    box.replaceChildren(...options);
    box.value = state.rule;
  }

  function filterByRule(rule) {
    state.rule = rule;
    for (const row of document.querySelectorAll(".finding-row")) {
      row.hidden = !wanted(state.findings[Number(row.dataset.index)]);
    }
    const current = state.findings[state.current];
    select(current && wanted(current) ? state.current : shownFrom(state.current, 1), false);
  }

  // The index of the next finding the filter shows, from ``index`` on in direction ``step``; -1 if none.
  function shownFrom(index, step) {
    const count = state.findings.length;
    for (let tried = 0; tried < count; tried++) {
      const at = (((index + step * tried) % count) + count) % count;
      if (wanted(state.findings[at])) return at;
    }
    return -1;
  }

  const move = (step) => select(shownFrom(state.current + step, step));

  // ----------------------------------------------------------------------------------- finding

  function select(index, scroll = true) {
    for (const node of document.querySelectorAll("mark.current, .finding-row.current")) node.classList.remove("current");
    hideEdit();
    const findings = state.findings;
    if (!findings.length || index < 0 || !findings.some(wanted)) {
      state.current = -1;
      renderDetails(null);
      return;
    }
    state.current = shownFrom((index + findings.length) % findings.length, 1);
    const finding = findings[state.current];
    const mark = finding.mark === null ? null : $(`m-${finding.mark}`);
    if (mark) {
      mark.classList.add("current");
      if (scroll) mark.scrollIntoView({ block: "center" });
    }
    const row = document.querySelector(`.finding-row[data-index="${state.current}"]`);
    if (row) {
      row.classList.add("current");
      row.scrollIntoView({ block: "nearest" });
    }
    renderDetails(finding);
  }

  function renderDetails(finding) {
    const visible = state.findings.filter(wanted);
    $("position").textContent = !finding ? "" : state.rule
      ? `${visible.indexOf(finding) + 1} of ${visible.length} ${state.rule}` : `${state.current + 1} of ${state.findings.length}`;
    const box = $("finding");
    if (!finding) {
      box.replaceChildren(el("p", { class: "hint" }, state.findings.length ? `No ${state.rule} findings in this file.`
                                                                          : "No findings in this file."));
    } else {
      box.replaceChildren(el("div", { class: `card sev-${finding.severity}` },
        el("p", {}, el("span", { class: "badge" }, finding.severity), " ", el("strong", {}, finding.rule),
          " ", el("span", { class: "label" }, finding.mqm)),
        el("p", { class: "found" }, shown(finding.text)),
        finding.suggestion ? el("p", {}, el("span", { class: "label" }, "Suggestion "),
          el("span", { class: "suggestion" }, shown(finding.suggestion))) : "",
        el("p", {}, shown(finding.message)),
        el("p", { class: "label" }, `line ${finding.line}, column ${finding.column}` +
          (finding.term ? ` · term ${shown(finding.term)}` : "") +
          (finding.fixable === false ? " · not fixed automatically" : ""))));
    }
    const buttons = ACTIONS.map(([action, label, key]) =>
      button(label, key, () => decide(action), !finding || !finding.actions.includes(action), action));
    buttons.push(button("All fixes of the file", "A", () => decide("apply-all-fixes"),
      !state.fileActions.includes("apply-all-fixes"), "apply-all-fixes"));
    buttons.push(button("Undo", "u", undo, !state.canUndo, "undo"));
    $("actions").replaceChildren(...buttons);
  }

  function button(label, key, action, disabled, name) {
    const node = el("button", { type: "button", "data-action": name, disabled }, label, " ", el("kbd", {}, key));
    node.addEventListener("click", action);
    return node;
  }

  // --------------------------------------------------------------------------------- decisions

  async function decide(action, extra) {
    if (state.busy) return;
    const finding = state.current >= 0 ? state.findings[state.current] : null;
    if (action === "edit" && !extra) return showEdit();
    if (action !== "apply-all-fixes" && (!finding || !finding.actions.includes(action))) {
      say(`${ACTIONS.find((a) => a[0] === action)[1]} does not apply to this finding.`, true);
      return;
    }
    const body = { path: state.path, id: finding && action !== "apply-all-fixes" ? finding.id : null, action,
      reason: $("reason").value || null, ...(extra || {}) };
    await send("/api/decisions", body);
  }

  async function undo() {
    if (!state.canUndo) return say("Nothing to undo.", true);
    await send("/api/undo", {});
  }

  async function send(path, body) {
    state.busy = true;
    document.body.classList.add("busy");
    say("Working…");
    const at = state.current;
    const { ok, data } = await api("POST", path, body);
    state.busy = false;
    document.body.classList.remove("busy");
    if (ok) {
      $("reason").value = "";
      if (data.files) setFiles(data.files);
      showReport(data.report, Math.max(at, 0));
      say(describe(data.decision, data.undone));
      addDecision(data.decision);
    } else {
      if (data.report) showReport(data.report, Math.max(at, 0));
      say(data.error, true);
    }
  }

  function describe(entry, undone) {
    const quoted = (text) => `“${shown(text)}”`;
    if (undone) return `Undone: ${undone.action} in ${shown(undone.written)}.`;
    switch (entry.action) {
      case "apply-fix": return `Fixed ${quoted(entry.before)} → ${quoted(entry.after)}.`;
      case "apply-all-fixes": return `Applied ${entry.edits.length} fix${entry.edits.length === 1 ? "" : "es"}.`;
      case "edit": return `Replaced ${quoted(entry.before)} with ${quoted(entry.after)}.`;
      case "dismiss": return `Dismissed ${quoted(entry.before)} (${entry.dismissed_in === "inline" ?
        "a directive line in the text" : "the baseline"}).`;
      case "add-term": return `New term ${shown(entry.new_term)}: ${quoted(entry.after)}, with ${quoted(entry.before)} ` +
        `forbidden, in ${shown(entry.glossary)}.`;
      default: return `Added ${quoted(entry.after)} to term ${shown(entry.term)} as ${ROLES[entry.role]} in ${shown(entry.glossary)}.`;
    }
  }

  function addDecision(entry) {
    const list = $("decision-list");
    const what = entry.action === "undo" ? `undo of ${entry.undoes}` : entry.action;
    list.prepend(el("li", {}, el("span", { class: "pos" }, entry.time.slice(11, 19)), " ", el("strong", {}, what), " ",
      shown(entry.file), entry.before ? ` ${shown(entry.before)}` : ""));
    while (list.children.length > 30) list.lastChild.remove();
  }

  async function loadDecisions() {
    const { ok, data } = await api("GET", "/api/decisions");
    if (ok) data.decisions.slice(-10).forEach(addDecision);
  }

  async function recheck() {
    say("Checking again…");
    const { ok, data } = await api("POST", "/api/recheck", { path: state.path });
    if (!ok) return say(data.error, true);
    showReport(data, Math.max(state.current, 0));
    const files = await api("GET", "/api/files");
    if (files.ok) setFiles(files.data);
    say("Checked again.");
  }

  // ------------------------------------------------------------------------------------- edit

  function showEdit() {
    const finding = state.findings[state.current];
    if (!finding || !finding.actions.includes("edit")) return say("This finding cannot be edited here.", true);
    $("edit-box").hidden = false;
    const input = $("edit-text");
    input.value = finding.suggestion || finding.text;  // a suggestion left to a person: to inflect by hand
    input.focus();
    input.select();
  }

  function hideEdit() {
    $("edit-box").hidden = true;
  }

  // ------------------------------------------------------------------------------------- keys

  const KEYS = {
    j: () => move(1), n: () => move(1), k: () => move(-1), p: () => move(-1),
    f: () => nextFile(1), F: () => nextFile(-1),
    a: () => decide("apply-fix"), A: () => decide("apply-all-fixes"), d: () => decide("dismiss"), e: () => decide("edit"),
    v: () => decide("accept-variant"), x: () => decide("add-forbidden"), s: () => decide("add-short"),
    t: () => decide("add-term"),
    u: () => undo(), r: () => recheck(),
  };

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.id === "edit-text") {
      if (event.key === "Enter") {
        event.preventDefault();
        const finding = state.findings[state.current];
        hideEdit();
        decide("edit", { old: finding.text, new: target.value });
      } else if (event.key === "Escape") {
        hideEdit();
      }
      return;
    }
    if (target.id === "reason") {
      if (event.key === "Enter") {
        event.preventDefault();
        decide("dismiss");
      } else if (event.key === "Escape") {
        target.blur();
      }
      return;
    }
    if (target.matches("input, textarea, select")) return;
    const action = KEYS[event.key];
    if (action && !state.busy) {
      event.preventDefault();
      action();
    }
  });

  $("rule-filter").addEventListener("change", (event) => {
    filterByRule(event.target.value);
    event.target.blur();  // the keys go back to the findings
  });
  loadDecisions();
  api("GET", "/api/files").then(({ ok, data }) => {
    if (!ok) return say(data.error, true);
    setFiles(data);
    const first = data.files.find((file) => file.findings > 0) || data.files[0];
    return openFile(first.path);
  });
})();
