/* Radiculo: this clinic's settings. Edit this one file with a text editor; nothing needs building.
 * Keep the punctuation as it is: each value in 'quotes', a comma after each line but the last.
 * After a change, reload the page once with the network on (an installed offline copy fetches this
 * file first and falls back to its saved copy only when there is no network).
 * The one-file copy (radiculo-offline.html) carries the settings it was built with; see
 * docs/deployment.md. */
window.RADICULO_SETTINGS = {
  // The number shown in emergency and urgent plans: "Call 112 or go to the emergency department now".
  // Leave '' to say "your local emergency number" (in the page's language).
  emergencyNumber: '',

  // Shown in the footer and on the printed plan, e.g. 'Riverside Spine Clinic' and 'Front desk: 555 0100'.
  clinicName: '',
  clinicContact: '',

  // Kiosk mode only (page address ending in ?kiosk): seconds without a touch or key press before
  // "Still there?" appears; 20 seconds later every answer is cleared. 30 to 3600; the address can
  // override it with &idle=SECONDS.
  kioskIdleSeconds: 90,

  // 'auto' = the browser's language when Radiculo has it (else English); 'en' or 'es' = always start in it.
  // People can still switch language on the page.
  defaultLanguage: 'auto',

  // '' = ask "Which best describes you?" first; 'patient' or 'clinician' = start in that wording
  // (people can still switch it on the page).
  defaultAudience: ''
};
