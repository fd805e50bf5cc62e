// Conversations: with JavaScript, a vote is sent with fetch and the next statement is swapped in without a reload.
// Without it the same form posts and the page reloads with the next statement (the server answers both the same way).
(function () {
  'use strict';
  function bind(root) {
    root.querySelectorAll('form[data-swap]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        var button = event.submitter;
        var data = new FormData(form);
        if (button && button.name) { data.set(button.name, button.value); }
        event.preventDefault();
        form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        fetch(form.action || window.location.href, { method: 'POST', body: data, credentials: 'same-origin' })
          .then(function (response) { return response.text(); })
          .then(function (html) {
            var page = new DOMParser().parseFromString(html, 'text/html');
            var fresh = page.getElementById(form.dataset.swap);
            var current = document.getElementById(form.dataset.swap);
            if (!fresh || !current) { window.location.reload(); return; }
            current.replaceWith(fresh);
            bind(fresh);
            var text = fresh.querySelector('#statement-text') || fresh.querySelector('#statement');
            if (text) { text.setAttribute('tabindex', '-1'); text.focus(); }
          })
          .catch(function () { form.submit(); });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { bind(document); });
})();
