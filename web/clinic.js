/* Radiculo: this clinic's settings (settings.json, read by clinic-settings.js) put to use:
 * - the call-now box right under the triage banner, above the plan's lines: who to call, by the
 *   plan's triage (the table below; the engine's headline stays as it is); also on the printout
 *   and on the step-by-step flow's care card,
 * - the clinic's name and contact in the footer.
 * Every value is written with textContent, never as HTML. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId, fill } = Radiculo.dom;
  let settings = {}; // app.js: useSettings, at start-up

  // Who to call, by triage. number: which setting fills {number}, and the words used when it is not
  // set. The emergency number is only ever the route to the emergency department: a same-day
  // appointment goes through the clinic's non-emergency urgent-advice line (e.g. a nurse line).
  const CALL_NOW = {
    emergency: { text: 'callEmergency', number: { setting: 'emergencyNumber', unset: 'localEmergencyNumber' } },
    'check-now': { text: 'callCheckNow', number: { setting: 'urgentAdviceNumber', unset: 'localUrgentAdvice' } },
    urgent: { text: 'callUrgent', number: { setting: 'urgentAdviceNumber', unset: 'localUrgentAdvice' } },
    priority: { text: 'callPriority', number: null },
  };
  // A plan line that names another first call for its triage: with cancer and constant or night
  // pain alone, the cancer team's 24-hour line comes first, the emergency number if it cannot be
  // reached (the plan's own order).
  const CALL_FIRST = {
    'mscc-contact-now': { text: 'callCancerTeam', number: CALL_NOW.emergency.number },
  };

  /** A device that can call: a touch screen (phones, tablets), and not a waiting-room kiosk. */
  function callable() {
    return !document.documentElement.classList.contains('kiosk') && Boolean(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
  }

  function clinicLine(words) {
    const parts = [settings.clinicName, settings.clinicContact].filter(Boolean);
    if (parts.length === 0) return null;
    const line = document.createElement('p');
    line.className = 'clinic-line';
    const label = document.createElement('strong');
    label.textContent = words.ui('clinicLabel');
    line.append(label, ' ', parts.join(' · '));
    return line;
  }

  /** The call-now box for a plan's triage (see CALL_NOW; CALL_FIRST when the plan has such a
   * line), or null for a triage without one. plan: the engine's plan, when there is one. */
  function callNowBox(triage, words, plan) {
    const first = ((plan && plan.recommendations) || []).map((line) => CALL_FIRST[line.id]).find(Boolean);
    const row = first || (Object.prototype.hasOwnProperty.call(CALL_NOW, triage) ? CALL_NOW[triage] : null);
    if (!row) return null;
    const number = row.number ? settings[row.number.setting] : '';
    const box = document.createElement('div');
    box.className = `call-now call-now--${triage}`;
    box.setAttribute('data-call-now', triage);
    const message = document.createElement('p');
    message.className = 'call-now__text';
    const template = words.ui(row.text);
    if (number && callable() && template.includes('{number}')) {
      // On a phone the clinic's number is one tap: a tel: link (never at a kiosk, which has no phone).
      const [before, after] = template.split('{number}');
      const link = document.createElement('a');
      link.href = `tel:${number.replace(/[^0-9+]/g, '')}`;
      link.className = 'call-now__number';
      link.textContent = number;
      message.append(before, link, after);
    } else {
      message.textContent = fill(template, { number: number || (row.number ? words.ui(row.number.unset) : '') });
    }
    box.append(message);
    const clinic = clinicLine(words);
    if (clinic) box.append(clinic);
    return box;
  }

  /** After each plan: the box goes right below the triage banner, above the plan's lines. */
  function placeCallNow(body, triage, words, plan) {
    const box = callNowBox(triage, words, plan);
    if (!box) return;
    const banner = body.querySelector('#triage');
    if (banner) banner.after(box);
    else body.prepend(box);
  }

  /** Whenever the interface words change (start, language, audience): the footer's clinic line. */
  function showClinicLine(words) {
    const slot = byId('clinic-info');
    if (!slot) return;
    const line = clinicLine(words);
    slot.replaceChildren(...(line ? Array.from(line.childNodes) : []));
    slot.hidden = !line;
  }

  Radiculo.clinic = {
    useSettings: (loaded) => { settings = loaded; },
    callNowBox,
    placeCallNow,
    showClinicLine,
  };
})();
