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

  // The filter form sits outside the swapped list, so after a swap from an actor link or a
  // restore from history (HTML snapshots keep a select's first-rendered option) set the
  // filters to the ones the list was rendered for: its data-actor and data-kind attributes.
  function syncFiltersWithList() {
    var list = document.getElementById("event-list");
    if (!list) return;
    document.querySelectorAll(".filter-form select").forEach(function (select) {
      select.value = list.dataset[select.name] || "";
    });
  }
  document.addEventListener("htmx:historyRestore", syncFiltersWithList);
  document.addEventListener("htmx:afterSettle", function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === "event-list") syncFiltersWithList();
  });
})();
