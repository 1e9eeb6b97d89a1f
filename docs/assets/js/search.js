/* The search page of a `rid build` site: the form is answered from the Pagefind index of the
   page's own language, which sits at that language's root (/pagefind/, /fr/pagefind/ …) and whose
   result addresses are relative to it. Pagefind's own interface is not loaded: this page needs a
   list of links, and its 30 KB would be a tenth of a first search at the scale of the UN record.
   ?q=words runs a search at once, so a result list can be shared as a link; typing keeps the
   address in step. Result texts are Pagefind's excerpts: only their words and <mark>s are kept. */
(function () {
  "use strict";
  var box = document.getElementById("rid-search");
  var input = document.getElementById("rid-search-input");
  if (!box || !input) return;
  var PAGE = 10;
  var bundle = new URL(box.getAttribute("data-rid-bundle"), location.href).pathname;
  var status = box.querySelector(".rid-search__status");
  var list = box.querySelector(".rid-search__results");
  var pagefind = null;
  var current = 0; // the latest query wins; older answers are dropped

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: bundle.replace(/pagefind\/$/, "") }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function excerpt(html) {
    // Keep the words and the highlights, nothing else.
    var out = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function show(results, from, query) {
    var more = box.querySelector(".rid-search__more");
    if (more) more.remove();
    return Promise.all(results.slice(from, from + PAGE).map(function (r) { return r.data(); })).then(function (pages) {
      if (query !== current) return;
      pages.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.className = "rid-search__result";
        link.href = data.url;
        link.textContent = (data.meta && data.meta.title) || data.url;
        item.appendChild(link);
        item.appendChild(excerpt(data.excerpt || ""));
        list.appendChild(item);
      });
      if (from + PAGE < results.length) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button rid-search__more";
        button.textContent = box.getAttribute("data-rid-more");
        button.addEventListener("click", function () { show(results, from + PAGE, query); });
        box.appendChild(button);
      }
    });
  }

  var spellings = JSON.parse(box.getAttribute("data-rid-spellings") || "[]");

  // The query with each word that begins with one spelling of a pair given the other's beginning
  // ("skeptical" → "sceptical"): the queries to run besides the reader's own.
  function otherSpellings(words) {
    var out = [];
    var parts = words.toLowerCase().split(/\s+/).filter(Boolean);
    spellings.forEach(function (pair) {
      [0, 1].forEach(function (side) {
        var from = pair[side], to = pair[1 - side], changed = false;
        var alt = parts.map(function (w) {
          if (w.indexOf(from) !== 0) return w;
          changed = true;
          return to + w.slice(from.length);
        });
        if (changed) out.push(alt.join(" "));
      });
    });
    return out;
  }

  // The reader's query, its other spellings and, when it is a document's symbol (A/70/174), the
  // document's own page (data-pagefind-filter="symbol" on its heading) first; each page once,
  // the rest by Pagefind's score.
  function searchAll(pf, words) {
    var symbol = words.trim().toUpperCase();
    var queries = [words].concat(otherSpellings(words)).map(function (q) { return pf.search(q); });
    queries.unshift(pf.search(null, { filters: { symbol: symbol } }));
    return Promise.all(queries).then(function (answers) {
      var seen = {}, own = [], rest = [];
      answers.forEach(function (answer, i) {
        answer.results.forEach(function (r) {
          if (seen[r.id]) return;
          seen[r.id] = true;
          (i === 0 ? own : rest).push(r);
        });
      });
      rest.sort(function (a, b) { return b.score - a.score; });
      return { results: own.concat(rest) };
    });
  }

  function run(words) {
    var query = ++current;
    list.textContent = "";
    var more = box.querySelector(".rid-search__more");
    if (more) more.remove();
    if (!words.trim()) { status.textContent = ""; return; }
    load().then(function (pf) { return searchAll(pf, words); }).then(function (search) {
      if (query !== current) return;
      var n = search.results.length;
      status.textContent = n ? box.getAttribute("data-rid-count").replace("{count}", n) : box.getAttribute("data-rid-none");
      return show(search.results, 0, query);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    var params = new URLSearchParams(location.search);
    if (input.value) params.set("q", input.value); else params.delete("q");
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(query); } else { input.focus(); }
})();
