// Small enhancements only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Put keyboard and screen-reader focus on the error summary of a form that failed validation.
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }

    // The header's menu on a phone: a disclosure button (the menu stays open without this script).
    var menuButton = document.querySelector(".menu-button");
    var menu = document.getElementById("site-menu");
    if (menuButton && menu) {
      menuButton.hidden = false;
      document.documentElement.classList.add("has-menu");
      // The unread count is inside the folded menu: repeat it on the button ("Menu (3)"), named in words for screen readers.
      var unread = menu.querySelector("[data-unread]");
      if (unread) {
        var words = unread.querySelector(".visually-hidden");
        var count = document.createElement("span");
        count.className = "menu-count";
        count.setAttribute("aria-hidden", "true");
        count.textContent = " (" + unread.getAttribute("data-unread") + ")";
        menuButton.appendChild(count);
        if (words) {
          menuButton.setAttribute("aria-label", menuButton.firstChild.textContent.trim() + ", " + words.textContent.trim());
        }
      }
      menuButton.addEventListener("click", function () {
        var open = menuButton.getAttribute("aria-expanded") !== "true";
        menuButton.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("open", open);
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.classList.contains("open")) {
          menu.classList.remove("open");
          menuButton.setAttribute("aria-expanded", "false");
          menuButton.focus();
        }
      });
    }

    // A second click on a submit button while the first is being sent would only be refused by the server
    // (forms carry a one-time submission id), but it is kinder not to send it.
    document.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var message = form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) { event.preventDefault(); return; }
        if (form.dataset.submitted === "true") { event.preventDefault(); return; }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
      });
    });
  });
  // Folded sections (<details>) are printed open: a printed result is read without clicking.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.dataset.printOpened = "true"; d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) { d.open = false; delete d.dataset.printOpened; });
  });
  // Coming back with the browser's back button shows a form that can be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(function (form) { delete form.dataset.submitted; });
  });
})();
