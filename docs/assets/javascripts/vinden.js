/*
 * The finder on /vinden/: Dutch search (lunr's tokenizer and lunr-languages' Dutch stemmer,
 * served from this site) over practices, partners, guides and the hand-written pages, with
 * facets that show how many results each choice leaves, a map of the wijken, and the whole
 * state in the URL (?q=...&thema=...&wijk=...).
 *
 * The index is made at build time (scripts/kennisbank/search/search_index.py): lunr's BM25
 * scores per term and entry, in shards by term. A query loads only the shards of its words and
 * the titles and summaries of the results it shows.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var HANDFUL = 5;  // fewer results with all words: also show those that match most words
  var KIND_PREFIX = { praktijk: "Praktijk", partner: "Partner", stappenplan: "Stappenplan", pagina: "Pagina" };
  var FALLBACK_HEADING = "Geen resultaten met alle woorden; deze passen bij een deel van je vraag";
  var script = document.currentScript;
  var dataUrl = script.getAttribute("data-zoekdata");
  var baseUrl = new URL(dataUrl, document.baseURI);
  var siteRoot = new URL("../../", baseUrl);  // the data lives in <site>/assets/zoeken/

  var form = document.getElementById("kb-finder");
  var fallback = document.getElementById("kb-finder-fallback");
  var queryInput = document.getElementById("kb-finder-q");
  var ageSelect = document.getElementById("kb-finder-leeftijd");
  var stoppedBox = document.getElementById("kb-finder-gestopt");
  var status = document.getElementById("kb-finder-status");
  var results = document.getElementById("resultaten");
  var more = document.getElementById("kb-finder-more");
  var applyButton = document.getElementById("kb-finder-apply");
  var filtersButton = document.getElementById("kb-finder-filters-open");
  var wijkSelect = document.getElementById("kb-finder-wijkkeuze");
  var map = document.querySelector(".kb-map__svg");

  var data, items, FACETS, facetIds, wijkDistrict, stopWords, questionWords, wordPattern;
  var shown = PAGE_SIZE, shards = {}, summaries = {}, decoded = {}, generation = 0, rendered = false;

  /* ---------- Words: the same normalisation as scripts/kennisbank/search/dutch.py ---------- */

  var startTrim, endTrim;
  function plain(word) {
    word = word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019\u2018`\u00b4]/g, "");
    return word.replace(startTrim, "").replace(endTrim, "");
  }

  function stem(word) { return lunr.nl.stemmer(new lunr.Token(word)).toString(); }

  function normalise(raw) {
    var word = plain(raw);
    if (!word || stopWords[word]) return "";
    return stem(stem(word));
  }

  function split(text) { return text.toLowerCase().split(/[\s\-]+/).filter(Boolean); }

  /* The query as groups of alternatives: each word (or phrase of the synonym list) matches an
     entry when the entry has the word, one of its synonyms, or a compound it is part of. */
  function groupsOf(text) {
    var raw = split(text).map(plain).filter(function (w) { return w && !stopWords[w]; });
    var content = raw.filter(function (w) { return !questionWords[w]; });
    if (content.length) raw = content;
    var terms = raw.map(function (w) { return stem(stem(w)); });
    var groups = [];
    for (var i = 0; i < terms.length; i++) {
      var group = null;
      for (var size = Math.min(3, terms.length - i); size >= 1 && !group; size--) {
        var key = terms.slice(i, i + size).join(" ");
        if (data.synoniemen[key]) {
          group = { word: raw.slice(i, i + size).join(" "), terms: size === 1 ? [terms[i]] : [], phrase: terms.slice(i, i + size),
                    alts: data.synoniemen[key], last: i + size === terms.length };
          i += size - 1;
        }
      }
      groups.push(group || { word: raw[i], terms: [terms[i]], phrase: [terms[i]], alts: [], last: i === terms.length - 1 });
    }
    return groups;
  }

  /* ---------- The index shards ---------- */

  function shardOf(term) {
    var starts = data.scherven, low = 0, high = starts.length - 1;
    while (low < high) {  // the last shard whose first term is <= term
      var mid = (low + high + 1) >> 1;
      if (starts[mid] <= term) low = mid; else high = mid - 1;
    }
    return low;
  }

  function shardsFor(groups) {
    var needed = {};
    groups.forEach(function (g) {
      g.phrase.concat(g.terms).forEach(function (t) { needed[shardOf(t)] = true; });
      g.alts.forEach(function (alt) { alt.forEach(function (t) { needed[shardOf(t)] = true; }); });
      if (g.last && g.word.length >= 3) needed[shardOf(g.word)] = true;
    });
    return Object.keys(needed).map(Number);
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    });
  }

  /* Load what a query needs; null when everything is there already (then all stays synchronous). */
  function loadShards(numbers) {
    var missing = numbers.filter(function (n) { return !shards[n] || shards[n].then; });
    if (!missing.length) return null;
    return Promise.all(missing.map(function (n) {
      if (!shards[n]) {
        shards[n] = fetchJson(new URL("t/" + n + ".json", baseUrl)).then(function (json) { shards[n] = json; });
      }
      return shards[n];
    }));
  }

  function postings(term, which) {
    var key = which + term;
    if (decoded[key]) return decoded[key];
    var shard = shards[shardOf(term)], packed = shard && !shard.then && shard[which][term];
    var out = [];
    if (packed) {
      for (var i = 0, doc = 0; i < packed.length; i += 2) {
        doc += packed[i];
        out.push([doc, packed[i + 1]]);
      }
    }
    decoded[key] = out;
    return out;
  }

  function addAll(target, list, factor) {
    list.forEach(function (p) {
      var value = p[1] * factor;
      if (!(target[p[0]] >= value)) target[p[0]] = value;
    });
  }

  function intersection(terms) {
    var scores = null;
    terms.forEach(function (term) {
      var next = {};
      postings(term, "t").forEach(function (p) {
        if (!scores || scores[p[0]] !== undefined) next[p[0]] = (scores ? scores[p[0]] : 0) + p[1];
      });
      scores = next;
    });
    var out = [];
    Object.keys(scores || {}).forEach(function (d) { out.push([+d, scores[d]]); });
    return out;
  }

  /* Is the edit distance (with swapped neighbours as one edit) between a and b at most max? */
  function editDistanceAtMost(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return false;
    var before = null, previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
        if (current[j] < best) best = current[j];
      }
      if (best > max) return false;
      before = previous;
      previous = current;
    }
    return previous[b.length] <= max;
  }

  /* Entries matching one group, with a score: exact words first, then synonyms, then compounds;
     an unfinished last word and small typos only when nothing else matches. */
  function matchGroup(group) {
    var scores = {};
    group.terms.forEach(function (t) { addAll(scores, postings(t, "t"), 1); });
    if (group.phrase.length > 1) addAll(scores, intersection(group.phrase), 1);
    group.alts.forEach(function (alt) { addAll(scores, intersection(alt), 0.9); });
    group.terms.forEach(function (t) { addAll(scores, postings(t, "d"), 0.4); });
    if (Object.keys(scores).length || group.terms.length !== 1) return scores;
    var term = group.terms[0], shard;
    if (group.last && group.word.length >= 3) {  // still typing: a prefix of a word
      shard = shards[shardOf(group.word)];
      if (shard && !shard.then) {
        Object.keys(shard.t).forEach(function (t) {
          if (t.lastIndexOf(group.word, 0) === 0) addAll(scores, postings(t, "t"), 0.5);
        });
      }
    }
    if (Object.keys(scores).length || term.length <= 4) return scores;
    shard = shards[shardOf(term)];
    var max = term.length >= 9 ? 2 : 1;
    var typed = group.word;
    if (shard && !shard.then) {
      Object.keys(shard.t).forEach(function (t) {
        if (t === term) return;
        if (editDistanceAtMost(term, t, max)) addAll(scores, postings(t, "t"), 0.5);
        // A long word with a slip near its end: a stem of at least six letters that begins it.
        else if (typed.length >= 9 && t.length >= 6 && typed.lastIndexOf(t, 0) === 0 &&
                 typed.length - t.length <= 8) addAll(scores, postings(t, "t"), 0.4);
      });
    }
    return scores;
  }

  /* All words first; if that leaves fewer than a handful, also the entries that match most words
     (at least half of them), below a heading of their own. */
  function textMatches(text) {
    var groups = groupsOf(text);
    if (!groups.length) return null;
    var perGroup = groups.map(matchGroup), total = {}, matched = {};
    perGroup.forEach(function (scores) {
      Object.keys(scores).forEach(function (d) {
        total[d] = (total[d] || 0) + scores[d];
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    var all = [], partial = [], need = Math.max(1, Math.ceil(groups.length / 2));
    Object.keys(total).forEach(function (d) {
      if (items[d].l) total[d] *= 0.6;  // a translated page: below the Dutch pages
      if (matched[d] === groups.length) all.push(+d);
      else if (matched[d] >= need) partial.push(+d);
    });
    all.sort(function (a, b) { return total[b] - total[a] || a - b; });
    partial.sort(function (a, b) { return matched[b] - matched[a] || total[b] - total[a] || a - b; });
    var useFallback = groups.length > 1 && all.length < HANDFUL && partial.length > 0;
    return {
      all: all.map(function (d) { return items[d]; }),
      partial: useFallback ? partial.map(function (d) { return items[d]; }) : []
    };
  }

  /* ---------- Loading ---------- */

  function prepare(json) {
    data = json;
    items = json.items;
    FACETS = json.filters;
    startTrim = new RegExp("^[^" + json.tekens + "]+");
    endTrim = new RegExp("[^" + json.tekens + "]+$");
    stopWords = Object.create(null);
    json.stopwoorden.forEach(function (w) { stopWords[w] = true; });
    questionWords = Object.create(null);
    json.vraagwoorden.forEach(function (w) { questionWords[w] = true; });
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

  function emptyState() {
    var state = { q: "", leeftijd: "", gestopt: false };
    FACETS.forEach(function (facet) { state[facet] = []; });
    return state;
  }

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = emptyState();
    state.q = params.get("q") || "";
    state.leeftijd = params.get("leeftijd") || "";
    state.gestopt = params.get("gestopt") === "ja";
    FACETS.forEach(function (facet) {
      state[facet] = params.getAll(facet).filter(function (v) { return facetIds[facet].indexOf(v) !== -1; });
    });
    return state;
  }

  function stateFromForm() {
    var state = emptyState();
    state.q = queryInput.value.trim();
    state.leeftijd = ageSelect.value;
    state.gestopt = !!(stoppedBox && stoppedBox.checked);
    FACETS.forEach(function (facet) {
      state[facet] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + facet + '"]:checked'), function (input) { return input.value; });
    });
    return state;
  }

  function applyState(state) {
    queryInput.value = state.q;
    ageSelect.value = state.leeftijd;
    if (stoppedBox) stoppedBox.checked = state.gestopt;
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
    if (state.gestopt) params.append("gestopt", "ja");
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  /* ---------- Filtering and counting ---------- */

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
    if (facet === "niveau" && values && !values.length && item.k !== "pagina") return true;  // guides suit every level
    if (!values) return false;
    return values.some(function (v) { return selected.indexOf(v) !== -1; });
  }

  function run(state) {
    var matches = state.q ? textMatches(state.q) : null;
    var fallbackUsed = !!(matches && !matches.all.length && matches.partial.length) ||
      !!(matches && matches.partial.length);
    var pool = matches ? matches.all.concat(matches.partial) : items;
    var partialSet = {};
    if (matches) matches.partial.forEach(function (item) { partialSet[item.n] = true; });
    if (!state.gestopt) pool = pool.filter(function (item) { return !item.x; });
    var facets = FACETS.concat(["leeftijd"]);
    var selected = {};
    FACETS.forEach(function (facet) { selected[facet] = selectedIndexes(state, facet); });
    var age = state.leeftijd ? +state.leeftijd : 0;

    var found = [];
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = new Array(facetIds[facet].length).fill(0); });
    var mapBase = [];  // partners that pass every filter except wijk and district

    pool.forEach(function (item) {
      var failed = [];
      for (var i = 0; i < facets.length && failed.length < 3; i++) {
        if (!passes(item, facets[i], selected[facets[i]] || [], age)) failed.push(facets[i]);
      }
      if (!failed.length) found.push(item);
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
        if (selected[facet].indexOf(v) === -1) counts[facet][v] += found.length;
      });
    });
    if (!matches) found.sort(byKindAndTitle);
    var sections = sectionsOf(state, found, partialSet);
    return { results: found, sections: sections, counts: counts, mapBase: mapBase,
             fallback: fallbackUsed && found.some(function (item) { return partialSet[item.n]; }) };
  }

  /* The results in the order shown: with a wijk or district chosen, partners bound to it first
     ("In jouw wijk"), then what works everywhere; a fallback gets its own heading. */
  function sectionsOf(state, found, partialSet) {
    var full = found.filter(function (item) { return !partialSet[item.n]; });
    var partial = found.filter(function (item) { return partialSet[item.n]; });
    var sections = [];
    if (state.wijk.length || state.district.length) {
      var near = full.filter(function (item) { return item.k === "partner" && !item.wijken.all; });
      var wide = full.filter(function (item) { return !(item.k === "partner" && !item.wijken.all); });
      if (near.length) sections.push({ title: "In jouw wijk", items: near });
      if (wide.length) sections.push({ title: "Voor heel Antwerpen", items: wide });
    } else if (full.length) {
      sections.push({ title: "", items: full });
    }
    if (partial.length) sections.push({ title: FALLBACK_HEADING, items: partial, fallback: true });
    return sections;
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
      if (facet === "niveau" && !values.length && item.k !== "pagina") values = target.map(function (_, v) { return v; });
    }
    values.forEach(function (v) {
      if (!only || only.indexOf(v) !== -1) target[v]++;
    });
  }

  function byKindAndTitle(a, b) {
    return a.kindIndex - b.kindIndex || a.n - b.n;
  }

  /* ---------- Summaries ---------- */

  function visibleItems(outcome) {
    var out = [];
    outcome.sections.forEach(function (s) { out = out.concat(s.items); });
    return out.slice(0, shown);
  }

  function loadSummaries(list) {
    var missing = list.filter(function (item) { return !summaries[item.n] || summaries[item.n].then; });
    if (!missing.length) return null;
    return Promise.all(missing.map(function (item) {
      if (!summaries[item.n]) {
        summaries[item.n] = fetchJson(new URL("s/" + item.n + ".json", baseUrl))
          .then(function (json) { summaries[item.n] = json; });
      }
      return summaries[item.n];
    }));
  }

  function summaryOf(n) {
    var s = summaries[n];
    return s && !s.then ? s : null;
  }

  /* ---------- Showing ---------- */

  function label(facet, position) { return data.facetten[facet][position][1]; }

  function render(state, outcome) {
    var count = outcome.results.length;
    var what = count === 1 ? "1 resultaat" : count + " resultaten";
    var exact = outcome.results.length - outcome.sections.reduce(function (n, s) { return n + (s.fallback ? s.items.length : 0); }, 0);
    if (state.q && outcome.fallback && exact === 0) what = what + " met een deel van je woorden";
    status.textContent = count === 0 && state.q ? "Niets gevonden voor ‘" + state.q + "’." :
      what + (state.q ? " voor ‘" + state.q + "’" : "") + (count > shown ? ", de eerste " + shown + " staan hieronder." : ".");

    results.textContent = "";
    var left = shown;
    outcome.sections.forEach(function (section) {
      if (left <= 0) return;
      if (section.title) {
        var heading = document.createElement("h2");
        heading.className = "kb-results__heading" + (section.fallback ? " kb-results__heading--fallback" : "");
        heading.textContent = section.title;
        results.appendChild(heading);
      }
      var list = document.createElement("ol");
      list.className = "kb-results";
      section.items.slice(0, left).forEach(function (item) { list.appendChild(resultItem(item)); });
      left -= section.items.length;
      results.appendChild(list);
    });
    if (count === 0) results.appendChild(emptyBox(state));
    more.hidden = count <= shown || count <= 1;
    if (applyButton) applyButton.textContent = "Toon " + (count === 1 ? "1 resultaat" : count + " resultaten");

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
    document.documentElement.setAttribute("data-kb-vraag", state.q);
    document.documentElement.classList.toggle("kb-has-query", !!state.q);
  }

  function emptyBox(state) {
    var box = document.createElement("div");
    box.className = "kb-empty";
    var p = document.createElement("p");
    var filtered = FACETS.some(function (f) { return state[f].length; }) || state.leeftijd;
    p.textContent = state.q ? "We vonden geen pagina die past bij je vraag" + (filtered ? " en je filters." : ".")
                            : "Geen resultaten met deze filters.";
    box.appendChild(p);
    var near = state.q ? suggestions(state.q) : [];
    if (near.length) {
      var s = document.createElement("p");
      s.appendChild(document.createTextNode("Bedoel je misschien: "));
      near.forEach(function (word, i) {
        if (i) s.appendChild(document.createTextNode(", "));
        var a = document.createElement("a");
        a.href = "?q=" + encodeURIComponent(word);
        a.textContent = word;
        s.appendChild(a);
      });
      s.appendChild(document.createTextNode("?"));
      box.appendChild(s);
    }
    if (filtered) {
      var clear = document.createElement("p");
      clear.textContent = "Of wis je filters met de knop ‘Wis alle filters’.";
      box.appendChild(clear);
    }
    var t = document.createElement("p");
    t.textContent = "Of kijk per thema:";
    box.appendChild(t);
    var themes = document.createElement("ul");
    themes.className = "kb-empty__themes";
    data.facetten.thema.forEach(function (value) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = new URL("themas/" + value[0] + "/", siteRoot).pathname;
      a.textContent = value[1];
      li.appendChild(a);
      themes.appendChild(li);
    });
    box.appendChild(themes);
    return box;
  }

  /* Words of the site that look like what was typed (small typos, or sharing a beginning). */
  function suggestions(text) {
    var out = [];
    split(text).map(plain).filter(function (w) { return w.length >= 4 && !stopWords[w] && !questionWords[w]; })
      .forEach(function (w) {
        var max = w.length >= 8 ? 2 : 1;
        data.woorden.forEach(function (word) {
          if (out.length >= 6 || out.indexOf(word) !== -1 || word === w) return;
          if (editDistanceAtMost(w, word, max) || (w.length >= 5 && word.lastIndexOf(w.slice(0, 5), 0) === 0)) out.push(word);
        });
      });
    return out;
  }

  function resultItem(item) {
    var li = document.createElement("li");
    li.className = "kb-result";
    var s = summaryOf(item.n);
    var link = document.createElement("a");
    link.href = s ? new URL(s[1], siteRoot).pathname : "#";
    link.className = "kb-result__title";
    link.textContent = s ? s[0] : "…";
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
    summary.textContent = s ? s[2] : "";
    li.appendChild(summary);
    li.appendChild(facts(item));
    li.setAttribute("data-n", item.n);
    return li;
  }

  function facts(item) {
    var parts = [];
    if (item.x) parts.push(["Let op", "deze organisatie is gestopt"]);
    if (item.f.thema) parts.push(["Thema", item.f.thema.map(function (v) { return label("thema", v); }).join(", ")]);
    if (item.f.niveau && item.f.niveau.length) {
      parts.push(["Voor", item.f.niveau.map(function (v) { return label("niveau", v); }).join(", ") +
        (item.a.length ? " (" + item.a[0] + "–" + item.a[1] + " jaar)" : "")]);
    }
    if (item.f.vorm) parts.push(["Vorm", item.f.vorm.map(function (v) { return label("vorm", v); }).join(", ")]);
    if (item.w) parts.push(["Werkgebied", areaText(item)]);
    if (item.f.taal && item.f.taal.length) parts.push(["Spreekt ook", item.f.taal.map(function (v) { return label("taal", v); }).join(", ")]);
    if (item.f.bewijs) parts.push(["Bewijs", label("bewijs", item.f.bewijs[0])]);
    if (item.f.kosten) parts.push(["Kosten", label("kosten", item.f.kosten[0])]);
    if (item.l) parts.push(["Taal", data.talen[item.l] || item.l]);
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

  function shadeMap(state, partners) {
    if (!map) return;
    var perWijk = new Array(facetIds.wijk.length).fill(0);
    partners.forEach(function (item) { item.wijken.list.forEach(function (w) { perWijk[w]++; }); });
    var max = Math.max.apply(null, perWijk.concat([1]));
    var chosen = state.wijk;
    map.querySelectorAll("[data-wijk]").forEach(function (path) {
      var w = facetIds.wijk.indexOf(path.getAttribute("data-wijk"));
      var n = perWijk[w];
      path.setAttribute("class", "kb-map__wijk kb-map__wijk--" + level(n, max) +
        (chosen.indexOf(facetIds.wijk[w]) !== -1 ? " kb-map__wijk--chosen" : ""));
      path.querySelector("title").textContent = data.facetten.wijk[w][1] + ": " +
        (n === 1 ? "1 partner" : n + " partners");
    });
    // The legend says which numbers each colour stands for, for the map as it is now.
    [0, 1, 2, 3, 4].forEach(function (l) {
      var el = document.querySelector('[data-legend="' + l + '"]');
      if (!el) return;
      var values = perWijk.filter(function (n) { return level(n, max) === l; });
      var low = Math.min.apply(null, values), high = Math.max.apply(null, values);
      el.textContent = !values.length ? "" : l === 0 ? "geen partners" :
        (low === high ? low : low + "–" + high) + (high === 1 ? " partner" : " partners");
      el.parentNode.hidden = !values.length;  // the legend explains exactly the colours in use
    });
  }

  function level(n, max) { return n === 0 ? 0 : Math.min(4, 1 + Math.floor(3 * n / max)); }

  /* ---------- Updating ---------- */

  /* Load what the state needs (shards of its words, summaries of the visible results), then
     show it. Synchronous when everything is loaded already. */
  function show(state, done) {
    var mine = ++generation;
    var finish = function () {
      if (mine !== generation) return;
      var outcome = run(state);
      var pending = loadSummaries(visibleItems(outcome));
      var complete = function () {
        if (mine !== generation) return;
        if (!rendered) {  // the form replaces the lists per theme together with its first results
          form.hidden = false;
          fallback.hidden = true;
          render(state, outcome);
        }
        rendered = true;
        fillSummaries();
        if (done) done(outcome);
      };
      // The first list waits for its titles and summaries, so that it does not grow (and push
      // the page down) once they arrive; later, counts and status show at once.
      if (rendered) render(state, outcome);
      if (pending) pending.then(complete); else complete();
    };
    var loading = state.q ? loadShards(shardsFor(groupsOf(state.q))) : null;
    if (loading) loading.then(finish); else finish();
  }

  function fillSummaries() {
    results.querySelectorAll(".kb-result[data-n]").forEach(function (li) {
      var s = summaryOf(+li.getAttribute("data-n"));
      var link = li.querySelector(".kb-result__title");
      if (!s || link.getAttribute("href") !== "#") return;
      link.href = new URL(s[1], siteRoot).pathname;
      link.textContent = s[0];
      li.querySelector(".kb-result__summary").textContent = s[2];
    });
  }

  var timer;
  function update(push) {
    var state = stateFromForm();
    var url = urlFor(state);
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    }
    shown = PAGE_SIZE;
    show(state);
  }

  function setDrawer(open) {
    form.classList.toggle("kb-finder--filters-open", open);
    if (filtersButton) filtersButton.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var first = form.querySelector(".kb-finder__facets input, .kb-finder__facets summary");
      if (first) first.focus();
    } else if (filtersButton && filtersButton.offsetParent) {
      status.scrollIntoView({ block: "start" });
      filtersButton.focus();
    }
  }

  function wire() {
    queryInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(false); }, 120);
    });
    form.addEventListener("change", function (event) {
      if (event.target === queryInput || event.target === wijkSelect) return;
      update(true);
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
      show(state, function () {
        var next = results.querySelectorAll(".kb-result")[first];
        if (next) next.querySelector("a").focus();
      });
    });
    if (filtersButton) filtersButton.addEventListener("click", function () { setDrawer(true); });
    if (applyButton) applyButton.addEventListener("click", function () { setDrawer(false); });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && form.classList.contains("kb-finder--filters-open")) setDrawer(false);
    });
    if (wijkSelect) {
      wijkSelect.addEventListener("change", function () {
        if (!wijkSelect.value) return;
        wijkSelect.value.split(" ").forEach(function (id) {
          var box = form.querySelector('input[name="wijk"][value="' + id + '"]');
          if (box) box.checked = true;
        });
        wijkSelect.value = "";
        update(true);
      });
    }
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
      show(state);
    });
  }

  /* For tests and the benchmark. */
  function expose() {
    window.kbFinder = {
      normalise: normalise,
      /* The ranking alone: all-words matches, then the fallback; with titles and addresses. */
      search: function (text) {
        var load = loadShards(shardsFor(groupsOf(text))) || Promise.resolve();
        return load.then(function () {
          var m = textMatches(text) || { all: [], partial: [] };
          var list = m.all.concat(m.partial).filter(function (item) { return !item.x; }).slice(0, 20);
          return (loadSummaries(list) || Promise.resolve()).then(function () {
            return { fallback: !!m.partial.length, results: list.map(function (item) {
              var s = summaryOf(item.n);
              return { u: s[1], t: s[0], k: item.k };
            }) };
          });
        });
      },
      /* Load what a state needs, so that time() measures only the work of a keystroke. */
      load: function (partial) {
        var state = emptyState();
        Object.keys(partial).forEach(function (key) { state[key] = partial[key]; });
        var load = state.q ? loadShards(shardsFor(groupsOf(state.q))) : null;
        return (load || Promise.resolve()).then(function () {
          return loadSummaries(visibleItems(run(state))) || null;
        }).then(function () { return true; });
      },
      /* The work of one keystroke or click: search, filter, count and show. Milliseconds. */
      time: function (partial) {
        var state = emptyState();
        Object.keys(partial).forEach(function (key) { state[key] = partial[key]; });
        var start = performance.now();
        render(state, run(state));
        return performance.now() - start;
      }
    };
  }

  function start(json) {
    prepare(json);
    var state = readState();
    applyState(state);
    wire();
    expose();
    show(state, function () { document.documentElement.setAttribute("data-kb-finder", "klaar"); });
  }

  fetchJson(dataUrl)
    .then(start)
    .catch(function (error) {
      fallback.insertAdjacentHTML("afterbegin",
        '<p class="kb-finder__error" role="alert">Het zoeken kon niet laden. De lijsten per thema werken wel.</p>');
      if (window.console) console.warn("vinden:", error);
    });
})();
