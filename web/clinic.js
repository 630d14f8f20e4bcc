/* Radiculo: this clinic's settings (settings.js, edited without building) put to use. Reads
 * window.RADICULO_SETTINGS once, keeps only values of the expected type (a typo in settings.js must
 * not break the page: anything unusable falls back to the default), and
 * - puts "Call <number> or go to the emergency department now" above the lines of an emergency or
 *   urgent plan (the engine's headline stays as it is),
 * - shows the clinic's name and contact in the footer (and so on the printed plan). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const raw = (window.RADICULO_SETTINGS && typeof window.RADICULO_SETTINGS === 'object') ? window.RADICULO_SETTINGS : {};

  const text = (value, max) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '');
  function wholeNumber(value, min, max, fallback) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return Number.isInteger(number) ? Math.min(max, Math.max(min, number)) : fallback;
  }

  const settings = {
    emergencyNumber: text(raw.emergencyNumber, 60),
    clinicName: text(raw.clinicName, 120),
    clinicContact: text(raw.clinicContact, 200),
    kioskIdleSeconds: wholeNumber(raw.kioskIdleSeconds, 15, 3600, 90),
    defaultLanguage: text(raw.defaultLanguage, 12).toLowerCase() || 'auto',
    defaultAudience: raw.defaultAudience === 'patient' || raw.defaultAudience === 'clinician' ? raw.defaultAudience : '',
  };
  // The English placeholder means "not set": then the page says it in its own language.
  if (settings.emergencyNumber.toLowerCase() === 'your local emergency number') settings.emergencyNumber = '';
  Radiculo.settings = Object.freeze(settings);

  const CALL_TEXT = { emergency: 'callEmergency', urgent: 'callUrgent' };

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

  /** The call-now box for an emergency or urgent plan, or null for any other triage. */
  Radiculo.callNowBox = function callNowBox(triage, words) {
    if (!CALL_TEXT[triage]) return null;
    const number = settings.emergencyNumber || words.ui('localEmergencyNumber');
    const box = document.createElement('div');
    box.className = `call-now call-now--${triage}`;
    box.setAttribute('data-call-now', triage);
    const message = document.createElement('p');
    message.className = 'call-now__text';
    message.textContent = Radiculo.fillTemplate(words.ui(CALL_TEXT[triage]), { number });
    box.append(message);
    const clinic = clinicLine(words);
    if (clinic) box.append(clinic);
    return box;
  };

  // After each plan: the box goes right below the triage banner, above the plan's lines.
  document.addEventListener('radiculo:plan', (event) => {
    const { triage, body, words } = event.detail;
    const box = Radiculo.callNowBox(triage, words);
    if (!box) return;
    const banner = body.querySelector('#triage');
    if (banner) banner.after(box);
    else body.prepend(box);
  });

  // Whenever the interface words change (start, language, audience): the footer's clinic line.
  document.addEventListener('radiculo:words', (event) => {
    const slot = document.getElementById('clinic-info');
    if (!slot) return;
    const line = clinicLine(event.detail.words);
    slot.replaceChildren(...(line ? Array.from(line.childNodes) : []));
    slot.hidden = !line;
  });
})();
