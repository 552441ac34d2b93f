// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // On small screens the main menu folds behind a button; without JavaScript it stays open.
  function setUpMenuToggle() {
    var toggle = document.querySelector(".site-nav__toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    toggle.hidden = false;
    document.documentElement.classList.add("js-menu");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("site-nav--open", !open);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpMenuToggle);
  } else {
    setUpMenuToggle();
  }
})();
