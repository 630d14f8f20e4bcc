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
 * reason, "See my plan" asks once more, naming the screen, before showing it; the plan is unchanged.
 *
 * The decisions (what Continue does, which card, when to ask again) are flow-decisions.js's, tested
 * without a browser; the card itself is care-card.js's. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { answers, flowDecisions } = Radiculo;
  const { element, fill } = Radiculo.dom;
  const isShown = (node) => Boolean(node && node.getClientRects().length);

  function create(form, questionnaire, content, hooks) {
    const root = document.documentElement;
    const { table } = questionnaire;
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
    const careCard = Radiculo.careCard.create(form, nav, { state, words: () => words, current, showPlan, toPlan: () => hooks.toPlan() });

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
      careCard.applySetAside();
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
      const skipped = flowDecisions.skippedGroupsOnly(table, questionnaire.values(), state.result);
      const action = flowDecisions.afterContinue({
        missing: missing.length > 0, nudged: state.nudged.has(key), last: state.index >= steps().length - 1, skipped, askedAgain: state.askedAgain,
      });
      if (action === 'nudge') {
        state.nudged.add(key);
        notice.textContent = words.ui('stepUnanswered');
        notice.hidden = false;
        for (const node of missing) node.classList.add('question--missing');
        const control = missing[0].querySelector('input');
        if (control) control.focus();
      } else if (action === 'askAgain') askAgain(skipped[0]);
      else if (action === 'plan') showPlan();
      else go(state.index + 1);
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
        careCard.remove();
        render(false);
      },
      setWords(nextWords) {
        words = nextWords;
        careCard.remove();
        render(false);
      },
      /** After each evaluation: the card, and the screens (the care screen comes and goes with the weeks). */
      update(result) {
        state.result = result;
        careCard.update(flowDecisions.cardFor(table, questionnaire.values(), result, state.lastKey));
        if (state.active) render(false);
      },
      reset() {
        Object.assign(state, { index: 0, atPlan: false, careOpened: false, setAside: '', lastKey: '', result: null, askedAgain: false });
        state.nudged.clear();
        notice.hidden = true;
        again.hidden = true;
        careCard.remove();
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
