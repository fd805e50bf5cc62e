// The live harvest (Features/Meetings/Harvest): when the facilitators publish items, the "harvest:{id}" topic says so
// (no text, no names); the page fetches itself and swaps in the list, keeping the reader's place, and tells screen
// readers. Only the first page (newest first, or grouped) follows live; a page of older items stays as it was loaded.
(function () {
  'use strict';
  var live = document.getElementById('harvest-live');
  if (!live || new URLSearchParams(window.location.search).has('before')) { return; }
  var status = document.getElementById('harvest-status');
  var loading = false, again = false;
  function known() {
    return new Set(Array.from(live.querySelectorAll('.harvest-item')).map(function (e) { return e.id; }));
  }
  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    var before = known();
    fetch(window.location.pathname + window.location.search, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('harvest-live');
        if (!fresh) { return; }
        live.replaceChildren.apply(live, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        var added = Array.from(live.querySelectorAll('.harvest-item')).filter(function (e) { return !before.has(e.id); });
        added.forEach(function (e) { e.classList.add('fresh'); });
        if (added.length > 0 && status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
      })
      .catch(function () { /* the page keeps what it shows; the next update tries again */ })
      .then(function () { loading = false; if (again) { again = false; refresh(); } });
  }
  live.addEventListener('cocreo:live', refresh);
  live.addEventListener('cocreo:live-reconnected', refresh);
})();
