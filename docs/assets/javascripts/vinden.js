/*
 * The finder on /vinden/: Dutch-stemmed search (lunr + lunr-languages, served from this site)
 * over practices, partners and guides, with facets that show how many results each choice
 * leaves, a map of the wijken, and the whole state in the URL (?q=...&thema=...&wijk=...).
 *
 * The index arrives packed (see scripts/kennisbank/search_index.py): the state of the lunr.py
 * builder, which lunr.js's own Builder turns into an index here.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var FACETS = ["soort", "thema", "niveau", "district", "wijk", "vorm", "bewijs", "kosten"];
  var KIND_PREFIX = { praktijk: "Praktijk", partner: "Partner", stappenplan: "Stappenplan" };
  var script = document.currentScript;
  var dataUrl = script.getAttribute("data-zoekdata");
  var baseUrl = new URL(dataUrl, document.baseURI);
  var siteRoot = new URL("../../", baseUrl);  // the data lives in <site>/assets/zoeken/

  var form = document.getElementById("kb-finder");
  var fallback = document.getElementById("kb-finder-fallback");
  var queryInput = document.getElementById("kb-finder-q");
  var ageSelect = document.getElementById("kb-finder-leeftijd");
  var status = document.getElementById("kb-finder-status");
  var list = document.getElementById("resultaten");
  var more = document.getElementById("kb-finder-more");
  var map = document.querySelector(".kb-map__svg");

  var data, index, items, facetIds, wijkDistrict, stopWords, shown = PAGE_SIZE, summaries = {};

  /* ---------- Loading ---------- */

  function buildIndex(packed) {
    var builder = new lunr.Builder();
    packed.velden.forEach(function (field, f) {
      builder.field(field, { boost: packed.boosts[f] });
    });
    builder.searchPipeline = lunr.Pipeline.load(packed.pipeline);
    builder.documentCount = packed.documenten;
    for (var d = 0; d < packed.documenten; d++) {
      builder._documents[d] = {};
      packed.velden.forEach(function (field, f) {
        var ref = new lunr.FieldRef(String(d), field).toString();
        builder.fieldTermFrequencies[ref] = Object.create(null);
        builder.fieldLengths[ref] = packed.lengtes[f][d];
      });
    }
    packed.termen.forEach(function (term, t) {
      var posting = Object.create(null);
      posting._index = t;
      packed.velden.forEach(function (field, f) {
        var docs = Object.create(null), numbers = packed.postings[f][t], doc = 0;
        for (var i = 0; i < numbers.length; i++) {
          var n = numbers[i];
          if (n < 0) {  // a term frequency other than 1 for the document just read
            builder.fieldTermFrequencies[new lunr.FieldRef(String(doc), field)][term] = -n;
            continue;
          }
          doc += n;
          docs[doc] = Object.create(null);
          builder.fieldTermFrequencies[new lunr.FieldRef(String(doc), field)][term] = 1;
        }
        posting[field] = docs;
      });
      builder.invertedIndex[term] = posting;
    });
    builder.termIndex = packed.termen.length;
    return builder.build();
  }

  function prepare(json) {
    data = json;
    items = json.items;
    stopWords = Object.create(null);
    json.stopwoorden.forEach(function (w) { stopWords[w] = true; });
    facetIds = {};
    FACETS.forEach(function (facet) {
      facetIds[facet] = json.facetten[facet].map(function (value) { return value[0]; });
    });
    wijkDistrict = json.facetten.wijk.map(function (value) { return value[2]; });
    items.forEach(function (item, n) {
      item.n = n;
      item.kindIndex = facetIds.soort.indexOf(item.k);
      item.wijken = wijkenOf(item);
    });
    index = buildIndex(json.index);
  }

  /* Which wijken an entry serves: partners by their service area, other entries everywhere. */
  function wijkenOf(item) {
    var all = wijkDistrict.map(function (_, w) { return w; });
    if (!item.w || item.w.length === 1) return { all: true, list: all };  // stad, provincie, vlaanderen
    var values = item.w.slice(1);
    if (item.w[0] === "w") return { all: false, list: values };
    return {
      all: false,
      list: all.filter(function (w) { return values.indexOf(wijkDistrict[w]) !== -1; })
    };
  }

  /* ---------- State and URL ---------- */

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", leeftijd: params.get("leeftijd") || "" };
    FACETS.forEach(function (facet) {
      state[facet] = params.getAll(facet).filter(function (v) { return facetIds[facet].indexOf(v) !== -1; });
    });
    return state;
  }

  function stateFromForm() {
    var state = { q: queryInput.value.trim(), leeftijd: ageSelect.value };
    FACETS.forEach(function (facet) {
      state[facet] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + facet + '"]:checked'), function (input) { return input.value; });
    });
    return state;
  }

  function applyState(state) {
    queryInput.value = state.q;
    ageSelect.value = state.leeftijd;
    FACETS.forEach(function (facet) {
      form.querySelectorAll('input[name="' + facet + '"]').forEach(function (input) {
        input.checked = state[facet].indexOf(input.value) !== -1;
      });
    });
    var header = document.getElementById("kb-header-q");
    if (header) header.value = state.q;
  }

  function urlFor(state) {
    var params = new URLSearchParams();
    if (state.q) params.append("q", state.q);
    FACETS.forEach(function (facet) {
      state[facet].forEach(function (value) { params.append(facet, value); });
    });
    if (state.leeftijd) params.append("leeftijd", state.leeftijd);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  /* ---------- Searching ---------- */

  function terms(text) {
    return lunr.tokenizer(text).map(function (token) {
      return lunr.nl.trimmer(token);
    }).filter(function (token) {
      var word = token.toString();
      return word && !stopWords[word];
    }).map(function (token) { return token.toString(); });
  }

  /* Every word must match (after Dutch stemming); if nothing does, the last word may be
     unfinished (a prefix), then small typos are forgiven. Best match first. */
  function textMatches(text) {
    var words = terms(text);
    if (!words.length) return null;
    var attempts = [
      function (q) { words.forEach(function (w) { q.term(w, { presence: lunr.Query.presence.REQUIRED }); }); },
      function (q) {
        words.forEach(function (w, i) {
          if (i < words.length - 1) q.term(w, { presence: lunr.Query.presence.REQUIRED });
          else q.term(w, { presence: lunr.Query.presence.REQUIRED, usePipeline: false,
                           wildcard: lunr.Query.wildcard.TRAILING });
        });
      },
      function (q) {
        words.forEach(function (w) {
          q.term(w, { presence: lunr.Query.presence.REQUIRED, editDistance: w.length > 4 ? 1 : 0 });
        });
      }
    ];
    for (var a = 0; a < attempts.length; a++) {
      var results = index.query(attempts[a]);
      if (results.length) return results.map(function (r) { return items[+r.ref]; });
    }
    return [];
  }

  function selectedIndexes(state, facet) {
    return state[facet].map(function (value) { return facetIds[facet].indexOf(value); });
  }

  /* For each facet: does the item pass it? (an empty selection passes everything) */
  function passes(item, facet, selected, age) {
    if (facet === "leeftijd") {
      if (!age) return true;
      return !item.a.length || (item.a[0] <= age && age <= item.a[1]);
    }
    if (!selected.length) return true;
    if (facet === "soort") return selected.indexOf(item.kindIndex) !== -1;
    if (facet === "wijk" || facet === "district") {
      if (item.wijken.all) return true;
      return item.wijken.list.some(function (w) {
        return selected.indexOf(facet === "wijk" ? w : wijkDistrict[w]) !== -1;
      });
    }
    var values = item.f[facet];
    if (facet === "niveau" && !values.length) return true;  // guides suit every level
    if (!values) return false;
    return values.some(function (v) { return selected.indexOf(v) !== -1; });
  }

  function run(state) {
    var candidates = state.q ? textMatches(state.q) : null;
    var pool = candidates || items;
    var facets = FACETS.concat(["leeftijd"]);
    var selected = {};
    FACETS.forEach(function (facet) { selected[facet] = selectedIndexes(state, facet); });
    var age = state.leeftijd ? +state.leeftijd : 0;

    var results = [];
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = new Array(facetIds[facet].length).fill(0); });
    var mapBase = [];  // partners that pass every filter except wijk and district

    pool.forEach(function (item) {
      var failed = [];
      for (var i = 0; i < facets.length && failed.length < 3; i++) {
        if (!passes(item, facets[i], selected[facets[i]] || [], age)) failed.push(facets[i]);
      }
      if (!failed.length) results.push(item);
      // Counts say how many results ticking a value would leave. Values of one facet combine
      // with OR: an unticked value adds the entries that fail only this facet and have it.
      FACETS.forEach(function (facet) {
        if (failed.length === 1 && failed[0] === facet) countFor(item, facet, counts[facet], null);
        else if (!failed.length) countFor(item, facet, counts[facet], selected[facet].length ? selected[facet] : null);
      });
      var placeFilters = failed.filter(function (f) { return f !== "wijk" && f !== "district"; });
      if (!placeFilters.length && item.k === "partner") mapBase.push(item);
    });
    FACETS.forEach(function (facet) {
      if (!selected[facet].length) return;
      counts[facet].forEach(function (_, v) {
        if (selected[facet].indexOf(v) === -1) counts[facet][v] += results.length;
      });
    });
    if (!candidates) results.sort(byKindAndTitle);
    return { results: results, counts: counts, mapBase: mapBase };
  }

  /* Add one to each value the item has (only to `only`, when given). */
  function countFor(item, facet, target, only) {
    var values;
    if (facet === "soort") values = [item.kindIndex];
    else if (facet === "wijk") values = item.wijken.list;
    else if (facet === "district") {
      values = [];
      item.wijken.list.forEach(function (w) {
        if (values.indexOf(wijkDistrict[w]) === -1) values.push(wijkDistrict[w]);
      });
    } else {
      values = item.f[facet] || [];
      if (facet === "niveau" && !values.length) values = target.map(function (_, v) { return v; });
    }
    values.forEach(function (v) {
      if (!only || only.indexOf(v) !== -1) target[v]++;
    });
  }

  function byKindAndTitle(a, b) {
    return a.kindIndex - b.kindIndex || a.t.localeCompare(b.t, "nl");
  }

  /* ---------- Showing ---------- */

  function label(facet, position) { return data.facetten[facet][position][1]; }

  function render(state, outcome) {
    var results = outcome.results;
    var count = results.length;
    var what = count === 1 ? "1 resultaat" : count + " resultaten";
    status.textContent = what + (state.q ? " voor ‘" + state.q + "’" : "") +
      (count > shown ? ", de eerste " + shown + " staan hieronder." : ".");

    list.textContent = "";
    results.slice(0, shown).forEach(function (item) { list.appendChild(resultItem(item)); });
    more.hidden = count <= shown;
    loadSummaries(results.slice(0, shown));

    FACETS.forEach(function (facet) {
      outcome.counts[facet].forEach(function (n, position) {
        var el = form.querySelector('[data-count="' + facet + ":" + facetIds[facet][position] + '"]');
        if (el) {
          el.textContent = "(" + n + ")";
          el.closest("label").classList.toggle("kb-option--empty", n === 0);
        }
      });
    });
    shadeMap(state, outcome.mapBase);
  }

  function resultItem(item) {
    var li = document.createElement("li");
    li.className = "kb-result";
    var link = document.createElement("a");
    link.href = new URL(item.u, siteRoot).pathname;
    link.className = "kb-result__title";
    link.textContent = item.t;
    var kind = document.createElement("span");
    kind.className = "kb-result__kind kb-result__kind--" + item.k;
    kind.textContent = KIND_PREFIX[item.k];
    var heading = document.createElement("p");
    heading.className = "kb-result__head";
    heading.appendChild(kind);
    heading.appendChild(document.createTextNode(" "));
    heading.appendChild(link);
    li.appendChild(heading);
    var summary = document.createElement("p");
    summary.className = "kb-result__summary";
    summary.setAttribute("data-summary", item.n);
    summary.textContent = summaryOf(item.n) || "";
    li.appendChild(summary);
    li.appendChild(facts(item));
    return li;
  }

  function facts(item) {
    var parts = [];
    if (item.f.thema) parts.push(["Thema", item.f.thema.map(function (v) { return label("thema", v); }).join(", ")]);
    if (item.f.niveau && item.f.niveau.length) {
      parts.push(["Voor", item.f.niveau.map(function (v) { return label("niveau", v); }).join(", ") +
        (item.a.length ? " (" + item.a[0] + "–" + item.a[1] + " jaar)" : "")]);
    }
    if (item.f.vorm) parts.push(["Vorm", item.f.vorm.map(function (v) { return label("vorm", v); }).join(", ")]);
    if (item.w) parts.push(["Werkgebied", areaText(item)]);
    if (item.f.bewijs) parts.push(["Bewijs", label("bewijs", item.f.bewijs[0])]);
    if (item.f.kosten) parts.push(["Kosten", label("kosten", item.f.kosten[0])]);
    var line = document.createElement("p");
    line.className = "kb-result__facts";
    parts.forEach(function (part) {
      var span = document.createElement("span"), name = document.createElement("strong");
      name.textContent = part[0] + ": ";
      span.appendChild(name);
      span.appendChild(document.createTextNode(part[1]));
      line.appendChild(span);
    });
    return line;
  }

  var SCOPES = { stad: "Heel Antwerpen", provincie: "Provincie Antwerpen", vlaanderen: "Heel Vlaanderen" };

  function areaText(item) {
    if (SCOPES[item.w[0]]) return SCOPES[item.w[0]];
    if (item.w[0] === "d") return item.w.slice(1).map(function (d) { return label("district", d); }).join(", ");
    return item.w.slice(1).map(function (w) { return label("wijk", w); }).join(", ");
  }

  function summaryOf(n) {
    var shard = summaries[Math.floor(n / data.samenvattingen.per)];
    return shard && shard.length !== undefined ? shard[n % data.samenvattingen.per] : null;
  }

  function loadSummaries(visible) {
    var needed = {};
    visible.forEach(function (item) { needed[Math.floor(item.n / data.samenvattingen.per)] = true; });
    Object.keys(needed).forEach(function (shard) {
      if (summaries[shard]) return;
      summaries[shard] = fetch(new URL("samenvattingen-" + shard + ".json", baseUrl))
        .then(function (response) { return response.json(); })
        .then(function (texts) {
          summaries[shard] = texts;
          list.querySelectorAll("[data-summary]").forEach(function (el) {
            var text = summaryOf(+el.getAttribute("data-summary"));
            if (text) el.textContent = text;
          });
        });
    });
  }

  function shadeMap(state, partners) {
    if (!map) return;
    var perWijk = new Array(facetIds.wijk.length).fill(0);
    partners.forEach(function (item) { item.wijken.list.forEach(function (w) { perWijk[w]++; }); });
    var max = Math.max.apply(null, perWijk.concat([1]));
    var chosen = state.wijk;
    map.querySelectorAll("[data-wijk]").forEach(function (path) {
      var w = facetIds.wijk.indexOf(path.getAttribute("data-wijk"));
      var n = perWijk[w];
      var level = n === 0 ? 0 : Math.min(4, 1 + Math.floor(3 * n / max));
      path.setAttribute("class", "kb-map__wijk kb-map__wijk--" + level +
        (chosen.indexOf(facetIds.wijk[w]) !== -1 ? " kb-map__wijk--chosen" : ""));
      path.querySelector("title").textContent = data.facetten.wijk[w][1] + ": " +
        (n === 1 ? "1 partner" : n + " partners");
    });
  }

  /* ---------- Events ---------- */

  var timer;
  function update(push) {
    var state = stateFromForm();
    var url = urlFor(state);
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    }
    shown = PAGE_SIZE;
    render(state, run(state));
  }

  function wire() {
    queryInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(false); }, 120);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== queryInput) update(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { queryInput.value = ""; update(true); }, 0);
    });
    more.addEventListener("click", function () {
      var first = shown;
      shown += PAGE_SIZE;
      var state = stateFromForm();
      render(state, run(state));
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
    if (map) {
      map.addEventListener("click", function (event) {
        var path = event.target.closest("[data-wijk]");
        if (!path) return;
        var box = form.querySelector('input[name="wijk"][value="' + path.getAttribute("data-wijk") + '"]');
        box.checked = !box.checked;
        update(true);
      });
    }
    window.addEventListener("popstate", function () {
      var state = readState();
      applyState(state);
      render(state, run(state));
    });
  }

  /* For tests and the benchmark: the text search alone, and the exact-match query with scores. */
  function expose() {
    window.kbFinder = {
      search: function (text) { return textMatches(text) || []; },
      query: function (text) {
        var words = terms(text);
        return index.query(function (q) {
          words.forEach(function (w) { q.term(w, { presence: lunr.Query.presence.REQUIRED }); });
        }).map(function (r) { return { u: items[+r.ref].u, score: Math.round(r.score * 1000) / 1000 }; });
      },
      run: function (state) { return run(state).results.length; },
      /* The work of one keystroke or click: search, filter, count and show. Milliseconds. */
      time: function (partial) {
        var state = { q: "", leeftijd: "" };
        FACETS.forEach(function (facet) { state[facet] = []; });
        Object.keys(partial).forEach(function (key) { state[key] = partial[key]; });
        var start = performance.now();
        render(state, run(state));
        return performance.now() - start;
      }
    };
  }

  function start(json) {
    prepare(json);
    form.hidden = false;
    fallback.hidden = true;
    var state = readState();
    applyState(state);
    wire();
    render(state, run(state));
    expose();
    document.documentElement.setAttribute("data-kb-finder", "klaar");
  }

  fetch(dataUrl)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      fallback.insertAdjacentHTML("afterbegin",
        '<p class="kb-finder__error" role="alert">Het zoeken kon niet laden. De lijsten per thema werken wel.</p>');
      if (window.console) console.warn("vinden:", error);
    });
})();
