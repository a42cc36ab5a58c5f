/* Shoptalk: finding one's way. Search that recovers from a typo ("did you mean …"),
   a 404 page that offers the nearest terms, and the A–Z filter (in the page, or to a stage
   or a role from glossary.json). Every page works without this script; it reads only the
   site's own glossary.json and asks no other host. */
(function () {
  "use strict";

  /* ---- the glossary, fetched once from this site ---------------------------------- */
  var glossary = null;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* no config */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function loadGlossary(url) {
    if (!glossary) {
      glossary = fetch(url)
        .then(function (r) { return r.ok ? r.json() : { terms: [] }; })
        .catch(function () { return { terms: [] }; });
    }
    return glossary;
  }

  // A term page's address as MkDocs makes it: ``glossary/<id>/`` or, without directory
  // URLs, ``glossary/<id>.html`` (the theme says which; a page ending .html hints it).
  function directoryUrls() {
    var meta = document.querySelector("meta[name='shoptalk:directory-urls']");
    return meta ? meta.content !== "false" : !/\.html$/.test(location.pathname);
  }

  function termUrl(root, term) {
    return new URL("glossary/" + term.id + (directoryUrls() ? "/" : ".html"), root).href;
  }

  /* ``text`` as a URL of this site, else null. The 404 box's data- attributes are page
     markup, which any page can forge (the cleaner keeps data- attributes): a root of
     "javascript://%0a..." would make every suggestion a script link. */
  function ownUrl(text) {
    var url;
    try { url = new URL(text, location.href); } catch (e) { return null; }
    return url.protocol === location.protocol && url.origin === location.origin ? url : null;
  }

  /* ---- nearest names: edit distance over names, abbreviations and aliases ----------- */
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  // Optimal string alignment distance: a swapped pair of letters ("champoin") is one typo.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = [], prev = [], row, i, j, cost, best;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      row = [i]; best = i;
      for (j = 1; j <= b.length; j++) {
        cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], prev2[j - 2] + 1);
        }
        if (row[j] < best) best = row[j];
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  // The terms whose wording is nearest ``query``; ``loose`` (the 404 page) also counts a
  // wording that starts with the query, and allows more typos.
  function nearest(terms, query, count, loose) {
    var q = fold(query);
    if (q.length < 2) return [];
    var limit = loose ? Math.max(2, Math.floor(q.length / 2)) : Math.max(1, Math.floor(q.length / 3));
    var found = [];
    terms.forEach(function (term) {
      var forms = [term.name, term.abbreviation, term.id].concat(term.aliases || []);
      var best = limit + 1;
      forms.forEach(function (form) {
        var f = fold(form);
        if (!f) return;
        var d = loose && f.indexOf(q) === 0 ? 0.5 : distance(q, f, limit);
        if (d < best) best = d;
      });
      if (best <= limit && term.status !== "deprecated") found.push({ term: term, d: best });
    });
    found.sort(function (a, b) { return a.d - b.d || a.term.name.localeCompare(b.term.name); });
    return found.slice(0, count).map(function (hit) { return hit.term; });
  }

  function termLink(root, term) {
    var a = document.createElement("a");
    a.href = termUrl(root, term);
    a.textContent = term.abbreviation && term.abbreviation !== term.name
      ? term.name + " (" + term.abbreviation + ")" : term.name;
    return a;
  }

  /* ---- search: "did you mean …" when Material's search finds nothing ---------------- */
  function setUpDidYouMean() {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    if (!input || !list || !meta || input.dataset.stDidYouMean) return;
    input.dataset.stDidYouMean = "1";
    var box = document.createElement("div");
    box.className = "st-didyoumean";
    box.hidden = true;
    box.setAttribute("aria-live", "polite");
    meta.parentNode.insertBefore(box, meta.nextSibling);
    var timer = null;
    function update() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var query = input.value.trim();
        if (query.length < 3 || list.children.length > 0) { box.hidden = true; return; }
        var root = siteRoot();
        loadGlossary(new URL("glossary.json", root).href).then(function (data) {
          if (input.value.trim() !== query || list.children.length > 0) return;
          var hits = nearest(data.terms || [], query, 3, false);
          box.replaceChildren();
          if (!hits.length) { box.hidden = true; return; }
          box.append("Did you mean ");
          hits.forEach(function (term, n) {
            if (n) box.append(n === hits.length - 1 ? " or " : ", ");
            box.append(termLink(root, term));
          });
          box.append("?");
          box.hidden = false;
        });
      }, 250);
    }
    input.addEventListener("input", update);
    new MutationObserver(update).observe(list, { childList: true });
  }

  /* ---- 404: the nearest terms to the address asked for ------------------------------ */
  function setUpNotFound() {
    var box = document.querySelector(".st-notfound");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var words = decodeURIComponent(location.pathname).replace(/\/(index\.html)?$/, "")
      .split("/").pop().replace(/\.html$/, "").replace(/[-_]+/g, " ");
    var root = ownUrl(box.dataset.base || "/");
    var source = ownUrl(box.dataset.glossary || "glossary.json");
    if (!root || !source) return;
    loadGlossary(source.href)
      .then(function (data) {
        var hits = nearest(data.terms || [], words, 5, true);
        var list = box.querySelector(".st-notfound__terms");
        if (!hits.length || !list) return;
        hits.forEach(function (term) {
          var item = document.createElement("li");
          item.append(termLink(root, term));
          list.append(item);
        });
        box.hidden = false;
      });
  }

  /* ---- the A–Z filter: by category, by letter, by typed words ----------------------- */
  function setUpAtoZ() {
    var bar = document.querySelector("article .st-letters");
    if (!bar || bar.dataset.ready) return;
    bar.dataset.ready = "1";
    var article = bar.closest("article");
    var items = Array.prototype.map.call(article.querySelectorAll("li > .st-az__cat"),
      function (marker) { return { li: marker.parentNode, category: marker.dataset.category }; });
    if (!items.length) return;
    var names = {};
    article.querySelectorAll("a[href*='category/']").forEach(function (a) {
      var id = a.getAttribute("href").replace(/(\/index)?(\.html|\.md)?\/?$/, "").split("/").pop();
      names[id] = a.textContent.trim();
    });
    var form = document.createElement("div");
    form.className = "st-azfilter";
    form.setAttribute("role", "search");
    var select = document.createElement("select");
    select.setAttribute("aria-label", "Category");
    select.append(new Option("All categories", ""));
    Object.keys(names).forEach(function (id) {
      if (items.some(function (it) { return it.category === id; })) select.append(new Option(names[id], id));
    });
    var text = document.createElement("input");
    text.type = "search";
    text.placeholder = "Filter these terms";
    text.setAttribute("aria-label", "Filter these terms");
    var all = document.createElement("button");
    all.type = "button";
    all.className = "st-azfilter__all";
    all.textContent = "All letters";
    all.hidden = true;
    var count = document.createElement("span");
    count.className = "st-azfilter__count";
    count.setAttribute("aria-live", "polite");
    form.append(select, text, all, count);
    bar.parentNode.insertBefore(form, bar);
    var letter = "";
    var sections = Array.prototype.map.call(article.querySelectorAll("h2[id^='letter-']"),
      function (h) { return { heading: h, list: h.nextElementSibling }; });

    function apply() {
      var category = select.value, words = fold(text.value), shown = 0;
      items.forEach(function (it) {
        var ok = (!category || it.category === category) &&
          (!words || fold(it.li.textContent).indexOf(words) >= 0);
        it.li.hidden = !ok;
      });
      sections.forEach(function (s) {
        var visible = s.list ? s.list.querySelectorAll("li:not([hidden])").length : 0;
        var on = (!letter || s.heading.id === letter) && visible > 0;
        s.heading.hidden = !on;
        if (s.list) s.list.hidden = !on;
        if (on) shown += visible;
      });
      // Material's instant navigation may make the href absolute: compare the fragment.
      bar.querySelectorAll("a[href*='#letter-']").forEach(function (a) {
        a.setAttribute("aria-current", String(a.hash === "#" + letter));  // a link: not aria-pressed
      });
      all.hidden = !letter;
      count.textContent = shown + (shown === 1 ? " entry" : " entries");
    }
    select.addEventListener("change", apply);
    text.addEventListener("input", apply);
    all.addEventListener("click", function () { letter = ""; apply(); });
    bar.addEventListener("click", function (event) {
      var a = event.target.closest("a[href*='#letter-']");
      if (!a) return;
      event.preventDefault();
      letter = a.hash.slice(1);
      apply();
    });
    apply();
  }

  /* ---- the A–Z filtered to a stage or a role: ?stage=discover, ?owner=ae ------------ */
  // A stage or role page lists its first terms and links here for all of them. A long A–Z
  // is split into letter pages, so the list is made from glossary.json, fetched only then.
  var FILTERS = { stage: "Terms of the stage ", owner: "Terms owned by " };

  function plainText(markdown) {
    return String(markdown || "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]+/g, "");
  }

  function setUpFilteredAtoZ() {
    var box = document.querySelector("article .st-azfiltered");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var query = new URLSearchParams(location.search);
    var key = Object.keys(FILTERS).filter(function (k) { return query.get(k); })[0];
    if (!key) return;
    var value = query.get(key), label = value;
    var article = box.closest("article");
    // The page's own filter links name each stage and role.
    article.querySelectorAll("a[href*='?" + key + "=']").forEach(function (a) {
      if (new URL(a.href, location.href).searchParams.get(key) === value) {
        label = a.title || a.textContent.trim();
      }
    });
    var root = siteRoot();
    loadGlossary(new URL("glossary.json", root).href).then(function (data) {
      var terms = (data.terms || []).filter(function (t) {
        return key === "stage" ? (t.stages || []).indexOf(value) >= 0 : t.owner === value;
      }).sort(function (a, b) { return fold(a.name).localeCompare(fold(b.name)); });
      var heading = document.createElement("h2");
      heading.id = "filtered";
      heading.textContent = FILTERS[key] + label + " (" + terms.length + ")";
      var clear = document.createElement("a");
      clear.href = location.pathname.replace(/^\/+/, "/");  // "//host/…" would leave the site
      clear.textContent = "Show the whole A–Z";
      var back = document.createElement("p");
      back.append(clear);
      var list = document.createElement("ul");
      terms.forEach(function (term) {
        var item = document.createElement("li");
        var name = document.createElement("strong");
        name.append(termLink(root, term));
        item.append(name, term.status === "deprecated" ? " (deprecated)" : "",
          " — " + plainText(term.definition));
        list.append(item);
      });
      box.replaceChildren(heading, back, list);
      box.hidden = false;
      article.classList.add("st-az--filtered");
    });
  }

  function init() {
    setUpDidYouMean();
    setUpNotFound();
    setUpAtoZ();
    setUpFilteredAtoZ();
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
