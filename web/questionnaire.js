/* Radiculo: the questionnaire. Builds the form from the engine's content (no question text lives in
 * the HTML), reads the answers into an assessment object that holds only what the person answered,
 * and shows the engine's field errors beside the field they point at. */
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
      { key: 'symptomWeeks', type: 'duration' },
      { key: 'painScore', type: 'scale' },
      { key: 'muscleSpasm', type: 'yesNo' },
    ] },
    { id: 'scope', title: 'sectionScope', questions: [
      { key: 'ageYears', type: 'number', inputmode: 'numeric' },
      { key: 'priorLumbarSurgery', type: 'yesNo' },
    ] },
    { id: 'care', title: 'sectionCare', help: 'sectionCareHelp', questions: [
      { key: 'conservativeCareWeeks', type: 'number', unit: 'weeks', inputmode: 'decimal' },
      { key: 'improving', type: 'yesNo' },
      { key: 'procedureCandidate', type: 'yesNo' },
      { key: 'priorMri', type: 'yesNo' },
      { key: 'herniationContained', type: 'yesNoNotSure', pointer: '/herniation/contained' },
      { key: 'herniationLevel', type: 'level', pointer: '/herniation/level' },
    ] },
  ];

  // The shared DOM builder of plan-view.js (loaded after this file, used only once the page runs).
  const element = (...args) => Radiculo.element(...args);

  /** One radio choice with its label: a large target, the native input kept for keyboard and AT. */
  function choice(name, value, uiKey, text) {
    return element('label', { className: 'choice' }, [
      element('input', { type: 'radio', name, value }),
      element('span', { className: 'choice__text', 'data-ui': uiKey, text }),
    ]);
  }

  function questionText(key, part) {
    return element(part === 'help' ? 'p' : 'span', {
      className: part === 'help' ? 'question__help' : 'question__text',
      id: part === 'help' ? `help-${key}` : undefined,
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
    if (question.optional) {
      label.appendChild(element('span', { className: 'question__optional' }, [
        document.createTextNode(' ('), element('span', { 'data-ui': 'optional' }), document.createTextNode(')'),
      ]));
    }
    return element('div', {
      className: 'question',
      id: `q-${key}`,
      'data-field': pointer,
      'data-question': key,
    }, [
      label,
      questionText(key, 'help'),
      element('div', { className: 'number-row' }, row),
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
    return element('section', { className: 'q-section', id: `section-${id}`, 'aria-labelledby': `section-title-${id}` }, [
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

  /**
   * Builds the questionnaire into `form` and returns its controller.
   * content: the engine's content(language) object.
   */
  Radiculo.createQuestionnaire = function createQuestionnaire(form, content) {
    const redFlagGroups = content.redFlagGroups || [];
    const redFlagKeys = redFlagGroups.flatMap((group) => group.flags);
    let words = content;
    let audience = 'clinician';

    const redFlagSection = section('red-flags', 'sectionRedFlags', 'sectionRedFlagsHelp',
      redFlagGroups.map((group) => element('div', { className: 'q-group', 'data-group': group.group }, [
        element('h4', { className: 'q-group__title', 'data-group-label': group.group }),
        ...group.flags.map((flag) => radioQuestion(flag, `/redFlags/${flag}`, yesNoChoices(flag, true), 'choices--3')),
      ])));
    form.appendChild(redFlagSection);
    form.appendChild(assessedSection(content));
    for (const part of SECTIONS) {
      form.appendChild(section(part.id, part.title, part.help, part.questions.map((q) => buildQuestion(q, content))));
    }
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

    function readSymptomWeeks() {
      const amount = readNumber(text('symptomWeeks'));
      if (typeof amount === 'number' && checked('symptomWeeks-unit') === 'days') return amount / 7;
      return amount;
    }

    /** The assessment: only what the person answered ("Not sure" red flags as null). */
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

      const set = (key, value) => { if (value !== undefined) assessment[key] = value; };
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
      if (contained !== undefined && level !== undefined && level !== NOT_SURE) {
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

    function updateDurationNote() {
      const note = form.querySelector('#note-symptomWeeks');
      const amount = readNumber(text('symptomWeeks'));
      if (typeof amount === 'number' && checked('symptomWeeks-unit') === 'days') {
        note.textContent = uiText('weeksCountedAs').replace('{weeks}', formatWeeks(amount / 7));
        note.hidden = false;
      } else {
        note.textContent = '';
        note.hidden = true;
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

    function describeError(key, message) {
      // Engine messages name the field by its contract key ("must not be more than symptomWeeks"):
      // put the question's short label in its place, and lead with the field's own label.
      const named = message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (word) =>
        words.questions && words.questions[word] ? questionWords(word).short : word);
      const label = questionWords(key).short || key;
      return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${named}`;
    }

    /**
     * Shows the engine's errors beside their fields. An error about a field the person has not
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
        messages.get(key).push(describeError(key, error.message));
      }
      for (const node of form.querySelectorAll('[data-question]')) {
        const key = node.getAttribute('data-question');
        const slot = node.querySelector('.field-error');
        const list = messages.get(key);
        const input = node.querySelector('.number-input');
        if (list) {
          slot.textContent = list.join(' ');
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

    function clear() {
      form.reset();
      form.querySelector('input[name="symptomWeeks-unit"][value="weeks"]').checked = true;
      showErrors([], {});
      updateDurationNote();
      updateAssessedFindings();
    }

    // Runs before app.js reads the form (its listener is added later), so a finding that is no
    // longer there is unticked before the assessment is made.
    for (const type of ['input', 'change']) {
      form.addEventListener(type, updateDurationNote);
      form.addEventListener(type, updateAssessedFindings);
    }

    return { read, write, setWording, showErrors, shortLabel, unansweredRedFlags, clear, redFlagKeys };
  };
})();
