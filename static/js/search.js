// Autocomplete for the search box, following the ARIA 1.2 combobox pattern (list popup):
// type to get suggestions, ArrowDown/ArrowUp to move, Enter to choose, Escape to close.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-suggestions");
  var status = document.getElementById("search-suggestions-status");
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute("data-autocomplete-url");
  var active = -1;
  var timer = null;
  var lastRequested = "";

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(text) {
    input.value = text;
    close();
    input.form.submit();
  }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function show(suggestions) {
    list.innerHTML = "";
    active = -1;
    if (!suggestions.length) { close(); status.textContent = ""; return; }
    suggestions.forEach(function (text, i) {
      var item = document.createElement("li");
      item.id = "search-suggestion-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = text;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(text); });
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    // The sentence comes translated from the page (data-one-suggestion / data-suggestions).
    status.textContent = suggestions.length === 1
      ? input.getAttribute("data-one-suggestion")
      : input.getAttribute("data-suggestions").replace("{count}", suggestions.length);
  }

  function request() {
    var value = input.value.trim();
    if (value.length < 2) { close(); return; }
    lastRequested = value;
    fetch(url + "?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (input.value.trim() === lastRequested) show(data.suggestions || []); })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(request, 150);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) { request(); } else { highlight(active + 1); }
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options()[active].textContent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
