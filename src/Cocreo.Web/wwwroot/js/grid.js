// The Open Space grid (Features/Meetings/OpenSpace): when the run sheet changes (a live update on "runsheet:{id}",
// see live.js) or the connection comes back, the page is fetched again and the #grid-live element's content replaced;
// the free places in the post form are brought up to date too, unless the person is choosing one, and the forms'
// versions follow the grid they now see. Without JavaScript a reload shows the same.
(function () {
  'use strict';
  var root = document.getElementById('grid-live');
  if (!root) { return; }
  var status = document.getElementById('grid-status');
  var loading = false;
  var again = false;

  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('grid-live');
        if (!fresh) { return; }
        root.replaceChildren.apply(root, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        var select = document.getElementById('Input_Cell');
        var freshSelect = page.getElementById('Input_Cell');
        if (select && freshSelect && document.activeElement !== select) {
          var chosen = select.value;
          select.replaceChildren.apply(select, Array.from(freshSelect.options).map(function (n) { return document.importNode(n, true); }));
          select.value = chosen;
        }
        var inner = root.querySelector('[data-version]');
        if (inner) {
          document.querySelectorAll('input[type="hidden"][name="version"]').forEach(function (input) { input.value = inner.dataset.version; });
        }
        if (status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
      })
      .catch(function () { /* the grid keeps what it has; the next update tries again */ })
      .then(function () { loading = false; if (again) { again = false; refresh(); } });
  }
  root.addEventListener('cocreo:live', refresh);
  root.addEventListener('cocreo:live-reconnected', refresh);
})();
