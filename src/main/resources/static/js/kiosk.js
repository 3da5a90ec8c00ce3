// A shared kiosk clears a person's answers only after real quiet: no touch, key, scroll or typing
// for a few minutes, and never without asking "are you still there?" first. The page works without
// this file; with it, nobody loses answers while they are still reading or writing.
//
// "Leave this page" and "Stop and clear my answers" replace the page in the browser's history, so
// that Back does not lead to it (without scripts they are plain links, and the page they leave
// says it was cleared).
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('a.leave-now'), function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      window.location.replace(link.href);
    });
  });
}());

(function () {
  'use strict';
  var body = document.body;
  var home = body.getAttribute('data-kiosk-home');
  if (!home) {
    return;
  }
  var idle = Number(body.getAttribute('data-kiosk-idle')) * 1000;
  var warning = Number(body.getAttribute('data-kiosk-warning')) * 1000;
  var dialog = document.getElementById('kiosk-warning');
  var stay = document.getElementById('kiosk-stay');
  var last = Date.now();
  var asking = false;

  function active() {
    last = Date.now();
    if (asking) {
      asking = false;
      dialog.hidden = true;
    }
  }

  ['keydown', 'pointerdown', 'touchstart', 'input', 'scroll', 'wheel'].forEach(function (name) {
    document.addEventListener(name, active, { capture: true, passive: true });
  });
  if (stay) {
    stay.addEventListener('click', active);
  }

  window.setInterval(function () {
    var quiet = Date.now() - last;
    if (quiet >= idle) {
      window.location.replace(home);
    } else if (dialog && warning > 0 && quiet >= idle - warning && !asking) {
      asking = true;
      dialog.hidden = false;
      stay.focus();
    }
  }, 1000);
}());
