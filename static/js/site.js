// Site-wide progressive enhancement; every page works without it.
//
// 1. Compact menu: on narrow screens the menu, search and account links fold behind a
//    "Menu" button (a disclosure: aria-expanded on the button, Escape closes it).
// 2. Filters: <details data-open-on-wide open> stays open on wide screens, where there is room
//    for the filters next to the results, and is closed on phones, so results come first.
//    The HTML has it open, so wide screens never depend on this script having run.
//
// Loaded in <head> without `defer`, so its first line runs before the first paint: the class
// "js" on <html> lets the CSS fold the menu and the filters from the start (site.css,
// practices.css). Folding them after the page had been drawn moved everything below them up
// (Lighthouse: layout shift 0.34 on every page on a phone, 0.85 on the listing). The rest
// waits for the document.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 48rem)");

  function compactMenu(header) {
    var toggle = header.querySelector(".site-menu-toggle");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("site-menu--open", open);
    }
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && NARROW.matches && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
    setOpen(false);
  }

  function openFiltersOnWideScreens() {
    var disclosures = document.querySelectorAll("details[data-open-on-wide]");
    function apply() {
      for (var i = 0; i < disclosures.length; i++) disclosures[i].open = !NARROW.matches;
    }
    apply();
    for (var i = 0; i < disclosures.length; i++) disclosures[i].classList.add("disclosure--ready");
    if (NARROW.addEventListener) NARROW.addEventListener("change", apply);
  }

  var header = document.querySelector("[data-compact-menu]");
  if (header) compactMenu(header);
  openFiltersOnWideScreens();
});
