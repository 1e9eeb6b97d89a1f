// The side-by-side comparison on compare/. It reads the choice from the address
// (?a=egy,ind for actors, &p=<id> for proposals: a link that can be shared) and the records from
// compare.json, which the build writes beside the page in the page's language. Every text is set
// with textContent, never parsed as HTML. Without this script the page's full table remains.
(function () {
  "use strict";
  var tool = document.querySelector("[data-rid-compare]");
  if (!tool || !window.fetch || !window.URLSearchParams) return;
  var root = tool.getAttribute("data-rid-root"); // the language root, relative to this page
  var slots = Array.prototype.slice.call(tool.querySelectorAll("[data-rid-slot]"));
  var result = tool.querySelector("[data-rid-result]");
  var message = tool.querySelector("[data-rid-message]");
  var share = tool.querySelector("[data-rid-share]");
  var data;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // "a:egy" for an actor, "p:<id>" for a proposal, in the order the address gives them.
  function keysFromSearch(search) {
    var keys = [];
    new URLSearchParams(search).forEach(function (value, name) {
      if (name !== "a" && name !== "p") return;
      value.split(",").forEach(function (id) {
        var key = name + ":" + id.trim();
        if (id.trim() && keys.indexOf(key) === -1) keys.push(key);
      });
    });
    return keys;
  }

  function searchFor(keys) {
    var parts = ["a", "p"].map(function (kind) {
      var ids = keys.filter(function (k) { return k.charAt(0) === kind; }).map(function (k) { return encodeURIComponent(k.slice(2)); });
      return ids.length ? kind + "=" + ids.join(",") : "";
    }).filter(Boolean);
    return parts.length ? "?" + parts.join("&") : "";
  }

  function link(url, text, attrs) {
    var a = el("a", attrs || {}, text);
    a.setAttribute("href", root + url);
    return a;
  }

  function stanceCell(entries) {
    var td = el("td");
    if (!entries || !entries.length) { td.textContent = "—"; return td; }
    entries.forEach(function (entry) {
      var block = el("div", { "class": "rid-side__stance", "data-stance": entry.stance });
      var swatch = el("span", { "class": "rid-swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = entry.colour;
      block.appendChild(swatch);
      block.appendChild(el("strong", {}, entry.label));
      entry.records.forEach(function (id) {
        var ev = data.records[id];
        var line = el("span", { "class": "rid-evidence" });
        line.appendChild(link(ev.url, ev.date_label));
        line.appendChild(document.createTextNode(" "));
        var source = link(ev.source, "", { "class": "rid-evidence__source", title: ev.source_title });
        source.appendChild(el("bdi", {}, ev.source_label));
        line.appendChild(source);
        block.appendChild(line);
      });
      td.appendChild(block);
    });
    return td;
  }

  function quotesCell(subject) {
    var td = el("td");
    var seen = {};
    data.criteria.forEach(function (crit) {
      (subject.criteria[crit.id] || []).forEach(function (entry) {
        entry.records.forEach(function (id) {
          var ev = data.records[id];
          if (seen[id]) return;
          seen[id] = true;
          var quote = el("blockquote", { "class": "rid-quote", lang: ev.quote_lang, dir: ev.quote_lang === "ar" ? "rtl" : "ltr" });
          quote.appendChild(el("p", {}, ev.quote));
          td.appendChild(quote);
          var source = el("p", { "class": "rid-small" });
          source.appendChild(link(ev.url, ev.date_label));
          source.appendChild(document.createTextNode(" · "));
          var pin = link(ev.source, "");
          pin.appendChild(el("bdi", {}, ev.source_title));
          source.appendChild(pin);
          td.appendChild(source);
        });
      });
    });
    return td;
  }

  function render(keys) {
    var labels = data.labels;
    var known = keys.filter(function (k) { return data.subjects[k]; });
    var notes = [];
    var unknown = keys.filter(function (k) { return !data.subjects[k]; });
    if (unknown.length) notes.push(labels.unknown.replace("{ids}", unknown.map(function (k) { return k.slice(2); }).join(labels.separator)));
    if (known.length > data.max) { notes.push(labels.too_many); known = known.slice(0, data.max); }
    message.hidden = notes.length === 0;
    message.textContent = notes.join(" ");
    slots.forEach(function (slot, i) { slot.value = known[i] || ""; });
    share.setAttribute("href", location.pathname + searchFor(known));
    result.textContent = "";
    if (!known.length) return;

    var subjects = known.map(function (k) { return data.subjects[k]; });
    var wrap = el("div", { "class": "rid-matrix-wrap" });
    var table = el("table", { "class": "rid-matrix rid-side__table", id: "rid-side-table" });
    table.appendChild(el("caption", {}, labels.caption.replace("{names}", subjects.map(function (s) { return s.name; }).join(labels.separator))));
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, labels.criterion));
    subjects.forEach(function (subject) {
      var th = el("th", { scope: "col", "data-subject": (subject.kind === "actor" ? "a:" : "p:") + subject.id });
      th.appendChild(link(subject.url, subject.name, subject.name_lang !== data.lang ? { lang: subject.name_lang } : {}));
      th.appendChild(el("br"));
      th.appendChild(el("span", { "class": "rid-small" }, subject.group));
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    data.criteria.forEach(function (crit) {
      var tr = el("tr", { "data-criterion": crit.id });
      var th = el("th", { scope: "row" });
      th.appendChild(link(crit.url, crit.label));
      tr.appendChild(th);
      subjects.forEach(function (subject) { tr.appendChild(stanceCell(subject.criteria[crit.id])); });
      body.appendChild(tr);
    });
    var quotes = el("tr", { "data-criterion": "quotes" });
    quotes.appendChild(el("th", { scope: "row" }, labels.quotes));
    subjects.forEach(function (subject) { quotes.appendChild(quotesCell(subject)); });
    body.appendChild(quotes);
    table.appendChild(body);
    wrap.appendChild(table);
    result.appendChild(wrap);
  }

  function fromSlots() {
    var keys = slots.map(function (s) { return s.value; }).filter(Boolean);
    history.replaceState(null, "", location.pathname + searchFor(keys) + location.hash);
    render(keys);
  }

  fetch(tool.getAttribute("data-rid-compare"))
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (json) {
      data = json;
      tool.hidden = false;
      slots.forEach(function (slot) { slot.addEventListener("change", fromSlots); });
      render(keysFromSearch(location.search));
    })
    .catch(function () { /* the full table below still answers the question */ });
})();
