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
  const supported = 'serviceWorker' in navigator && location.protocol !== 'file:';
  const CHECK_EVERY_MS = 6 * 60 * 60 * 1000; // a kiosk page stays open for days: look for updates now and then
  let registration = null;
  let waiting = null;
  let applying = false;
  let registering = false; // start() registers the worker once
  let atStart = () => false; // app.js's isAtStart, given at start

  function apply() {
    if (!waiting || applying) return;
    applying = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  }

  function updateReady(worker) {
    waiting = worker;
    document.documentElement.setAttribute('data-update', 'ready');
    if (atStart()) {
      apply();
      return;
    }
    const notice = document.getElementById('update-ready');
    if (notice) notice.hidden = false;
  }

  function watch() {
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

  /** Looks for a new version now (offline: nothing happens, the next check tries again). */
  function check() {
    return registration ? registration.update().catch(() => {}) : Promise.resolve();
  }

  /**
   * At start-up (app.js), once the page has started: isAtStart says whether the current person has
   * begun. The worker is registered only now, after the page's load and at the next idle moment: its
   * install (a dozen files read and saved) then never competes with the engine's start for a cheap
   * tablet's cores, and a page that cannot start installs nothing.
   */
  function start(isAtStart) {
    atStart = isAtStart;
    if (waiting && atStart()) apply();
    if (!supported || registering) return;
    registering = true;
    const registerWhenIdle = () => {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(register, { timeout: 2000 });
      else window.setTimeout(register, 0);
    };
    if (document.readyState === 'complete') registerWhenIdle();
    else window.addEventListener('load', registerWhenIdle, { once: true });
  }

  /** The next person starts: apply a waiting update now (the page reloads onto the same start screen),
   * else look for one (found while still at the start, it applies at once). */
  function nextPerson() {
    if (!supported) return;
    if (waiting) apply();
    else check();
  }

  Radiculo.offline = { start, nextPerson, check };
  if (!supported) return;

  window.setInterval(check, CHECK_EVERY_MS);
  function register() {
    // updateViaCache 'none': the browser checks sw.js and precache-manifest.js past the HTTP cache.
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then((registered) => {
      if (!registered) return; // a browser (or test harness) that blocks workers
      registration = registered;
      watch();
    }, (error) => {
      // Offline mode is a bonus: the page itself works without it (e.g. over plain http).
      if (window.console && console.warn) console.warn(`Radiculo: offline mode unavailable (${error && error.message})`);
    });
  }
})();
