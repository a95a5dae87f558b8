// Rebound: the little script the pages use; everything works without it.
(function () {
  'use strict';
  // Times are written in UTC on the server; show them in the reader's own zone.
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when.getTime())) {
      el.textContent = format.format(when);
    }
  });
}());
