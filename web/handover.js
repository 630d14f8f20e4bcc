/* Radiculo: handing the plan over, with no server. Three ways, each only when the person asks:
 *  - "Take this plan with you": a QR code of the aid's address with the answers in the fragment
 *    (after '#', which a browser never sends to a server). Opening it recomputes the plan on that
 *    device; the page then drops the fragment from the address bar (the phone's browser history
 *    still keeps the link: said where the code is shown and where it is opened). A code acts only
 *    when a page loads: nothing another window does to this page's address replaces answers on it.
 *    The printout carries the code.
 *  - "Copy for the record" (clinicians): the engine's plain-text note, for any record system.
 *  - "Save answers (FHIR)" / "Open answers (FHIR)" (clinicians): a FHIR R4 QuestionnaireResponse file;
 *    a file the engine refuses (another questionnaire, a status such as entered-in-error) says why.
 * Nothing here is stored or sent; the code and the note live only on the screen until the next reset.
 * The take-home code itself (its format, its QR code) is answer-code.js, loaded with the QR encoder
 * when a code is first wanted (whenCodeReady). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId, element, fill } = Radiculo.dom;

  // The take-home code (answer-code.js) and the QR encoder it draws with (lib/qrcode.js): loaded
  // when a code is first wanted (dom.js loadScript).
  const whenCodeReady = () => Promise.all([
    Radiculo.dom.loadScript('answer-code.js', 'Radiculo.answerCode'),
    Radiculo.dom.loadScript('lib/qrcode.js', 'qrcode'),
  ]).catch(() => null);
  const codeReady = () => Boolean(Radiculo.answerCode && window.qrcode);

  // app: app.js's { openAnswers, showNotice }; engine, settings and words: given by app.js too.
  // settings.takeHome: where a code leads ('' = no code here: clinic-settings.js says why).
  const state = { app: null, engine: null, words: null, settings: {}, assessment: null, schema: null, contentVersion: '' };

  const schema = () => {
    if (!state.schema) state.schema = state.engine.schema();
    return state.schema;
  };

  /** What matters most to the person, where the plan compares the options and they chose (or ''). */
  const preference = () => (Radiculo.optionsView ? Radiculo.optionsView.chosen() : '');

  /** The clinician's record actions (Copy, Save, Open) are never offered at a kiosk: a kiosk keeps
   * nothing of a person (no clipboard, no file) and opens no file dialog. */
  const recordActions = () => !document.documentElement.classList.contains('kiosk');

  /** Where the note says it was made: the aid's address (origin and path), or the one-file copy's version. */
  function madeWith() {
    if (window.location.protocol === 'file:' || document.documentElement.hasAttribute('data-one-file')) {
      return { oneFile: document.documentElement.getAttribute('data-one-file') || state.contentVersion };
    }
    return { address: window.location.origin + window.location.pathname };
  }

  function say(text, problem) {
    const status = byId('handover-status');
    status.textContent = text;
    status.hidden = !text;
    status.classList.toggle('handover__status--problem', Boolean(problem));
  }

  /** Everything the last person made here is gone: code, note, messages. */
  function clear() {
    state.assessment = null;
    byId('handover').hidden = true;
    byId('take-home').hidden = true;
    byId('take-home-show').setAttribute('aria-expanded', 'false');
    const canvas = byId('take-home-code');
    canvas.width = canvas.height = 0;
    byId('take-home-link').textContent = '';
    byId('record-note').hidden = true;
    byId('record-note-text').value = '';
    say('');
  }

  function showTakeHome() {
    const panel = byId('take-home');
    if (!panel.hidden) {
      panel.hidden = true;
      byId('take-home-show').setAttribute('aria-expanded', 'false');
      return;
    }
    const where = state.settings.takeHome;
    if (!where) return; // the button is not offered then
    const assessment = state.assessment;
    whenCodeReady().then(() => {
      if (assessment !== state.assessment) return; // the answers changed while the encoder loaded
      if (!codeReady()) { say(state.words.ui('handoverFailed'), true); return; }
      const { encode, makeQr, drawQr } = Radiculo.answerCode;
      const code = encode(assessment, schema(), state.contentVersion, preference());
      const qr = makeQr(where, code);
      drawQr(byId('take-home-code'), qr, 240);
      byId('take-home-code').setAttribute('aria-label', state.words.ui('takeHomeCodeLabel'));
      byId('take-home-link').textContent = `${where}#${code}`;
      panel.hidden = false;
      byId('take-home-show').setAttribute('aria-expanded', 'true');
      say('');
    });
  }

  /**
   * The code, at the top of the printout: a clinician scans it to reopen the plan. Its printed size
   * grows with its number of modules (a longer address makes a denser code), so that each module
   * keeps the size that scans from paper (print.css, --qr-modules).
   */
  function addToPrintout(body) {
    const sheet = body && body.querySelector('.print-sheet');
    const where = state.settings.takeHome;
    // Printing cannot wait for a download: app.js has the code's parts loaded once a plan is shown.
    if (!sheet || !where || !state.assessment || !codeReady()) return;
    const { encode, makeQr, drawQr } = Radiculo.answerCode;
    const canvas = element('canvas', { className: 'print-code__image', role: 'img', 'aria-label': state.words.ui('takeHomeCodeLabel') });
    const qr = makeQr(where, encode(state.assessment, schema(), state.contentVersion, preference()));
    drawQr(canvas, qr, 400); // sharp on paper
    const block = element('div', { className: 'print-code' }, [
      canvas, element('p', { className: 'print-code__caption' }, [state.words.ui('printCodeCaption')]),
    ]);
    block.style.setProperty('--qr-modules', String(qr.getModuleCount() + 8)); // with its quiet zone
    sheet.insertBefore(block, sheet.children[1] || null);
  }

  /** The engine's note for these answers; the page adds only where it was made (see README, "the note"). */
  function noteText(records) {
    const where = madeWith();
    const result = records.note(state.assessment, Radiculo.words.todayIso(), where.address || '');
    if (!result.ok) return null;
    let note = result.note;
    // The one-file copy: its version, never its local path (a path often holds a person's user name).
    if (where.oneFile) note = `${note.replace(/\n$/, '')} - ${fill(state.words.ui('printOneFile'), { version: where.oneFile })}\n`;
    // A demonstration's note says so in its first line, wherever it is pasted.
    return state.settings.demoMark ? `${state.words.ui('demoMark').toUpperCase()}\n\n${note}` : note;
  }

  /**
   * The note and FHIR come from the records module (engine-client.js records()), loaded when a
   * hand first reaches for a record button (start). Runs `use` with it, unless the answers changed
   * (or another person started) while it loaded.
   */
  function withRecords(use) {
    const assessment = state.assessment;
    state.engine.records().then((records) => {
      if (state.assessment === assessment) use(records);
    }, () => say(state.words.ui('handoverFailed'), true));
  }

  function copyNote() {
    if (!recordActions()) return;
    withRecords(copyNoteWith);
  }

  function copyNoteWith(records) {
    const note = noteText(records);
    if (note === null) { say(state.words.ui('handoverFailed'), true); return; }
    const box = byId('record-note-text');
    box.value = note;
    byId('record-note').hidden = false;
    box.focus();
    box.select();
    box.scrollTop = 0; // the note's first lines (the answers and the triage) in view
    const copied = () => say(state.words.ui('copyNoteDone'));
    const manual = () => say(state.words.ui('copyNoteManual'));
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(note).then(copied, manual);
    else manual();
  }

  /** A saved file's name tells one person's answers from another's: the date, the time and the triage. */
  function savedName(now, triage) {
    const two = (number) => String(number).padStart(2, '0');
    const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
    return `radiculo-answers-${Radiculo.words.todayIso(now)}-${time}${triage ? `-${triage}` : ''}.json`;
  }

  function saveFhir() {
    if (!recordActions()) return;
    withRecords(saveFhirWith);
  }

  function saveFhirWith(records) {
    const now = new Date();
    // authored: when the answers were saved (this device's clock); the engine marks the response
    // in-progress while a question the plan needs is still open.
    const response = records.toQuestionnaireResponse(state.assessment, now.toISOString());
    if (response.resourceType !== 'QuestionnaireResponse') { say(state.words.ui('handoverFailed'), true); return; }
    // A demonstration's answers are tagged as test data (HL7 v3 ActReason HTEST), so that no record
    // system takes them for a real person's.
    if (state.settings.demoMark) {
      response.meta = Object.assign({}, response.meta, {
        tag: [].concat((response.meta && response.meta.tag) || [], [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' }]),
      });
    }
    const plan = state.engine.evaluate(state.assessment);
    const blob = new Blob([`${JSON.stringify(response, null, 2)}\n`], { type: 'application/fhir+json' });
    const link = element('a', { href: URL.createObjectURL(blob), download: savedName(now, plan.ok ? plan.triage : '') });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 0);
    say(fill(state.words.ui('saveFhirDoneAs'), { file: link.download }));
  }

  function openFhir(event) {
    const file = event.target.files && event.target.files[0];
    event.target.value = ''; // the same file can be opened again
    if (!file || !recordActions()) return;
    const refuse = (result) => {
      const errors = (result.errors || []).slice(0, 3).map((error) => `${error.field || ''} ${error.message}`.trim());
      const message = `${state.words.ui('openFhirFailed')} ${errors.join('; ')}`;
      // Before any plan the hand-over part is hidden: the page's notice line says it then.
      if (byId('handover').hidden) state.app.showNotice(message);
      else say(message, true);
    };
    // Its size first: a file larger than the engine takes is refused before a byte of it is read.
    if (file.size > state.engine.inputLimitBytes) { refuse(state.engine.tooLarge()); return; }
    Promise.all([file.text(), state.engine.records()]).then(([text, records]) => {
      const result = records.fromQuestionnaireResponse(text);
      if (!result.ok) { refuse(result); return; }
      // A FHIR file holds answers only: what an earlier person said mattered most goes with theirs.
      if (Radiculo.optionsView) Radiculo.optionsView.clear();
      if (!state.app.openAnswers(result.assessment)) {
        state.app.showNotice(state.words.ui('openFhirFailed'));
        return;
      }
      // A file whose answers were still being given says so beside the plan (the engine's words).
      const notices = (result.notices || []).map((notice) => notice.message);
      state.app.showNotice([state.words.ui('openFhirDone'), ...notices].join(' '));
    }).catch(() => say(state.words.ui('openFhirFailed'), true));
  }

  /** Whether the address carries a code ('#plan' and other page links are not codes). */
  const codeInAddress = () => /^R\d/i.test(window.location.hash.slice(1));

  /**
   * A code in the address when the page loads (a scanned QR code): dropped from the address bar at
   * once (so it is not copied on); then, once the code's part is loaded, its answers open, or the
   * page says why they cannot. Only at load: a page that opened this one cannot put other answers
   * in front of the person later.
   */
  function openFromAddress() {
    if (!codeInAddress()) return;
    const code = window.location.hash.slice(1);
    window.history.replaceState(null, '', window.location.href.split('#')[0]);
    whenCodeReady().then(() => openCode(code));
  }

  function openCode(code) {
    if (!Radiculo.answerCode) {
      state.app.showNotice(state.words.ui('handoverFailed'));
      return;
    }
    const result = Radiculo.answerCode.decode(code, schema());
    if (!result.ok) {
      state.app.showNotice(state.words.ui(result.reason === 'version' ? 'codeOtherVersion' : 'codeDamaged'));
      return;
    }
    const plan = state.engine.evaluate(result.assessment);
    if (!plan.ok) {
      state.app.showNotice(state.words.ui('codeDamaged'));
      return;
    }
    // What matters most is the page's own: put back before the plan is drawn beside it, and never
    // among the answers the engine reads.
    if (Radiculo.optionsView) Radiculo.optionsView.restore(result.preference);
    if (!state.app.openAnswers(result.assessment)) {
      if (Radiculo.optionsView) Radiculo.optionsView.clear();
      state.app.showNotice(state.words.ui('codeDamaged'));
      return;
    }
    const notice = [state.words.ui('codeOpened')];
    // Made with other content: this page's rules gave this plan, which may differ from the printed one.
    if (result.contentVersion !== state.contentVersion.toUpperCase()) {
      notice.push(fill(state.words.ui('codeOtherContent'), { codeVersion: result.contentVersion, pageVersion: state.contentVersion }));
    }
    notice.push(state.words.ui('codeOpenedHistory'));
    state.app.showNotice(notice.join(' '));
  }

  /** At start-up (app.js): hooks { engine, settings, words, openAnswers, showNotice }; then a code in
   * the address opens (app.js has loaded what its plan needs: the options comparison). */
  function start(hooks) {
    state.app = hooks;
    state.engine = hooks.engine;
    state.words = hooks.words;
    state.settings = hooks.settings;
    state.contentVersion = hooks.engine.version().contentVersion;
    byId('take-home-show').addEventListener('click', showTakeHome);
    // No code can be made here (file://, a local address without takeHomeAddress): no button that
    // would only say so; the footer's settings line tells the clinic why.
    byId('take-home-show').hidden = !state.settings.takeHome;
    // Where a code can be made, the privacy line says what it carries and where it stays.
    byId('privacy-code').hidden = !state.settings.takeHome;
    if (recordActions()) {
      // The note's and FHIR's module starts loading as soon as a hand reaches for a record button
      // (pointer over, touch or keyboard focus), so it is most often there at the click; nobody who
      // does not reach for one downloads it. The offline worker saves it then.
      const reach = () => { if (navigator.onLine !== false) state.engine.records().catch(() => {}); };
      for (const id of ['copy-note', 'save-fhir', 'open-fhir']) {
        for (const type of ['pointerenter', 'touchstart', 'focus']) byId(id).addEventListener(type, reach, { passive: true });
      }
      byId('copy-note').addEventListener('click', copyNote);
      byId('save-fhir').addEventListener('click', saveFhir);
      byId('open-fhir-file').addEventListener('change', openFhir);
      byId('open-fhir').addEventListener('click', () => byId('open-fhir-file').click());
    } else {
      for (const id of ['copy-note', 'save-fhir', 'open-fhir', 'open-fhir-file']) byId(id).remove();
    }
    openFromAddress();
  }

  /**
   * Where the hand-over sits: for clinicians at the top of the plan, beside its head (reached
   * without scrolling the plan); for patients after their plan (read it, then take it with you).
   */
  function place(words) {
    const handover = byId('handover');
    const top = words.audience === 'clinician';
    if (top) byId('plan-body').before(handover);
    else byId('plan-nav').after(handover);
    handover.classList.toggle('handover--top', top);
  }

  /** Each plan drawn: the hand-over buttons. */
  function planShown(body, assessment, words) {
    const changed = JSON.stringify(assessment) !== JSON.stringify(state.assessment);
    state.words = words;
    state.assessment = assessment;
    place(words);
    const offered = Boolean(state.settings.takeHome) || (recordActions() && words.audience === 'clinician');
    byId('handover').hidden = !offered;
    if (changed) {
      byId('take-home').hidden = true; // a code of the old answers must not stay on screen
      byId('take-home-show').setAttribute('aria-expanded', 'false');
      byId('record-note').hidden = true;
      say('');
    }
  }

  /** What matters most changed: a code on screen made before it would carry the old choice. */
  function preferenceChanged() {
    byId('take-home').hidden = true;
    byId('take-home-show').setAttribute('aria-expanded', 'false');
  }

  /** No plan (answers to fix or still needed): nothing to hand over. */
  function noPlan() {
    state.assessment = null;
    byId('handover').hidden = true;
    byId('take-home').hidden = true;
    byId('record-note').hidden = true;
  }

  Radiculo.handover = {
    start, planShown, noPlan, preferenceChanged, addToPrintout, whenCodeReady, codeReady, codeInAddress,
    /** The next person: the code and the note leave the screen. */
    clear,
    /** The interface words changed (language, audience). */
    setWords: (words) => { state.words = words; },
  };
})();
