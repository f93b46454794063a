// Small progressive enhancements on top of htmx; the page works without them.
(function () {
  "use strict";

  // Event titles toggle their detail in place: a second click closes it without a request.
  document.addEventListener("htmx:beforeRequest", function (evt) {
    var link = evt.detail.elt;
    if (!link.matches || !link.matches(".event-title a")) return;
    var slot = document.getElementById(link.getAttribute("aria-controls"));
    if (slot && slot.children.length > 0) {
      evt.preventDefault();
      slot.replaceChildren();
      link.setAttribute("aria-expanded", "false");
    }
  });
  document.addEventListener("htmx:afterSwap", function (evt) {
    var link = evt.detail.requestConfig && evt.detail.requestConfig.elt;
    if (link && link.matches && link.matches(".event-title a")) link.setAttribute("aria-expanded", "true");
  });

  // Leave empty filters out of the request, so the address bar reads ?kind=call, not ?actor=&kind=call.
  document.addEventListener("htmx:configRequest", function (evt) {
    if (!evt.detail.elt.matches || !evt.detail.elt.matches(".filter-form")) return;
    var data = evt.detail.formData;
    if (!data) return;
    Array.from(data.keys()).forEach(function (key) {
      if (data.getAll(key).every(function (value) { return value === ""; })) data.delete(key);
    });
  });

  // htmx restores history from HTML snapshots, in which a select keeps the option it was first
  // rendered with. Set the filters back to the ones the restored list was rendered for.
  document.addEventListener("htmx:historyRestore", function () {
    var list = document.getElementById("event-list");
    if (!list) return;
    document.querySelectorAll(".filter-form select").forEach(function (select) {
      select.value = list.dataset[select.name] || "";
    });
  });
})();
