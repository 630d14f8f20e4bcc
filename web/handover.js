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
 *
 * The answer code is written from the engine's own input schema (engine.schema()), field by field
 * in the schema's order, so no list of fields lives here. It names the schema it was made from (a
 * fingerprint of every field, type and choice): a code made for other fields is refused with a
 * clear message, never read into the wrong questions. A check over the whole code catches a
 * damaged or altered code. It also names the content version it was made with: a page whose content
 * differs opens the answers and says so beside the plan (its rules may give another plan than the
 * one printed). It carries what matters most to the person where they chose it (options-view.js):
 * the page's own, read back beside the answers, never part of them, so never given to the engine.
 * Format, in the QR "alphanumeric" letters (a small code):
 *   R3 <fingerprint: 4> <content version>* <what matters most>* <one token per field> <check: 3>
 *   what matters most: the choice's id in capitals, or nothing. The older R2 codes (printed and
 *   saved before it) are the same without that part and still open.
 *   boolean: 1 yes, 0 no, N not sure, - not answered; choice: its index 0-9A-Z, or -;
 *   number: its digits then *, or * alone; set of choices: a bit mask then *; object: + then its
 *   fields, or -. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId, element, fill } = Radiculo.dom;

  const FORMAT = 'R3';
  const FORMAT_WITHOUT_PREFERENCE = 'R2';
  const PREFERENCE_TEXT = /^[0-9A-Z]{0,24}$/; // a choice's id as the code carries it (upper case), or nothing
  const VERSION_TEXT = /^[0-9A-Z.-]{1,16}$/; // a content version as the code carries it (upper case)
  const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const FINGERPRINT_LENGTH = 4;
  const CHECK_LENGTH = 3;
  const QR_ERROR_CORRECTION = 'M'; // 15% of the code may be lost (glare, a smudged printout)

  // ---------- the answer code ----------

  /** FNV-1a (32 bits) of a text, as `length` base-36 digits. */
  function hash(text, length) {
    let value = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return (value % 36 ** length).toString(36).toUpperCase().padStart(length, '0');
  }

  /** The schema's fields as a flat list: {path, kind, choices, nullable}, in the schema's order. */
  function fieldsOf(schema) {
    const fields = [];
    const walk = (node, path) => {
      for (const [name, property] of Object.entries(node.properties || {})) {
        const at = [...path, name];
        const types = [].concat(property.type || []);
        if (property.properties) {
          fields.push({ path: at, kind: 'object' });
          walk(property, at);
        } else if (property.enum) {
          fields.push({ path: at, kind: 'choice', choices: property.enum });
        } else if (types.includes('array') && property.items && property.items.enum) {
          fields.push({ path: at, kind: 'set', choices: property.items.enum });
        } else if (types.includes('boolean')) {
          fields.push({ path: at, kind: 'boolean', nullable: types.includes('null') });
        } else if (types.includes('integer') || types.includes('number')) {
          fields.push({ path: at, kind: 'number' });
        } else {
          throw new Error(`answer code: field ${at.join('/')} has a type the code cannot carry`);
        }
      }
    };
    walk(schema, []);
    for (const field of fields) {
      if (field.choices && field.choices.length > (field.kind === 'set' ? 31 : DIGITS.length)) {
        throw new Error(`answer code: field ${field.path.join('/')} has too many choices`);
      }
    }
    return fields;
  }

  function fingerprint(fields) {
    return hash(fields.map((field) => `${field.path.join('/')}:${field.kind}:${field.nullable ? 'null' : ''}:${(field.choices || []).join(',')}`).join(';'), FINGERPRINT_LENGTH);
  }

  /**
   * The assessment as a code, naming the content version, with what matters most to the person (a
   * choice's id, or '') beside it. Throws if the assessment holds anything the schema does not name.
   */
  function encode(assessment, schema, contentVersion, preference = '') {
    const fields = fieldsOf(schema);
    const version = String(contentVersion || '').toUpperCase();
    if (!VERSION_TEXT.test(version)) throw new Error(`answer code: content version ${contentVersion} cannot be carried`);
    const chosen = String(preference || '').toUpperCase();
    if (!PREFERENCE_TEXT.test(chosen)) throw new Error(`answer code: what matters most (${preference}) cannot be carried`);
    let body = `${version}*${chosen}*`;
    const skipped = new Set(); // paths under an absent object
    const seen = new Set();
    for (const field of fields) {
      const key = field.path.join('/');
      if (skipped.has(field.path.slice(0, -1).join('/'))) { skipped.add(key); continue; }
      let value = assessment;
      for (const part of field.path) value = value !== null && typeof value === 'object' && part in value ? value[part] : undefined;
      if (value !== undefined) seen.add(key);
      switch (field.kind) {
        case 'object':
          if (value === undefined) { body += '-'; skipped.add(key); } else body += '+';
          break;
        case 'boolean':
          body += value === undefined ? '-' : value === true ? '1' : value === false ? '0' : value === null && field.nullable ? 'N' : fail(key);
          break;
        case 'choice':
          body += value === undefined ? '-' : field.choices.includes(value) ? DIGITS[field.choices.indexOf(value)] : fail(key);
          break;
        case 'number':
          body += `${value === undefined ? '' : typeof value === 'number' && Number.isFinite(value) ? String(value).toUpperCase() : fail(key)}*`;
          break;
        case 'set':
          if (value === undefined) body += '*';
          else if (!Array.isArray(value) || value.some((item) => !field.choices.includes(item))) fail(key);
          else body += `${value.reduce((mask, item) => mask | (1 << field.choices.indexOf(item)), 0)}*`;
          break;
        default: fail(key);
      }
    }
    // Never drop an answer: everything the assessment holds must have been written.
    const holds = (node, path) => Object.entries(node).flatMap(([name, value]) => {
      const at = [...path, name];
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? [at.join('/'), ...holds(value, at)] : [at.join('/')];
    });
    for (const key of holds(assessment, [])) if (!seen.has(key)) fail(key);
    const code = FORMAT + fingerprint(fields) + body;
    return code + hash(code, CHECK_LENGTH);
  }

  function fail(key) {
    throw new Error(`answer code: cannot carry the answer at ${key}`);
  }

  /**
   * A code back to its assessment: {ok: true, assessment, contentVersion, preference} or {ok: false,
   * reason} with reason 'format' (not a code of this kind), 'version' (made for other questions or
   * in another format) or 'damaged'. preference: what matters most as the code carries it (the
   * choice's id in capitals; '' when none was chosen or the code is an R2 code); never in assessment.
   */
  function decode(code, schema) {
    const text = String(code || '').trim().toUpperCase();
    if (!text.startsWith('R') || text.length < FORMAT.length + FINGERPRINT_LENGTH + CHECK_LENGTH) return { ok: false, reason: 'format' };
    const withPreference = text.startsWith(FORMAT);
    if (!withPreference && !text.startsWith(FORMAT_WITHOUT_PREFERENCE)) return { ok: false, reason: 'version' };
    const fields = fieldsOf(schema);
    const payload = text.slice(0, -CHECK_LENGTH);
    if (hash(payload, CHECK_LENGTH) !== text.slice(-CHECK_LENGTH)) return { ok: false, reason: 'damaged' };
    if (payload.slice(FORMAT.length, FORMAT.length + FINGERPRINT_LENGTH) !== fingerprint(fields)) return { ok: false, reason: 'version' };
    let at = FORMAT.length + FINGERPRINT_LENGTH;
    const versionEnd = payload.indexOf('*', at);
    const contentVersion = versionEnd < 0 ? '' : payload.slice(at, versionEnd);
    if (!VERSION_TEXT.test(contentVersion)) return { ok: false, reason: 'damaged' };
    at = versionEnd + 1;
    let preference = '';
    if (withPreference) {
      const preferenceEnd = payload.indexOf('*', at);
      preference = preferenceEnd < 0 ? '-' : payload.slice(at, preferenceEnd);
      if (!PREFERENCE_TEXT.test(preference)) return { ok: false, reason: 'damaged' };
      at = preferenceEnd + 1;
    }
    const assessment = {};
    const absent = new Set();
    const put = (path, value) => {
      let node = assessment;
      for (const part of path.slice(0, -1)) node = node[part];
      node[path[path.length - 1]] = value;
    };
    const number = () => {
      const end = payload.indexOf('*', at);
      if (end < 0) return { bad: true };
      const literal = payload.slice(at, end);
      at = end + 1;
      if (literal === '') return { value: undefined };
      const value = Number(literal);
      // Only the exact text this page writes: no other spelling of a number is accepted.
      return Number.isFinite(value) && String(value).toUpperCase() === literal ? { value } : { bad: true };
    };
    for (const field of fields) {
      const parent = field.path.slice(0, -1).join('/');
      if (absent.has(parent)) { absent.add(field.path.join('/')); continue; }
      if (field.kind === 'number' || field.kind === 'set') {
        const read = number();
        if (read.bad) return { ok: false, reason: 'damaged' };
        if (read.value === undefined) continue;
        if (field.kind === 'number') { put(field.path, read.value); continue; }
        const mask = read.value;
        if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** field.choices.length) return { ok: false, reason: 'damaged' };
        put(field.path, field.choices.filter((choice, index) => mask & (1 << index)));
        continue;
      }
      const token = payload[at];
      at += 1;
      if (token === undefined) return { ok: false, reason: 'damaged' };
      if (token === '-') {
        if (field.kind === 'object') absent.add(field.path.join('/'));
        continue;
      }
      if (field.kind === 'object' && token === '+') put(field.path, {});
      else if (field.kind === 'boolean' && (token === '1' || token === '0')) put(field.path, token === '1');
      else if (field.kind === 'boolean' && token === 'N' && field.nullable) put(field.path, null);
      else if (field.kind === 'choice' && DIGITS.indexOf(token) >= 0 && DIGITS.indexOf(token) < field.choices.length) put(field.path, field.choices[DIGITS.indexOf(token)]);
      else return { ok: false, reason: 'damaged' };
    }
    if (at !== payload.length) return { ok: false, reason: 'damaged' };
    return { ok: true, assessment, contentVersion, preference };
  }

  // ---------- the QR code (qrcode-generator, lib/qrcode.js) ----------

  /** The QR code of `address#code`: the address as bytes, the code in the smaller alphanumeric mode. */
  const QR_ENCODER = 'lib/qrcode.js'; // loaded when a code is first wanted (dom.js loadScript)
  const whenCodeReady = () => Radiculo.dom.loadScript(QR_ENCODER, 'qrcode').catch(() => null);

  function makeQr(address, code) {
    const qr = window.qrcode(0, QR_ERROR_CORRECTION); // 0: the smallest version that holds it
    qr.addData(`${address}#`, 'Byte');
    qr.addData(code, 'Alphanumeric');
    qr.make();
    return qr;
  }

  /** Draws the QR code on a canvas, `cssSize` pixels square, sharp on any screen. */
  function drawQr(canvas, qr, cssSize) {
    const quiet = 4; // the white border scanners need, in modules
    const modules = qr.getModuleCount() + 2 * quiet;
    const cell = Math.max(2, Math.floor((cssSize * (window.devicePixelRatio || 1)) / modules));
    canvas.width = canvas.height = modules * cell;
    canvas.style.width = canvas.style.height = `${(modules * cell) / (window.devicePixelRatio || 1)}px`;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    for (let row = 0; row < qr.getModuleCount(); row += 1) {
      for (let column = 0; column < qr.getModuleCount(); column += 1) {
        if (qr.isDark(row, column)) context.fillRect((column + quiet) * cell, (row + quiet) * cell, cell, cell);
      }
    }
  }

  // ---------- the page ----------

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
      if (!window.qrcode) { say(state.words.ui('handoverFailed'), true); return; }
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
    // Printing cannot wait for a download: the encoder is fetched once a plan is shown (planShown).
    if (!sheet || !where || !state.assessment || !window.qrcode) return;
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
  function noteText() {
    const where = madeWith();
    const result = state.engine.note(state.assessment, Radiculo.words.todayIso(), where.address || '');
    if (!result.ok) return null;
    let note = result.note;
    // The one-file copy: its version, never its local path (a path often holds a person's user name).
    if (where.oneFile) note = `${note.replace(/\n$/, '')} - ${fill(state.words.ui('printOneFile'), { version: where.oneFile })}\n`;
    // A demonstration's note says so in its first line, wherever it is pasted.
    return state.settings.demoMark ? `${state.words.ui('demoMark').toUpperCase()}\n\n${note}` : note;
  }

  function copyNote() {
    if (!recordActions()) return;
    const note = noteText();
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
    const now = new Date();
    // authored: when the answers were saved (this device's clock); the engine marks the response
    // in-progress while a question the plan needs is still open.
    const response = state.engine.toQuestionnaireResponse(state.assessment, now.toISOString());
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
    file.text().then((text) => {
      const result = state.engine.fromQuestionnaireResponse(text);
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

  /**
   * A code in the address when the page loads (a scanned QR code): drop it from the address bar at
   * once (so it is not copied on), then open its answers, or say why it cannot be opened. Only at
   * load: a page that opened this one cannot put other answers in front of the person later.
   */
  /** Whether the address carries a code ('#plan' and other page links are not codes). */
  const codeInAddress = () => /^R\d/i.test(window.location.hash.slice(1));

  function openFromAddress() {
    if (!codeInAddress()) return;
    const code = window.location.hash.slice(1);
    window.history.replaceState(null, '', window.location.href.split('#')[0]);
    const result = decode(code, schema());
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

  /** At start-up (app.js): hooks { engine, settings, words, openAnswers, showNotice }; then a code in the address opens. */
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

  /** Each plan drawn: the hand-over buttons, and the take-home code on its printout. */
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
    // The printout's code needs the QR encoder; fetched now, after the plan is on screen, so that
    // the browser's own Print (which cannot wait) finds it. The sheet itself is built at print time.
    if (window.requestIdleCallback) window.requestIdleCallback(whenCodeReady, { timeout: 2000 });
    else window.setTimeout(whenCodeReady, 0);
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
    encode, decode, start, planShown, noPlan, preferenceChanged, addToPrintout, whenCodeReady, codeInAddress,
    /** The next person: the code and the note leave the screen. */
    clear,
    /** The interface words changed (language, audience). */
    setWords: (words) => { state.words = words; },
  };
})();
