/* Radiculo: kiosk mode, for a screen in a waiting room that strangers use one after another.
 * On when the address has ?kiosk (idle time: &idle=SECONDS, else settings.json, else 90 s: the
 * settings as clinic-settings.js normalised them). app.js marks the page as a kiosk at once (its
 * large type from the first paint), loads this file only then, starts it and tells it of each plan.
 *
 * - After the idle time with no touch or key press it asks "Still there?", hiding the answers and
 *   plan completely; only "Yes, I am still here" (or Esc) brings them back, not any tap. 20 seconds
 *   later every answer is cleared and the page is back at its start.
 * - A "Start over" button is always in view once someone has started (the header stays on screen);
 *   once anything is answered it asks first. A text-size control (A, A+, A++) is offered, since the
 *   browser's zoom is off at a kiosk.
 * - "Print" shows only where settings.json says a printer is there (printer: true); the clinician
 *   wording is offered only where it says so (kioskClinicianWording: true): app.js reads both.
 * - When the idle clock clears answers that needed care now, the start screen keeps a line for
 *   staff (the time and the kind of care, no answer) until the next person starts.
 * - Nothing is ever stored (the page stores nothing anywhere, kiosk or not).
 * - No way out of the page by accident: no text selection or context menu, links that would leave
 *   the page are turned into plain text wherever they appear (the plan's references keep their
 *   titles; the intended-use dialog's links too), the intended-use link opens its dialog in place
 *   and nothing else by any click (Shift, Ctrl, middle button), the browser's keys for printing
 *   (unless a printer is there), saving and opening a file do nothing, and the browser's Back
 *   (button, Alt+Left, swipe) stays on the page. beforeunload is not used: it would put a browser
 *   dialog in front of the next person. In-page links (to a question, a reference) still work.
 *   The Chromium policies that close the rest at the browser: docs/deployment.md, section 6. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const on = new URLSearchParams(window.location.search).has('kiosk');

  const WARNING_SECONDS = 20;
  const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'];
  const { byId, fill } = Radiculo.dom;
  const kiosk = { idleSeconds: 0, idleTimer: 0, countdownTimer: 0, secondsLeft: 0, lastTouch: Date.now() };
  let app = null; // app.js's { startAgain, isAtStart, words }, given at start

  function showCountdown() {
    byId('still-there-text').textContent = fill(app.words().ui('stillThereText'), { seconds: kiosk.secondsLeft });
  }

  /** The text size: 1 normal, 2 larger, 3 largest (twice the normal); the next person starts at 1. */
  function setTextSize(size) {
    document.documentElement.setAttribute('data-text-size', size);
    for (const button of document.querySelectorAll('[data-text-size]')) {
      if (button !== document.documentElement) button.setAttribute('aria-pressed', String(button.getAttribute('data-text-size') === size));
    }
  }

  function hidePage(hidden) {
    document.documentElement.classList.toggle('still-there-open', hidden);
  }

  function closeDialog() {
    window.clearInterval(kiosk.countdownTimer);
    kiosk.countdownTimer = 0;
    const dialog = byId('still-there');
    if (dialog.open) dialog.close();
    hidePage(false);
  }

  function stillHere() {
    closeDialog();
    restartIdleClock();
  }

  /**
   * After the idle reset of answers that needed care now (an emergency or an examination within
   * hours), a line for staff on the start screen: when, and which care, never an answer. The person
   * may have gone to the desk, and staff must not find an empty screen. It stays until the next
   * person starts.
   */
  function staffNote(care) {
    const note = byId('kiosk-staff-note');
    if (!care) {
      note.hidden = true;
      return;
    }
    const time = new Date(kiosk.lastTouch).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
    note.textContent = fill(app.words().ui('kioskCareGiven'), { time, triage: app.words().triage(care) });
    note.hidden = false;
  }

  /** The next person's start: every answer gone, the start screen, default language and wording.
   * idle: the reset came from the idle clock, not from the person. */
  function reset(idle) {
    const care = idle === true ? app.careNow() : '';
    const note = care ? staffNote.bind(null, care) : () => staffNote('');
    window.clearTimeout(kiosk.idleTimer);
    closeDialog();
    for (const open of document.querySelectorAll('dialog[open]')) open.close(); // e.g. the intended-use dialog
    // Drop any #ref-… or #q-… from the address, keeping the history guard in place.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    setTextSize('1');
    note(); // in the words of the answers being cleared, before the next person's default language
    app.startAgain({ nextPerson: true });
    if (care) window.scrollTo({ top: 0, behavior: 'instant' }); // the staff line, above the start screen, in view at once
  }

  function askStillThere() {
    if (app.isAtStart()) return; // nothing to clear
    const dialog = byId('still-there');
    kiosk.secondsLeft = WARNING_SECONDS;
    showCountdown();
    hidePage(true);
    if (!dialog.open) dialog.showModal();
    byId('still-there-continue').focus();
    kiosk.countdownTimer = window.setInterval(() => {
      kiosk.secondsLeft -= 1;
      if (kiosk.secondsLeft <= 0) reset(true);
      else showCountdown();
    }, 1000);
  }

  function restartIdleClock() {
    window.clearTimeout(kiosk.idleTimer);
    kiosk.idleTimer = window.setTimeout(askStillThere, kiosk.idleSeconds * 1000);
  }

  /** Any touch or key restarts the idle clock; not while "Still there?" is up (only its buttons answer). */
  function activity() {
    if (byId('still-there').open) return;
    kiosk.lastTouch = Date.now();
    restartIdleClock();
  }

  /** Links that would leave the page become plain text (kept readable, no longer a way out). */
  function disarmLinks(root) {
    for (const link of root.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href');
      if (href.startsWith('#') && link.target !== '_blank') continue;
      if (link.id === 'about-link') continue; // opens the intended-use dialog in place (about.js)
      link.removeAttribute('href');
      link.removeAttribute('target');
      link.classList.add('link--off');
      for (const hint of link.querySelectorAll('.visually-hidden')) hint.remove(); // "(opens a new window)"
    }
  }

  function blockLeaving(event) {
    const link = event.target.closest && event.target.closest('a');
    if (!link) return;
    if (link.id === 'about-link') {
      // Only a plain click, which opens the dialog in place (about.js); never a new window or tab.
      if (event.type !== 'click' || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) event.preventDefault();
      return;
    }
    const href = link.getAttribute('href') || '';
    if (link.target === '_blank' || !href.startsWith('#')) event.preventDefault();
  }

  /** Ctrl/Cmd+P (print preview, then "Save as PDF": a file dialog) unless a printer is there; +S, +O (files). */
  function blockBrowserKeys(event) {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = String(event.key).toLowerCase();
    if (key === 's' || key === 'o' || (key === 'p' && !app.printer)) event.preventDefault();
  }

  /** At start-up (app.js), once the settings are read: hooks { idleSeconds, printer, startAgain, isAtStart, words, careNow }. */
  function start(hooks) {
    if (!on) return;
    app = hooks;
    kiosk.idleSeconds = hooks.idleSeconds;
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, activity, { capture: true, passive: true });
    document.addEventListener('contextmenu', (event) => event.preventDefault());
    document.addEventListener('selectstart', (event) => {
      if (!event.target.closest || !event.target.closest('input, textarea')) event.preventDefault();
    });
    document.addEventListener('dragstart', (event) => event.preventDefault());
    document.addEventListener('click', blockLeaving, true);
    document.addEventListener('auxclick', blockLeaving, true);
    document.addEventListener('keydown', blockBrowserKeys, true);
    document.addEventListener('keydown', (event) => {
      // Alt+Left/Right and the Back/Forward keys would navigate; the history guard catches the rest.
      if ((event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) ||
        event.key === 'BrowserBack' || event.key === 'BrowserForward') event.preventDefault();
    }, true);

    // History guard: one extra entry on top; going back from it lands here again.
    window.history.replaceState({ radiculo: 'base' }, '');
    window.history.pushState({ radiculo: 'guard' }, '');
    window.addEventListener('popstate', (event) => {
      if (event.state && event.state.radiculo === 'base') window.history.pushState({ radiculo: 'guard' }, '');
    });

    const dialog = byId('still-there');
    byId('still-there-continue').addEventListener('click', stillHere);
    byId('still-there-clear').addEventListener('click', () => reset(false));
    // The staff line goes when the next person starts (a start button, or a first answer).
    document.addEventListener('click', (event) => { if (event.target.closest && event.target.closest('#chooser [data-audience]')) staffNote(''); });
    document.addEventListener('change', () => staffNote(''));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); stillHere(); }); // Esc = still here
    const sizes = byId('text-size');
    sizes.hidden = false;
    sizes.addEventListener('click', (event) => {
      const button = event.target.closest('[data-text-size]');
      if (button) setTextSize(button.getAttribute('data-text-size'));
    });
    setTextSize('1');
    const startOver = byId('start-over');
    startOver.hidden = false;
    // One tap beside the text-size buttons must not clear a person's answers: asked first, once
    // anything is answered (nothing to lose at the start).
    const confirmDialog = byId('start-over-confirm');
    startOver.addEventListener('click', () => {
      if (app.isAtStart()) reset(false);
      else confirmDialog.showModal();
    });
    byId('start-over-yes').addEventListener('click', () => reset(false));
    byId('start-over-no').addEventListener('click', () => confirmDialog.close());

    disarmLinks(document);
    // Links drawn later (the intended-use dialog, a plan) are disarmed as they arrive or get an address.
    new MutationObserver((records) => {
      for (const record of records) {
        const nodes = record.type === 'attributes' ? [record.target] : Array.from(record.addedNodes);
        for (const node of nodes) if (node.nodeType === 1 && node.parentNode) disarmLinks(node.matches('a[href]') ? node.parentNode : node);
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  }

  Radiculo.kiosk = {
    on,
    start,
    /** Each plan drawn: its links that would leave the page become plain text. */
    planShown: (body) => { if (on) disarmLinks(body); },
    /** The interface words changed (language): "Still there?" says its countdown in them. */
    wordsChanged: () => { if (on && byId('still-there').open) showCountdown(); },
  };
})();
