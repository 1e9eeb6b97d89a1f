/* Search on a `rid build` site, answered from the Pagefind index of the page's own language, which
   sits at that language's root (/pagefind/, /fr/pagefind/ …) and whose result addresses are
   relative to it. Two places ask it:
   - the search page (#rid-search): ?q=words runs a search at once, so a result list can be shared
     as a link; typing keeps the address in step; results come ten at a time;
   - the header's box on every page (form[data-rid-header-search]): results show in place, under
     the header, as the reader types; Enter opens the search page with all of them.
   Pagefind's own interface is not loaded: a list of links is all either needs, and its 30 KB would
   be a tenth of a first search at the scale of the UN record. Result texts are Pagefind's excerpts:
   only their words and <mark>s are kept. Loaded by the header and by the search page: runs once. */
(function () {
  "use strict";
  if (window.ridSearch) return;
  window.ridSearch = true;

  // British (UN) and American spellings of the words the records use, as word beginnings: a query
  // with either also runs with the other ("skeptical" finds "sceptical"). Pairs, not rules: a rule
  // such as -our → -or would also turn "four" into "for".
  var SPELLINGS = [
    ["sceptic", "skeptic"], ["organis", "organiz"], ["behaviour", "behavior"], ["favour", "favor"],
    ["centre", "center"], ["programme", "program"], ["defence", "defense"], ["labour", "labor"],
    ["prioritis", "prioritiz"], ["emphasis", "emphasiz"], ["utilis", "utiliz"], ["characteris", "characteriz"],
    ["recognis", "recogniz"], ["analys", "analyz"]
  ];

  var bundles = {};
  function load(bundleAttr) {
    var bundle = new URL(bundleAttr, location.href).pathname;
    if (!bundles[bundle]) {
      bundles[bundle] = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: bundle.replace(/pagefind\/$/, "") }).then(function () { return pf; });
      });
    }
    return bundles[bundle];
  }

  // The query with each word that begins with one spelling of a pair given the other's beginning.
  function otherSpellings(words) {
    var out = [];
    var parts = words.toLowerCase().split(/\s+/).filter(Boolean);
    SPELLINGS.forEach(function (pair) {
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

  // A query that is a UN document symbol ("A/70/174", "SG/SM/22726").
  var SYMBOL = /^[A-Z]{1,12}(\/[A-Z0-9.*-]+)+$/i;
  var LOOK = 50; // how many results are read for the document whose symbol is asked

  // The reader's query and its other spellings, each page once, by Pagefind's score; and, when the
  // query is a document's symbol, that document's own page first (its heading gives Pagefind the
  // meta "symbol"), which pages that only cite it would otherwise outrank. A meta, not a filter:
  // Pagefind writes its filter index in a different order at every build.
  function searchAll(pf, words) {
    var queries = [words].concat(otherSpellings(words)).map(function (q) { return pf.search(q); });
    return Promise.all(queries).then(function (answers) {
      var seen = {}, all = [];
      answers.forEach(function (answer) {
        answer.results.forEach(function (r) {
          if (!seen[r.id]) { seen[r.id] = true; all.push(r); }
        });
      });
      all.sort(function (a, b) { return b.score - a.score; });
      // A reissued document's asterisk (A/68/98*) is left out as readers leave it out.
      var bare = function (s) { return s.trim().toUpperCase().replace(/\*$/, ""); };
      var symbol = bare(words);
      if (!SYMBOL.test(symbol)) return all;
      return Promise.all(all.slice(0, LOOK).map(function (r) { return r.data(); })).then(function (pages) {
        var own = pages.findIndex(function (d) { return d.meta && bare(d.meta.symbol || "") === symbol; });
        if (own > 0) all.unshift(all.splice(own, 1)[0]);
        return all;
      });
    });
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

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.className = "rid-search__result";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(link);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  // One search box: `answer(results, query)` shows what a query found; the latest query wins.
  function searcher(bundleAttr, answer) {
    var current = 0;
    return function run(words) {
      var query = ++current;
      if (!words.trim()) { answer(null, query); return; }
      load(bundleAttr).then(function (pf) { return searchAll(pf, words); }).then(function (results) {
        if (query === current) answer(results, query);
      });
    };
  }

  // -- the search page --------------------------------------------------------------------------
  function page(box, input) {
    var PAGE = 10;
    var status = box.querySelector(".rid-search__status");
    var list = box.querySelector(".rid-search__results");
    var shown = 0;

    function show(results, from, query) {
      var more = box.querySelector(".rid-search__more");
      if (more) more.remove();
      var datas = results.slice(from, from + PAGE).map(function (r) { return r.data(); });
      return Promise.all(datas).then(function (pages) {
        if (query !== shown) return;
        pages.forEach(function (data) { list.appendChild(item(data)); });
        // Says which words the list now answers in full (what a test waits for, never a timer).
        list.setAttribute("data-rid-answered", input.value);
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

    var run = searcher(box.getAttribute("data-rid-bundle"), function (results, query) {
      shown = query;
      list.textContent = "";
      var more = box.querySelector(".rid-search__more");
      if (more) more.remove();
      if (!results) { status.textContent = ""; return; }
      var n = results.length;
      var said = n ? box.getAttribute("data-rid-count").replace("{count}", n) : box.getAttribute("data-rid-none");
      status.textContent = said;
      show(results, 0, query);
    });

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
  }

  // -- the header's box -----------------------------------------------------------------------
  function header(form) {
    var SHOWN = 6; // the panel's first results; Enter opens the search page with all of them
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".rid-header-search__panel");
    var status = panel.querySelector("[role=status]");
    var list = panel.querySelector("ol");
    input.hidden = false; // without this script the box could not answer, and stays hidden

    function close() { panel.hidden = true; }
    var run = searcher(form.getAttribute("data-rid-bundle"), function (results, query) {
      list.textContent = "";
      if (!results) { status.textContent = ""; close(); return; }
      status.textContent = results.length ? "" : form.getAttribute("data-rid-none");
      panel.hidden = false;
      Promise.all(results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
        pages.forEach(function (data) { list.appendChild(item(data)); });
      });
    });

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  var box = document.getElementById("rid-search");
  var input = document.getElementById("rid-search-input");
  if (box && input) page(box, input);
  var form = document.querySelector("form[data-rid-header-search]");
  if (form && !(box && input)) header(form); // on the search page, its own box is the one to use
}());
