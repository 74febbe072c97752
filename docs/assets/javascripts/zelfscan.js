/*
 * The self-scan on /zelfscan/: scores the answers per dimension, draws the school's profile as
 * an SVG bar chart (with a table as its text equivalent), names the strongest and weakest
 * dimensions and links to the practices, partners and guides that help with the weakest.
 *
 * Everything happens in this page: answers are saved as a file the visitor keeps (a Blob URL)
 * and opened again from that file. Nothing is sent anywhere. While the tab is open the answers
 * are also kept in the browser's session storage, so a reload does not wipe them; leaving the
 * page with answers that are not saved to a file asks first. 'Weet niet' (value 0) counts as an
 * answer, but not in the scores. The titles and URLs of the help come from the JSON block
 * #kb-zelfscan-data, written at build time.
 */
(function () {
  "use strict";

  var root = document.getElementById("kb-zelfscan");
  var dataBlock = document.getElementById("kb-zelfscan-data");
  if (!root || !dataBlock) return;

  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_LISTED = 8;  // unanswered statements listed by name; the rest are marked in the form
  var KIND_HEADINGS = { practices: "Praktijken", partners: "Partners", guides: "Stappenplannen" };
  var UNKNOWN = 0;  // the value of 'weet niet / niet van toepassing'
  var data = JSON.parse(dataBlock.textContent);
  var scaleMax = data.scale.length;
  var STORAGE_KEY = "kb-zelfscan:" + data.format + ":" + data.version;

  var form = document.getElementById("kb-zelfscan-form");
  var errors = document.getElementById("kb-zelfscan-errors");
  var progress = document.getElementById("kb-zelfscan-progress");
  var nameInput = document.getElementById("kb-zelfscan-name");
  var fileInput = document.getElementById("kb-zelfscan-file");
  var fileError = document.getElementById("kb-zelfscan-file-error");
  var statusLine = document.getElementById("kb-zelfscan-status");
  var result = document.getElementById("kb-zelfscan-result");
  var resultTitle = document.getElementById("kb-zelfscan-result-title");
  var unsaved = false;  // answers given or changed since they were last saved to (or opened from) a file

  var statementIds = [];
  data.dimensions.forEach(function (dimension) {
    dimension.statements.forEach(function (id) { statementIds.push(id); });
  });

  /* ---------- Answers ---------- */

  function fieldset(id) {
    return document.getElementById("stelling-" + id);
  }

  function answerOf(id) {
    var checked = form.querySelector('input[name="' + id + '"]:checked');
    return checked ? Number(checked.value) : null;
  }

  function answers() {
    var found = {};
    statementIds.forEach(function (id) {
      var value = answerOf(id);
      if (value !== null) found[id] = value;
    });
    return found;
  }

  function unanswered() {
    return statementIds.filter(function (id) { return answerOf(id) === null; });
  }

  function setAnswers(given) {
    statementIds.forEach(function (id) {
      var value = given[id];
      form.querySelectorAll('input[name="' + id + '"]').forEach(function (input) {
        input.checked = Number(input.value) === value;
      });
    });
  }

  function updateProgress() {
    var done = statementIds.length - unanswered().length;
    progress.textContent = done + " van " + statementIds.length + " stellingen beantwoord.";
  }

  /* ---------- Scores ---------- */

  function unknown() {
    return statementIds.filter(function (id) { return answerOf(id) === UNKNOWN; });
  }

  // The average of the answers on the scale; 'weet niet' is left out. A dimension with only
  // 'weet niet' answers has no score (null).
  function scores() {
    return data.dimensions.map(function (dimension) {
      var sum = 0, counted = 0;
      dimension.statements.forEach(function (id) {
        var value = answerOf(id);
        if (value) { sum += value; counted += 1; }
      });
      return { dimension: dimension, score: counted ? sum / counted : null,
               unknown: dimension.statements.length - counted };
    });
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function formatScore(score) {
    return score.toFixed(1).replace(".", ",");
  }

  function meaning(score) {
    if (score < 2) return "Een belangrijk werkpunt";
    if (score < 3) return "Op weg, met ruimte om te groeien";
    return "Een sterkte van je school";
  }

  // Scores are averages of whole numbers: compare them rounded, so ties are real ties.
  function same(a, b) {
    return Math.abs(a - b) < 1e-9;
  }

  function titles(list) {
    var names = list.map(function (item) { return "‘" + item.dimension.title + "’"; });
    if (names.length < 2) return names.join("");
    return names.slice(0, -1).join(", ") + " en " + names[names.length - 1];
  }

  /* ---------- Drawing ---------- */

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function barClass(item, strongest, weakest) {
    if (weakest.indexOf(item) >= 0) return "kb-scan__bar kb-scan__bar--weakest";
    if (strongest.indexOf(item) >= 0) return "kb-scan__bar kb-scan__bar--strongest";
    return "kb-scan__bar";
  }

  // Break a label into lines of at most `size` characters, at spaces.
  function wrap(text, size) {
    var lines = [""];
    text.split(" ").forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last && (last + " " + word).length > size) lines.push(word);
      else lines[lines.length - 1] = last ? last + " " + word : word;
    });
    return lines;
  }

  // Drawn at the width it is shown (at most 680 units), so the text keeps its size on a phone.
  function drawChart(items, strongest, weakest, available) {
    var width = Math.round(Math.max(300, Math.min(680, available || 680)));
    var left = 4, right = 52, top = 8, axis = 26, lineHeight = 18;
    var plot = width - left - right;
    var rows = items.map(function (item) {
      var label = item.dimension.title;
      if (weakest.indexOf(item) >= 0) label += " (grootste werkpunt)";
      else if (strongest.indexOf(item) >= 0) label += " (sterkst)";
      return { item: item, lines: wrap(label, Math.floor((width - left) / 8.5)) };
    });
    var height = top + axis;
    rows.forEach(function (row) { height += row.lines.length * lineHeight + 32; });
    var chart = svg("svg", {
      viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "kb-zelfscan-chart-title",
      class: "kb-scan__svg", focusable: "false"
    });
    chart.appendChild(svg("title", { id: "kb-zelfscan-chart-title" },
      "Staafdiagram: de score per kenmerk, van 1 tot " + scaleMax + ". De scores staan ook in de tabel hieronder."));
    for (var tick = 1; tick <= scaleMax; tick++) {
      var x = left + plot * tick / scaleMax;
      chart.appendChild(svg("line", { x1: x, x2: x, y1: top, y2: height - axis + 4, class: "kb-scan__grid" }));
      chart.appendChild(svg("text", { x: x, y: height - 6, "text-anchor": "middle", class: "kb-scan__tick" }, String(tick)));
    }
    var y = top;
    rows.forEach(function (row) {
      var label = svg("text", { x: left, y: y + 14, class: "kb-scan__label" });
      row.lines.forEach(function (line, n) {
        label.appendChild(svg("tspan", { x: left, dy: n ? lineHeight : 0 }, line));
      });
      chart.appendChild(label);
      y += row.lines.length * lineHeight;
      if (row.item.score === null) {
        chart.appendChild(svg("text", { x: left, y: y + 18, class: "kb-scan__value" }, "geen score: alles ‘weet niet’"));
      } else {
        var barWidth = plot * row.item.score / scaleMax;
        chart.appendChild(svg("rect", { x: left, y: y + 4, width: barWidth, height: 18, rx: 2,
          class: barClass(row.item, strongest, weakest) }));
        chart.appendChild(svg("text", { x: left + barWidth + 6, y: y + 18, class: "kb-scan__value" }, formatScore(row.item.score)));
      }
      y += 32;
    });
    return chart;
  }

  function fillTable(items, strongest, weakest) {
    var body = document.querySelector("#kb-zelfscan-table tbody");
    body.textContent = "";
    items.forEach(function (item) {
      var row = el("tr");
      var head = el("th", { scope: "row" }, item.dimension.title);
      row.appendChild(head);
      if (item.score === null) {
        row.appendChild(el("td", {}, "–"));
        row.appendChild(el("td", {}, "Geen score: alle stellingen beantwoord met ‘weet niet’"));
        body.appendChild(row);
        return;
      }
      row.appendChild(el("td", {}, formatScore(item.score)));
      var note = meaning(item.score);
      if (weakest.indexOf(item) >= 0) note += " (grootste werkpunt)";
      else if (strongest.indexOf(item) >= 0) note += " (sterkste kenmerk)";
      if (item.unknown) note += "; " + plural(item.unknown, "stelling", "stellingen") + " ‘weet niet’";
      row.appendChild(el("td", {}, note));
      body.appendChild(row);
    });
  }

  function helpList(kind, links) {
    var block = el("div", { class: "kb-scan__help" });
    block.appendChild(el("h4", {}, KIND_HEADINGS[kind]));
    var list = el("ul");
    links.forEach(function (link) {
      var item = el("li");
      item.appendChild(printable(el("a", { href: link.url }, link.title)));
      if (link.summary) item.appendChild(document.createTextNode(": " + link.summary));
      list.appendChild(item);
    });
    block.appendChild(list);
    return block;
  }

  function showAdvice(weakest, allEqual) {
    var advice = document.getElementById("kb-zelfscan-advice");
    advice.textContent = "";
    if (allEqual) return;
    weakest.forEach(function (item) {
      var dimension = item.dimension;
      var section = el("section", { class: "kb-scan__advice", "data-dimension": dimension.id });
      section.appendChild(el("h3", {}, "Wat helpt bij ‘" + dimension.title + "’?"));
      section.appendChild(el("p", {}, dimension.tip));
      Object.keys(KIND_HEADINGS).forEach(function (kind) {
        var links = dimension.help[kind] || [];
        if (links.length) section.appendChild(helpList(kind, links));
      });
      advice.appendChild(section);
    });
  }

  function describeExtreme(target, list, best, allEqual) {
    target.textContent = "";
    if (allEqual) {
      target.appendChild(el("p", {}, "Alle kenmerken scoren even hoog (" + formatScore(list[0].score) +
        "). Kies samen met je team één kenmerk om mee te beginnen."));
      return;
    }
    var score = formatScore(list[0].score);
    var text = list.length === 1
      ? titles(list) + ", met een score van " + score + "."
      : "Deze kenmerken scoren even " + (best ? "hoog" : "laag") + ", met " + score + ": " + titles(list) + ".";
    target.appendChild(el("p", {}, text));
  }

  /* ---------- Result ---------- */

  // On paper a link shows its full address (see the print rules in kennisbank.css).
  function printable(link) {
    link.setAttribute("data-kb-print-url", link.href);
    return link;
  }

  function describeUnknown() {
    var target = document.getElementById("kb-zelfscan-unknown");
    var count = unknown().length;
    target.textContent = count === 0 ? "" : plural(count, "stelling", "stellingen") +
      " beantwoord met ‘weet niet’ of ‘niet van toepassing’; " + (count === 1 ? "die telt" : "die tellen") +
      " niet mee in de scores.";
    target.hidden = count === 0;
  }

  function showNoScore() {
    result.hidden = false;
    document.getElementById("kb-zelfscan-chart").textContent = "";
    document.querySelector("#kb-zelfscan-table tbody").textContent = "";
    ["kb-zelfscan-strongest", "kb-zelfscan-weakest", "kb-zelfscan-advice"].forEach(function (id) {
      document.getElementById(id).textContent = "";
    });
    document.getElementById("kb-zelfscan-strongest").appendChild(el("p", {},
      "Er is geen score: je beantwoordde alle stellingen met ‘weet niet’."));
    describeUnknown();
    root.classList.add("kb-scan--has-result");
  }

  function showResult(moveFocus) {
    var items = scores().filter(function (item) { return item.score !== null; });
    if (!items.length) {
      showNoScore();
      if (moveFocus) focusResult();
      return "Je resultaat staat hieronder. Er is geen score: alle stellingen zijn beantwoord met ‘weet niet’.";
    }
    var values = items.map(function (item) { return item.score; });
    var high = Math.max.apply(null, values), low = Math.min.apply(null, values);
    var strongest = items.filter(function (item) { return same(item.score, high); });
    var weakest = items.filter(function (item) { return same(item.score, low); });
    var allEqual = same(high, low);

    result.hidden = false;  // first, so the chart can measure the room it has
    var chartBox = document.getElementById("kb-zelfscan-chart");
    chartBox.textContent = "";
    var all = scores();  // with the dimensions that have no score, so the table and chart show them too
    all = all.map(function (item) {
      return items.filter(function (scored) { return scored.dimension === item.dimension; })[0] || item;
    });
    chartBox.appendChild(drawChart(all, allEqual ? [] : strongest, allEqual ? [] : weakest, chartBox.clientWidth));
    fillTable(all, allEqual ? [] : strongest, allEqual ? [] : weakest);
    describeUnknown();
    describeExtreme(document.getElementById("kb-zelfscan-strongest"), strongest, true, allEqual);
    describeExtreme(document.getElementById("kb-zelfscan-weakest"), weakest, false, allEqual);
    showAdvice(weakest, allEqual);

    var name = nameInput.value.trim();
    var today = new Date().toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" });
    document.getElementById("kb-zelfscan-meta").textContent = (name ? name + ", " : "") + "ingevuld op " + today + ".";

    root.classList.add("kb-scan--has-result");
    if (moveFocus) focusResult();
    return allEqual
      ? "Je resultaat staat hieronder. Alle kenmerken scoren even hoog."
      : "Je resultaat staat hieronder. Sterkste kenmerk: " + titles(strongest) + ". Grootste werkpunt: " + titles(weakest) + ".";
  }

  // The result's heading at the top of the screen (below the sticky header), with the focus.
  function focusResult() {
    resultTitle.focus({ preventScroll: true });
    resultTitle.scrollIntoView({ block: "start" });
  }

  function hideResult() {
    result.hidden = true;
    root.classList.remove("kb-scan--has-result");
  }

  function announce(text) {
    // Clear first, so the same message twice is announced twice.
    statusLine.textContent = "";
    window.setTimeout(function () { statusLine.textContent = text; }, 50);
  }

  /* ---------- Missing answers ---------- */

  function markOpen(missing) {
    statementIds.forEach(function (id) {
      setOpen(id, missing.indexOf(id) >= 0);
    });
  }

  // An unanswered statement says so in its legend, so screen readers hear it with the question.
  function setOpen(id, open) {
    var box = fieldset(id);
    var note = box.querySelector(".kb-scan__open-note");
    box.classList.toggle("kb-scan__statement--open", open);
    if (open && !note) box.querySelector("legend").appendChild(el("span", { class: "kb-scan__open-note" }, " Nog niet beantwoord."));
    if (!open && note) note.remove();
  }

  function showErrors(missing) {
    errors.textContent = "";
    errors.appendChild(el("h2", {}, "Nog niet alles is ingevuld"));
    errors.appendChild(el("p", {}, "Je hebt nog " + missing.length + " van de " + statementIds.length +
      " stellingen niet beantwoord. Beantwoord ze allemaal om je resultaat te zien:"));
    var list = el("ul");
    missing.slice(0, MAX_LISTED).forEach(function (id) {
      var item = el("li");
      var link = el("a", { href: "#stelling-" + id }, fieldset(id).querySelector("legend").firstChild.textContent.trim());
      link.addEventListener("click", function (event) {
        event.preventDefault();
        fieldset(id).scrollIntoView({ block: "center" });
        fieldset(id).querySelector("input").focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    errors.appendChild(list);
    if (missing.length > MAX_LISTED) {
      errors.appendChild(el("p", {}, "En nog " + (missing.length - MAX_LISTED) + " andere. Ze zijn gemarkeerd met ‘Nog niet beantwoord’."));
    }
    markOpen(missing);
    errors.hidden = false;
    errors.focus();
  }

  function clearErrors() {
    errors.hidden = true;
    errors.textContent = "";
    markOpen([]);
  }

  /* ---------- Saving and opening ---------- */

  function slug(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function save() {
    var today = new Date().toISOString().slice(0, 10);
    var name = nameInput.value.trim();
    var saved = {
      format: data.format, version: data.version, saved: today, name: name, answers: answers()
    };
    var blob = new Blob([JSON.stringify(saved, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: "zelfscan-" + (name ? slug(name) + "-" : "") + today + ".json" });
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    setUnsaved(false);
    announce("Je antwoorden zijn bewaard als bestand. Open het later hier opnieuw om verder te werken.");
  }

  function readSaved(text) {
    var saved;
    try {
      saved = JSON.parse(text);
    } catch (error) {
      throw new Error("het bestand is geen bewaarde zelfscan (geen geldige JSON)");
    }
    if (!saved || saved.format !== data.format || typeof saved.answers !== "object" || saved.answers === null) {
      throw new Error("het bestand is geen bewaarde zelfscan van de kennisbank");
    }
    var given = {};
    Object.keys(saved.answers).forEach(function (id) {
      var value = saved.answers[id];
      if (statementIds.indexOf(id) >= 0 && Number.isInteger(value) && value >= UNKNOWN && value <= scaleMax) given[id] = value;
    });
    return { name: typeof saved.name === "string" ? saved.name : "", answers: given };
  }

  function open(file) {
    fileError.textContent = "";
    file.text().then(function (text) {
      var saved = readSaved(text);
      setAnswers(saved.answers);
      nameInput.value = saved.name;
      updateProgress();
      clearErrors();
      setUnsaved(false);
      var missing = unanswered();
      if (missing.length === 0) {
        announce("Bestand geopend. " + showResult(true));
        remember();
      } else {
        hideResult();
        remember();
        announce("Bestand geopend. Je hebt nog " + missing.length + " van de " + statementIds.length +
          " stellingen niet beantwoord.");
      }
    }).catch(function (error) {
      fileError.textContent = "Dit bestand kan niet geopend worden: " + error.message + ".";
    }).then(function () {
      fileInput.value = "";  // so the same file can be opened again
    });
  }

  /* ---------- Kept while the tab is open: session storage, and a question before leaving ---------- */

  function askBeforeLeaving(event) {
    event.preventDefault();
    event.returnValue = "";  // older browsers need a value to ask
    return "";
  }

  function setUnsaved(value) {
    value = value && Object.keys(answers()).length > 0;
    if (value !== unsaved) {
      if (value) window.addEventListener("beforeunload", askBeforeLeaving);
      else window.removeEventListener("beforeunload", askBeforeLeaving);
    }
    unsaved = value;
    root.dataset.unsaved = value ? "ja" : "nee";
    remember();
  }

  function storage() {
    try { return window.sessionStorage; } catch (error) { return null; }  // blocked by the browser
  }

  function remember() {
    var store = storage();
    if (!store) return;
    var given = answers();
    try {
      if (!Object.keys(given).length && !nameInput.value.trim()) store.removeItem(STORAGE_KEY);
      else store.setItem(STORAGE_KEY, JSON.stringify({ name: nameInput.value, answers: given,
        unsaved: unsaved, result: !result.hidden }));
    } catch (error) { /* storage full or blocked: the page works without it */ }
  }

  function restore() {
    var store = storage(), kept;
    try { kept = store && JSON.parse(store.getItem(STORAGE_KEY) || "null"); } catch (error) { kept = null; }
    if (!kept || typeof kept.answers !== "object" || kept.answers === null) return;
    var given = {};
    Object.keys(kept.answers).forEach(function (id) {
      var value = kept.answers[id];
      if (statementIds.indexOf(id) >= 0 && Number.isInteger(value) && value >= UNKNOWN && value <= scaleMax) given[id] = value;
    });
    setAnswers(given);
    nameInput.value = typeof kept.name === "string" ? kept.name : "";
    updateProgress();
    if (kept.result && unanswered().length === 0) showResult(false);
    setUnsaved(kept.unsaved !== false);
    if (Object.keys(given).length) announce("Je antwoorden van daarnet staan er nog. Ze blijven in deze browser tot je het tabblad sluit.");
  }

  /* ---------- Wiring ---------- */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var missing = unanswered();
    if (missing.length) {
      hideResult();
      showErrors(missing);
      return;
    }
    clearErrors();
    announce(showResult(true));
    remember();
  });

  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio") return;
    updateProgress();
    setOpen(event.target.name, false);
    if (!errors.hidden && unanswered().length === 0) clearErrors();
    if (!result.hidden) showResult(false);  // keep a shown result in step with the answers
    setUnsaved(true);
  });
  nameInput.addEventListener("input", function () { setUnsaved(true); });

  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      updateProgress();
      clearErrors();
      hideResult();
      setUnsaved(false);
      announce("Alle antwoorden zijn gewist.");
    }, 0);
  });

  document.getElementById("kb-zelfscan-save").addEventListener("click", save);
  document.getElementById("kb-zelfscan-save-result").addEventListener("click", save);
  document.getElementById("kb-zelfscan-print").addEventListener("click", function () { window.print(); });
  fileInput.addEventListener("change", function () {
    if (fileInput.files.length) open(fileInput.files[0]);
  });

  document.getElementById("kb-zelfscan-nojs").hidden = true;
  document.getElementById("kb-zelfscan-open").hidden = false;
  document.getElementById("kb-zelfscan-actions").hidden = false;
  result.querySelectorAll("a[href]").forEach(printable);
  updateProgress();
  restore();
  document.documentElement.dataset.kbZelfscan = "klaar";
})();
