// The side-by-side comparison on compare/. It reads the choice from the address
// (?a=egy,ind for actors, &p=<id> for proposals: a link that can be shared) and fetches only what
// that choice needs, from files the build writes beside the page in the page's language (see
// sidebyside.py): compare.json (labels and criteria), then side/a/<actor>.json for each actor and
// side/p/<n>.json for the file that holds a proposal, and side/proposals.json (the titles) only
// when the reader searches for a proposal to add. Every text is set with textContent, never parsed
// as HTML. Without this script the page's table of every actor remains.
(function () {
  "use strict";
  // A source label with Arabic words in it («A/70/174، الفقرة 18») is read as a whole from the right,
  // whatever its first letter; one in a single script («"Taking into account …"») keeps the
  // direction of its words (isolate.py isolates each run on the pages it writes).
  var ARABIC = /[\u0600-\u06FF]/;
  function labelDir(text) { return ARABIC.test(text) ? "rtl" : "auto"; }
  var tool = document.querySelector("[data-rid-compare]");
  if (!tool || !window.fetch || !window.URLSearchParams || !window.Promise) return;
  var root = tool.getAttribute("data-rid-root"); // the language root, relative to this page
  var slots = Array.prototype.slice.call(tool.querySelectorAll("[data-rid-slot]"));
  var result = tool.querySelector("[data-rid-result]");
  var message = tool.querySelector("[data-rid-message]");
  var share = tool.querySelector("[data-rid-share]");
  var find = tool.querySelector("[data-rid-find]");
  var found = tool.querySelector("[data-rid-found]");
  var foundList = tool.querySelector("[data-rid-found-list]");
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/; // a record id (schema.ID_PATTERN): nothing else is fetched
  var meta; // compare.json
  var files = {}; // file → promise of its JSON
  var titles; // promise of the proposals' titles
  var rendered = 0; // the latest choice wins over a slower earlier one

  // The actors are in the first menu (the page's HTML): copied into the others once.
  var actors = {};
  var actorGroup = slots[0].querySelector("[data-rid-actors]");
  Array.prototype.forEach.call(actorGroup ? actorGroup.querySelectorAll("option") : [], function (o) { actors[o.value] = true; });
  slots.slice(1).forEach(function (slot) { if (actorGroup) slot.appendChild(actorGroup.cloneNode(true)); });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function getJSON(file) {
    if (!files[file]) {
      files[file] = fetch(file).then(function (response) {
        if (!response.ok) throw new Error(file + ": " + response.status);
        return response.json();
      });
      files[file].catch(function () { delete files[file]; }); // a failed fetch may be tried again
    }
    return files[file];
  }

  // Which file holds a proposal: FNV-1a of its id modulo the number of files (sidebyside.bucket).
  function bucket(id, count) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) {
      h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
    }
    return h % count;
  }

  // The subject a key names ("a:egy", "p:<id>"), or null when it is not on record.
  function subject(key) {
    var kind = key.charAt(0), id = key.slice(2);
    if (!ID.test(id)) return Promise.resolve(null);
    if (kind === "a") return actors[key] ? getJSON(meta.subjects + "a/" + id + ".json") : Promise.resolve(null);
    return getJSON(meta.subjects + "p/" + bucket(id, meta.buckets) + ".json").then(function (shared) {
      return Object.prototype.hasOwnProperty.call(shared, id) ? shared[id] : null;
    });
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

  // A proposal can be chosen in every menu once it is known (from the address or the search).
  function offer(key, name, lang) {
    slots.forEach(function (slot) {
      var group = slot.querySelector("[data-rid-proposals]");
      if (!group) {
        group = el("optgroup", { label: meta.labels.proposals, "data-rid-proposals": "" });
        slot.appendChild(group);
      }
      var exists = Array.prototype.some.call(group.children, function (o) { return o.value === key; });
      if (exists) return;
      var option = el("option", { value: key }, name);
      if (lang && lang !== meta.lang) option.setAttribute("lang", lang);
      group.appendChild(option);
    });
  }

  function stanceCell(entries, records) {
    var td = el("td");
    if (!entries || !entries.length) { td.textContent = "—"; return td; }
    entries.forEach(function (entry) {
      var block = el("div", { "class": "rid-side__stance", "data-stance": entry.stance });
      var swatch = el("span", { "class": "rid-swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = entry.colour;
      block.appendChild(swatch);
      block.appendChild(el("strong", {}, entry.label));
      entry.records.forEach(function (id) {
        var ev = records[id];
        var line = el("span", { "class": "rid-evidence" });
        line.appendChild(link(ev.url, ev.date_label));
        line.appendChild(document.createTextNode(" "));
        var source = link(ev.source, "", { "class": "rid-evidence__source", title: ev.source_title });
        source.appendChild(el("bdi", { dir: labelDir(ev.source_label) }, ev.source_label));
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
    meta.criteria.forEach(function (crit) {
      (subject.criteria[crit.id] || []).forEach(function (entry) {
        entry.records.forEach(function (id) {
          var ev = subject.records[id];
          if (seen[id]) return;
          seen[id] = true;
          var quote = el("blockquote", { "class": "rid-quote", lang: ev.quote_lang, dir: ev.quote_lang === "ar" ? "rtl" : "ltr" });
          quote.appendChild(el("p", {}, ev.quote));
          td.appendChild(quote);
          var source = el("p", { "class": "rid-small" });
          source.appendChild(link(ev.url, ev.date_label));
          source.appendChild(document.createTextNode(" · "));
          var pin = link(ev.source, "");
          pin.appendChild(el("bdi", { dir: labelDir(ev.source_title) }, ev.source_title));
          source.appendChild(pin);
          td.appendChild(source);
        });
      });
    });
    return td;
  }

  function draw(keys, subjects) {
    var labels = meta.labels;
    var known = keys.filter(function (k, i) { return subjects[i]; });
    var chosen = subjects.filter(Boolean);
    var notes = [];
    var unknown = keys.filter(function (k, i) { return !subjects[i]; });
    if (unknown.length) notes.push(labels.unknown.replace("{ids}", unknown.map(function (k) { return k.slice(2); }).join(labels.separator)));
    if (known.length > meta.max) {
      notes.push(labels.too_many);
      known = known.slice(0, meta.max);
      chosen = chosen.slice(0, meta.max);
    }
    message.hidden = notes.length === 0;
    message.textContent = notes.join(" ");
    chosen.forEach(function (s) { if (s.kind === "proposal") offer("p:" + s.id, s.name, s.name_lang); });
    slots.forEach(function (slot, i) { slot.value = known[i] || ""; });
    share.setAttribute("href", location.pathname + searchFor(known));
    result.textContent = "";
    if (!known.length) return;

    var wrap = el("div", { "class": "rid-matrix-wrap rid-side__wide" });
    var table = el("table", { "class": "rid-matrix rid-side__table", id: "rid-side-table" });
    table.appendChild(el("caption", {}, labels.caption.replace("{names}", chosen.map(function (s) { return s.name; }).join(labels.separator))));
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, labels.criterion));
    chosen.forEach(function (s) {
      var th = el("th", { scope: "col", "data-subject": (s.kind === "actor" ? "a:" : "p:") + s.id });
      th.appendChild(link(s.url, s.name, s.name_lang !== meta.lang ? { lang: s.name_lang } : {}));
      th.appendChild(el("br"));
      th.appendChild(el("span", { "class": "rid-small" }, s.group));
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    meta.criteria.forEach(function (crit) {
      var tr = el("tr", { "data-criterion": crit.id });
      var th = el("th", { scope: "row" });
      th.appendChild(link(crit.url, crit.label));
      tr.appendChild(th);
      chosen.forEach(function (s) { tr.appendChild(stanceCell(s.criteria[crit.id], s.records)); });
      body.appendChild(tr);
    });
    var quotes = el("tr", { "data-criterion": "quotes" });
    quotes.appendChild(el("th", { scope: "row" }, labels.quotes));
    chosen.forEach(function (s) { quotes.appendChild(quotesCell(s)); });
    body.appendChild(quotes);
    table.appendChild(body);
    wrap.appendChild(table);
    result.appendChild(wrap);
    result.appendChild(stacked(chosen));
  }

  // On a phone the table would show one column at a time: the same cells, one block per choice,
  // each with its own heading (CSS shows the table or the blocks by the width of the screen).
  function stacked(chosen) {
    var stack = el("div", { "class": "rid-side__stack" });
    chosen.forEach(function (s) {
      var section = el("section", { "class": "rid-side__one", "data-subject": (s.kind === "actor" ? "a:" : "p:") + s.id });
      var heading = el("h3", {});
      heading.appendChild(link(s.url, s.name, s.name_lang !== meta.lang ? { lang: s.name_lang } : {}));
      section.appendChild(heading);
      section.appendChild(el("p", { "class": "rid-small" }, s.group));
      var list = el("dl", { "class": "rid-side__criteria" });
      meta.criteria.forEach(function (crit) {
        var dt = el("dt", {});
        dt.appendChild(link(crit.url, crit.label));
        list.appendChild(dt);
        list.appendChild(moved(stanceCell(s.criteria[crit.id], s.records), "dd"));
      });
      list.appendChild(el("dt", {}, meta.labels.quotes));
      list.appendChild(moved(quotesCell(s), "dd"));
      section.appendChild(list);
      stack.appendChild(section);
    });
    return stack;
  }

  function moved(cell, tag) {
    var out = el(tag, {});
    while (cell.firstChild) out.appendChild(cell.firstChild);
    return out;
  }

  function render(keys) {
    var turn = ++rendered;
    var asked = keys.map(function (key) { return subject(key).catch(function () { return null; }); });
    return Promise.all(asked).then(function (subjects) {
      if (turn === rendered) draw(keys, subjects);
    });
  }

  function fromSlots() {
    var keys = slots.map(function (s) { return s.value; }).filter(Boolean);
    history.replaceState(null, "", location.pathname + searchFor(keys) + location.hash);
    return render(keys);
  }

  // -- finding a proposal by its title ------------------------------------------------------------
  function words(text) {
    return text.toLocaleLowerCase(meta.lang).split(/\s+/).filter(Boolean);
  }

  function choose(key) {
    var values = slots.map(function (s) { return s.value; });
    if (values.indexOf(key) === -1) {
      var free = values.indexOf("");
      slots[free === -1 ? slots.length - 1 : free].value = key;
    }
    fromSlots();
  }

  function search() {
    var query = words(find.value);
    foundList.textContent = "";
    if (!query.length) { found.textContent = ""; return; }
    titles = titles || getJSON(meta.proposals);
    titles.then(function (data) {
      if (words(find.value).join(" ") !== query.join(" ")) return; // typed on meanwhile
      var matches = data.proposals.filter(function (p) {
        var title = p[1].toLocaleLowerCase(meta.lang);
        return query.every(function (w) { return title.indexOf(w) !== -1; });
      });
      var shown = matches.slice(0, meta.find_limit);
      found.textContent = (matches.length > shown.length ? meta.labels.found_first.replace("{shown}", shown.length) : meta.labels.found)
        .replace("{count}", matches.length);
      foundList.textContent = "";
      shown.forEach(function (p) {
        var item = el("li");
        var button = el("button", { type: "button", "data-rid-choose": "p:" + p[0] }, p[1]);
        if (p[2]) button.setAttribute("lang", p[2]);
        button.addEventListener("click", function () {
          offer("p:" + p[0], p[1], p[2]);
          choose("p:" + p[0]);
        });
        item.appendChild(button);
        foundList.appendChild(item);
      });
    }).catch(function () { found.textContent = ""; });
  }

  getJSON(tool.getAttribute("data-rid-compare"))
    .then(function (json) {
      meta = json;
      tool.hidden = false;
      slots.forEach(function (slot) { slot.addEventListener("change", fromSlots); });
      if (find) find.addEventListener("input", search);
      return render(keysFromSearch(location.search));
    })
    .catch(function () { /* the table below still answers the question */ });
})();
