// The time-zone field. Typing a city or a country (in the page's language or in English) or an IANA id lists the
// matching zones; choosing one shows the page in it. The list is one static JSON file per language, fetched the first
// time the field is used and then cached by the browser. Without this script the field is a plain form: the server
// reads the same names.
//
// On a booking page opened without a zone, the browser's own zone is taken: the page is fetched again in it and its
// content swapped in place (no second full page load), and a cookie lets the next pages open in it at once.
(function () {
  "use strict";

  function words(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function offset(id) {
    try {
      var parts = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeZone: id, timeZoneName: "shortOffset" })
        .formatToParts(new Date());
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].type === "timeZoneName") return parts[i].value;
      }
    } catch (e) { /* an engine without shortOffset shows no offset */ }
    return "";
  }

  var lists = {};
  function load(url) {
    if (!lists[url]) {
      lists[url] = fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (rows) {
        return rows.map(function (z) {
          return {
            id: z[0],
            label: z[2] ? z[1] + ", " + z[2] : z[1],
            city: words(z[1]).join(" "),
            words: words([z[1], z[2], z[3] || "", z[0].replace(/[\/_]/g, " ")].join(" "))
          };
        });
      });
    }
    return lists[url];
  }

  function search(zones, text) {
    var query = words(text);
    if (!query.length) return [];
    var whole = query.join(" ");
    return zones
      .filter(function (z) { return query.every(function (w) { return z.words.some(function (k) { return k.indexOf(w) === 0; }); }); })
      .map(function (z) { return { z: z, rank: z.city === whole ? 0 : z.city.indexOf(whole) === 0 ? 1 : 2 }; })
      .sort(function (a, b) { return a.rank - b.rank || a.z.label.localeCompare(b.z.label); })
      .slice(0, 8)
      .map(function (x) { return x.z; });
  }

  function setup(input) {
    if (input.dataset.mbReady) return;
    input.dataset.mbReady = "1";
    var form = input.form;
    var list = document.createElement("ul");
    list.id = input.id + "-list";
    list.className = "mb-zone-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", (document.querySelector("label[for='" + input.id + "']") || {}).textContent || "");
    list.hidden = true;
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var shown = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(zone) {
      close();
      input.value = zone.id;
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }

    function render(zones) {
      shown = search(zones, input.value);
      active = -1;
      list.textContent = "";
      shown.forEach(function (zone, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.className = "mb-zone-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = zone.label;
        var off = offset(zone.id);
        if (off) {
          var small = document.createElement("span");
          small.className = "mb-zone-offset";
          small.textContent = " " + off;
          option.appendChild(small);
        }
        // mousedown, not click: the field keeps its focus, so the list does not close first.
        option.addEventListener("mousedown", function (e) { e.preventDefault(); choose(zone); });
        list.appendChild(option);
      });
      if (shown.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function move(by) {
      if (!shown.length) return;
      active = (active + by + shown.length) % shown.length;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      var current = list.children[active];
      input.setAttribute("aria-activedescendant", current.id);
      if (current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
    }

    input.addEventListener("focus", function () { load(input.dataset.mbZones); });
    input.addEventListener("input", function () { load(input.dataset.mbZones).then(render); });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) load(input.dataset.mbZones).then(render); else move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Enter" && !list.hidden && active >= 0) { e.preventDefault(); choose(shown[active]); }
      else if (e.key === "Escape" && !list.hidden) { e.preventDefault(); close(); }
    });
  }

  function setupAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mb-zone-input]"), setup);
  }

  // A booking page opened without a zone shows the page's own; if this browser lives elsewhere, show its zone instead.
  function detect() {
    var form = document.querySelector(".mb-book [data-mb-zone-form]");
    var input = form && form.querySelector("[data-mb-zone-input]");
    if (!input || !window.Intl || !window.fetch || new URLSearchParams(location.search).has("tz")) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === input.dataset.mbZone) return;
    document.cookie = "mb-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    var url = new URL(location.href);
    url.searchParams.set("tz", zone);
    fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // The reader has started choosing meanwhile: leave the page as it is; the cookie serves the next one.
        if (!html || document.activeElement !== document.body || document.querySelector(".mb-book input:checked")) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var main = document.querySelector("main");
        if (!fresh || !main) return;
        main.innerHTML = fresh.innerHTML;
        history.replaceState(null, "", url.toString());
        setupAll();
        document.dispatchEvent(new CustomEvent("mb:content"));
      })
      .catch(function () { /* the page stays in its own zone, which it says */ });
  }

  setupAll();
  detect();
})();
