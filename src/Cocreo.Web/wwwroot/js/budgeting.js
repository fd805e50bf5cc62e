// Participatory budgeting enhancements; the ballot works without this file (the server checks everything).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Pictures: say at once that a file is too large, rather than after sending megabytes the server refuses.
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
      var message = document.getElementById(input.id + "-check");
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        var tooLarge = !!file && file.size > parseInt(input.dataset.maxBytes, 10);
        if (tooLarge) { input.value = ""; }
        if (message) {
          message.textContent = tooLarge ? input.dataset.tooLarge : "";
          message.hidden = !tooLarge;
        }
      });
    });

    // Knapsack ballots: say, as the voter ticks projects, how much their choice costs against the budget.
    var total = document.getElementById("ballot-total");
    if (!total) { return; }
    var budget = parseFloat(total.dataset.budget);
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
    var money = function (amount) { return format.format(amount) + "\u00a0" + total.dataset.currency; };
    var boxes = document.querySelectorAll("input[type=checkbox][data-cost]");
    var update = function () {
      var sum = 0;
      boxes.forEach(function (box) { if (box.checked) { sum += parseFloat(box.dataset.cost); } });
      var text = total.dataset.template.replace("{0}", money(sum)).replace("{1}", money(budget));
      var over = sum > budget + 1e-9;
      total.textContent = over ? text + " " + total.dataset.over : text;
      total.classList.toggle("over", over);
    };
    boxes.forEach(function (box) { box.addEventListener("change", update); });
  });
})();
