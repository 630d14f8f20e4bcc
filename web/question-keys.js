/* Radiculo: the keys on a focused question of the questionnaire (clinicians at a desk): Y / N / U
 * or ? answer a yes / no / not sure question and move on; digits pick the pain score ("1" then "0"
 * within a second: 10); Enter in a number field moves on (the form is never submitted).
 * focusAfter is shared with "None of these" (none-of-these.js), which moves on the same way. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { YES, NO, NOT_SURE } = Radiculo.answers;

  const isShown = (node) => Boolean(node && node.getClientRects().length);

  /** The next thing to answer after `node`: a question's control, a group's "None of these", or the step's Continue. */
  function focusAfter(form, node, scroll) {
    const targets = Array.from(form.querySelectorAll('.question, .none-of-these, [data-step-continue]')).filter(isShown);
    const index = targets.findIndex((target) => node.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING && !node.contains(target));
    const next = index >= 0 ? targets[index] : null;
    if (!next) return;
    const control = next.matches('.question')
      ? Array.from(next.querySelectorAll('input:checked, input')).find(isShown)
      : next;
    if (control) control.focus({ preventScroll: !scroll });
  }

  /** Binds the keys to `form`. */
  function bind(form) {
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
      if (advance) focusAfter(form, input.closest('.question'), true);
    }

    // Enter in a number field moves on (the form is never submitted).
    function onEnter(event) {
      if (event.key === 'Enter' && event.target.matches && event.target.matches('.number-input')) {
        event.preventDefault();
        focusAfter(form, event.target.closest('.question'), true);
      }
    }

    form.setAttribute('data-shortcuts', '');
    form.addEventListener('keydown', onKey);
    form.addEventListener('keydown', onEnter);
  }

  Radiculo.questionKeys = { bind, focusAfter };
})();
