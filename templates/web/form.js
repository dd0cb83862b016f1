// Överens web form, progressive enhancement: every page works without this script. With it,
// answers are checked as you type (debounced) and table rows are added, removed, copied and
// moved without reloading the page. No build step: edit this file as it is.
(function () {
  "use strict";
  var DEBOUNCE_MS = 250;

  function byId(id) { return document.getElementById(id); }

  // Fields shown only when a sibling has a given answer (Field::showWhen).
  function truth(v) {
    if (["ja", "yes", "true", "1"].indexOf(v) >= 0) return 1;
    if (["nej", "no", "false", "0"].indexOf(v) >= 0) return 0;
    return -1;
  }
  function updateShowWhen(root) {
    var dependants = root.querySelectorAll("[data-show-when]");
    for (var i = 0; i < dependants.length; i++) {
      var el = dependants[i];
      var control = byId(el.getAttribute("data-show-when"));
      if (!control) continue;
      var value = control.value.trim();
      var wanted = el.getAttribute("data-show-values");
      var shown;
      if (!wanted) {
        shown = value !== "";
      } else {
        shown = wanted.split("|").some(function (w) {
          return w === value || (el.hasAttribute("data-show-boolean") && truth(w) >= 0 && truth(w) === truth(value));
        });
      }
      el.hidden = !shown;
    }
  }

  function describedBy(el, id, add) {
    var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (add) ids.push(id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
  }

  // Replace the messages beside the fields and the summary with what the server found.
  function showMessages(form, result) {
    var old = form.querySelectorAll(".field-messages");
    for (var i = 0; i < old.length; i++) {
      var targetId = old[i].id.replace(/-error$/, "");
      var target = byId(targetId);
      if (target) {
        describedBy(target, old[i].id, false);
        target.removeAttribute("aria-invalid");
        var group = target.closest(".form-group");
        if (group) group.classList.remove("form-group--error");
      }
      old[i].parentNode.removeChild(old[i]);
    }
    Object.keys(result.fields).forEach(function (id) {
      var el = byId(id);
      if (!el) return;
      var box = document.createElement("div");
      box.className = "field-messages";
      box.id = id + "-error";
      box.innerHTML = result.fields[id];
      if (el.tagName === "FIELDSET") {
        var after = el.querySelector(":scope > .hint") || el.querySelector(":scope > legend");
        after.insertAdjacentElement("afterend", box);
      } else {
        el.parentNode.insertBefore(box, el);
        el.setAttribute("aria-invalid", "true");
        var group = el.closest(".form-group");
        if (group) group.classList.add("form-group--error");
      }
      describedBy(el, box.id, true);
    });
    var slot = byId("summary-slot");
    if (slot) slot.innerHTML = result.summary;
  }

  // The session's CSRF token, sent with every request the script makes (the forms carry it as _csrf).
  function csrfHeaders() {
    var meta = document.querySelector("meta[name=csrf-token]");
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (meta) headers["X-CSRF-Token"] = meta.getAttribute("content");
    return headers;
  }

  function formBody(form, extra) {
    var data = new URLSearchParams(new FormData(form));
    data.delete("_action");
    Object.keys(extra).forEach(function (k) { data.set(k, extra[k]); });
    return data;
  }

  function enhance(form) {
    var touched = {};
    var timer = null;
    var sequence = 0;
    var checkUrl = form.getAttribute("data-check");

    function check() {
      var mine = ++sequence;
      fetch(checkUrl, {
        method: "POST",
        headers: csrfHeaders(),
        body: formBody(form, { _touched: Object.keys(touched).join(",") }),
        credentials: "same-origin"
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
        if (result && mine === sequence) showMessages(form, result);
      }).catch(function () { /* the next edit or a submit checks again */ });
    }

    function edited(event) {
      var t = event.target;
      if (!t.name || t.name.charAt(0) === "_") return;
      if (t.id) touched[t.id] = true;
      updateShowWhen(form);
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);

    // Row buttons: the same request the button would send, then the new form in place.
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=_op]");
      if (!button) return;
      event.preventDefault();
      clearTimeout(timer);
      fetch(form.action, {
        method: "POST",
        headers: csrfHeaders(),
        body: formBody(form, { _op: button.value, _js: "1" }),
        credentials: "same-origin"
      }).then(function (r) { return r.json(); }).then(function (reply) {
        return fetch(reply.location, { credentials: "same-origin" }).then(function (r) { return r.text(); })
          .then(function (html) { replaceMain(html, reply.focus); });
      }).catch(function () { form.requestSubmit(button); });
    });
    updateShowWhen(form);
  }

  function replaceMain(html, focusId) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = document.querySelector("main");
    main.innerHTML = page.querySelector("main").innerHTML;
    init(false);
    var target = focusId && byId(focusId);
    if (target) {
      var first = target.querySelector("input:not([type=hidden]), select, textarea") || target;
      if (first === target && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      first.focus();
    }
  }

  function init(firstLoad) {
    document.documentElement.classList.add("js");
    var forms = document.querySelectorAll("form[data-check]");
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
    var summary = byId("error-summary");
    if (summary && firstLoad) summary.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { init(true); });
  else init(true);
})();
