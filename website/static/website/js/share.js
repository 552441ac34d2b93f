// Progressive enhancement: without JavaScript the share links still work; this adds "Copy link".
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-http sites: copy from a hidden, selected text area.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  function setUpCopyLinks() {
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
      var status = button.closest(".share").querySelector(".share__status");
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = button.getAttribute("data-copy-link");
        copyText(url).then(
          function () {
            status.textContent = "Link copied.";
          },
          function () {
            status.textContent = "Could not copy. The link is: " + url;
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpCopyLinks);
  } else {
    setUpCopyLinks();
  }
})();
