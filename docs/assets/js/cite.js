/* Copy buttons of the "Cite" block (hooks/ridsite/templates/_cite.html).
 *
 * Loaded only by pages that have a cite block, from this site (no CDN). Without this script the
 * buttons stay hidden and the citation is ordinary selectable text. The text copied is the
 * citation's text content; where the browser allows it, an HTML version goes along so that a word
 * processor keeps the title in italics. "accessed [date]": the script writes the reader's day in
 * place of the placeholder (in the page's language, from the block's data-rid-date-locale), so
 * that what is copied is a complete reference; without the script the placeholder stays.
 */
(function () {
  "use strict";

  function announce(button, key) {
    var status = button.parentNode.querySelector(".rid-cite__status");
    if (!status) return;
    status.textContent = status.getAttribute(key) || "";
    window.clearTimeout(status._ridTimer);
    status._ridTimer = window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  // The old way, for browsers (or insecure origins) without the asynchronous clipboard API:
  // select the citation and ask the browser to copy the selection.
  function copyBySelection(element) {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    return done;
  }

  function copy(element) {
    var text = element.textContent;
    var clipboard = navigator.clipboard;
    if (clipboard && window.ClipboardItem && clipboard.write) {
      // <cite> as <i>: word processors keep <i> as italics, not always <cite>.
      var html = "<p>" + element.innerHTML.replace(/<(\/?)cite\b/g, "<$1i") + "</p>";
      var item = new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      return clipboard.write([item]).catch(function () { return clipboard.writeText(text); });
    }
    if (clipboard && clipboard.writeText) {
      return clipboard.writeText(text);
    }
    return copyBySelection(element) ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function setUp(button) {
    var target = document.getElementById(button.getAttribute("data-rid-copy"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(target).then(
        function () { announce(button, "data-rid-copied"); },
        function () {
          // The clipboard API refused (permissions, an insecure origin): try the selection, which
          // also leaves the text selected for the reader to copy with the keyboard.
          announce(button, copyBySelection(target) ? "data-rid-copied" : "data-rid-copy-failed");
        }
      );
    });
  }

  function today(locale) {
    var options = { day: "numeric", month: "long", year: "numeric" };
    try {
      return new Intl.DateTimeFormat(locale, options).format(new Date());
    } catch (e) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  function fillAccessDates() {
    var blocks = document.querySelectorAll("[data-rid-date-locale]");
    for (var i = 0; i < blocks.length; i++) {
      var day = today(blocks[i].getAttribute("data-rid-date-locale"));
      var slots = blocks[i].querySelectorAll("[data-rid-access-date]");
      for (var j = 0; j < slots.length; j++) slots[j].textContent = day;
    }
  }

  function init() {
    fillAccessDates();
    var buttons = document.querySelectorAll("[data-rid-copy]");
    for (var i = 0; i < buttons.length; i++) {
      if (!buttons[i]._ridReady) {
        buttons[i]._ridReady = true;
        setUp(buttons[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
