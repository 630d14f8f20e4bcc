/* Radiculo: registers the offline service worker (sw.js) and handles updates between people.
 *
 * A new version downloads in the background into its own cache while the old one keeps serving.
 * It is never switched on in the middle of an assessment: the page says an update is ready and
 * applies it (the worker's 'skip-waiting', then one reload) when the next person starts: at
 * "Start again", at the kiosk's idle reset, or at once if nobody has started yet.
 * Not on file:// (no service workers there; the one-file copy needs none). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;

  let waiting = null;
  let applying = false;

  function atStart() {
    return Boolean(Radiculo.app && Radiculo.app.isAtStart());
  }

  function apply() {
    if (!waiting || applying) return;
    applying = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  }

  function updateReady(worker) {
    waiting = worker;
    Radiculo.updateReady = true;
    document.documentElement.setAttribute('data-update', 'ready');
    if (atStart()) {
      apply();
      return;
    }
    const notice = document.getElementById('update-ready');
    if (notice) notice.hidden = false;
  }

  function watch(registration) {
    // Only an update when a worker already controls the page; the first install just starts working.
    if (registration.waiting && navigator.serviceWorker.controller) updateReady(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) updateReady(worker);
      });
    });
  }

  const CHECK_EVERY_MS = 6 * 60 * 60 * 1000; // a kiosk page stays open for days: look for updates now and then

  function check() {
    if (Radiculo.serviceWorker) Radiculo.serviceWorker.update().catch(() => {}); // offline: try again later
  }

  // The next person starts: apply a waiting update now (the page reloads onto the same start screen),
  // else look for one (found while still at the start, it applies at once).
  document.addEventListener('radiculo:reset', () => { if (waiting) apply(); else check(); });
  window.setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('radiculo:ready', () => { if (waiting && atStart()) apply(); });

  window.addEventListener('load', () => {
    // updateViaCache 'none': the browser checks sw.js and precache-manifest.js past the HTTP cache.
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then((registration) => {
      if (!registration) return; // a browser (or test harness) that blocks workers
      Radiculo.serviceWorker = registration;
      watch(registration);
    }, (error) => {
      // Offline mode is a bonus: the page itself works without it (e.g. over plain http).
      if (window.console && console.warn) console.warn(`Radiculo: offline mode unavailable (${error && error.message})`);
    });
  });
})();
