// The page editor's policy preview, kept in step as the owner types. The sentences come from the server (the
// /admin/pages/policy-preview fragment, rendered by the same code as the customers' policy notice), never from a copy of
// the rules here that could drift from it; only the owner's own extra text is copied in as typed. Without this script
// the preview shows the saved (or last submitted) settings, as before.
(function () {
  "use strict";

  var preview = document.querySelector("[data-policy-preview]");
  var form = preview && preview.closest("form");
  if (!form) return;

  var asked = ["ManageEnabled", "CancelCutoffHours", "RescheduleCutoffHours", "MaxReschedules"];
  var extra = form.elements.namedItem("PolicyText");
  var timer = 0;
  var pending = null;

  function fillExtra() {
    var slot = preview.querySelector("[data-policy-extra]");
    if (!slot || !extra) return;
    var text = extra.value.trim();
    slot.textContent = text;
    slot.hidden = text === "";
  }

  function query() {
    var values = new URLSearchParams();
    asked.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field) return;
      if (field.type === "checkbox") {
        if (field.checked) values.append(name, field.value);
      } else {
        values.append(name, field.value);
      }
    });
    return values.toString();
  }

  function refresh() {
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(preview.getAttribute("data-policy-preview") + "?" + query(), { credentials: "same-origin", signal: pending.signal })
      .then(function (response) {
        if (!response.ok) throw new Error("preview answered " + response.status);
        return response.text();
      })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        preview.replaceChildren.apply(preview, Array.prototype.slice.call(parsed.body.childNodes));
        fillExtra();
      })
      .catch(function () { /* offline or aborted by a newer request: the last preview stays until the next change */ });
  }

  function changed(event) {
    var name = event.target && event.target.name;
    if (name === "PolicyText") {
      fillExtra();
    } else if (asked.indexOf(name) >= 0) {
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
