// Shows times in the visitor's own zone on the first visit. Only a GET navigation: it never books anything.
(function () {
  var params = new URLSearchParams(window.location.search);
  if (params.has("tz")) return;
  var form = document.querySelector("[data-mb-zone-form]");
  var select = document.querySelector("[data-mb-zone-select]");
  if (!form || !select || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || select.value === zone) return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      form.submit();
      return;
    }
  }
})();
