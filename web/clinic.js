/* Radiculo: this clinic's settings (settings.json, read by clinic-settings.js) put to use:
 * - the call-now box right under the triage banner, above the plan's lines: who to call, by the
 *   plan's triage (the table below; the engine's headline stays as it is); also on the printout
 *   and on the step-by-step flow's care card,
 * - the clinic's name, contact and phone in the footer (the phone a tel: link where a call can be made),
 * - at a kiosk, "Tell the reception desk now" first in the box of a plan that needs care now, on
 *   the screen and on its printout, as on the care card.
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

  // The triages whose box at a kiosk starts with the desk: the person needs care now, and staff are
  // a few metres away (the same triages as the care card's).
  const TELL_STAFF = ['emergency', 'check-now'];

  const kiosk = () => document.documentElement.classList.contains('kiosk');

  /** A device that can call: a touch screen (phones, tablets), and not a waiting-room kiosk. */
  function callable() {
    return !kiosk() && Boolean(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
  }

  /** A number as a tel: link that dials it (settings.dial) and is named "Call <number>" in a list of links. */
  function phoneLink(key, words, className) {
    const link = document.createElement('a');
    link.href = `tel:${settings.dial[key]}`;
    link.className = className;
    link.textContent = settings[key];
    link.setAttribute('aria-label', fill(words.ui('callNumberLabel'), { number: settings[key] }));
    return link;
  }

  function clinicLine(words) {
    const parts = [settings.clinicName, settings.clinicContact].filter(Boolean);
    if (parts.length === 0 && !settings.clinicPhone) return null;
    const line = document.createElement('p');
    line.className = 'clinic-line';
    const label = document.createElement('strong');
    label.textContent = words.ui('clinicLabel');
    line.append(label, ' ', parts.join(' · '));
    if (settings.clinicPhone) {
      line.append(parts.length ? ' · ' : '', callable() ? phoneLink('clinicPhone', words, 'clinic-line__phone') : settings.clinicPhone);
    }
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
      message.append(before, phoneLink(row.number.setting, words, 'call-now__number'), after);
    } else {
      message.textContent = fill(template, { number: number || (row.number ? words.ui(row.number.unset) : '') });
    }
    const staff = kiosk() && TELL_STAFF.includes(triage) && words.content && words.content.kioskTellStaff;
    if (staff) box.append(Object.assign(document.createElement('p'), { className: 'call-now__staff', textContent: words.pick(words.content.kioskTellStaff) }));
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
