/* Radiculo: this clinic's settings, web/settings.json: data, never run, read with a strict schema.
 * A value that does not fit is not used and is named on the footer's admin line and the console,
 * never dropped silently, in the page's language (content/ui "settingsLines"); no value is ever used as HTML. Source: the one-file copy's embedded
 * <script type="application/json" id="radiculo-settings">, else settings.json (under sw.js, a
 * network answer that is not a JSON object never replaces the last good copy; the worker then says
 * why in an X-Radiculo-Settings header, shown here too). The same admin line also says what a
 * clinic must be able to check: where a take-home code leads (or why none is offered here) and a
 * phone number that is dialled in another form than it is written. docs/deployment.md section 4. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const FETCH_LIMIT_MS = 5000; // the worker answers a slow network from its saved copy after 3 s

  // '' numbers: the page's own words ("your local emergency number"); printer null: a printer outside
  // kiosk mode, none in it (a kiosk without one would show a dialog). patientWording and languages
  // null: what content/review.json records as clinically reviewed (the content's default language
  // always), everything in a demonstration (demo: true, marked on every output).
  const DEFAULTS = Object.freeze({
    emergencyNumber: '', urgentAdviceNumber: '', clinicName: '', clinicContact: '', kioskIdleSeconds: 90,
    defaultLanguage: 'auto', defaultAudience: '', patientWording: null, languages: null, takeHomeAddress: '',
    printer: null, kioskClinicianWording: false, demo: false, clinicPhone: '',
  });
  const PHONES = ['emergencyNumber', 'urgentAdviceNumber', 'clinicPhone'];
  const KEYS = Object.keys(DEFAULTS);
  const IDLE_MIN = 15;
  const IDLE_MAX = 3600;
  const PHONE_MAX = 20;
  const TEXT_MAX = { clinicName: 80, clinicContact: 120 };
  const PHONE = /^[0-9+()\- ]+$/;
  // Controls and invisible text-direction marks could hide or reorder what is shown next to a value.
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  // A line for the clinic's admin, as { id, values }: worded when shown, in the language of the
  // page then (content/ui "settingsLines"), so a Spanish page says it in Spanish.
  const said = (id, values = {}) => ({ id, values });
  let adminLines = { problems: [], checks: [] }; // this page's, from apply()
  const quoted = (value) => JSON.stringify(value);
  const list = (values) => values.map(quoted).join(', ');

  /** settings.json as text: { text } or { text: null, problem }, plus the worker's note if any. */
  async function loadText() {
    const embedded = document.getElementById('radiculo-settings');
    if (embedded) return { text: embedded.textContent, source: 'embedded' };
    if (location.protocol === 'file:') {
      return { text: null, problem: said('fileNoSettings') };
    }
    let timer = 0;
    try {
      const response = await Promise.race([
        fetch('settings.json', { cache: 'no-cache', credentials: 'same-origin' }),
        new Promise((resolve, reject) => { timer = window.setTimeout(() => reject(new Error(`no answer in ${FETCH_LIMIT_MS / 1000} s`)), FETCH_LIMIT_MS); }),
      ]);
      const header = response.headers.get('X-Radiculo-Settings') || '';
      const note = header ? said('workerNote', { note: header }) : null;
      if (!response.ok) return { text: null, problem: said('notLoadedStatus', { status: response.status }) };
      return { text: await response.text(), note, source: 'settings.json' };
    } catch (error) {
      return { text: null, problem: said('notLoaded', { reason: error && error.message }) };
    } finally {
      window.clearTimeout(timer);
    }
  }

  function phoneNumber(key, value, problems) {
    if (value === '' || value === undefined) return '';
    if (typeof value === 'number') {
      problems.push(said('phoneAsNumber', { key, example: Number.isFinite(value) ? value : '112' }));
      return '';
    }
    const text = typeof value === 'string' ? value.trim() : null;
    const digits = text === null ? 0 : text.replace(/[^0-9]/g, '').length;
    if (text === null || !PHONE.test(text) || text.length > PHONE_MAX || digits < 2 || text.lastIndexOf('+') > 0) {
      problems.push(said('phoneInvalid', { key, max: PHONE_MAX }));
      return '';
    }
    return text.replace(/ {2,}/g, ' ');
  }

  /**
   * The number a tel: link dials: digits and a leading +. After a country code a "(0)" is the trunk
   * prefix, dialled only from inside the country ("+44 (0)20 7946 0000" is +442079460000), so it goes.
   */
  function dialled(number) {
    const international = number.startsWith('+');
    return (international ? number.replace(/\(\s*0\s*\)/g, '') : number).replace(/[^0-9+]/g, '');
  }

  /** Loopback, private and link-local hosts, and local names: a patient's phone cannot open them. */
  function localHost(hostname) {
    const host = String(hostname).replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || /\.(localhost|local|home\.arpa)$/.test(host)) return true;
    const v4 = host.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
    if (v4) {
      const [a, b] = [Number(v4[1]), Number(v4[2])];
      return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
        (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
    }
    return host.includes(':') && (host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:'));
  }

  /**
   * The address a take-home QR code leads to (handover.js): where this aid is published on the web,
   * for a kiosk or tablet whose own copy a phone cannot open (file://, a local server). Only an
   * https: address (the answers ride in it: no page on the way may read them): no user name or
   * password in it, no '#' part (the code goes there).
   */
  function webAddress(key, value, problems) {
    if (value === '' || value === undefined) return '';
    let url = null;
    try {
      url = typeof value === 'string' && !CONTROL.test(value) ? new URL(value.trim()) : null;
    } catch (error) {
      url = null;
    }
    if (!url || url.protocol !== 'https:' || url.username || url.password || url.hash || value.includes('#')) {
      problems.push(said('addressInvalid', { key }));
      return '';
    }
    return url.href;
  }

  function plainText(key, value, problems) {
    if (value === '' || value === undefined) return '';
    if (typeof value !== 'string') {
      problems.push(said('textNotString', { key }));
      return '';
    }
    const text = value.replace(/[\t\n\r\u2028\u2029 ]+/g, ' ').trim();
    if (CONTROL.test(text)) {
      problems.push(said('textControl', { key }));
      return '';
    }
    if (text.length > TEXT_MAX[key]) {
      problems.push(said('textTooLong', { key, max: TEXT_MAX[key] }));
      return '';
    }
    return text;
  }

  /**
   * The defaults of the two sign-off switches: what content/review.json records as clinically
   * reviewed (offered.reviewed: { languages, patientWording }; the content's default language is
   * always offered, in the clinician wording), or everything in a demonstration.
   */
  function signOffDefaults(offered, demo) {
    const languages = demo ? offered.languages.slice() : offered.languages.filter((code) =>
      code === offered.defaults.language || offered.reviewed.languages.includes(code));
    return { languages: languages.length ? languages : [offered.languages[0]], patientWording: demo || offered.reviewed.patientWording };
  }

  /** settings.json's text against the schema; offered: the content's { languages, audiences,
   * defaults, reviewed }. Returns { settings, problems }: each value usable as it is, each one not used named. */
  function readSettings(text, offered) {
    const problems = [];
    const settings = Object.assign({}, DEFAULTS, signOffDefaults(offered, false));
    if (text === null || text === undefined) return { settings, problems };
    let raw;
    try {
      raw = JSON.parse(String(text).replace(/^\uFEFF/, '')); // a byte-order mark from a Windows editor is fine
    } catch (error) {
      problems.push(said('notJson', { reason: error.message }));
      return { settings, problems };
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(said('notObject'));
      return { settings, problems };
    }
    // A demonstration shows every wording and language, each output marked "not clinically
    // reviewed"; a value that cannot be read is not a demonstration.
    if (raw.demo !== undefined) {
      if (typeof raw.demo === 'boolean') settings.demo = raw.demo;
      else problems.push(said('booleanInvalid', { key: 'demo' }));
    }
    Object.assign(settings, signOffDefaults(offered, settings.demo));
    for (const key of Object.keys(raw)) {
      if (!KEYS.includes(key)) problems.push(said('unknownKey', { key: quoted(key), keys: KEYS.join(', ') }));
    }

    for (const key of PHONES) settings[key] = phoneNumber(key, raw[key], problems);
    settings.clinicName = plainText('clinicName', raw.clinicName, problems);
    settings.clinicContact = plainText('clinicContact', raw.clinicContact, problems);
    settings.takeHomeAddress = webAddress('takeHomeAddress', raw.takeHomeAddress, problems);

    if (raw.kioskIdleSeconds !== undefined) {
      const seconds = raw.kioskIdleSeconds;
      if (Number.isInteger(seconds) && seconds >= IDLE_MIN && seconds <= IDLE_MAX) settings.kioskIdleSeconds = seconds;
      else problems.push(said('idleInvalid', { min: IDLE_MIN, max: IDLE_MAX, used: DEFAULTS.kioskIdleSeconds }));
    }

    // The two sign-off switches: a value that cannot be read switches the feature off (the safe side).
    if (raw.patientWording !== undefined) {
      if (typeof raw.patientWording === 'boolean') settings.patientWording = raw.patientWording;
      else {
        settings.patientWording = false;
        problems.push(said('patientWordingInvalid'));
      }
    }
    // A printer, and the clinician wording at a kiosk: true or false; a value that cannot be read is
    // not used (the default stands: no print button and no clinician wording at a kiosk).
    for (const key of ['printer', 'kioskClinicianWording']) {
      if (raw[key] === undefined) continue;
      if (typeof raw[key] === 'boolean') settings[key] = raw[key];
      else problems.push(said('booleanInvalid', { key }));
    }
    const fallbackLanguage = offered.languages.includes(offered.defaults.language) ? offered.defaults.language : offered.languages[0];
    if (raw.languages !== undefined) {
      if (!Array.isArray(raw.languages)) {
        settings.languages = [fallbackLanguage];
        problems.push(said('languagesNotList', { example: JSON.stringify(offered.languages), fallback: quoted(fallbackLanguage) }));
      } else {
        const chosen = [];
        for (const code of raw.languages) {
          if (typeof code === 'string' && offered.languages.includes(code)) {
            if (!chosen.includes(code)) chosen.push(code);
          } else {
            problems.push(said('languageUnknown', { code: quoted(code), languages: list(offered.languages) }));
          }
        }
        if (chosen.length === 0) {
          chosen.push(fallbackLanguage);
          problems.push(said('languagesNone', { fallback: quoted(fallbackLanguage) }));
        }
        settings.languages = chosen;
      }
    }

    if (raw.defaultLanguage !== undefined) {
      const language = raw.defaultLanguage;
      if (language === 'auto') settings.defaultLanguage = 'auto';
      else if (typeof language === 'string' && settings.languages.includes(language)) settings.defaultLanguage = language;
      else problems.push(said('defaultLanguageInvalid', { languages: list(settings.languages) }));
    }
    if (raw.defaultAudience !== undefined) {
      const audience = raw.defaultAudience;
      if (audience !== '' && !(typeof audience === 'string' && offered.audiences.includes(audience))) {
        problems.push(said('defaultAudienceInvalid', { audiences: list(offered.audiences) }));
      } else if (audience === 'patient' && !settings.patientWording) {
        problems.push(said('defaultAudiencePatientOff'));
      } else {
        settings.defaultAudience = audience;
      }
    }
    return { settings, problems };
  }

  /** An admin line in the words of `content` (one language's content, with its ui). */
  function worded(line, content) {
    return Radiculo.dom.fill(content.ui.settingsLines[line.id], line.values);
  }

  /**
   * The admin's lines, in the language of `content`: the problems ("Settings: ...") in
   * #settings-notice and the lines to check in #settings-checks, when the page has them. Shown again
   * whenever the page's language changes.
   */
  function show(content) {
    for (const [slotId, lines] of [['settings-notice', adminLines.problems], ['settings-checks', adminLines.checks]]) {
      const slot = document.getElementById(slotId);
      if (!slot) continue;
      slot.replaceChildren(...lines.map((line) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = slotId === 'settings-notice'
          ? Radiculo.dom.fill(content.ui.settingsLines.prefix, { line: worded(line, content) }) : worded(line, content);
        return paragraph;
      }));
      slot.lang = content.language;
      slot.hidden = lines.length === 0;
    }
  }

  /** The kiosk's idle time from the address (?kiosk&idle=SECONDS), which wins over settings.json; 0 when none. */
  function idleFromAddress() {
    const text = new URLSearchParams(window.location.search).get('idle');
    const seconds = Number(text);
    return text && Number.isInteger(seconds) && seconds >= IDLE_MIN && seconds <= IDLE_MAX ? seconds : 0;
  }

  /**
   * Where a take-home code leads: takeHomeAddress, else this page's own origin and path when a phone
   * can open it. Never the page's query (?kiosk&idle=… would make the person's phone a kiosk that
   * clears their plan); a demonstration's code adds ?demo. '' when no code can be made here, with
   * the reason on the admin line; the address used is on it too, for the clinic to check.
   */
  function takeHome(settings, lines) {
    const here = window.location;
    let where = settings.takeHomeAddress;
    if (where) {
      const other = /^https?:$/.test(here.protocol) && !localHost(here.hostname) && new URL(where).origin !== here.origin;
      lines.push(other ? said('takeHomeOpensOther', { address: where, origin: here.origin }) : said('takeHomeOpens', { address: where }));
    } else if (!/^https?:$/.test(here.protocol)) {
      lines.push(said('noTakeHomeFile'));
      return '';
    } else if (localHost(here.hostname)) {
      lines.push(said('noTakeHomeLocal', { host: here.hostname }));
      return '';
    } else {
      where = here.origin + here.pathname;
    }
    if (!settings.demoMark || new URL(where).searchParams.has('demo')) return where;
    return `${where}${where.includes('?') ? '&' : '?'}demo`;
  }

  /**
   * The settings as every part of the page uses them, normalised here once: settings.json read with
   * the schema, then resolved for this page. engine: its languages, wordings and defaults; kiosk:
   * whether this page is a kiosk (kiosk.js). Shows what was not used. Adds:
   * - audiences: the wordings offered (a kiosk shows the clinician wording only where allowed);
   * - fixedAudience: the wording to start in without asking ('' = ask; patient wording off = clinician);
   * - printer: true or false ("Print this plan" shown), no longer null;
   * - kioskIdleSeconds: the address's idle time when it gives one;
   * - demoMark: every output says "Demonstration: not clinically reviewed";
   * - dial: each phone number as its tel: link dials it;
   * - takeHome: where a take-home code leads ('' = no code on this page).
   */
  function offeredBy(engine) {
    const defaults = engine.defaults();
    // Every language of the engine's build, loaded or not (version(); content() lists those loaded).
    const version = engine.version();
    const languages = version.languages;
    const reviewedIn = (code, audience) => {
      const reviewed = version.contentReviewed && version.contentReviewed[code];
      return Boolean(reviewed && reviewed[audience]);
    };
    return {
      languages,
      audiences: engine.schema().properties.audience.enum,
      defaults,
      // content/review.json: the languages with a reviewed wording, and whether the patient
      // wording is reviewed in the default language.
      reviewed: {
        languages: languages.filter((code) => reviewedIn(code, 'clinician') || reviewedIn(code, 'patient')),
        patientWording: reviewedIn(defaults.language, 'patient'),
      },
    };
  }

  /** The languages the settings offer: the ones the engine must be handed before the page starts. */
  function languagesOffered(loaded, engine) {
    return readSettings(loaded && loaded.text, offeredBy(engine)).settings.languages;
  }

  function apply(loaded, engine, kiosk) {
    const offered = offeredBy(engine);
    const { settings, problems } = readSettings(loaded && loaded.text, offered);
    if (loaded && loaded.problem) problems.unshift(loaded.problem);
    if (loaded && loaded.note) problems.unshift(loaded.note);
    settings.languages = Object.freeze(settings.languages);
    settings.printer = settings.printer === null ? !kiosk : settings.printer;
    const patientOnly = kiosk && settings.patientWording && !settings.kioskClinicianWording;
    settings.audiences = Object.freeze(offered.audiences.filter((audience) =>
      (audience === 'patient' ? settings.patientWording : !patientOnly)));
    settings.fixedAudience = settings.patientWording ? settings.defaultAudience : 'clinician';
    settings.kioskIdleSeconds = idleFromAddress() || settings.kioskIdleSeconds;
    // The mark "Demonstration: not clinically reviewed": a demonstration's settings, or a page
    // opened from a demonstration's take-home code (?demo in its address). The address can only
    // add the mark; it switches nothing on.
    settings.demoMark = settings.demo || new URLSearchParams(window.location.search).has('demo');
    // For the clinic to check, on a line of its own under the problems: what is dialled and where a
    // code leads (or why none is made here). Not problems: a local copy without a code is normal.
    const checks = [];
    settings.dial = Object.freeze(Object.fromEntries(PHONES.map((key) => [key, dialled(settings[key])])));
    for (const key of PHONES) {
      const written = settings[key].replace(/[^0-9+]/g, '');
      if (settings[key] && settings.dial[key] !== written) checks.push(said('dialledAs', { key, number: quoted(settings[key]), dialled: settings.dial[key] }));
    }
    // Patients read "your local emergency number" and find no number to call: a page that offers the
    // patient wording needs this clinic's emergency number.
    if (settings.patientWording && !settings.emergencyNumber) checks.push(said('emergencyNumberUnset'));
    settings.takeHome = takeHome(settings, checks);
    adminLines = { problems, checks };
    // The console (an integrator's) in the content's default language; the page in the page's.
    const english = engine.content(offered.defaults.language);
    for (const problem of problems) if (window.console && console.warn) console.warn(`Radiculo settings: ${worded(problem, english)}`);
    show(english);
    return Object.freeze(settings);
  }

  Radiculo.clinicSettings = { loaded: loadText(), apply, show, languagesOffered, dialled, localHost };
})();
