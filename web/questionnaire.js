/* Radiculo: the questionnaire. Builds the form from the engine's content (no question text lives in
 * the HTML), reads the answers into an assessment object that holds only what the person answered,
 * and shows the engine's field errors beside the field they point at.
 *
 * Every answer can be given by touch: in the patient wording the age, the duration and the weeks of
 * care are tappable choices (a range, then the exact value); they write the same text field a
 * clinician types into, so switching the wording keeps every answer. Clinicians get a "None of these"
 * per red-flag group and keys on a focused question (Y / N / U or ?; digits on the pain scale). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});

  // Answer values of the Yes / No / Not sure radios. "Not sure" is sent as null: unknown, never "no".
  const YES = 'yes';
  const NO = 'no';
  const NOT_SURE = 'not-sure';

  // Every question outside the red flags, in the order asked, with the JSON pointer the engine
  // uses for it in errors. herniationContained and herniationLevel together make /herniation.
  const SECTIONS = [
    { id: 'episode', title: 'sectionEpisode', questions: [
      { key: 'symptomWeeks', type: 'duration', picker: 'duration' },
      { key: 'painScore', type: 'scale' },
      { key: 'muscleSpasm', type: 'yesNo' },
    ] },
    { id: 'scope', title: 'sectionScope', questions: [
      { key: 'ageYears', type: 'number', inputmode: 'numeric', picker: 'age' },
      { key: 'priorLumbarSurgery', type: 'yesNo' },
    ] },
    { id: 'care', title: 'sectionCare', help: 'sectionCareHelp', questions: [
      { key: 'conservativeCareWeeks', type: 'number', unit: 'weeks', inputmode: 'decimal', picker: 'care' },
      { key: 'improving', type: 'yesNo' },
      { key: 'procedureCandidate', type: 'yesNo' },
      { key: 'priorMri', type: 'yesNo' },
      { key: 'herniationContained', type: 'yesNoNotSure', pointer: '/herniation/contained' },
      { key: 'herniationLevel', type: 'level', pointer: '/herniation/level' },
    ] },
  ];
  const CARE_KEYS = SECTIONS[2].questions.map((question) => question.key);
  const HERNIATION_KEYS = ['herniationContained', 'herniationLevel'];

  // Touch choices: a range first, then the exact value. Whole numbers only, each one exactly what
  // the engine is sent (no range stands for a value). Beyond 12 weeks the choices are months and
  // years in whole weeks (4 months = 17 weeks): every one of them is long-standing sciatica.
  const range = (from, to) => Array.from({ length: to - from + 1 }, (unused, index) => from + index);
  const LONG_WEEKS = [[13, 'months', 3], [17, 'months', 4], [22, 'months', 5], [26, 'months', 6], [39, 'months', 9],
    [52, 'year', 1], [104, 'years', 2], [156, 'years', 3], [260, 'years', 5], [520, 'years', 10]];
  const AGE_BANDS = [[0, 17], [18, 29], [30, 39], [40, 49], [50, 59], [60, 69], [70, 79], [80, 89], [90, 120]];
  const PICKERS = {
    age: () => AGE_BANDS.map(([from, to], index) => ({
      label: index === 0 ? ['rangeUnder', { to: to + 1 }] : index === AGE_BANDS.length - 1 ? ['rangeOver', { from }] : ['rangeFromTo', { from, to }],
      options: range(from, to).map((value) => ({ value: String(value), label: ['number', { count: value }] })),
    })),
    duration: () => [
      { label: ['durationUnderWeek'], options: [{ value: '0', unit: 'days', label: ['today'] }]
        .concat(range(1, 6).map((value) => ({ value: String(value), unit: 'days', label: ['days', { count: value }] }))) },
      { label: ['rangeFromTo', { from: 1, to: 2 }, 'weeks'], options: weekOptions(range(1, 2)) },
      { label: ['rangeFromTo', { from: 3, to: 6 }, 'weeks'], options: weekOptions(range(3, 6)) },
      { label: ['rangeFromTo', { from: 7, to: 12 }, 'weeks'], options: weekOptions(range(7, 12)) },
      { label: ['durationOverWeeks', { weeks: 12 }], options: LONG_WEEKS.map(([weeks, key, count]) => ({ value: String(weeks), unit: 'weeks', label: [key, { count }] })) },
    ],
  };
  function weekOptions(values) {
    return values.map((value) => ({ value: String(value), unit: 'weeks', label: ['weeks', { count: value }] }));
  }
  /** Weeks of care so far: whole weeks, never more than the duration of the bout. */
  function careOptions(maxWeeks) {
    const options = [{ value: '0', label: ['notStarted'] }];
    for (let weeks = 1; weeks <= Math.min(12, maxWeeks); weeks += 1) options.push({ value: String(weeks), label: ['weeks', { count: weeks }] });
    for (const [weeks, key, count] of LONG_WEEKS) if (weeks <= maxWeeks) options.push({ value: String(weeks), label: [key, { count }] });
    return options;
  }

  // The shared DOM builder of plan-view.js (loaded after this file, used only once the page runs).
  const { element, fill } = Radiculo.dom;

  /** One radio choice with its label: a large target, the native input kept for keyboard and AT. */
  function choice(name, value, uiKey, text, extra) {
    return element('label', { className: 'choice' }, [
      element('input', Object.assign({ type: 'radio', name, value }, extra || {})),
      element('span', { className: 'choice__text', 'data-ui': uiKey, text }),
    ]);
  }

  function questionText(key, part) {
    return element(part === 'help' ? 'p' : 'span', {
      className: part === 'help' ? 'question__help' : 'question__text',
      id: part === 'help' ? `help-${key}` : `text-${key}`,
      'data-q': key,
      'data-part': part,
    });
  }

  function errorSlot(key) {
    return element('p', { className: 'field-error', id: `error-${key}`, hidden: true });
  }

  /** A fieldset for a question answered with radios (legend = the question, announced with each option). */
  function radioQuestion(key, pointer, choices, extraClass) {
    return element('fieldset', {
      className: 'question',
      id: `q-${key}`,
      'data-field': pointer,
      'data-question': key,
      'aria-describedby': `help-${key} error-${key}`,
    }, [
      element('legend', { className: 'question__legend' }, [questionText(key, 'text')]),
      questionText(key, 'help'),
      element('div', { className: `choices ${extraClass || ''}` }, choices),
      errorSlot(key),
    ]);
  }

  function yesNoChoices(name, withNotSure) {
    const list = [choice(name, YES, 'yes'), choice(name, NO, 'no')];
    if (withNotSure) list.push(choice(name, NOT_SURE, 'notSure'));
    return list;
  }

  /** A row of touch choices (radios); labelled by the question and the row's caption. */
  function choiceRow(key, name, captionId, captionKey, options, attributes) {
    return element('div', Object.assign({
      className: 'picker__row',
      role: 'radiogroup',
      'aria-labelledby': `text-${key} ${captionId}`,
    }, attributes || {}), [
      element('p', { className: 'picker__caption', id: captionId, 'data-ui': captionKey }),
      // Days and weeks share numbers: a day's value says so ("3d"), data-number holds the number.
      element('div', { className: 'choices choices--pick' }, options.map((option) => choice(name, option.unit === 'days' ? `${option.value}d` : option.value, null, '', {
        'data-unit': option.unit, 'data-number': option.value, 'data-label': JSON.stringify(option.label),
      }))),
    ]);
  }

  /** The patient's touch entry for a number: ranges, then one row of exact values per range. */
  function picker(question) {
    const { key } = question;
    const node = element('div', { className: 'picker', 'data-picker': key });
    if (question.picker === 'care') {
      node.appendChild(element('div', { className: 'picker__rows', 'data-care-rows': '' }));
      return node;
    }
    const bands = PICKERS[question.picker]();
    node.appendChild(choiceRow(key, `${key}-band`, `range-${key}`, 'pickRange', bands.map((band, index) => ({ value: String(index), label: band.label }))));
    // One name for every exact value: one answer, whichever range shows it.
    bands.forEach((band, index) => node.appendChild(choiceRow(key, `${key}-pick`, `exact-${key}-${index}`, 'pickExact', band.options, {
      'data-band-row': String(index), hidden: true,
    })));
    return node;
  }

  function numberQuestion(question, pointer) {
    const { key } = question;
    const input = element('input', {
      className: 'number-input',
      id: `input-${key}`,
      name: key,
      type: 'text',
      inputmode: question.inputmode || 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `help-${key} error-${key}`,
    });
    const row = [input];
    if (question.unit) row.push(element('span', { className: 'number-unit', 'data-ui': question.unit }));
    if (question.type === 'duration') {
      row.push(element('div', {
        className: 'choices choices--unit',
        role: 'radiogroup',
        'aria-labelledby': `unit-label-${key}`,
      }, [
        element('span', { className: 'choices__caption', id: `unit-label-${key}`, 'data-ui': 'durationUnit' }),
        choice(`${key}-unit`, 'days', 'days'),
        choice(`${key}-unit`, 'weeks', 'weeks'),
      ]));
    }
    const label = element('label', { className: 'question__legend', for: `input-${key}` }, [questionText(key, 'text')]);
    return element('div', {
      className: 'question',
      id: `q-${key}`,
      'data-field': pointer,
      'data-question': key,
    }, [
      label,
      questionText(key, 'help'),
      element('div', { className: 'number-row' }, row),
      question.picker ? picker(question) : null,
      question.type === 'duration' ? element('p', { className: 'question__note', id: `note-${key}` }) : null,
      errorSlot(key),
    ]);
  }

  function buildQuestion(question, content) {
    const pointer = question.pointer || `/${question.key}`;
    switch (question.type) {
      case 'yesNo': return radioQuestion(question.key, pointer, yesNoChoices(question.key, false), 'choices--3');
      case 'yesNoNotSure': return radioQuestion(question.key, pointer, yesNoChoices(question.key, true), 'choices--3');
      case 'scale': {
        const options = [];
        for (let score = 0; score <= 10; score += 1) options.push(choice(question.key, String(score), null, String(score)));
        const fieldset = radioQuestion(question.key, pointer, options, 'choices--scale');
        fieldset.insertBefore(element('p', { className: 'scale-ends', 'aria-hidden': 'true' }, [
          element('span', { 'data-ui': 'painLow' }), element('span', { 'data-ui': 'painHigh' }),
        ]), fieldset.querySelector('.field-error'));
        return fieldset;
      }
      case 'level': {
        const levels = (content.herniationLevels || []).map((level) => choice(question.key, level, null, level));
        levels.push(choice(question.key, NOT_SURE, 'notSure'));
        return radioQuestion(question.key, pointer, levels, 'choices--levels');
      }
      default: return numberQuestion(question, pointer);
    }
  }

  function section(id, titleKey, helpKey, children) {
    return element('section', { className: 'q-section', id: `section-${id}`, 'aria-labelledby': `section-title-${id}`, 'data-step': id }, [
      element('h3', { className: 'q-section__title', id: `section-title-${id}`, 'data-ui': titleKey }),
      helpKey ? element('p', { className: 'q-section__help', 'data-ui': helpKey }) : null,
      ...children,
    ]);
  }

  /**
   * Clinicians only: the priority findings already assessed with no serious cause found
   * (`assessedFindings`). A finding is offered only while it is there (its red flag answered yes, or
   * the age at the older-age threshold), since the engine rejects an assessed finding that is not.
   */
  function assessedSection(content) {
    const findings = content.assessableFindings || [];
    const boxes = findings.map((key) => element('label', { className: 'choice choice--check', 'data-finding': key, hidden: true }, [
      element('input', { type: 'checkbox', name: 'assessedFindings', value: key }),
      element('span', { className: 'choice__text', 'data-finding-label': key }),
    ]));
    return element('section', { className: 'q-section', id: 'section-assessed', hidden: true, 'aria-labelledby': 'section-title-assessed' }, [
      element('fieldset', {
        className: 'question',
        id: 'q-assessedFindings',
        'data-field': '/assessedFindings',
        'data-question': 'assessedFindings',
        'aria-describedby': 'help-assessedFindings error-assessedFindings',
      }, [
        element('legend', { className: 'question__legend', id: 'section-title-assessed' }, [questionText('assessedFindings', 'text')]),
        questionText('assessedFindings', 'help'),
        element('div', { className: 'choices choices--checks' }, boxes),
        errorSlot('assessedFindings'),
      ]),
    ]);
  }

  /**
   * "7", "7.5", "7,5" -> number; "" -> undefined; anything else stays text for the engine to
   * explain. A number is sent only when it is exactly what was typed: "17.9999999999999999" would
   * become 18 in JavaScript, so it is sent as typed and the engine says it is not a whole number.
   */
  function readNumber(text) {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    const normalised = trimmed.replace(',', '.');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return trimmed;
    const number = Number(normalised);
    // The typed digits without a sign, leading zeros or trailing fraction zeros, against the number's own.
    const digits = normalised.replace(/^[-+]/, '').replace(/^0+(?=\d)/, '')
      .replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace(/^\./, '0.');
    return String(Math.abs(number)) === digits ? number : trimmed;
  }

  /**
   * A typed duration: "3", "3 weeks", "10 days", "2-3 weeks" (a range counts as its upper end, the
   * longer duration), in the content's own unit words or w / wk / d. Returns { text, unit }: the
   * number as typed (for readNumber) and the unit it names, or null to use the unit chosen.
   */
  function splitDuration(text, units) {
    const lower = String(text).trim().toLowerCase();
    const words = { days: [units.day, units.days, 'd', 'day', 'days'], weeks: [units.week, units.weeks, 'w', 'wk', 'wks', 'week', 'weeks'] };
    let unit = null;
    let rest = lower;
    for (const [name, list] of Object.entries(words)) {
      for (const word of list.filter(Boolean).map((entry) => entry.toLowerCase())) {
        if (rest.endsWith(word) && /(^|[\d\s.])$/.test(rest.slice(0, -word.length))) {
          unit = name;
          rest = rest.slice(0, -word.length).trim().replace(/\.$/, '');
          break;
        }
      }
      if (unit) break;
    }
    const parts = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|a)\s*(\d+(?:[.,]\d+)?)$/.exec(rest);
    if (parts) rest = parts[2];
    return { text: unit || parts ? rest : String(text), unit };
  }

  function formatWeeks(weeks) {
    return String(Math.round(weeks * 100) / 100);
  }

  /** Does the assessment hold a value at this JSON pointer (so an error there is about an answer)? */
  function holdsValue(assessment, pointer) {
    let node = assessment;
    for (const part of pointer.split('/').slice(1)) {
      if (node === null || typeof node !== 'object' || !(part in node)) return false;
      node = node[part];
    }
    return true;
  }

  const isShown = (node) => Boolean(node && node.getClientRects().length);

  /**
   * Builds the questionnaire into `form` and returns its controller.
   * content: the engine's content(language) object.
   */
  function create(form, content) {
    const redFlagGroups = content.redFlagGroups || [];
    const redFlagKeys = redFlagGroups.flatMap((group) => group.flags);
    let words = content;
    let audience = 'clinician';
    // The patient step flow (flow.js) says which questions are asked: the others keep the engine's defaults.
    let isAsked = () => true;
    const undoNone = new Map(); // group -> the flags its "None of these" set to no

    const redFlagSection = section('red-flags', 'sectionRedFlags', 'sectionRedFlagsHelp',
      redFlagGroups.map((group) => element('div', { className: 'q-group', 'data-group': group.group, 'data-step': `group-${group.group}` }, [
        element('div', { className: 'q-group__head' }, [
          element('h4', { className: 'q-group__title', id: `group-title-${group.group}`, 'data-group-label': group.group }),
          element('button', {
            type: 'button', className: 'button button--quiet none-of-these', 'data-none-of-these': group.group,
            'aria-describedby': `group-title-${group.group}`,
          }),
        ]),
        ...group.flags.map((flag) => radioQuestion(flag, `/redFlags/${flag}`, yesNoChoices(flag, true), 'choices--3')),
      ])));
    redFlagSection.removeAttribute('data-step');
    redFlagSection.insertBefore(element('p', { className: 'shortcuts-hint', 'data-ui': 'shortcutsHint' }), redFlagSection.querySelector('.q-group'));
    // At a desk the clinician's help text is folded away (screen readers still read it with each
    // question) and shown on request: never on focus, which would move the rows under the pointer.
    const helpToggle = element('button', { type: 'button', className: 'button button--quiet help-toggle', 'data-ui': 'showHelp', 'aria-pressed': 'false' });
    helpToggle.addEventListener('click', () => {
      const on = !document.documentElement.hasAttribute('data-show-help');
      document.documentElement.toggleAttribute('data-show-help', on);
      helpToggle.setAttribute('aria-pressed', String(on));
    });
    redFlagSection.insertBefore(helpToggle, redFlagSection.querySelector('.q-group'));
    form.appendChild(redFlagSection);
    form.appendChild(assessedSection(content));
    for (const part of SECTIONS) {
      form.appendChild(section(part.id, part.title, part.help, part.questions.map((q) => buildQuestion(q, content))));
    }
    form.setAttribute('data-shortcuts', '');
    form.querySelector('input[name="symptomWeeks-unit"][value="weeks"]').checked = true;

    const checked = (name) => {
      const input = form.querySelector(`input[name="${name}"]:checked`);
      return input ? input.value : undefined;
    };
    const text = (key) => form.querySelector(`#input-${key}`).value;

    function yesNo(name) {
      const value = checked(name);
      return value === YES ? true : value === NO ? false : undefined;
    }

    function durationParts() {
      const parts = splitDuration(text('symptomWeeks'), content.units || {});
      return { amount: readNumber(parts.text), unit: parts.unit || checked('symptomWeeks-unit') };
    }

    function readSymptomWeeks() {
      const { amount, unit } = durationParts();
      if (typeof amount === 'number' && unit === 'days') return amount / 7;
      return amount;
    }

    /** The assessment: only what the person answered and was asked ("Not sure" red flags as null). */
    function read() {
      const assessment = {};
      const redFlags = {};
      for (const flag of redFlagKeys) {
        const value = checked(flag);
        if (value === YES) redFlags[flag] = true;
        else if (value === NO) redFlags[flag] = false;
        else if (value === NOT_SURE) redFlags[flag] = null;
      }
      if (Object.keys(redFlags).length > 0) assessment.redFlags = redFlags;

      const set = (key, value) => { if (value !== undefined && isAsked(key)) assessment[key] = value; };
      set('symptomWeeks', readSymptomWeeks());
      const pain = checked('painScore');
      set('painScore', pain === undefined ? undefined : Number(pain));
      set('muscleSpasm', yesNo('muscleSpasm'));
      set('ageYears', readNumber(text('ageYears')));
      set('priorLumbarSurgery', yesNo('priorLumbarSurgery'));
      set('conservativeCareWeeks', readNumber(text('conservativeCareWeeks')));
      set('improving', yesNo('improving'));
      set('procedureCandidate', yesNo('procedureCandidate'));
      set('priorMri', yesNo('priorMri'));
      const assessed = applicableFindings().filter((key) => form.querySelector(`[data-finding="${key}"] input`).checked);
      if (assessed.length > 0) assessment.assessedFindings = assessed;
      const contained = yesNo('herniationContained');
      const level = checked('herniationLevel');
      // Sent only when both are known: the contract needs both, and a half answer means "not known".
      if (contained !== undefined && level !== undefined && level !== NOT_SURE && isAsked('herniationContained')) {
        assessment.herniation = { contained, level };
      }
      return assessment;
    }

    /**
     * Puts an assessment's answers into the form (answers opened from a take-home code or a FHIR
     * file), so that read() gives them back: the form stays the one place answers live.
     */
    function write(assessment) {
      const tick = (name, value) => {
        const input = form.querySelector(`input[name="${name}"][value="${value}"]`);
        if (input) input.checked = true;
      };
      const yesNoValue = (value) => (value === true ? YES : value === false ? NO : NOT_SURE);
      for (const [flag, value] of Object.entries(assessment.redFlags || {})) tick(flag, yesNoValue(value));
      for (const key of ['muscleSpasm', 'priorLumbarSurgery', 'improving', 'procedureCandidate', 'priorMri']) {
        if (typeof assessment[key] === 'boolean') tick(key, yesNoValue(assessment[key]));
      }
      if (assessment.painScore !== undefined) tick('painScore', String(assessment.painScore));
      for (const key of ['symptomWeeks', 'ageYears', 'conservativeCareWeeks']) {
        if (assessment[key] !== undefined) form.querySelector(`#input-${key}`).value = String(assessment[key]);
      }
      tick('symptomWeeks-unit', 'weeks');
      if (assessment.herniation) {
        tick('herniationContained', yesNoValue(assessment.herniation.contained));
        tick('herniationLevel', assessment.herniation.level);
      }
      for (const key of assessment.assessedFindings || []) {
        const box = form.querySelector(`[data-finding="${key}"] input`);
        if (box) box.checked = true;
      }
      updateDurationNote();
    }

    function questionWords(key) {
      const entry = words.questions && words.questions[key];
      return (entry && (entry[audience] || entry.clinician)) || { text: key, help: '', short: key };
    }

    function uiText(key) {
      const value = words.ui && words.ui[key];
      if (value && typeof value === 'object') return value[audience] || value.clinician || '';
      return value || '';
    }

    /** A touch choice's words: ['weeks', { count: 3 }] -> "3 weeks", in the content's language. */
    function choiceLabel(spec) {
      const [key, values, unitKey] = spec;
      const units = words.units || {};
      if (key === 'number') return String(values.count);
      if (key === 'weeks' || key === 'days') {
        const one = key === 'weeks' ? units.week : units.day;
        return `${values.count} ${values.count === 1 ? one : units[key]}`;
      }
      const label = fill(uiText(key), values || {});
      return unitKey ? `${label} ${units[unitKey] || unitKey}` : label;
    }

    function updateDurationNote() {
      const note = form.querySelector('#note-symptomWeeks');
      const { amount, unit } = durationParts();
      if (typeof amount === 'number' && unit === 'days' && audience === 'clinician') {
        note.textContent = uiText('weeksCountedAs').replace('{weeks}', formatWeeks(amount / 7).replace('.', (words.units || {}).decimalSeparator || '.'));
        note.hidden = false;
      } else {
        note.textContent = '';
        note.hidden = true;
      }
    }

    // ---------- touch pickers: they write the text field, and follow it ----------

    function pickerRadios(key) {
      return Array.from(form.querySelectorAll(`[data-picker="${key}"] input[type="radio"]:not([name$="-band"])`));
    }

    /** Weeks of care: whole weeks up to the bout's length (rebuilt when that changes). */
    function updateCareChoices() {
      const rows = form.querySelector('[data-care-rows]');
      const weeks = readSymptomWeeks();
      const max = typeof weeks === 'number' ? Math.floor(weeks + 1e-9) : 12;
      if (rows.getAttribute('data-max') === String(max)) return;
      rows.setAttribute('data-max', String(max));
      rows.replaceChildren(choiceRow('conservativeCareWeeks', 'conservativeCareWeeks-pick', 'exact-conservativeCareWeeks', 'pickExact', careOptions(max)));
      rows.querySelector('.picker__caption').textContent = uiText('pickExact');
      labelChoices(rows);
      syncPicker('conservativeCareWeeks');
    }

    /** The picker shows what the text field holds (typed, set by a test, or cleared). */
    function syncPicker(key) {
      const value = text(key).trim();
      const unit = key === 'symptomWeeks' ? checked('symptomWeeks-unit') : undefined;
      let match = null;
      for (const radio of pickerRadios(key)) {
        const same = radio.getAttribute('data-number') === value && (!unit || (radio.getAttribute('data-unit') || 'weeks') === unit);
        radio.checked = same;
        if (same) match = radio;
      }
      const row = match && match.closest('[data-band-row]');
      const band = row ? row.getAttribute('data-band-row') : null;
      for (const radio of form.querySelectorAll(`input[name="${key}-band"]`)) {
        if (band !== null) radio.checked = radio.value === band;
      }
      showBandRow(key);
    }

    function showBandRow(key) {
      const band = checked(`${key}-band`);
      for (const row of form.querySelectorAll(`[data-picker="${key}"] [data-band-row]`)) row.hidden = row.getAttribute('data-band-row') !== band;
    }

    function onPick(radio) {
      const holder = radio.closest('[data-picker]');
      const key = holder.getAttribute('data-picker');
      const field = form.querySelector(`#input-${key}`);
      if (radio.name === `${key}-band`) {
        // A new range: its exact values appear; the answer waits for one of them.
        const current = form.querySelector(`[data-picker="${key}"] [data-band-row="${radio.value}"] input:checked`);
        if (!current) {
          for (const other of pickerRadios(key)) other.checked = false;
          field.value = '';
        }
        showBandRow(key);
        return;
      }
      field.value = radio.getAttribute('data-number');
      if (key === 'symptomWeeks') form.querySelector(`input[name="symptomWeeks-unit"][value="${radio.getAttribute('data-unit') || 'weeks'}"]`).checked = true;
    }

    function labelChoices(root) {
      for (const node of root.querySelectorAll('[data-label]')) {
        node.closest('.choice').querySelector('.choice__text').textContent = choiceLabel(JSON.parse(node.getAttribute('data-label')));
      }
    }

    /** The findings that may be marked as assessed now: clinicians only, and only findings that are there. */
    function applicableFindings() {
      if (audience !== 'clinician') return [];
      const olderAge = (content.thresholds || {}).olderAge;
      const age = readNumber(text('ageYears'));
      return (content.assessableFindings || []).filter((key) => (key === 'olderAge'
        ? typeof age === 'number' && typeof olderAge === 'number' && age >= olderAge
        : checked(key) === YES));
    }

    function updateAssessedFindings() {
      const applicable = applicableFindings();
      for (const box of form.querySelectorAll('[data-finding]')) {
        const shown = applicable.includes(box.getAttribute('data-finding'));
        box.hidden = !shown;
        if (!shown) box.querySelector('input').checked = false;
      }
      form.querySelector('#section-assessed').hidden = applicable.length === 0;
    }

    /** Questions not asked now (the flow's rule) are marked, so the page can set them aside. */
    function updateAsked() {
      for (const key of CARE_KEYS) {
        const node = form.querySelector(`#q-${key}`);
        if (isAsked(key)) node.removeAttribute('data-not-asked');
        else node.setAttribute('data-not-asked', '');
      }
    }

    // ---------- "None of these" per red-flag group (clinicians) ----------

    function labelNoneButton(group) {
      const button = form.querySelector(`[data-none-of-these="${group}"]`);
      button.textContent = uiText(undoNone.has(group) ? 'undoNoneOfThese' : 'noneOfThese');
      button.setAttribute('aria-pressed', undoNone.has(group) ? 'true' : 'false');
    }

    function noneOfThese(button, byKeyboard) {
      const group = button.getAttribute('data-none-of-these');
      const flags = (redFlagGroups.find((entry) => entry.group === group) || { flags: [] }).flags;
      if (undoNone.has(group)) {
        for (const flag of undoNone.get(group)) {
          const input = form.querySelector(`input[name="${flag}"][value="${NO}"]`);
          if (input.checked) input.checked = false;
        }
        undoNone.delete(group);
      } else {
        // Only unanswered questions: an answer already given is never overwritten.
        const set = flags.filter((flag) => checked(flag) === undefined);
        for (const flag of set) form.querySelector(`input[name="${flag}"][value="${NO}"]`).checked = true;
        if (set.length) undoNone.set(group, set);
        if (byKeyboard) focusAfter(button.closest('.q-group').lastElementChild, true);
      }
      labelNoneButton(group);
      form.dispatchEvent(new Event('change', { bubbles: true }));
    }

    // ---------- keys on a focused question ----------

    /** The next thing to answer after `node`: a question's control, a group's "None of these", or the step's Continue. */
    function focusAfter(node, scroll) {
      const targets = Array.from(form.querySelectorAll('.question, .none-of-these, [data-step-continue]')).filter(isShown);
      const index = targets.findIndex((target) => node.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING && !node.contains(target));
      const next = index >= 0 ? targets[index] : null;
      if (!next) return;
      const control = next.matches('.question')
        ? Array.from(next.querySelectorAll('input:checked, input')).find(isShown)
        : next;
      if (control) control.focus({ preventScroll: !scroll });
    }

    let lastDigit = { key: '', at: 0 };
    function onKey(event) {
      const target = event.target;
      if (event.ctrlKey || event.altKey || event.metaKey || !target.matches || !target.matches('input[type="radio"]')) return;
      const question = target.closest('.question');
      if (!question) return;
      const key = event.key.toLowerCase();
      if (question.querySelector('.choices--scale')) {
        if (!/^\d$/.test(key)) return;
        // "1" then "0" within a second: 10.
        const score = key === '0' && lastDigit.key === '1' && event.timeStamp - lastDigit.at < 1000 ? '10' : key;
        lastDigit = { key, at: event.timeStamp };
        pick(question.querySelector(`input[value="${score}"]`), false);
        event.preventDefault();
        return;
      }
      if (!question.querySelector('.choices--3')) return;
      const value = { y: YES, s: YES, n: NO, u: NOT_SURE, '?': NOT_SURE }[key];
      const input = value && question.querySelector(`input[value="${value}"]`);
      if (!input) return;
      event.preventDefault();
      pick(input, true);
    }

    function pick(input, advance) {
      if (!input) return;
      input.checked = true;
      input.focus({ preventScroll: true });
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (advance) focusAfter(input.closest('.question'), true);
    }

    // Enter in a number field moves on (the form is never submitted).
    function onEnter(event) {
      if (event.key === 'Enter' && event.target.matches && event.target.matches('.number-input')) {
        event.preventDefault();
        focusAfter(event.target.closest('.question'), true);
      }
    }

    /** Puts every question text, help and group label in the chosen audience's words. */
    function setWording(nextAudience, nextWords) {
      audience = nextAudience;
      if (nextWords) words = nextWords;
      for (const node of form.querySelectorAll('[data-q]')) {
        const value = questionWords(node.getAttribute('data-q'))[node.getAttribute('data-part')] || '';
        node.textContent = value;
        if (node.getAttribute('data-part') === 'help') node.hidden = value === '';
      }
      for (const node of form.querySelectorAll('[data-group-label]')) {
        const group = words.groups && words.groups[node.getAttribute('data-group-label')];
        node.textContent = (group && (group[audience] || group.clinician)) || '';
      }
      for (const node of form.querySelectorAll('[data-finding-label]')) {
        const key = node.getAttribute('data-finding-label');
        const phrase = words.phrases && words.phrases[key];
        node.textContent = phrase ? (phrase[audience] || phrase.clinician) : questionWords(key).short;
      }
      for (const group of redFlagGroups) labelNoneButton(group.group);
      labelChoices(form);
      updateDurationNote();
      updateAssessedFindings();
    }

    function questionForPointer(pointer) {
      let best = null;
      for (const node of form.querySelectorAll('[data-field]')) {
        const field = node.getAttribute('data-field');
        if (pointer === field || pointer.startsWith(field + '/')) return node;
        if (field.startsWith(pointer + '/') && !best) best = node; // "/herniation" -> its first part
      }
      return best;
    }

    /**
     * Shows the engine's errors beside their fields, as the engine words them (in the person's
     * language; each under its own question, so the message needs no label). An error about a field the person has not
     * answered (a required field still missing) is not shown as a mistake: it is returned in
     * `missing` so the plan can list what is still needed.
     */
    function showErrors(errors, assessment) {
      const result = { missing: [], shown: 0, general: [] };
      const messages = new Map();
      for (const error of errors || []) {
        if (!holdsValue(assessment, error.field)) {
          const node = error.field ? questionForPointer(error.field) : null;
          if (node) result.missing.push(node.getAttribute('data-question'));
          else result.general.push(error.message);
          continue;
        }
        const node = questionForPointer(error.field);
        if (!node) { result.general.push(`${error.field}: ${error.message}`); continue; }
        const key = node.getAttribute('data-question');
        if (!messages.has(key)) messages.set(key, []);
        messages.get(key).push(error.message);
      }
      for (const node of form.querySelectorAll('[data-question]')) {
        const key = node.getAttribute('data-question');
        const slot = node.querySelector('.field-error');
        const list = messages.get(key);
        const input = node.querySelector('.number-input');
        if (list) {
          slot.replaceChildren(...list.map((message) => element('span', { className: 'field-error__message' }, [message])));
          slot.hidden = false;
          node.classList.add('question--error');
          if (input) input.setAttribute('aria-invalid', 'true');
          result.shown += 1;
        } else if (!slot.hidden) {
          slot.textContent = '';
          slot.hidden = true;
          node.classList.remove('question--error');
          if (input) input.removeAttribute('aria-invalid');
        }
      }
      return result;
    }

    function shortLabel(key) { return questionWords(key).short || key; }

    function unansweredRedFlags() {
      return redFlagKeys.filter((flag) => checked(flag) === undefined);
    }

    /** Is this question answered (a choice made or a number given)? */
    function isAnswered(key) {
      if (key === 'assessedFindings') return true;
      const field = form.querySelector(`#input-${key}`);
      if (field) return field.value.trim() !== '';
      return checked(key) !== undefined;
    }

    function clear() {
      form.reset();
      form.querySelector('input[name="symptomWeeks-unit"][value="weeks"]').checked = true;
      undoNone.clear();
      for (const group of redFlagGroups) labelNoneButton(group.group);
      document.documentElement.removeAttribute('data-show-help');
      helpToggle.setAttribute('aria-pressed', 'false');
      for (const key of ['symptomWeeks', 'ageYears']) syncPicker(key);
      updateCareChoices();
      showErrors([], {});
      updateDurationNote();
      updateAssessedFindings();
    }

    function afterChange(event) {
      const target = event.target;
      const pickerRadio = target !== form && target.type === 'radio' && target.closest('[data-picker]') ? target : null;
      if (pickerRadio) onPick(pickerRadio);
      else for (const key of ['symptomWeeks', 'ageYears', 'conservativeCareWeeks']) syncPicker(key);
      updateCareChoices();
      updateAsked();
      // A manual answer in a group ends its "None of these" undo.
      const group = target !== form && target.closest && target.closest('.q-group');
      if (group && undoNone.delete(group.getAttribute('data-group'))) labelNoneButton(group.getAttribute('data-group'));
      updateDurationNote();
      updateAssessedFindings();
    }

    // Runs before app.js reads the form (its listener is added later), so the text fields hold
    // the picked values and a finding that is no longer there is unticked before the assessment is made.
    for (const type of ['input', 'change']) form.addEventListener(type, afterChange);
    form.addEventListener('keydown', onKey);
    form.addEventListener('keydown', onEnter);
    form.addEventListener('click', (event) => {
      const button = event.target.closest && event.target.closest('[data-none-of-these]');
      if (button) noneOfThese(button, event.detail === 0);
    });
    updateCareChoices();

    return {
      read, write, setWording, showErrors, shortLabel, unansweredRedFlags, clear, redFlagKeys, isAnswered, focusAfter,
      weeks: readSymptomWeeks,
      /** The flow's rule for which questions are asked (patients); every question for clinicians. */
      setAsked(rule) { isAsked = rule || (() => true); updateAsked(); },
      careKeys: CARE_KEYS,
      herniationKeys: HERNIATION_KEYS,
    };
  }

  Radiculo.questionnaire = { create, splitDuration };
})();
