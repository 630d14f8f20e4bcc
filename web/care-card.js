/* Radiculo: the care card under an answer that needs action now (which card: flow-decisions.js), and
 * the questions it sets aside. The card holds the engine's content: the triage, what to do, who to
 * call (at a kiosk, tell the desk). For patients step by step, a new card sets the rest of its
 * screen aside, with one tap back to them. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { element, icon } = Radiculo.dom;
  const isShown = (node) => Boolean(node && node.getClientRects().length);

  /**
   * form: the questionnaire; nav: the flow's Back and Continue; flow: the flow's state (active,
   * atPlan, setAside, card), words(), current() (the screen shown), showPlan() and toPlan().
   */
  function create(form, nav, flow) {
    const { state } = flow;

    function build(card) {
      const words = flow.words();
      const call = Radiculo.clinic.callNowBox(card.type, words);
      if (call) {
        call.removeAttribute('data-call-now');
        call.className = 'care-card__call';
      }
      // Short enough to be seen whole under the answer: the triage, then the one thing to do
      // (at a kiosk the call box starts with: tell the desk), with the clinic's number; the plan has the rest.
      const node = element('div', {
        className: `care-card care-card--${card.type}`, role: 'alert', 'data-care-card': card.type, 'data-for': card.key,
      }, [
        element('p', { className: 'care-card__title' }, [icon('emergency'), words.triage(card.type)]),
        call,
        element('div', { className: 'care-card__actions' }, [
          // On to the plan whenever there is one (an emergency plan always; a check-now plan once the
          // engine has what it needs): never a button that leads to "more answers needed".
          card.planReady || !state.active
            ? element('button', { type: 'button', className: 'button button--primary', 'data-card-plan': '' }, [words.ui(state.active ? 'cardSeePlan' : 'seePlan')])
            : null,
          state.active ? element('button', { type: 'button', className: 'button', 'data-card-back': '' }, [words.ui('cardBackToQuestions')]) : null,
        ]),
        state.active ? element('p', { className: 'care-card__aside', 'data-card-aside': '' }, [words.ui('cardSetAside')]) : null,
      ]);
      node.addEventListener('click', (event) => {
        if (event.target.closest('[data-card-back]')) {
          state.setAside = '';
          applySetAside();
          const rest = node.nextElementSibling && node.nextElementSibling.querySelector('input');
          if (rest) rest.focus();
        } else if (event.target.closest('[data-card-plan]')) {
          if (state.active) flow.showPlan();
          else flow.toPlan();
        }
      });
      return node;
    }

    /** The card follows the answers; a new one sets the rest of its screen aside (patients). */
    function update(card) {
      const words = flow.words();
      const sameCard = card && state.card && card.type === state.card.type && card.key === state.card.key;
      const same = sameCard && card.planReady === state.card.planReady; // else redrawn, not raised again
      if (same && state.card.node.isConnected && state.card.words === words) return;
      remove();
      if (!card) {
        state.setAside = '';
        applySetAside();
        return;
      }
      const question = form.querySelector(`#q-${card.key}`);
      const node = build(card);
      question.after(node);
      const isNew = !sameCard;
      state.card = Object.assign(card, { node, words });
      if (isNew && state.active) state.setAside = card.key;
      applySetAside();
      if (isNew && isShown(node)) {
        // Directly under the answer, and on the screen with the answer: no scrolling to find it.
        const rect = node.getBoundingClientRect();
        const answers = question.querySelector('.choices').getBoundingClientRect().top;
        if (rect.bottom > window.innerHeight) window.scrollBy(0, Math.min(rect.bottom - window.innerHeight + 12, answers - 8));
      }
    }

    /** Set aside: every question after the card's on this screen, and Continue. */
    function applySetAside() {
      for (const node of form.querySelectorAll('[data-set-aside]')) node.removeAttribute('data-set-aside');
      const aside = state.active && !state.atPlan && state.setAside && state.card && state.card.key === state.setAside;
      if (state.card) state.card.node.toggleAttribute('data-aside', Boolean(aside));
      if (!aside) return;
      const question = form.querySelector(`#q-${state.setAside}`);
      const step = question.closest('[data-step]');
      let after = false;
      for (const node of step.querySelectorAll('.question')) {
        if (after) node.setAttribute('data-set-aside', '');
        if (node === question) after = true;
      }
      // Continue is set aside only on the card's own screen (a card redrawn from another screen leaves it).
      if (step === flow.current()) nav.setAttribute('data-set-aside', '');
    }

    /** The card gone (new words, another mode, a new start): drawn again at the next update. */
    function remove() {
      if (state.card) state.card.node.remove();
      state.card = null;
    }

    return { update, applySetAside, remove };
  }

  Radiculo.careCard = { create };
})();
