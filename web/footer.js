/* Radiculo: the main page's footer lines from the engine's content, drawn with the first screen: the
 * link to the intended use (its title; about.html in the language and wording shown, which app.js
 * opens in place as a dialog, about.js, loaded when first asked), the translation's review and, once
 * it has passed, the review date. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId, fill } = Radiculo.dom;
  const { forAudience, reviewOverdueText } = Radiculo.words;

  /** about.html in this language and wording. */
  function aboutHref(content, audience) {
    return `about.html?lang=${encodeURIComponent(content.language)}&audience=${encodeURIComponent(audience)}`;
  }

  /** Called by app.js (applyInterfaceWords) whenever the language or the audience changes. */
  function show(content, audience) {
    const words = forAudience(content, audience);
    const link = byId('about-link');
    link.textContent = words.pick(content.intendedUse && content.intendedUse.title);
    link.setAttribute('href', aboutHref(content, audience));
    byId('translation-review').textContent = fill(words.ui('translationReview'), { review: content.translationReview || '' });
    const due = byId('review-due');
    const overdue = reviewOverdueText(content, audience);
    due.textContent = overdue;
    due.hidden = overdue === '';
  }

  Radiculo.footer = { show, aboutHref };
})();
