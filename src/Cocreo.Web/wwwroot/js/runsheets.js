// Run sheets' "now" views (Features/Meetings/RunSheets): the countdown ticks here, every second, from the instant the
// server drew the page (data-server-now) and the end of the current block (data-ends-at): no request per second.
// When the run sheet changes (a live update on "runsheet:{id}", see live.js) or the connection comes back, the page
// is fetched again and the #runsheet-now element's content replaced. Without JavaScript a reload shows the same.
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
  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('runsheet-now');
        if (!fresh) { return; }
        // Keep the element (its live subscription and listeners); replace what it shows, unless focus is inside a
        // form the person is filling in (then the next update or their own submit brings it up to date).
        var active = document.activeElement;
        if (active && root.contains(active) && active.tagName === 'INPUT' && active.type === 'number') { again = false; return; }
        root.replaceChildren.apply(root, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        sync();
        tick();
        if (status) { status.textContent = ''; status.textContent = status.dataset.updatedText || ''; }
      })
      .catch(function () { /* the view keeps what it has; the next update tries again */ })
      .then(function () { loading = false; if (again) { again = false; refresh(); } });
  }
  sync();
  tick();
  root.addEventListener('cocreo:live', refresh);
  root.addEventListener('cocreo:live-reconnected', refresh);
  window.setInterval(tick, 1000);
})();
