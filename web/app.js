/* Radiculo: the page's orchestrator. Starts the engine, asks "Which best describes you?", and on
 * every answer sends the assessment to the engine and draws the plan it returns. It is the only file
 * that tells the other parts what happened, always by calling them (planView, optionsView,
 * printSheet, clinic, handover, kiosk, offline, footer, about); they call back only through the
 * hooks it gives them. The parts a first plan does not need are loaded when first needed (see
 * `load`). Answers live only in the form on this page: nothing is stored, nothing is sent. */
(function () {
  'use strict';

  const Radiculo = window.Radiculo;
  const { byId, element, fill } = Radiculo.dom;
  const { planView, clinic, handover, offline } = Radiculo;
  const ANNOUNCE_DELAY_MS = 700; // let a person finish typing before the screen reader speaks

  // The parts a first plan does not need, loaded when first needed (index.html lists them in
  // <template id="scripts-on-demand">; the one-file copy carries them inline): each resolves with
  // the part. Until then Radiculo[part] is undefined.
  const ON_DEMAND = { optionsView: 'options-view.js', printSheet: 'print-sheet.js', about: 'about.js', kiosk: 'kiosk.js' };
  const load = (part) => Radiculo.dom.loadScript(ON_DEMAND[part], `Radiculo.${part}`);

  // Kiosk mode is the address's (?kiosk): its large type from the first paint; kiosk.js loads beside
  // the engine, and only at a kiosk.
  const kioskMode = new URLSearchParams(window.location.search).has('kiosk');
  if (kioskMode) document.documentElement.classList.add('kiosk');
  const kioskLoaded = kioskMode ? load('kiosk') : Promise.resolve(null);

  const state = {
    engine: null,
    content: null,
    language: null,
    audience: null,
    defaults: null, // the engine's default language and audience (its schema), set in init
    settings: null, // settings.json as clinic-settings.js normalised it, set in init
    questionnaire: null,
    flow: null,
    plan: null, // the last plan drawn (citations open in place from it)
    lastAssessment: '',
    lastAnnounced: '',
    announceTimer: 0,
    firstPlanMarked: false,
    optionsUnavailable: false, // options-view.js could not be loaded: plans are drawn without their comparison
    touched: false, // has anyone answered or switched anything since the start (see isAtStart)
  };

  /** The wording on screen: the one chosen; before a choice, the patient's where it is offered (a
   * patient may be the first to read the start screen), else the default. */
  function shownAudience() {
    if (state.audience) return state.audience;
    const offered = (state.settings && state.settings.audiences) || [];
    return offered.includes('patient') ? 'patient' : state.defaults.audience;
  }

  function words() {
    return Radiculo.words.forAudience(state.content, shownAudience());
  }

  // The footer's versions line. Its two dates are worded by the browser (toLocaleDateString), whose
  // first use loads its date data: 0.2 to 0.6 s on a slow tablet (measured at CPU 4x). The first
  // time, the line is worded when the browser is next idle, after the first screen is shown; any
  // later wording (another language) is at once.
  let versionsPending = 0;
  let datesUsed = false;
  function showVersions(w, content) {
    const word = () => {
      versionsPending = 0;
      datesUsed = true;
      byId('versions').textContent = fill(w.ui('versions'), {
        contentVersion: content.contentVersion,
        contentReleased: Radiculo.words.formatDate(content.contentReleased, content),
        reviewStatus: words().pick(content.reviewStatus),
        reviewDue: Radiculo.words.formatDate(content.reviewDue, content),
        engineVersion: content.engineVersion,
      });
    };
    const idle = typeof window.requestIdleCallback === 'function';
    if (versionsPending) {
      if (idle) window.cancelIdleCallback(versionsPending);
      else window.clearTimeout(versionsPending);
    }
    if (datesUsed) word();
    else versionsPending = idle ? window.requestIdleCallback(word, { timeout: 1500 }) : window.setTimeout(word, 0);
  }

  /** Fills every [data-ui] element with its interface label, in the current audience's words. */
  function applyInterfaceWords() {
    const w = words();
    for (const node of document.querySelectorAll('[data-ui]')) node.textContent = w.ui(node.getAttribute('data-ui'));
    Radiculo.clinicSettings.show(state.content);
    const content = state.content;
    const audience = shownAudience();
    byId('disclaimer').textContent = (content.disclaimer && content.disclaimer[audience]) || '';
    // "In an emergency, do not use this tool" is said everywhere but under an emergency plan.
    byId('emergency-advice').textContent = (content.emergencyAdvice && content.emergencyAdvice[audience]) || '';
    // The start screen, before anyone chooses: what needs emergency care now, in plain words, with
    // this clinic's emergency number (or "your local emergency number").
    byId('start-emergency').textContent = fill((content.startEmergency && (content.startEmergency.patient || content.startEmergency.clinician)) || '',
      { number: state.settings.emergencyNumber || w.ui('localEmergencyNumber') });
    showVersions(w, content);
    showStartScreen(w);
    showChooserLanguages(content);
    Radiculo.footer.show(content, audience); // intended-use link, translation, review due
    if (Radiculo.about) Radiculo.about.wordsChanged(content, audience); // an open intended-use dialog
    clinic.showClinicLine(w);
    handover.setWords(w);
    if (Radiculo.kiosk) Radiculo.kiosk.wordsChanged();
  }

  /**
   * Where only one wording is offered (a kiosk for patients), the start screen asks nothing it need
   * not: no "Which best describes you?" over a single button, no "you can change this", just Start.
   */
  function showStartScreen(w) {
    const single = state.settings.audiences.length === 1;
    byId('chooser-title').textContent = w.ui(single ? 'startOnlyTitle' : 'chooseAudience');
    document.querySelector('#chooser .chooser__help').textContent = w.ui(single ? 'startOnlyHelp' : 'chooseAudienceHelp');
    for (const button of document.querySelectorAll('#chooser [data-audience]')) {
      button.querySelector('.chooser__label').textContent = w.ui(single ? 'startOnly' : button.getAttribute('data-audience') === 'patient' ? 'audiencePatient' : 'audienceClinician');
    }
  }

  /**
   * On "Which best describes you?": the other languages by their own names, so a person who cannot
   * read this one switches before anything else. Drives the header's language select.
   */
  function showChooserLanguages(content) {
    const slot = byId('chooser-languages');
    const select = byId('language-select');
    const others = (content.languages || []).filter((language) => language.code !== content.language);
    slot.replaceChildren(...others.map((language) => {
      // A translation's review status beside its name: a person picks it knowing what it is.
      const button = element('button', { type: 'button', className: 'button button--quiet', lang: language.code, 'data-language': language.code }, [
        language.name,
        language.code !== (content.defaults && content.defaults.language) && language.translationShort ? element('span', { className: 'chooser__language-review' }, [` (${language.translationShort})`]) : null,
      ]);
      button.addEventListener('click', () => {
        select.value = language.code;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        byId('chooser-title').focus();
      });
      return button;
    }));
    slot.hidden = others.length === 0;
  }

  function pickLanguage(languages) {
    const codes = languages.map((language) => language.code);
    if (codes.includes(state.settings.defaultLanguage)) return state.settings.defaultLanguage; // settings.json, unless 'auto'
    for (const wanted of navigator.languages || [navigator.language || state.defaults.language]) {
      const code = String(wanted).toLowerCase().split('-')[0];
      if (codes.includes(code)) return code;
    }
    return codes.includes(state.defaults.language) ? state.defaults.language : codes[0];
  }

  function loadContent(language) {
    const content = state.engine.content(language);
    if (!content || content.ok === false) throw new Error(`no content for language ${language}`);
    // Only the languages this clinic offers: the picker, the chooser and the next person read this.
    content.languages = (content.languages || []).filter((entry) => state.settings.languages.includes(entry.code));
    state.content = content;
    state.language = content.language || language;
    document.documentElement.lang = state.language;
  }

  function announce(text) {
    window.clearTimeout(state.announceTimer);
    state.announceTimer = window.setTimeout(() => {
      if (text === state.lastAnnounced) return;
      state.lastAnnounced = text;
      byId('announcer').textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  function updateTriageBar(triage, label) {
    const bar = byId('triage-bar');
    if (!triage) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    bar.className = `triage-bar triage-bar--${triage}`;
    bar.replaceChildren(
      element('strong', {}, [label]),
      element('span', { className: 'triage-bar__action' }, [words().ui('seePlan')]),
    );
  }

  /**
   * On the page a blank answer means "not yet", not "not sure". The engine makes a plan from the red
   * flags alone when they decide a faster tier, so a blank form would read as unsure ("get checked
   * now"). Until a red flag is answered yes or not sure, or every red flag is answered, or the
   * duration and the pain are given, the page waits for them, as it always has.
   */
  function notYetSaid(assessment, result) {
    if (!result.ok) return result;
    const answers = Object.values(assessment.redFlags || {});
    const flagSaid = answers.some((answer) => answer !== false) || answers.length === state.questionnaire.table.redFlags.length;
    const missing = ['symptomWeeks', 'painScore'].filter((key) => assessment[key] === undefined);
    if (flagSaid || missing.length === 0) return result;
    return { ok: false, errors: missing.map((key) => ({ field: `/${key}`, code: 'requiredUnlessRedFlag', params: {}, message: '' })) };
  }

  /** Evaluates the current answers and redraws the plan (skipped when nothing changed). */
  function update(force) {
    const assessment = Object.assign({ audience: state.audience, language: state.language }, state.questionnaire.read());
    const key = JSON.stringify(assessment);
    if (!force && key === state.lastAssessment) return;
    state.lastAssessment = key;

    const section = byId('plan');
    const body = byId('plan-body');
    const result = notYetSaid(assessment, state.engine.evaluate(assessment));
    if (result.ok && result.options && !Radiculo.optionsView && !state.optionsUnavailable) {
      // A plan that compares the options waits for the part that draws them: then it is drawn once,
      // whole, never with the comparison arriving a moment later. Should that part not load, the
      // plan is drawn without it rather than not at all.
      state.lastAssessment = '';
      load('optionsView').catch(() => { state.optionsUnavailable = true; }).then(() => { if (state.audience) update(true); });
      return;
    }
    let drawn;
    if (result.ok) {
      state.questionnaire.showErrors([], assessment);
      state.plan = result;
      const w = words();
      drawn = planView.render(section, body, result, state.content, state.audience);
      removePrintout(); // a printout of earlier answers must never outlive them
      if (Radiculo.optionsView) Radiculo.optionsView.placeInQuestions(byId('questions'), result, w);
      clinic.placeCallNow(body, result.triage, w, result);
      handover.planShown(body, assessment, w); // its buttons
      if (Radiculo.kiosk) Radiculo.kiosk.planShown(body);
      whenIdle(() => whenPrintReady().catch(() => {})); // the printout's parts, while the person reads the plan
      byId('emergency-advice').hidden = result.triage === 'emergency';
      updateTriageBar(result.triage, drawn.label);
      byId('print-plan').hidden = !state.settings.printer;
      // An alert just raised speaks for itself: no second, polite announcement on top of it.
      if (drawn.alerted) {
        window.clearTimeout(state.announceTimer);
        state.lastAnnounced = '';
      } else {
        announce(fill(words().ui('planUpdatedCount'), { triage: drawn.label, count: drawn.count }));
      }
      if (!state.firstPlanMarked && window.performance && performance.mark) {
        state.firstPlanMarked = true;
        performance.mark('radiculo:first-plan');
      }
    } else {
      const problems = state.questionnaire.showErrors(result.errors, assessment);
      const unanswered = state.questionnaire.unansweredRedFlags();
      state.plan = null;
      drawn = planView.renderWaiting(section, body, {
        missing: problems.missing,
        general: problems.general,
        hasErrors: problems.shown > 0,
        redFlagsLeft: unanswered.length,
        redFlagsTotal: state.questionnaire.table.redFlags.length,
        firstRedFlag: unanswered[0],
      }, state.content, state.audience);
      updateTriageBar(null);
      byId('emergency-advice').hidden = false;
      byId('print-plan').hidden = true;
      handover.noPlan();
      if (Radiculo.optionsView) Radiculo.optionsView.placeInQuestions(byId('questions'), null, words());
      if (drawn.changed) announce(words().ui('planWaiting'));
    }
    state.flow.update(result);
    // Care and scans so far can only change a plan of simple care (its review date, a repeat scan).
    byId('plan-add-care').hidden = state.flow.careIncluded() || !result.ok || result.triage !== 'conservative';
  }

  function removePrintout() {
    for (const sheet of byId('plan-body').querySelectorAll('[data-print-sheet]')) sheet.remove();
  }

  /**
   * The print sheet and its take-home code, built when the plan is printed (the browser fires
   * beforeprint for its own Print, window.print() and a PDF), never with each answer: on a slow
   * tablet they cost more than drawing the plan itself. It stays in the plan's body (print.css
   * shows only it on paper) until the next plan or "Start again". beforeprint cannot wait for a
   * download: what it needs (print-sheet.js; the take-home code and its QR encoder where a code is
   * offered) loads once a plan is shown (whenPrintReady).
   */
  function buildPrintout() {
    removePrintout();
    if (!state.plan || !Radiculo.printSheet) return;
    const body = byId('plan-body');
    body.append(Radiculo.printSheet.build(state.plan, state.content, words(), state.settings));
    handover.addToPrintout(body);
  }

  /** Resolves once the printout can be built: the print sheet, and the take-home code where one is
   * offered (settings.takeHome: none on file:// or a local address, where a phone could not open it). */
  function whenPrintReady() {
    return Promise.all([load('printSheet'), state.settings.takeHome ? handover.whenCodeReady() : null]);
  }
  const printReady = () => Boolean(Radiculo.printSheet && (!state.settings.takeHome || handover.codeReady()));

  /** Runs `task` when the browser has nothing better to do (after the plan is painted). */
  function whenIdle(task) {
    if (window.requestIdleCallback) window.requestIdleCallback(() => { task(); }, { timeout: 2000 });
    else window.setTimeout(task, 0);
  }

  function setAudience(audience) {
    state.audience = audience;
    for (const input of document.querySelectorAll('input[name="audience-switch"]')) input.checked = input.value === audience;
    document.documentElement.setAttribute('data-audience', audience);
    applyInterfaceWords();
    state.questionnaire.setWording(audience, state.content);
    state.flow.setActive(audience === 'patient', words());
    update(true);
  }

  function chooseAudience(audience) {
    byId('chooser').hidden = true;
    byId('workspace').hidden = false;
    byId('header-controls').hidden = false;
    document.querySelector('.skip-link').hidden = false;
    setAudience(audience);
    if (state.flow.isActive()) state.flow.start();
    else byId('questions-title').focus();
  }

  /**
   * Back to "Which best describes you?" with every answer gone (a kiosk's next person; with
   * nextPerson also the default language). With a fixed audience (settings.json), back to the
   * empty questionnaire in that wording instead.
   */
  function startAgain(options) {
    const nextPerson = Boolean(options && options.nextPerson);
    const quiet = Boolean(options && options.quiet); // leaving the page: no focus, no scrolling, no update check
    state.questionnaire.clear();
    if (Radiculo.optionsView) Radiculo.optionsView.clear();
    state.flow.reset();
    state.flow.setActive(false, words());
    state.audience = null;
    state.plan = null;
    state.lastAssessment = '';
    state.lastAnnounced = '';
    window.clearTimeout(state.announceTimer);
    byId('announcer').textContent = '';
    byId('plan-body').replaceChildren();
    showNotice('');
    byId('plan').removeAttribute('data-triage');
    for (const input of document.querySelectorAll('input[name="audience-switch"]')) input.checked = false;
    document.documentElement.removeAttribute('data-audience');
    updateTriageBar(null);
    byId('workspace').hidden = true;
    byId('header-controls').hidden = true;
    document.querySelector('.skip-link').hidden = true;
    byId('chooser').hidden = false;
    if (nextPerson) {
      const language = pickLanguage(state.content.languages);
      if (language !== state.language) {
        loadContent(language);
        byId('language-select').value = state.language;
        state.questionnaire.setWording(state.defaults.audience, state.content);
      }
    }
    applyInterfaceWords();
    if (!quiet) {
      window.scrollTo(0, 0);
      byId('chooser-title').focus();
    }
    if (state.settings.fixedAudience) chooseAudience(state.settings.fixedAudience);
    state.touched = false;
    handover.clear();
    if (!quiet) offline.nextPerson();
  }

  /**
   * Opens answers from elsewhere (a scanned take-home code, a FHIR file: handover.js): in their
   * language and wording, written into the questions (so they can be checked and changed), then
   * the plan. Answers already on the page are replaced.
   */
  function openAnswers(assessment) {
    const language = assessment.language && state.content.languages.some((entry) => entry.code === assessment.language)
      ? assessment.language : state.language;
    if (language !== state.language) {
      loadContent(language);
      byId('language-select').value = state.language;
    }
    const offered = state.settings.audiences;
    const audience = [assessment.audience, state.settings.fixedAudience, state.defaults.audience].find((entry) => offered.includes(entry)) || offered[0];
    state.questionnaire.clear();
    state.questionnaire.write(assessment);
    state.touched = true;
    chooseAudience(audience); // redraws the words and the plan
    // Patients (step by step): straight to the plan, with the care screen if the answers hold care.
    const { table } = state.questionnaire;
    state.flow.openAtPlan(Radiculo.answers.addableSections(table).some((id) => Radiculo.answers.answersSection(table, id, assessment)));
    update(true);
    // Every answer must have reached the form: a plan from part of them would be a wrong plan.
    const canonical = (value) => JSON.stringify(value, (key, item) => (Array.isArray(item) ? [...item].sort()
      : item && typeof item === 'object' ? Object.fromEntries(Object.entries(item).sort()) : item));
    const { audience: ignoredAudience, language: ignoredLanguage, ...answers } = assessment;
    if (canonical(state.questionnaire.read()) !== canonical(answers)) {
      startAgain();
      return false;
    }
    byId('plan').focus({ preventScroll: true });
    byId('plan').scrollIntoView({ block: 'start' }); // the notice and the plan's first line, not its end
    return true;
  }

  /** One line above the plan, for what the person did not do here (a code opened, or not). */
  function showNotice(text) {
    const notice = byId('page-notice');
    // Above the plan when there is one (where the focus goes), else above "Which best describes you?".
    if (byId('workspace').hidden) byId('chooser').before(notice);
    else byId('plan-body').before(notice);
    notice.textContent = text;
    notice.hidden = !text;
  }

  /** Links in the plan that name a question move the focus to that question's first control. */
  function focusQuestion(event) {
    const link = event.target.closest('[data-focus-question]');
    if (!link) return;
    const question = byId(`q-${link.getAttribute('data-focus-question')}`);
    if (!question) return;
    event.preventDefault();
    state.flow.showQuestion(link.getAttribute('data-focus-question'));
    const control = question.querySelector('input:checked') || question.querySelector('input');
    question.scrollIntoView({ block: 'center', behavior: 'auto' });
    if (control) control.focus({ preventScroll: true });
  }

  function setUpLanguagePicker() {
    const languages = state.content.languages || [];
    if (languages.length < 2) return;
    const select = byId('language-select');
    for (const language of languages) {
      // The name alone (a phone's header has no room for more); a translation's status is said on
      // the start screen's language buttons and in the footer of every screen.
      select.appendChild(element('option', { value: language.code, lang: language.code }, [language.name]));
    }
    select.value = state.language;
    byId('language-picker').hidden = false;
    select.addEventListener('change', () => {
      loadContent(select.value);
      applyInterfaceWords();
      state.questionnaire.setWording(state.audience || state.defaults.audience, state.content);
      state.flow.setWords(words(), state.content);
      if (state.audience) update(true);
    });
  }

  /** Focus on the plan's title ("Your plan"), where a screen reader starts reading it; no scrolling. */
  function focusPlanTitle() {
    const title = byId('plan-title');
    title.setAttribute('tabindex', '-1'); // a heading takes focus only when told it may
    title.focus({ preventScroll: true });
  }

  function init(engine, loadedSettings) {
    state.engine = engine;
    state.defaults = engine.defaults();
    state.settings = Radiculo.clinicSettings.apply(loadedSettings, engine, kioskMode);
    byId('demo-mark').hidden = !state.settings.demoMark;
    clinic.useSettings(state.settings);
    const offered = engine.content(state.defaults.language).languages.filter((entry) => state.settings.languages.includes(entry.code));
    loadContent(pickLanguage(offered));
    const audiences = state.settings.audiences;
    byId('audience-switch').hidden = audiences.length < 2;
    for (const button of document.querySelectorAll('#chooser [data-audience]')) button.hidden = !audiences.includes(button.getAttribute('data-audience'));

    const form = byId('questions');
    state.questionnaire = Radiculo.questionnaire.create(form, state.content);
    state.flow = Radiculo.flow.create(form, state.questionnaire, state.content, {
      changed: () => update(false),
      // On a phone the plan opens at its own title, the header above it (wording, language) scrolled
      // just out of view, so "When to get help" starts on the first screen; elsewhere at the page's top.
      showPlan: () => {
        if (window.matchMedia('(max-width: 600px)').matches) byId('plan').scrollIntoView({ block: 'start' });
        else window.scrollTo(0, 0);
        focusPlanTitle();
      },
      toPlan: () => { byId('plan').scrollIntoView({ block: 'start' }); focusPlanTitle(); },
    });
    state.questionnaire.setAsked(state.flow.isAsked);
    state.questionnaire.setWording(state.defaults.audience, state.content);
    applyInterfaceWords();
    setUpLanguagePicker();

    form.addEventListener('submit', (event) => event.preventDefault()); // Enter in a field must not navigate
    const touch = () => { state.touched = true; };
    form.addEventListener('input', () => { touch(); update(false); });
    form.addEventListener('change', () => { touch(); update(false); });
    for (const button of document.querySelectorAll('[data-audience]')) {
      button.addEventListener('click', () => { touch(); chooseAudience(button.getAttribute('data-audience')); });
    }
    byId('audience-switch').addEventListener('change', (event) => { touch(); setAudience(event.target.value); });
    byId('language-select').addEventListener('change', touch);
    byId('plan-body').addEventListener('click', focusQuestion);
    byId('plan-body').addEventListener('click', (event) => {
      const cite = event.target.closest && event.target.closest('a.cite');
      if (cite && planView.openCitation(cite, state.plan, state.content, state.audience)) event.preventDefault();
    });
    byId('plan-back').addEventListener('click', () => state.flow.backFromPlan(false));
    byId('plan-add-care').addEventListener('click', () => state.flow.backFromPlan(true));
    byId('start-again').addEventListener('click', startAgain);
    // print.css: the print sheet only. It and the take-home code on it are normally loaded since the
    // plan was drawn, so the print stays in the tap itself (some browsers print only then).
    byId('print-plan').addEventListener('click', () => {
      if (printReady()) window.print();
      else whenPrintReady().then(() => window.print());
    });
    // The intended use opens in place, as a dialog (the answers stay); a click with a key or another
    // button opens about.html as the browser would.
    byId('about-link').addEventListener('click', (event) => {
      if (event.button > 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      const opener = document.activeElement;
      load('about').then((about) => about.openDialog(state.content, shownAudience(), opener));
    });
    window.addEventListener('beforeprint', buildPrintout);
    // Leaving the page is like closing it: else the back/forward cache would show the answers to
    // the next person pressing Back on a shared computer.
    window.addEventListener('pagehide', (event) => { if (event.persisted && state.touched) startAgain({ quiet: true }); });

    // On narrow screens the plan is below the questions: the plan bar stands in for it until it scrolls into view.
    if ('IntersectionObserver' in window) {
      new IntersectionObserver((entries) => {
        document.documentElement.classList.toggle('plan-in-view', entries[entries.length - 1].isIntersecting);
      }).observe(byId('plan'));
    }

    byId('loading').hidden = true;
    byId('unsupported').hidden = true;
    byId('chooser').hidden = false;
    byId('footer').hidden = false;
    Radiculo.engineClient.started();
    if (state.settings.fixedAudience) chooseAudience(state.settings.fixedAudience);

    // The parts that act on their own (a timer, a scanned code, a new version) call back through these.
    const isAtStart = () => !state.touched;
    // The care now the answers on screen need ('emergency', 'check-now') or '': a care card, or a plan of that triage.
    const careNow = () => {
      const card = document.querySelector('[data-care-card]');
      if (card) return card.getAttribute('data-care-card');
      return state.plan && ['emergency', 'check-now'].includes(state.plan.triage) ? state.plan.triage : '';
    };
    if (Radiculo.kiosk) Radiculo.kiosk.start({ idleSeconds: state.settings.kioskIdleSeconds, printer: state.settings.printer, startAgain, isAtStart, words, careNow });
    offline.start(isAtStart);
    // A take-home code in the address opens at once, with what matters most to the person where its
    // plan compares the options: the part that keeps that choice is loaded first (the code's own
    // part loads beside it).
    const startHandover = () => handover.start({ engine, settings: state.settings, words: words(), openAnswers, showNotice });
    if (handover.codeInAddress()) {
      handover.whenCodeReady();
      load('optionsView').catch(() => {}).then(startHandover);
    } else {
      startHandover();
    }

    // For tests and for a clinic's IT checking its settings.json: what this page uses.
    Radiculo.app = { startAgain, settings: state.settings, whenPrintReady };
  }

  // Engine and settings load side by side (clinic-settings.js gives up on settings.json after 5 s);
  // then the engine is handed the other languages the settings offer (it comes with its default one).
  // At a kiosk, kiosk.js too: a kiosk never runs without its idle reset.
  Promise.all([Radiculo.engineClient.load(), Radiculo.clinicSettings.loaded]).then(([engine, loadedSettings]) =>
    engine.loadLanguages(Radiculo.clinicSettings.languagesOffered(loadedSettings, engine)).then(() => kioskLoaded).then(() => init(engine, loadedSettings)), () => {
    // engine-client.js has already shown the "cannot start in this browser" message.
  }).catch((error) => Radiculo.engineClient.showUnsupported(String(error && error.message)));
})();
