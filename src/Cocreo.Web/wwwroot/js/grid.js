// The Open Space grid (Features/Meetings/OpenSpace): when the run sheet changes (a live update on "runsheet:{id}",
// see live.js) the grid's part for the version it was told of is fetched (data-part-url + "&v={version}": the server
// answers anonymous visitors in a full room from one rendering, an output cache, see GridModel) and the #grid-live
// element's content replaced; when the connection comes back (no version known) the whole page is fetched instead.
// The free places in the post form are brought up to date too (from the part's <template data-free-cells>), unless
// the person is choosing one, and the forms' versions follow the grid they now see. Without JavaScript a reload
// shows the same.
(function () {
  'use strict';
  var root = document.getElementById('grid-live');
  if (!root) { return; }
  var status = document.getElementById('grid-status');
  var partUrl = root.dataset.partUrl;
  var loading = false;
  var again = false;
  var pendingVersion = null;

  function refresh(event) {
    var version = event && event.detail && event.detail.payload ? event.detail.payload.version : null;
    if (loading) { again = true; pendingVersion = version; return; }
    loading = true;
    var part = partUrl && typeof version === 'number';
    fetch(part ? partUrl + '&v=' + version : window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = part ? page.body : page.getElementById('grid-live');
        if (!fresh) { return; }
        root.replaceChildren.apply(root, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        var select = document.getElementById('Input_Cell');
        var cells = root.querySelector('template[data-free-cells]');
        if (select && cells && document.activeElement !== select) {
          var chosen = select.value;
          var first = select.options.length > 0 && select.options[0].value === '' ? select.options[0] : null;
          var options = Array.from(cells.content.querySelectorAll('option')).map(function (n) { return document.importNode(n, true); });
          if (first) { options.unshift(first); }
          select.replaceChildren.apply(select, options);
          select.value = chosen;
        }
        var inner = root.querySelector('[data-version]');
        if (inner) {
          document.querySelectorAll('input[type="hidden"][name="version"]').forEach(function (input) { input.value = inner.dataset.version; });
        }
        if (status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
      })
      .catch(function () { /* the grid keeps what it has; the next update tries again */ })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          var next = pendingVersion;
          pendingVersion = null;
          refresh(typeof next === 'number' ? { detail: { payload: { version: next } } } : null);
        }
      });
  }
  root.addEventListener('cocreo:live', refresh);
  root.addEventListener('cocreo:live-reconnected', function () { refresh(null); });
})();
