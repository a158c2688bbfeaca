// A long list of checkboxes (the 75 themes on the tip form) becomes usable: a search box above
// the list hides the options that do not match what you type (chosen ones always stay
// visible), and a status line says how many are shown and chosen. Without JavaScript the
// list is a scrollable box of ordinary checkboxes (see .choice-list in site.css).
//
// Markup: a form with data-choice-filter, data-choice-filter-label (the search box's label)
// and data-choice-filter-status (with {shown}, {total} and {chosen}). Every fieldset in it
// with more than 12 checkboxes is enhanced.
(function () {
  "use strict";
  var MINIMUM = 12;

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function enhance(form, fieldset, index) {
    var boxes = fieldset.querySelectorAll("input[type=checkbox]");
    if (boxes.length <= MINIMUM) return;
    var options = Array.prototype.map.call(boxes, function (box) {
      var label = fieldset.querySelector("label[for='" + box.id + "']") || box.closest("label");
      return { box: box, row: box.closest("div") || box.parentNode, text: normalise(label ? label.textContent : box.value) };
    });
    var list = options[0].row.parentNode;

    var wrapper = document.createElement("div");
    wrapper.className = "choice-filter";
    var label = document.createElement("label");
    label.className = "utrecht-form-label";
    label.htmlFor = "choice-filter-" + index;
    label.textContent = form.getAttribute("data-choice-filter-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = label.htmlFor;
    input.className = "utrecht-textbox utrecht-textbox--html-input choice-filter__input";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-controls", list.id || "");
    var status = document.createElement("p");
    status.className = "choice-filter__status";
    status.id = "choice-filter-status-" + index;
    status.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", status.id);
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    wrapper.appendChild(status);
    list.parentNode.insertBefore(wrapper, list);

    var template = form.getAttribute("data-choice-filter-status") || "{shown}/{total}, {chosen}";
    function update() {
      var query = normalise(input.value);
      var shown = 0;
      var chosen = 0;
      options.forEach(function (option) {
        var visible = option.box.checked || query === "" || option.text.indexOf(query) !== -1;
        option.row.hidden = !visible;
        if (visible) shown += 1;
        if (option.box.checked) chosen += 1;
      });
      status.textContent = template
        .replace("{shown}", shown)
        .replace("{total}", options.length)
        .replace("{chosen}", chosen);
    }
    input.addEventListener("input", update);
    // Enter in the search box must not send the form half-filled.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    fieldset.addEventListener("change", update);
    update();
  }

  var forms = document.querySelectorAll("form[data-choice-filter]");
  var count = 0;
  Array.prototype.forEach.call(forms, function (form) {
    Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (fieldset) {
      enhance(form, fieldset, count++);
    });
  });
})();
