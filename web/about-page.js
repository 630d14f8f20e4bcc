/* Radiculo: about.html, the intended-use page as a page of its own (direct links, printing): starts
 * the engine, reads the clinic's settings (only the languages and wordings it offers), picks the
 * language (?lang=, else the browser's) and the wording (?audience=), and has about.js draw it.
 * This file is about.html's only orchestrator, as app.js is the main page's. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId } = Radiculo.dom;
  const { forAudience, reviewOverdueText } = Radiculo.words;
  // about.js, the text itself, is also the main page's dialog (loaded there when asked): one file,
  // loaded here beside the engine.
  const aboutLoaded = Radiculo.dom.loadScript('about.js', 'Radiculo.about');

  function start(engine, loadedSettings) {
    const params = new URLSearchParams(window.location.search);
    const settings = Radiculo.clinicSettings.apply(loadedSettings, engine, false);
    const { languages } = settings;
    const defaults = engine.defaults();
    const wanted = [params.get('lang'), ...(navigator.languages || [navigator.language])]
      .filter(Boolean).map((code) => String(code).toLowerCase().split('-')[0]);
    const language = wanted.find((code) => languages.includes(code)) || (languages.includes(defaults.language) ? defaults.language : languages[0]);
    const audience = settings.audiences.includes(params.get('audience')) ? params.get('audience') : defaults.audience;
    const content = engine.content(language);
    const words = forAudience(content, audience);
    const mark = byId('demo-mark');
    mark.textContent = words.ui('demoMark');
    mark.hidden = !settings.demoMark;
    document.documentElement.lang = content.language || language;
    document.title = `Radiculo: ${words.pick(content.intendedUse.title)}`;
    byId('about-title').textContent = words.pick(content.intendedUse.title);
    byId('about-back').textContent = 'Radiculo';
    byId('about-disclaimer').textContent = `${words.pick(content.disclaimer)} ${words.pick(content.emergencyAdvice)}`;
    const overdue = reviewOverdueText(content, audience);
    const due = byId('review-due');
    due.textContent = overdue;
    due.hidden = overdue === '';
    Radiculo.about.render(byId('about-root'), content, engine.schema(), audience);
    const loading = byId('loading');
    if (loading) loading.hidden = true;
    Radiculo.engineClient.started();
  }

  function whenParsed() {
    Promise.all([Radiculo.engineClient.load(), Radiculo.clinicSettings.loaded])
      .then(([engine, loadedSettings]) =>
        engine.loadLanguages(Radiculo.clinicSettings.languagesOffered(loadedSettings, engine)).then(() => aboutLoaded).then(() => start(engine, loadedSettings)), () => {
        // engine-client.js has already shown the "cannot start in this browser" message.
      }).catch((error) => Radiculo.engineClient.showUnsupported(String(error && error.message)));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed);
  else whenParsed();
})();
