/* Radiculo: "None of these" per red-flag group (clinicians): one tap answers no to every question
 * of the group not answered yet (an answer already given is never overwritten), and a second tap
 * undoes exactly those; a manual answer in the group ends the undo. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { NO } = Radiculo.answers;

  /**
   * The group buttons of `form`. table: the question table (answers.js); checked(name): the value
   * of a radio group, if one is checked; uiText(key): a label in the current wording.
   */
  function create(form, table, { checked, uiText }) {
    const undoNone = new Map(); // group -> the flags its "None of these" set to no

    function label(group) {
      const button = form.querySelector(`[data-none-of-these="${group}"]`);
      button.textContent = uiText(undoNone.has(group) ? 'undoNoneOfThese' : 'noneOfThese');
      button.setAttribute('aria-pressed', undoNone.has(group) ? 'true' : 'false');
    }

    function toggle(button, byKeyboard) {
      const group = button.getAttribute('data-none-of-these');
      const groupFlags = (table.redFlagGroups.find((entry) => entry.group === group) || { flags: [] }).flags;
      if (undoNone.has(group)) {
        for (const flag of undoNone.get(group)) {
          const input = form.querySelector(`input[name="${flag}"][value="${NO}"]`);
          if (input.checked) input.checked = false;
        }
        undoNone.delete(group);
      } else {
        // Only unanswered questions: an answer already given is never overwritten.
        const set = groupFlags.filter((flag) => checked(flag) === undefined);
        for (const flag of set) form.querySelector(`input[name="${flag}"][value="${NO}"]`).checked = true;
        if (set.length) undoNone.set(group, set);
        if (byKeyboard) Radiculo.questionKeys.focusAfter(form, button.closest('.q-group').lastElementChild, true);
      }
      label(group);
      form.dispatchEvent(new Event('change', { bubbles: true }));
    }

    form.addEventListener('click', (event) => {
      const button = event.target.closest && event.target.closest('[data-none-of-these]');
      if (button) toggle(button, event.detail === 0);
    });

    return {
      /** Every group's button in the current wording. */
      labelAll() {
        for (const group of table.redFlagGroups) label(group.group);
      },
      clear() {
        undoNone.clear();
        this.labelAll();
      },
      /** A manual answer in `group` ends its undo. */
      answeredIn(group) {
        if (undoNone.delete(group)) label(group);
      },
    };
  }

  Radiculo.noneOfThese = { create };
})();
