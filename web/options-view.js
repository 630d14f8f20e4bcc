/* Radiculo: draws the plan's options comparison (plan.options, the engine's words: keep going with
 * conservative care, an epidural steroid injection or an operation, side by side, each cell with
 * its sources and, where the source grades it, how sure it is). The engine gives it only where no
 * red flag decides the plan. Patients see it as one card per option (side by side on a wide
 * screen) just before "Are you open to a procedure?", with "what matters most to me"; clinicians
 * see it as a compact table with the referral criteria beside it. The person's choice is kept in
 * memory only, printed with the plan for the conversation, and never sent to the engine: it
 * cannot change the plan. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { element } = Radiculo.dom;
  const PROCEDURE_QUESTION = 'procedureCandidate';

  // What matters most to the person: in memory only, cleared with every answer ("Start again").
  let preference = '';

  const cellCites = (cell, words) => Radiculo.planView.citationLinks(cell.citations, words);

  /** One cell's words: its text, its sources (on paper as plain numbers), how sure the review is (where graded). */
  function cellBody(cell, words, paper) {
    return [
      element('span', { className: 'options__text' }, [cell.text]),
      cell.citations.length ? ' ' : null,
      paper ? (cell.citations.length ? `[${cell.citations.join(', ')}]` : null) : cellCites(cell, words),
      cell.certaintyLabel ? element('span', { className: 'options__certainty', 'data-certainty': cell.certainty }, [cell.certaintyLabel]) : null,
    ];
  }

  function notAChoice(options, words) {
    return element('p', { className: 'options__not-a-choice', 'data-options-not-a-choice': '' }, [
      options.notAChoice.text, ' ', Radiculo.planView.citationLinks(options.notAChoice.citations, words),
    ]);
  }

  /** Patients: a card per option (its questions and answers), side by side where there is room;
   * `place` keeps the ids of the two placements (questions, plan) apart. */
  function cards(options, words, place) {
    const holder = element('div', { className: 'options__cards' }, options.columns.map((column, index) => element('section', {
      className: `options__card options__card--${column.id}`, 'data-option': column.id, 'aria-labelledby': `${place}-option-${column.id}`,
    }, [
      element('h4', { className: 'options__option', id: `${place}-option-${column.id}` }, [column.label]),
      element('dl', { className: 'options__answers' }, options.rows.flatMap((row) => [
        element('dt', {}, [row.label]),
        element('dd', { 'data-cell': `${row.id}/${column.id}` }, cellBody(row.cells[index], words)),
      ])),
    ])));
    // Side by side, each card's questions line up: its title and a question and answer per row.
    holder.style.setProperty('--options-rows', String(1 + 2 * options.rows.length));
    return holder;
  }

  /** Clinicians (and print): one compact table, the questions as rows, the options as columns. */
  function table(options, words, caption, paper) {
    return element('table', { className: 'options__table' }, [
      element('caption', { className: 'visually-hidden' }, [caption]),
      element('thead', {}, [element('tr', {}, [
        element('td', {}, []),
        ...options.columns.map((column) => element('th', { scope: 'col', 'data-option': column.id }, [column.label])),
      ])]),
      element('tbody', {}, options.rows.map((row) => element('tr', {}, [
        element('th', { scope: 'row' }, [row.label]),
        ...row.cells.map((cell) => element('td', { 'data-cell': `${row.id}/${cell.column}` }, cellBody(cell, words, paper))),
      ]))),
    ]);
  }

  function referralCriteria(options, words) {
    const criteria = options.referralCriteria;
    if (!criteria) return null;
    return element('aside', { className: 'options__referral', 'aria-labelledby': 'options-referral-title', 'data-options-referral': '' }, [
      element('h4', { id: 'options-referral-title' }, [criteria.title]),
      element('ul', {}, criteria.items.map((item) => element('li', { 'data-criterion': item.id }, [
        item.text, ' ', Radiculo.planView.citationLinks(item.citations, words),
      ]))),
    ]);
  }

  /** "What matters most to me": optional, in memory, printed with the plan; the plan never reads it. */
  function preferenceGroup(options, onChange) {
    const question = options.preference;
    return element('fieldset', { className: 'options__preference', 'data-options-preference': '' }, [
      element('legend', {}, [question.question]),
      element('p', { className: 'options__preference-help' }, [question.help]),
      element('div', { className: 'choices' }, question.choices.map((choice) => {
        const input = element('input', { type: 'radio', name: 'options-preference', value: choice.id, checked: preference === choice.id || undefined });
        input.addEventListener('change', () => {
          preference = choice.id;
          onChange();
        });
        return element('label', { className: 'choice' }, [input, element('span', {}, [choice.label])]);
      })),
    ]);
  }

  function chosenLabel(options) {
    const choice = preference && options.preference.choices.find((entry) => entry.id === preference);
    return choice ? `${options.preference.question}: ${choice.label}` : '';
  }

  /** The printed line "What matters most to me: ..." (kept current as the person chooses). */
  function preferenceLine(options, className) {
    return element('p', { className, 'data-options-chosen': '' }, [chosenLabel(options)]);
  }

  function refreshChosen(options) {
    for (const node of document.querySelectorAll('[data-options-chosen]')) node.textContent = chosenLabel(options);
  }

  /**
   * The comparison for the plan. Clinicians: the table, the referral criteria beside it and the
   * preference. Patients: the comparison is in the questions, before the procedure question (see
   * placeInQuestions); the plan keeps it folded under its title, with what the person chose.
   */
  function planBlock(plan, words) {
    const options = plan.options;
    if (!options) return null;
    const title = element('h3', { className: 'plan__subtitle', id: 'options-title' }, [options.title]);
    if (words.audience === 'patient') {
      return element('section', { className: 'options options--plan', 'data-options': '', 'aria-labelledby': 'options-title' }, [
        title,
        element('p', { className: 'options__frame' }, [options.frame]),
        preferenceLine(options, 'options__chosen'),
        element('details', { className: 'options__more' }, [
          // What opens: the three options by name (the title is the section's heading already).
          element('summary', {}, [options.columns.map((column) => column.label).join(' · ')]),
          notAChoice(options, words),
          cards(options, words, 'plan'),
        ]),
      ]);
    }
    return element('section', { className: 'options options--compact', 'data-options': '', 'aria-labelledby': 'options-title' }, [
      title,
      element('p', { className: 'options__frame' }, [options.frame, ' ', Radiculo.planView.citationLinks(options.frameCitations, words)]),
      notAChoice(options, words),
      element('div', { className: 'options__layout' }, [
        element('div', { className: 'options__scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'options-title' }, [table(options, words, options.title)]),
        referralCriteria(options, words),
      ]),
      preferenceGroup(options, () => refreshChosen(options)),
    ]);
  }

  /**
   * Patients: the comparison just before "Are you open to surgery or an injection?", in the same
   * step, whenever the current plan has one (and gone when it has not: a red flag answered yes
   * takes it away at once).
   */
  function placeInQuestions(form, plan, words) {
    const old = form.querySelector('[data-options-in-questions]');
    const question = form.querySelector(`#q-${PROCEDURE_QUESTION}`);
    const shown = question && plan && plan.options && words.audience === 'patient';
    // The same comparison stays as it is (an answer elsewhere must not take the focus out of it).
    const key = shown ? `${plan.language} ${plan.options.title} ${plan.options.notAChoice.text}` : '';
    if (old && old.getAttribute('data-options-in-questions') === key && old.nextElementSibling === question) return;
    if (old) old.remove();
    if (!shown) return;
    const options = plan.options;
    question.parentNode.insertBefore(element('section', {
      className: 'options options--questions', 'data-options-in-questions': key, 'aria-labelledby': 'options-questions-title',
    }, [
      element('h3', { className: 'options__title', id: 'options-questions-title' }, [options.title]),
      element('p', { className: 'options__frame' }, [options.frame]),
      notAChoice(options, words),
      cards(options, words, 'questions'),
      preferenceGroup(options, () => refreshChosen(options)),
    ]), question);
  }

  /** For the take-home sheet: the table, the not-a-choice line and what the person chose. */
  function printBlock(plan, words) {
    const options = plan.options;
    if (!options) return null;
    return element('div', { className: 'print-sheet__options', 'data-print-options': '' }, [
      element('p', { className: 'print-sheet__subtitle' }, [options.title]),
      element('p', {}, [options.frame]),
      element('p', {}, [element('strong', {}, [options.notAChoice.text])]),
      table(options, words, options.title, true),
      preferenceLine(options, 'print-sheet__chosen'),
    ]);
  }

  function clear() {
    preference = '';
  }

  Radiculo.optionsView = { planBlock, placeInQuestions, printBlock, clear };
})();
