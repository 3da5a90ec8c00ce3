// A form marked data-busy says that its work is under way once it is sent: its button
// is switched off and shows the form's words, and a status line says the same. Without
// this script the form works just the same; a second press then leads to the result.
(function () {
  'use strict';
  function busy(event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-busy')) {
      return;
    }
    var words = form.getAttribute('data-busy');
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.setAttribute('data-words', button.textContent);
      // Switched off just after the form is sent, so the press itself still counts.
      window.setTimeout(function () {
        button.disabled = true;
        button.textContent = words;
      }, 0);
    }
    var status = form.querySelector('[data-busy-status]');
    if (status) {
      status.textContent = words;
    }
  }
  // Back from the report: the page may come from the browser's memory with the button off.
  window.addEventListener('pageshow', function () {
    var buttons = document.querySelectorAll('form[data-busy] button[data-words]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = false;
      buttons[i].textContent = buttons[i].getAttribute('data-words');
    }
    var statuses = document.querySelectorAll('form[data-busy] [data-busy-status]');
    for (var j = 0; j < statuses.length; j++) {
      statuses[j].textContent = '';
    }
  });
  document.addEventListener('submit', busy);
}());
