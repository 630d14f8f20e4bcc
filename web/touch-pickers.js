/* Radiculo: the touch pickers (a range, then its exact values; weeks of care up to the episode's
 * length). They write the question's text field, which stays the one place the answer lives, and
 * follow it when it is typed, set by a test or cleared. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { answers, dom } = Radiculo;
  const { fill } = dom;

  /**
   * The pickers of `form`. table: the question table (answers.js); values(): what the form holds;
   * checked(name): the value of a radio group, if one is checked; text(key): a text field's value;
   * units(): the content's unit words; uiText(key): a label in the current wording;
   * durations: the keys of the duration questions; choiceRow: builds one row of choices.
   */
  function create(form, table, { values, checked, text, units, uiText, durations, choiceRow }) {
    const pickers = table.questions.filter((question) => question.picker).map((question) => question.key);

    function pickerRadios(key) {
      return Array.from(form.querySelectorAll(`[data-picker="${key}"] input[type="radio"]:not([name$="-band"])`));
    }

    /** A touch choice's words: ['weeks', { count: 3 }] -> "3 weeks", in the content's language. */
    function choiceLabel(spec) {
      const [key, filled, unitKey] = spec;
      const unitWords = units();
      if (key === 'number') return String(filled.count);
      if (key === 'weeks' || key === 'days') {
        const one = key === 'weeks' ? unitWords.week : unitWords.day;
        return `${filled.count} ${filled.count === 1 ? one : unitWords[key]}`;
      }
      const label = fill(uiText(key), filled || {});
      return unitKey ? `${label} ${unitWords[unitKey] || unitKey}` : label;
    }

    function labelChoices(root) {
      for (const node of root.querySelectorAll('[data-label]')) {
        node.closest('.choice').querySelector('.choice__text').textContent = choiceLabel(JSON.parse(node.getAttribute('data-label')));
      }
    }

    function showBandRow(key) {
      const band = checked(`${key}-band`);
      for (const row of form.querySelectorAll(`[data-picker="${key}"] [data-band-row]`)) row.hidden = row.getAttribute('data-band-row') !== band;
    }

    /** The picker shows what the text field holds (typed, set by a test, or cleared). */
    function sync(key) {
      const value = text(key).trim();
      const unit = durations.includes(key) ? checked(`${key}-unit`) : undefined;
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

    /** Weeks of care: whole weeks up to the episode's length (rebuilt when that changes). */
    function updateCareChoices() {
      for (const question of table.questions.filter((entry) => entry.picker === 'care')) {
        const rows = form.querySelector(`#q-${question.key} [data-care-rows]`);
        const weeks = answers.episodeWeeks(values(), units());
        const max = typeof weeks === 'number' ? Math.floor(weeks + 1e-9) : table.thresholds.longStandingWeeks;
        if (rows.getAttribute('data-max') === String(max)) continue;
        rows.setAttribute('data-max', String(max));
        rows.replaceChildren(choiceRow(question.key, `${question.key}-pick`, `exact-${question.key}`, 'pickExact', answers.careOptions(max, table.thresholds)));
        rows.querySelector('.picker__caption').textContent = uiText('pickExact');
        labelChoices(rows);
        sync(question.key);
      }
    }

    /** A picked radio: a range shows its exact values; an exact value is written to the field. */
    function pick(radio) {
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
      if (durations.includes(key)) form.querySelector(`input[name="${key}-unit"][value="${radio.getAttribute('data-unit') || 'weeks'}"]`).checked = true;
    }

    /** After any change: a picked radio writes its field; otherwise every picker follows its field. */
    function afterChange(target) {
      const pickerRadio = target !== form && target.type === 'radio' && target.closest('[data-picker]') ? target : null;
      if (pickerRadio) pick(pickerRadio);
      else syncAll();
      updateCareChoices();
    }

    function syncAll() {
      for (const key of pickers) sync(key);
    }

    return { afterChange, syncAll, updateCareChoices, labelChoices };
  }

  Radiculo.touchPickers = { create };
})();
