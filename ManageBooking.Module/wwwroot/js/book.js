// A package's picker: "n of N chosen" follows the ticks, and once N are chosen the other times wait until one is
// unticked. Picks in other weeks travel as hidden fields the server keeps; nothing here books or navigates.
(function () {
  "use strict";

  function setup() {
    var picks = document.querySelector("[data-mb-picks]");
    var form = picks && picks.closest("form");
    if (!form || form.dataset.mbReady) return;
    form.dataset.mbReady = "1";
    var total = parseInt(picks.dataset.mbTotal, 10);
    var counter = picks.querySelector("[data-mb-pick-count]");
    var boxes = form.querySelectorAll(".mb-slot input[type=checkbox]");

    function update() {
      var chosen = form.querySelectorAll(".mb-slot input[type=checkbox]:checked, input[type=hidden][name=Starts]").length;
      counter.textContent = counter.dataset.mbTemplate.replace("{0}", chosen).replace("{1}", total);
      Array.prototype.forEach.call(boxes, function (box) {
        if (!box.closest(".mb-slot--current")) box.disabled = chosen >= total && !box.checked;
      });
    }

    Array.prototype.forEach.call(boxes, function (box) { box.addEventListener("change", update); });
    update();
  }

  setup();
  document.addEventListener("mb:content", setup);
})();
