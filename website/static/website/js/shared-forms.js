// Forms on pages the caches share carry no CSRF token (website/shared_forms.py). This fetches one from the site
// the moment a visitor starts on such a form, and adds it before the form is sent. Without JavaScript the form
// still works: the site shows it again, filled in and with a token, to send once more.
(function () {
  "use strict";

  function fetchToken(form) {
    if (!form._tokenRequest) {
      form._tokenRequest = fetch(form.getAttribute("data-csrf-url"), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("No token");
          return response.json();
        })
        .then(function (data) {
          var input = form.querySelector("input[name=csrfmiddlewaretoken]");
          if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = "csrfmiddlewaretoken";
            form.insertBefore(input, form.firstChild);
          }
          input.value = data.token;
        })
        .catch(function () {
          // The post goes without a token and comes back to send again: nothing is lost.
          form._tokenRequest = null;
        });
    }
    return form._tokenRequest || Promise.resolve();
  }

  function setUp(form) {
    if (form.querySelector("input[name=csrfmiddlewaretoken]")) return;
    form.addEventListener("focusin", function () { fetchToken(form); }, { once: true });
    form.addEventListener("submit", function (event) {
      if (form.querySelector("input[name=csrfmiddlewaretoken]")) return;
      event.preventDefault();
      fetchToken(form).then(function () { HTMLFormElement.prototype.submit.call(form); });
    });
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-csrf-url]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
