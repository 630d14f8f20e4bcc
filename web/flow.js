/* Radiculo: the patient's step-by-step flow, and the care card under an answer that needs action now.
 *
 * Patients answer one question group per screen, with "Step 3 of 7", Back (answers kept) and
 * Continue; the plan is the last screen. The questions about care and scans so far are asked only
 * when they can change the plan (answers.isAsked: from the engine's conservativeWeeks threshold into
 * the episode, or when the person asks to add them; the injection's scan questions only after "yes"
 * to a procedure). A question not asked is not sent, so the engine's own default stands.
 *
 * An answer that makes the plan an emergency puts a red care card directly under it (the engine's
 * content: the triage, what to do, who to call; at a kiosk, tell the desk) and sets the rest of the
 * screen's questions aside, with one tap back to them; "Not sure" to a red flag of the emergency tier
 * (the engine's redFlagUrgency) does the same with its own card (examined within hours). For
 * clinicians the card shows only where the plan is not beside the questions.
 *
 * A screen of emergency-tier questions skipped whole (none answered, none "Not sure") makes the plan
 * "examined within hours", as the engine rules (unknown is not "no"). When that is the plan's only
 * reason, "See my plan" asks once more, naming the screen, before showing it; the plan is unchanged. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { answers } = Radiculo;
  const { element, icon, fill } = Radiculo.dom;
  const isShown = (node) => Boolean(node && node.getClientRects().length);

  function create(form, questionnaire, content, hooks) {
    const root = document.documentElement;
    const { table } = questionnaire;
    const emergencyFlags = answers.flagsOfUrgency(table, 'emergency');
    const state = { active: false, index: 0, atPlan: false, careOpened: false, nudged: new Set(), setAside: '', lastKey: '', card: null, result: null, askedAgain: false };
    let words = null;

    // ---------- the screens ----------

    const progress = element('div', { className: 'step-progress', id: 'step-progress' }, [
      element('p', { className: 'step-progress__text', id: 'step-progress-text' }),
      element('progress', { className: 'step-progress__bar', 'aria-labelledby': 'step-progress-text' }),
    ]);
    const notice = element('p', { className: 'step-nav__notice', id: 'step-notice', role: 'alert', hidden: true });
    const back = element('button', { type: 'button', className: 'button step-nav__back', 'data-step-back': '' });
    const next = element('button', { type: 'button', className: 'button button--primary step-nav__continue', 'data-step-continue': '' });
    const againText = element('p', { className: 'step-nav__again-text', role: 'alert' });
    const againAnswer = element('button', { type: 'button', className: 'button', 'data-step-again': '' });
    const again = element('div', { className: 'step-nav__again', id: 'step-again', hidden: true }, [againText, againAnswer]);
    const nav = element('div', { className: 'step-nav', id: 'step-nav' }, [notice, again, element('div', { className: 'step-nav__buttons' }, [back, next])]);
    form.prepend(progress);
    form.appendChild(nav);

    const asking = () => ({ stepByStep: state.active, added: state.careOpened, weeks: questionnaire.weeks() });
    const addable = answers.addableSections(table);

    /** Are the questions a person may add (care so far) asked now? */
    function careIncluded() {
      return addable.every((id) => answers.sectionAsked(table, id, { ...asking(), stepByStep: true }));
    }

    /** Asked now: every question for clinicians; for patients, care only when it counts (see above). */
    function isAsked(key) {
      return answers.isAsked(table, key, questionnaire.values(), asking());
    }

    function steps() {
      return Array.from(form.querySelectorAll('[data-step]')).filter((node) => answers.sectionAsked(table, node.getAttribute('data-step'), asking()));
    }

    function current() {
      const list = steps();
      state.index = Math.max(0, Math.min(state.index, list.length - 1));
      return list[state.index];
    }

    /** Shows the current screen: its questions only, the progress, Back and Continue. */
    function render(focus) {
      root.toggleAttribute('data-flow-at-plan', state.active && state.atPlan);
      if (!state.active) return;
      const list = steps();
      const step = current();
      for (const node of form.querySelectorAll('[data-step]')) node.toggleAttribute('data-step-hidden', node !== step);
      form.querySelector('#section-red-flags').toggleAttribute('data-step-hidden', !step.matches('.q-group'));
      // Counted among every screen the flow can show, the care screen included: the total stays the
      // same when that screen is added or skipped along the way (a skipped screen keeps its number).
      const all = Array.from(form.querySelectorAll('[data-step]'));
      const number = all.indexOf(step) + 1;
      progress.querySelector('.step-progress__text').textContent = fill(words.ui('stepProgress'), { step: number, total: all.length });
      const bar = progress.querySelector('progress');
      bar.max = all.length;
      bar.value = number;
      back.hidden = state.index === 0;
      back.textContent = words.ui('back');
      next.textContent = words.ui(state.index === list.length - 1 ? 'seeMyPlan' : 'continue');
      applySetAside();
      if (focus) {
        const heading = step.querySelector('.q-group__title, .q-section__title');
        heading.setAttribute('tabindex', '-1');
        window.scrollTo(0, 0);
        heading.focus({ preventScroll: true });
      }
    }

    function go(index) {
      state.index = index;
      state.atPlan = false;
      notice.hidden = true;
      again.hidden = true;
      render(true);
      hooks.changed();
    }

    function showPlan() {
      state.atPlan = true;
      again.hidden = true;
      render(false);
      hooks.showPlan();
    }

    function unansweredHere() {
      const step = current();
      if (step.getAttribute('data-step') === 'care') return [];
      return Array.from(step.querySelectorAll('.question[data-question]'))
        .filter((node) => isShown(node) && !questionnaire.isAnswered(node.getAttribute('data-question')));
    }

    function onContinue() {
      const missing = unansweredHere();
      const key = current().getAttribute('data-step');
      if (missing.length && !state.nudged.has(key)) {
        // Once per screen: say what is missing, then Continue goes on (unanswered stays unanswered).
        state.nudged.add(key);
        notice.textContent = words.ui('stepUnanswered');
        notice.hidden = false;
        for (const node of missing) node.classList.add('question--missing');
        const control = missing[0].querySelector('input');
        if (control) control.focus();
        return;
      }
      if (state.index >= steps().length - 1) {
        const skipped = state.askedAgain ? [] : skippedGroupsOnly(state.result);
        if (skipped.length) askAgain(skipped[0]);
        else showPlan();
      } else go(state.index + 1);
    }

    /**
     * The groups of emergency-tier questions left wholly unanswered, when they are the only reason
     * for a check-now plan (the engine's rule: an emergency-tier question not answered "no"); else [].
     * A "Not sure" there is an answer: the plan then stands without asking again.
     */
    function skippedGroupsOnly(result) {
      if (!result || !result.ok || result.triage !== 'check-now') return [];
      const values = questionnaire.values();
      const open = emergencyFlags.filter((flag) => values[flag] !== answers.YES && values[flag] !== answers.NO);
      if (open.length === 0 || open.some((flag) => values[flag] !== undefined)) return [];
      const groups = table.redFlagGroups.filter((group) => group.flags.some((flag) => open.includes(flag)));
      return groups.every((group) => group.flags.every((flag) => values[flag] === undefined)) ? groups : [];
    }

    /** Once: this screen was skipped, so the plan says "within hours"; answer it, or see the plan as it is. */
    function askAgain(group) {
      state.askedAgain = true;
      const title = form.querySelector(`#group-title-${group.group}`);
      againText.textContent = fill(words.ui('skippedGroupAsk'), { group: title ? title.textContent : group.group });
      againAnswer.textContent = words.ui('skippedGroupAnswer');
      againAnswer.onclick = () => go(steps().findIndex((node) => node.getAttribute('data-step') === `group-${group.group}`));
      notice.hidden = true; // this screen's own "please answer" gives way to the question that matters
      again.hidden = false;
      againAnswer.focus();
    }

    back.addEventListener('click', () => go(state.index - 1));
    next.addEventListener('click', onContinue);

    // ---------- the care card under an answer ----------

    function cardFor(result) {
      const values = questionnaire.values();
      if (result && result.ok && result.triage === 'emergency') {
        const yes = table.redFlags.filter((flag) => values[flag] === answers.YES);
        const key = yes.includes(state.lastKey) ? state.lastKey : yes[yes.length - 1];
        return key ? { type: 'emergency', key, planReady: true } : null;
      }
      const unsure = emergencyFlags.filter((flag) => values[flag] === answers.NOT_SURE);
      if (unsure.length) {
        const key = unsure.includes(state.lastKey) ? state.lastKey : unsure[unsure.length - 1];
        return { type: 'check-now', key, planReady: Boolean(result && result.ok) };
      }
      return null;
    }

    function buildCard(card) {
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
          if (state.active) showPlan();
          else hooks.toPlan();
        }
      });
      return node;
    }

    /** The card follows the answers; a new one sets the rest of its screen aside (patients). */
    function updateCard(result) {
      const card = cardFor(result);
      const sameCard = card && state.card && card.type === state.card.type && card.key === state.card.key;
      const same = sameCard && card.planReady === state.card.planReady; // else redrawn, not raised again
      if (same && state.card.node.isConnected && state.card.words === words) return;
      if (state.card) state.card.node.remove();
      state.card = null;
      if (!card) {
        state.setAside = '';
        applySetAside();
        return;
      }
      const question = form.querySelector(`#q-${card.key}`);
      const node = buildCard(card);
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
      if (step === current()) nav.setAttribute('data-set-aside', '');
    }

    form.addEventListener('change', (event) => {
      const question = event.target !== form && event.target.closest && event.target.closest('[data-question]');
      if (question) state.lastKey = question.getAttribute('data-question');
      if (question) question.classList.remove('question--missing');
    });

    return {
      isAsked,
      /** Patients: on, at the first screen (or where they were); clinicians: off, everything shown. */
      setActive(active, nextWords) {
        words = nextWords;
        state.active = active;
        root.toggleAttribute('data-flow', active);
        if (active) root.setAttribute('data-flow', 'steps');
        if (state.card) { state.card.node.remove(); state.card = null; }
        render(false);
      },
      setWords(nextWords) {
        words = nextWords;
        if (state.card) { state.card.node.remove(); state.card = null; }
        render(false);
      },
      /** After each evaluation: the card, and the screens (the care screen comes and goes with the weeks). */
      update(result) {
        state.result = result;
        updateCard(result);
        if (state.active) render(false);
      },
      reset() {
        Object.assign(state, { index: 0, atPlan: false, careOpened: false, setAside: '', lastKey: '', result: null, askedAgain: false });
        state.nudged.clear();
        notice.hidden = true;
        again.hidden = true;
        if (state.card) { state.card.node.remove(); state.card = null; }
        for (const node of form.querySelectorAll('.question--missing')) node.classList.remove('question--missing');
        render(false);
      },
      start() { go(0); },
      /** Back from the plan: to the screen the person left, or to the care screen when asked to add it. */
      backFromPlan(addCare) {
        // Opening the care screen asks its questions now: mark them asked before showing it, or the
        // screen opens empty (under 6 weeks they were set aside until the person asked to add them).
        if (addCare) {
          state.careOpened = true;
          questionnaire.setAsked(isAsked);
        }
        go(addCare ? steps().findIndex((node) => addable.includes(node.getAttribute('data-step'))) : state.index);
      },
      /** To the screen of a question (a "still needed" link on the plan). */
      showQuestion(key) {
        if (!state.active) return;
        const node = form.querySelector(`#q-${key}`);
        const index = steps().findIndex((step) => step.contains(node));
        if (index >= 0) go(index);
      },
      /** Answers opened from elsewhere (handover.js): straight to the plan; the care screen comes too when they hold care answers. */
      openAtPlan(withCare) {
        if (withCare) {
          state.careOpened = true;
          questionnaire.setAsked(isAsked);
        }
        if (state.active) showPlan();
      },
      careIncluded,
      isActive: () => state.active,
    };
  }

  Radiculo.flow = { create };
})();
