/* Radiculo: draws the plan's options comparison (plan.options, the engine's words: keep going with
 * conservative care, an epidural steroid injection or an operation, side by side, each cell with
 * its sources and, where the source grades it, how sure it is). The engine gives it only where no
 * red flag decides the plan. Patients see it as one card per option (side by side on a wide
 * screen) just before "Are you open to a procedure?", with "what matters most to me"; clinicians
 * see it as a compact table with the referral criteria beside it. The person's choice is kept in
 * memory only, printed with the plan for the conversation and carried beside the answers in the
 * take-home code (handover.js), and never sent to the engine: it cannot change the plan. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { element } = Radiculo.dom;
  const PROCEDURE_QUESTION = 'procedureCandidate';

  // What matters most to the person (a choice's id): in memory only, cleared with every answer
  // ("Start again"). A take-home code gives it back in capitals: ids are compared without case.
  let preference = '';
  // Whether the plan last drawn compares the options (a red flag answered yes takes them away).
  let compared = false;

  const isChosen = (id) => preference !== '' && preference.toUpperCase() === id.toUpperCase();

  const cellCites = (cell, words) => Radiculo.planView.citationLinks(cell.citations, words);

  /**
   * How sure the review is, as a small tag after the cell's sources: the engine's label whole (read
   * out as it is), its grade in bold and what the grade is of ("How sure the review is:") smaller.
   */
  function certaintyTag(cell) {
    const label = cell.certaintyLabel;
    const colon = label.indexOf(': ');
    return element('span', { className: 'options__certainty', 'data-certainty': cell.certainty }, colon < 0 ? [label] : [
      element('span', { className: 'options__certainty-of' }, [label.slice(0, colon + 1)]), ' ',
      element('strong', {}, [label.slice(colon + 2)]),
    ]);
  }

  /** One cell's words: its text, its sources (on paper as plain numbers), how sure the review is (where graded). */
  function cellBody(cell, words, paper) {
    return [
      element('span', { className: 'options__text' }, [cell.text]),
      cell.citations.length ? ' ' : null,
      paper ? (cell.citations.length ? `[${cell.citations.join(', ')}]` : null) : cellCites(cell, words),
      cell.certaintyLabel ? ' ' : null,
      cell.certaintyLabel ? certaintyTag(cell) : null,
    ];
  }

  function notAChoice(options, words) {
    return element('p', { className: 'options__not-a-choice', 'data-options-not-a-choice': '' }, [
      options.notAChoice.text, ' ', Radiculo.planView.citationLinks(options.notAChoice.citations, words),
    ]);
  }

  /**
   * Patients: a card per option (its questions and answers), side by side where there is room. On a
   * narrow screen the three cards one after another are several screens long: there a choice of
   * option above them shows one card at a time (radio buttons: arrow keys move between them, and a
   * screen reader reads the choice, then the card it shows). A wide screen hides the choice and
   * shows every card (the printout has the table). `place` keeps the two placements' ids apart.
   */
  function cards(options, words, place) {
    const show = (id) => {
      for (const card of holder.querySelectorAll('[data-option]')) card.classList.toggle('options__card--off', card.getAttribute('data-option') !== id);
    };
    const pick = element('fieldset', { className: 'options__pick', 'data-options-pick': '' }, [
      element('legend', { className: 'options__pick-title' }, [words.ui('optionsPick')]),
      element('div', { className: 'options__pick-choices' }, options.columns.map((column, index) => {
        const input = element('input', {
          type: 'radio', name: `${place}-options-pick`, value: column.id, checked: index === 0 || undefined, 'aria-controls': `${place}-card-${column.id}`,
        });
        input.addEventListener('change', () => show(column.id));
        return element('label', { className: 'choice options__pick-choice' }, [input, element('span', {}, [column.label])]);
      })),
    ]);
    const holder = element('div', { className: 'options__cards' }, options.columns.map((column, index) => element('section', {
      className: `options__card options__card--${column.id}${index === 0 ? '' : ' options__card--off'}`,
      id: `${place}-card-${column.id}`, 'data-option': column.id, 'aria-labelledby': `${place}-option-${column.id}`,
    }, [
      element('h4', { className: 'options__option', id: `${place}-option-${column.id}` }, [column.label]),
      element('dl', { className: 'options__answers' }, options.rows.flatMap((row) => [
        element('dt', {}, [row.label]),
        element('dd', { 'data-cell': `${row.id}/${column.id}` }, cellBody(row.cells[index], words)),
      ])),
    ])));
    // Side by side, each card's questions line up: its title and a question and answer per row.
    holder.style.setProperty('--options-rows', String(1 + 2 * options.rows.length));
    return element('div', { className: 'options__compare' }, [pick, holder]);
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
        const input = element('input', { type: 'radio', name: 'options-preference', value: choice.id, checked: isChosen(choice.id) || undefined });
        input.addEventListener('change', () => {
          preference = choice.id;
          onChange();
          if (Radiculo.handover) Radiculo.handover.preferenceChanged();
        });
        return element('label', { className: 'choice' }, [input, element('span', {}, [choice.label])]);
      })),
    ]);
  }

  function chosenLabel(options) {
    const choice = options.preference.choices.find((entry) => isChosen(entry.id));
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
    compared = Boolean(plan && plan.options);
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

  /** For the take-home code: what the person chose, while the plan compares the options (else ''). */
  const chosen = () => (compared ? preference : '');

  /** From a take-home code: what the person had chosen (an id in any case; '' for none). */
  function restore(id) {
    preference = String(id || '');
  }

  Radiculo.optionsView = { planBlock, placeInQuestions, printBlock, clear, chosen, restore };
})();
