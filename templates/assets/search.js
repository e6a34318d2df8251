// Search that runs in the browser, on search.json made at build time: no
// server, no third-party service, nothing leaves the visitor's device.
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !input || !status || !list) return;
  var root = script.getAttribute("data-root") || "./";
  // The words come from the page (templates/i18n/ through search.mustache), in its language.
  // (Not named `words`: that is the tokenizer below, and a second function
  // declaration of one name silently replaces the first.)
  function said(name) { return script.getAttribute("data-" + name) || ""; }
  var pages = null;

  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  // Every query word must appear (as the start of a word) in the title or
  // text; title matches rank first.
  function score(page, query) {
    var title = " " + words(page.title).join(" ");
    var body = " " + words(page.summary + " " + page.text).join(" ");
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var needle = " " + query[i];
      var inTitle = title.indexOf(needle) >= 0;
      var inBody = body.indexOf(needle) >= 0;
      if (!inTitle && !inBody) return 0;
      total += inTitle ? 10 : 1;
    }
    return total;
  }

  function show(query) {
    list.textContent = "";
    var terms = words(query);
    if (terms.length === 0) { status.textContent = ""; return; }
    var found = pages.map(function (page) { return { page: page, score: score(page, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); })
      .slice(0, 30);
    status.textContent = found.length === 0 ? said("none").replace("{query}", query) :
      found.length === 1 ? said("one") : said("many").replace("{count}", found.length);
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.page.url;
      link.textContent = hit.page.title;
      item.appendChild(link);
      if (hit.page.summary) {
        var summary = document.createElement("p");
        summary.textContent = hit.page.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); }
    input.addEventListener("input", function () { show(input.value); });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
    });
    show(input.value);
  }

  // The index as a script (search-index.js, made by `smartsite build
  // --offline`): from a file:// address browsers refuse fetch(), but load a
  // <script src>. Used there, and when fetching search.json fails.
  function loadScript() {
    return new Promise(function (resolve, reject) {
      var source = script.getAttribute("data-index-script");
      if (!source) { reject(new Error("no index script")); return; }
      var tag = document.createElement("script");
      tag.src = source;
      tag.onload = function () {
        if (Array.isArray(window.smartsiteSearchIndex)) resolve(window.smartsiteSearchIndex);
        else reject(new Error("no index in the script"));
      };
      tag.onerror = function () { reject(new Error("the index script could not be loaded")); };
      document.head.appendChild(tag);
    });
  }

  function fetchIndex() {
    return fetch(script.getAttribute("data-index")).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  status.textContent = said("loading");
  (window.location.protocol === "file:" ? loadScript() : fetchIndex().catch(loadScript))
    .then(function (data) { pages = data; status.textContent = ""; start(); })
    .catch(function () {
      status.textContent = said("failed");
    });
})();
