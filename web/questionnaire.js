/* Radiculo: the questionnaire's view. Builds the form from the question table (answers.js: the
 * engine's contract with the page's layout; no question text lives in the HTML), reads what the
 * form holds into `values` and writes values back, and binds the controls: the touch pickers (touch-pickers.js), the
 * engine's error messages beside the question they point at, "None of these" (none-of-these.js)
 * and the keys on a focused question (question-keys.js). What the answers mean (the assessment, which questions are asked, where
 * an error belongs) is answers.js's, tested without a browser.
 *
 * Every answer can be given by touch: in the patient wording the age, the duration and the weeks of
 * care are tappable choices (a range, then the exact value); they write the same text field a
 * clinician types into, so switching the wording keeps every answer. Clinicians get a "None of these"
 * per red-flag group and keys on a focused question (Y / N / U or ?; digits on the pain scale). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { answers } = Radiculo;
  const { YES, NO, NOT_SURE } = answers;
  const { element } = Radiculo.dom;

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
  function picker(question, thresholds) {
    const { key } = question;
    const node = element('div', { className: 'picker', 'data-picker': key });
    if (question.picker === 'care') {
      node.appendChild(element('div', { className: 'picker__rows', 'data-care-rows': '' }));
      return node;
    }
    const bands = answers.pickerBands(question.picker, thresholds);
    node.appendChild(choiceRow(key, `${key}-band`, `range-${key}`, 'pickRange', bands.map((band, index) => ({ value: String(index), label: band.label }))));
    // One name for every exact value: one answer, whichever range shows it.
    bands.forEach((band, index) => node.appendChild(choiceRow(key, `${key}-pick`, `exact-${key}-${index}`, 'pickExact', band.options, {
      'data-band-row': String(index), hidden: true,
    })));
    return node;
  }

  function numberQuestion(question, thresholds) {
    const { key } = question;
    const input = element('input', {
      className: 'number-input',
      id: `input-${key}`,
      name: key,
      type: 'text',
      inputmode: question.inputmode,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `help-${key} error-${key}`,
    });
    const row = [input];
    if (question.unit) row.push(element('span', { className: 'number-unit', 'data-ui': question.unit }));
    if (question.control === 'duration') {
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
      'data-field': question.pointer,
      'data-question': key,
    }, [
      label,
      questionText(key, 'help'),
      element('div', { className: 'number-row' }, row),
      question.picker ? picker(question, thresholds) : null,
      question.control === 'duration' ? element('p', { className: 'question__note', id: `note-${key}` }) : null,
      errorSlot(key),
    ]);
  }

  function buildQuestion(question, thresholds) {
    const { key, pointer } = question;
    switch (question.control) {
      case 'yesNo': return radioQuestion(key, pointer, yesNoChoices(key, false), 'choices--3');
      case 'yesNoNotSure':
      case 'redFlag': return radioQuestion(key, pointer, yesNoChoices(key, true), 'choices--3');
      case 'scale': {
        const options = [];
        for (let score = question.minimum; score <= question.maximum; score += 1) options.push(choice(key, String(score), null, String(score)));
        const fieldset = radioQuestion(key, pointer, options, 'choices--scale');
        fieldset.insertBefore(element('p', { className: 'scale-ends', 'aria-hidden': 'true' }, [
          element('span', { 'data-ui': 'painLow' }), element('span', { 'data-ui': 'painHigh' }),
        ]), fieldset.querySelector('.field-error'));
        return fieldset;
      }
      case 'level': {
        const levels = question.options.map((level) => choice(key, level, null, level));
        levels.push(choice(key, NOT_SURE, 'notSure'));
        return radioQuestion(key, pointer, levels, 'choices--levels');
      }
      default: return numberQuestion(question, thresholds);
    }
  }

  function section(id, titleKey, helpKey, children) {
    return element('section', { className: 'q-section', id: `section-${id}`, 'aria-labelledby': `section-title-${id}`, 'data-step': id }, [
      element('h3', { className: 'q-section__title', id: `section-title-${id}`, 'data-ui': titleKey }),
      helpKey ? element('p', { className: 'q-section__help', 'data-ui': helpKey }) : null,
      ...children,
    ]);
  }

  /** The red flags, one group per step; clinicians get "None of these" per group and "Show the help". */
  function redFlagSection(table) {
    const node = section('red-flags', 'sectionRedFlags', 'sectionRedFlagsHelp',
      table.redFlagGroups.map((group) => element('div', { className: 'q-group', 'data-group': group.group, 'data-step': `group-${group.group}` }, [
        element('div', { className: 'q-group__head' }, [
          element('h4', { className: 'q-group__title', id: `group-title-${group.group}`, 'data-group-label': group.group }),
          element('button', {
            type: 'button', className: 'button button--quiet none-of-these', 'data-none-of-these': group.group,
            'aria-describedby': `group-title-${group.group}`,
          }),
        ]),
        ...group.flags.map((flag) => buildQuestion(table.byKey[flag], table.thresholds)),
      ])));
    node.removeAttribute('data-step');
    node.insertBefore(element('p', { className: 'shortcuts-hint', 'data-ui': 'shortcutsHint' }), node.querySelector('.q-group'));
    // Patients at a keyboard answer by the same keys (not the groups' "None of these", which they do not have).
    node.insertBefore(element('p', { className: 'shortcuts-hint shortcuts-hint--patient', 'data-ui': 'shortcutsHintPatient' }), node.querySelector('.q-group'));
    return node;
  }

  /**
   * Clinicians only: the priority findings already assessed with no serious cause found
   * (`assessedFindings`). A finding is offered only while it is there (answers.applicableFindings).
   */
  function assessedSection(question) {
    const boxes = question.options.map((key) => element('label', { className: 'choice choice--check', 'data-finding': key, hidden: true }, [
      element('input', { type: 'checkbox', name: 'assessedFindings', value: key }),
      element('span', { className: 'choice__text', 'data-finding-label': key }),
    ]));
    return element('section', { className: 'q-section', id: 'section-assessed', hidden: true, 'aria-labelledby': 'section-title-assessed' }, [
      element('fieldset', {
        className: 'question',
        id: 'q-assessedFindings',
        'data-field': question.pointer,
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
   * Builds the questionnaire into `form` and returns its controller.
   * content: the engine's content(language) object.
   */
  function create(form, content) {
    const table = answers.questionTable(content);
    let words = content;
    let audience = null; // set by setWording (app.js: the engine's default first)
    // The patient step flow (flow.js) says which questions are asked: the others keep the engine's defaults.
    let isAsked = () => true;

    const flags = redFlagSection(table);
    // At a desk the clinician's help text is folded away (screen readers still read it with each
    // question) and shown on request: never on focus, which would move the rows under the pointer.
    const helpToggle = element('button', { type: 'button', className: 'button button--quiet help-toggle', 'data-ui': 'showHelp', 'aria-pressed': 'false' });
    helpToggle.addEventListener('click', () => {
      const on = !document.documentElement.hasAttribute('data-show-help');
      document.documentElement.toggleAttribute('data-show-help', on);
      helpToggle.setAttribute('aria-pressed', String(on));
    });
    flags.insertBefore(helpToggle, flags.querySelector('.q-group'));
    form.appendChild(flags);
    form.appendChild(assessedSection(table.byKey.assessedFindings));
    for (const part of table.sections) {
      form.appendChild(section(part.id, part.title, part.help, part.questions.map((question) => buildQuestion(question, table.thresholds))));
    }
    const durations = table.questions.filter((question) => question.control === 'duration').map((question) => question.key);
    const setDefaultUnits = () => {
      for (const key of durations) form.querySelector(`input[name="${key}-unit"][value="weeks"]`).checked = true;
    };
    setDefaultUnits();

    // The form's own index of its controls by name (form.elements), not a selector search of every
    // input: the whole form is read on each answer, and that search was most of an answer's time
    // on a slow tablet (measured: 140 ms of querySelector per answer at CPU 4x).
    const checked = (name) => {
      const named = form.elements.namedItem(name);
      if (named instanceof RadioNodeList) return named.value || undefined; // '' when none is checked
      return named && named.name === name && named.type === 'radio' && named.checked ? named.value : undefined;
    };
    const text = (key) => form.querySelector(`#input-${key}`).value;
    const none = Radiculo.noneOfThese.create(form, table, { checked, uiText });
    const pickers = Radiculo.touchPickers.create(form, table, { values: () => values(), checked, text, units: () => units(), uiText, durations, choiceRow });

    /** What the form holds, as answers.js reads it: each control's value, the ticked findings. */
    function values() {
      const held = {};
      for (const question of table.questions) {
        if (question.control === 'findings') {
          held.assessedFindings = Array.from(form.querySelectorAll('input[name="assessedFindings"]:checked')).map((box) => box.value);
        } else if (['number', 'duration'].includes(question.control)) {
          held[question.key] = text(question.key);
          if (question.control === 'duration') held[`${question.key}-unit`] = checked(`${question.key}-unit`);
        } else {
          held[question.key] = checked(question.key);
        }
      }
      return held;
    }

    const units = () => words.units || {};

    /** The assessment: only what the person answered and was asked ("Not sure" red flags as null). */
    function read() {
      return answers.read(table, values(), { asked: isAsked, audience, units: units() });
    }

    /**
     * Puts an assessment's answers into the form (answers opened from a take-home code or a FHIR
     * file), so that read() gives them back: the form stays the one place answers live.
     */
    function write(assessment) {
      for (const [name, value] of Object.entries(answers.valuesFor(table, assessment))) {
        if (name === 'assessedFindings') {
          for (const key of value) {
            const box = form.querySelector(`[data-finding="${key}"] input`);
            if (box) box.checked = true;
          }
          continue;
        }
        const field = form.querySelector(`#input-${name}`);
        if (field) {
          field.value = value;
          continue;
        }
        const input = form.querySelector(`input[name="${name}"][value="${value}"]`);
        if (input) input.checked = true;
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

    /** Clinicians: a duration typed in days is also shown in weeks, as the engine counts it. */
    function updateDurationNote() {
      for (const key of durations) {
        const note = form.querySelector(`#note-${key}`);
        const { amount, unit } = answers.durationParts(values(), key, units());
        if (typeof amount === 'number' && unit === 'days' && audience === 'clinician') {
          note.textContent = uiText('weeksCountedAs').replace('{weeks}', answers.formatWeeks(amount / 7).replace('.', units().decimalSeparator || '.'));
          note.hidden = false;
        } else {
          note.textContent = '';
          note.hidden = true;
        }
      }
    }

    function updateAssessedFindings() {
      const applicable = answers.applicableFindings(table, values(), audience);
      for (const box of form.querySelectorAll('[data-finding]')) {
        const shown = applicable.includes(box.getAttribute('data-finding'));
        box.hidden = !shown;
        if (!shown) box.querySelector('input').checked = false;
      }
      form.querySelector('#section-assessed').hidden = applicable.length === 0;
    }

    /** Questions not asked now (the flow's rule) are marked, so the page can set them aside. */
    function updateAsked() {
      for (const question of table.questions) {
        const node = form.querySelector(`#q-${question.key}`);
        if (isAsked(question.key)) node.removeAttribute('data-not-asked');
        else node.setAttribute('data-not-asked', '');
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
      none.labelAll();
      pickers.labelChoices(form);
      updateDurationNote();
      updateAssessedFindings();
    }

    /**
     * Shows the engine's errors beside their questions, as the engine words them (in the person's
     * language; each under its own question, so the message needs no label). An error about a
     * question not answered yet is not shown as a mistake: it is returned in `missing` so the plan
     * can list what is still needed.
     */
    function showErrors(errors, assessment) {
      const placed = answers.placeErrors(table, errors, assessment);
      let shown = 0;
      for (const node of form.querySelectorAll('[data-question]')) {
        const slot = node.querySelector('.field-error');
        const list = placed.byQuestion.get(node.getAttribute('data-question'));
        const input = node.querySelector('.number-input');
        if (list) {
          slot.replaceChildren(...list.map((message) => element('span', { className: 'field-error__message' }, [message])));
          slot.hidden = false;
          node.classList.add('question--error');
          if (input) input.setAttribute('aria-invalid', 'true');
          shown += 1;
        } else if (!slot.hidden) {
          slot.textContent = '';
          slot.hidden = true;
          node.classList.remove('question--error');
          if (input) input.removeAttribute('aria-invalid');
        }
      }
      return { missing: placed.missing, general: placed.general, shown };
    }

    function clear() {
      form.reset();
      setDefaultUnits();
      none.clear();
      document.documentElement.removeAttribute('data-show-help');
      helpToggle.setAttribute('aria-pressed', 'false');
      pickers.syncAll();
      pickers.updateCareChoices();
      showErrors([], {});
      updateDurationNote();
      updateAssessedFindings();
    }

    function afterChange(event) {
      const target = event.target;
      pickers.afterChange(target);
      updateAsked();
      // A manual answer in a group ends its "None of these" undo.
      const group = target !== form && target.closest && target.closest('.q-group');
      if (group) none.answeredIn(group.getAttribute('data-group'));
      updateDurationNote();
      updateAssessedFindings();
    }

    // Runs before app.js reads the form (its listener is added later), so the text fields hold
    // the picked values and a finding that is no longer there is unticked before the assessment is made.
    for (const type of ['input', 'change']) form.addEventListener(type, afterChange);
    Radiculo.questionKeys.bind(form);
    pickers.updateCareChoices();

    return {
      table,
      read,
      write,
      values,
      setWording,
      showErrors,
      clear,
      /** The episode's duration in weeks, when it is a number. */
      weeks: () => answers.episodeWeeks(values(), units()),
      unansweredRedFlags: () => answers.unansweredRedFlags(table, values()),
      isAnswered: (key) => answers.isAnswered(table, key, values()),
      /** The flow's rule for which questions are asked (patients); every question for clinicians. */
      setAsked(rule) { isAsked = rule || (() => true); updateAsked(); },
    };
  }

  Radiculo.questionnaire = { create };
})();
