/* The search page of a `rid build` site: Pagefind's interface, on the index of the page's own
   language, which sits at that language's root (/pagefind/, /fr/pagefind/ …); its result addresses
   are relative to that root. ?q=words runs a search at once, so a result list can be shared as a
   link; typing keeps the address in step. */
(function () {
  "use strict";
  var box = document.getElementById("rid-search");
  if (!box || typeof PagefindUI === "undefined") return;
  var bundle = new URL(box.getAttribute("data-rid-bundle"), location.href).pathname;
  var ui = new PagefindUI({
    element: "#rid-search",
    bundlePath: bundle,
    baseUrl: bundle.replace(/pagefind\/$/, ""),
    showSubResults: true,
    showImages: false,
    autofocus: true
  });
  // Pagefind names its box with a title only (axe: label-title-only): the page's heading, which
  // says "Search" in the reader's language, is its visible label.
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "rid-search-title");
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
  box.addEventListener("input", function (event) {
    if (!event.target.matches("input")) return;
    var params = new URLSearchParams(location.search);
    if (event.target.value) params.set("q", event.target.value); else params.delete("q");
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  });
})();
