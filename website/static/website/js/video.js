// Video placeholders become players only when the visitor asks: until then nothing is fetched from the provider.
// Without this file each placeholder is a plain link to the video on its own site.
(function () {
  "use strict";

  function loadPlayer(placeholder) {
    var frame = document.createElement("iframe");
    frame.className = "video__player";
    frame.src = placeholder.getAttribute("data-video-player");
    frame.title = placeholder.getAttribute("data-video-title");
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    placeholder.replaceWith(frame);
    frame.focus();
  }

  function enhance(placeholder) {
    var action = placeholder.querySelector("[data-video-action]");
    if (action) action.textContent = action.getAttribute("data-video-action");
    placeholder.setAttribute("role", "button");
    placeholder.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return;  // a new tab, as asked
      event.preventDefault();
      loadPlayer(placeholder);
    });
    // A button answers the space bar as well as Enter.
    placeholder.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        loadPlayer(placeholder);
      }
    });
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  // "Starts Tuesday 1 December at 7:30pm (in 2 hours 5 minutes)": kept current while the page is open.
  function startCountdown(time) {
    var startsAt = Date.parse(time.getAttribute("datetime"));
    if (isNaN(startsAt)) return;
    var countdown = document.createElement("span");
    countdown.className = "livestream__countdown";
    time.parentNode.appendChild(countdown);
    function update() {
      var minutes = Math.ceil((startsAt - Date.now()) / 60000);
      if (minutes <= 0) {
        countdown.textContent = " It is starting now: reload the page to watch.";
        return;
      }
      var days = Math.floor(minutes / 1440);
      var hours = Math.floor((minutes % 1440) / 60);
      var parts = [];
      if (days) parts.push(plural(days, "day"));
      if (hours) parts.push(plural(hours, "hour"));
      if (!days && minutes % 60) parts.push(plural(minutes % 60, "minute"));
      countdown.textContent = " That is in " + parts.join(" ") + ".";
      window.setTimeout(update, 30000);
    }
    update();
  }

  function setUp() {
    document.querySelectorAll("[data-video-player]").forEach(enhance);
    document.querySelectorAll("time[data-countdown]").forEach(startCountdown);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
