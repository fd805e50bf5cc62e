// Run sheets' "now" views (Features/Meetings/RunSheets): the countdown ticks here, every second, from the instant the
// server drew the page (data-server-now) and the end of the current block (data-ends-at): no request per second.
// When the run sheet changes (a live update on "runsheet:{id}", see live.js) or the connection comes back, the page
// is fetched again and the #runsheet-now element's content replaced. Without JavaScript a reload shows the same.
// A view with data-part-url (the projector) fetches only its part for the version it was told of, which the server
// answers the whole room from one rendering (an output cache, see RunSheetNowModel); the clock's skew is then kept
// from the last whole page, since a cached part may have been drawn a few seconds earlier.
(function () {
  'use strict';
  var root = document.getElementById('runsheet-now');
  if (!root) { return; }
  var status = document.getElementById('runsheet-status');
  var skew = 0;
  var loading = false;
  var again = false;

  function sync() {
    var inner = root.querySelector('[data-server-now]');
    if (inner) { skew = Date.parse(inner.dataset.serverNow) - Date.now(); }
  }
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function clock(seconds) {
    var sign = seconds < 0 ? '\u2212' : '';
    var s = Math.abs(seconds);
    return s >= 3600
      ? sign + Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60)
      : sign + pad(Math.floor(s / 60)) + ':' + pad(s % 60);
  }
  function tick() {
    root.querySelectorAll('[data-ends-at]').forEach(function (value) {
      // Rounded up in whole seconds, like the server: 1 in the last second, 0 at the end, -1 a second later.
      var seconds = Math.ceil((Date.parse(value.dataset.endsAt) - (Date.now() + skew)) / 1000);
      if (seconds === 0) { seconds = 0; }
      value.textContent = clock(seconds);
      var box = value.closest('[data-countdown]');
      if (box) { box.classList.toggle('over', seconds < 0); }
    });
  }
  var partUrl = root.dataset.partUrl;
  var pendingVersion = null;
  function refresh(event) {
    var version = event && event.detail && event.detail.payload ? event.detail.payload.version : null;
    if (loading) { again = true; pendingVersion = version; return; }
    loading = true;
    var part = partUrl && typeof version === 'number';
    fetch(part ? partUrl + '&v=' + version : window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, 'text/html');
        var fresh = part ? parsed.body : parsed.getElementById('runsheet-now');
        if (!fresh) { return; }
        // Keep the element (its live subscription and listeners); replace what it shows, unless focus is inside a
        // form the person is filling in (then the next update or their own submit brings it up to date).
        var active = document.activeElement;
        if (active && root.contains(active) && active.tagName === 'INPUT' && active.type === 'number') { again = false; return; }
        root.replaceChildren.apply(root, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        if (!part) { sync(); }
        tick();
        if (status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
      })
      .catch(function () { /* the view keeps what it has; the next update tries again */ })
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
  sync();
  tick();
  root.addEventListener('cocreo:live', refresh);
  root.addEventListener('cocreo:live-reconnected', function () { refresh(null); });
  window.setInterval(tick, 1000);
})();
