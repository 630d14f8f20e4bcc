/* Radiculo refuses to run inside another page's frame: another site could lay its own words over the
 * questions or the plan ("clickjacking"). A host should forbid framing with the
 * Content-Security-Policy frame-ancestors 'none' and X-Frame-Options: DENY headers
 * (docs/deployment.md); this check is for where no header can be set: the one-file copy, and hosts
 * that send none. It is the page's first script, run before the rest is parsed. Framed, it adds a
 * policy that lets no further script run (none of the page's own, and not the engine), and once the
 * page is parsed it replaces everything with one line saying to open Radiculo on its own.
 * (window.stop() would also stop the page, but Chromium then never paints the frame at all.)
 * ES5, like engine-client.js. */
(function () {
  'use strict';
  var framed;
  try {
    framed = window.top !== window.self;
  } catch (error) {
    framed = true; // a browser that will not even say: treat it as framed
  }
  if (!framed) return;
  var root = document.documentElement;
  root.setAttribute('data-framed', '');
  var policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "script-src 'none'";
  (document.head || root).appendChild(policy);
  document.addEventListener('DOMContentLoaded', function () {
    var message = document.createElement('p');
    message.textContent = 'Radiculo cannot run inside another page. Open it on its own.';
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    document.body.appendChild(message);
  });
})();
