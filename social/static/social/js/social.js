// "Load more" on the social feed: fetch the next page's posts and add them in place, then move focus to the
// first new post so keyboard and screen-reader users carry on from there. Without JavaScript the link simply
// opens that page.
(function () {
  "use strict";

  function fragmentUrl(href) {
    const url = new URL(href, window.location.href);
    url.searchParams.set("fragment", "1");
    return url;
  }

  async function loadMore(link) {
    const feed = link.closest(".social-feed");
    const list = feed && feed.querySelector(".social-feed__posts");
    if (!list) {
      window.location.assign(link.href);
      return;
    }
    link.setAttribute("aria-busy", "true");
    let html;
    try {
      const response = await fetch(fragmentUrl(link.href), { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      html = await response.text();
    } catch {
      window.location.assign(link.href);
      return;
    }
    const fragment = new DOMParser().parseFromString(html, "text/html");
    const posts = Array.from(fragment.querySelectorAll(".social-feed__posts > li"));
    posts.forEach((post) => list.append(document.adoptNode(post)));

    const next = fragment.querySelector("[data-social-more]");
    if (next) {
      link.setAttribute("href", next.getAttribute("href"));
      link.removeAttribute("aria-busy");
    } else {
      link.closest(".social-feed__more").remove();
    }
    if (posts.length) {
      posts[0].setAttribute("tabindex", "-1");
      posts[0].focus();
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-social-more]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    loadMore(link);
  });
})();
