// Small progressive enhancements on top of htmx; every link and form works without them.
(function () {
  "use strict";

  function eventParamRemoved(url) {
    var parsed = new URL(url, window.location.href);
    parsed.searchParams.delete("event");
    return parsed.pathname + parsed.search;
  }

  // Event titles toggle their detail in place: a second click closes it without a request,
  // and takes ?event= out of the address so a reload shows it closed too.
  document.addEventListener("htmx:beforeRequest", function (evt) {
    var link = evt.detail.elt;
    if (!link.matches || !link.matches(".event-title a")) return;
    var slot = document.getElementById(link.getAttribute("aria-controls"));
    if (slot && slot.children.length > 0) {
      evt.preventDefault();
      slot.replaceChildren();
      link.setAttribute("aria-expanded", "false");
      history.replaceState(history.state, "", eventParamRemoved(window.location.href));
    }
  });

  // Leave empty fields out of the request, so the address reads ?kind=call, not ?q=&kind=call.
  document.addEventListener("htmx:configRequest", function (evt) {
    var elt = evt.detail.elt;
    if (!elt.matches || !(elt.matches("#filter-form") || elt.closest("#filter-form"))) return;
    var data = evt.detail.formData;
    if (!data) return;
    Array.from(data.keys()).forEach(function (key) {
      var kept = data.getAll(key).filter(function (value) { return value !== ""; });
      data.delete(key);
      kept.forEach(function (value) { data.append(key, value); });
    });
  });

  // The filter form submits on every change but the actor type-ahead's, whose text only feeds the
  // suggestions. The CSP forbids eval, so an htmx trigger filter cannot say this: stop the event here.
  document.addEventListener("change", function (evt) {
    if (evt.target.id === "actor-input") evt.stopPropagation();
  }, true);

  // Choosing a suggested actor submits the form with that actor: drop the half-typed text first.
  document.addEventListener("click", function (evt) {
    var button = evt.target.closest && evt.target.closest(".suggestion");
    if (!button) return;
    var input = document.getElementById("actor-input");
    if (input) input.value = "";
  }, true);

  // The form sits outside the swapped results, so after a swap or a restore from history
  // (snapshots keep the first-rendered state of inputs) set every control from the state
  // the results were rendered for: their data-query attribute.
  function syncFormWithResults() {
    var results = document.getElementById("timeline-results");
    var form = document.getElementById("filter-form");
    if (!results || !form) return;
    var params = new URLSearchParams(results.dataset.query || "");
    Array.from(form.elements).forEach(function (control) {
      if (!control.name || control.closest("#actor-chips")) return;
      if (control.id === "actor-input") { control.value = ""; return; }
      if (control.type === "checkbox" || control.type === "radio") {
        control.checked = params.getAll(control.name).indexOf(control.value) >= 0 ||
          (control.type === "radio" && control.value === "" && !params.has(control.name));
      } else if (control.type !== "submit" && control.type !== "button") {
        if (document.activeElement !== control) control.value = params.get(control.name) || "";
      }
    });
    var suggestions = document.getElementById("actor-suggestions");
    if (suggestions) suggestions.replaceChildren();
  }

  // Tell screen readers what changed, from a live region that is never swapped out.
  function announce() {
    var status = document.getElementById("live-status");
    var summary = document.querySelector("#timeline-results .result-summary, #timeline-results .empty-title, #timeline-results .notice");
    if (status && summary) status.textContent = summary.textContent.replace(/\s+/g, " ").trim();
  }

  document.addEventListener("htmx:historyRestore", function () {
    shownResults = document.getElementById("timeline-results");
    syncFormWithResults();
  });

  // The results element is replaced (outerHTML) by every facet or zoom swap: notice the new one.
  var shownResults = document.getElementById("timeline-results");

  document.addEventListener("htmx:afterSettle", function (evt) {
    var trigger = evt.detail.requestConfig && evt.detail.requestConfig.elt;
    if (trigger && trigger.matches && trigger.matches(".event-title a")) {
      trigger.setAttribute("aria-expanded", "true");
      return;
    }
    var results = document.getElementById("timeline-results");
    if (!results || results === shownResults) return;
    shownResults = results;
    syncFormWithResults();
    announce();
    // A control in the form keeps its focus; a link inside the old results is gone, so focus
    // moves to the bar now current (after zooming) or to the results themselves.
    if (trigger && !document.body.contains(trigger)) {
      var current = results.querySelector(".bar.is-current") || results;
      current.focus();
    }
  });
})();
