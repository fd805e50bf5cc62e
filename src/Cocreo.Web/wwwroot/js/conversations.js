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

// The opinion map, live (Platform/Live): when the map was computed again, the page fetches itself and swaps in the new
// map, keeping the reader's place, and says so to screen readers; "Updated … ago" counts on between updates.
(function () {
  'use strict';
  var map = document.getElementById('opinion-map');
  if (!map) { return; }
  var status = document.getElementById('map-status');
  var loading = false, again = false;
  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('opinion-map');
        var current = document.getElementById('opinion-map');
        if (!fresh || !current) { return; }
        // Keep the element (its live subscription and listeners); replace what it shows.
        current.replaceChildren.apply(current, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        if (status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
        tick();
      })
      .catch(function () { /* the page keeps the map it has; the next update tries again */ })
      .then(function () { loading = false; if (again) { again = false; refresh(); } });
  }
  function tick() {
    var age = map.querySelector('[data-computed-at]');
    if (!age || !window.Intl || !Intl.RelativeTimeFormat) { return; }
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(age.dataset.computedAt)) / 1000));
    var format = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'always' });
    var text = seconds < 60 ? format.format(-seconds, 'second')
      : seconds < 3600 ? format.format(-Math.floor(seconds / 60), 'minute') : format.format(-Math.floor(seconds / 3600), 'hour');
    age.textContent = (age.dataset.updatedLabel || '') + ' ' + text;
  }
  map.addEventListener('cocreo:live', refresh);
  map.addEventListener('cocreo:live-reconnected', refresh);
  window.setInterval(tick, 5000);
})();
