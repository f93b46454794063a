// Copy buttons of shared links and embed code: <button data-copy="#field-id">. One listener on the
// document, so buttons swapped in by htmx work too. Falls back to selecting the text for the reader.
(function () {
  if (window.linimasaSharing) return;
  window.linimasaSharing = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) return;
    field.select();
    var done = function () { button.textContent = button.getAttribute("data-copied") || "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
})();
