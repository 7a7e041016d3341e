/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Move the keyboard and screen-reader focus to the error summary, so that errors are heard first.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
    // The print button needs JavaScript: show it only when it works.
    var printButtons = document.querySelectorAll("[data-print]");
    Array.prototype.forEach.call(printButtons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
