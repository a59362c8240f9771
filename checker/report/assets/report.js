(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var items = document.querySelectorAll("[data-sev]");
  var search = form.querySelector("input[type=search]");
  var count = document.getElementById("shown");
  function ticked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function any(words, on) {
    return words.split(" ").some(function (word) { return on[word]; });
  }
  function apply() {
    var sev = ticked("sev"), kind = ticked("kind");
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el) {
      var show = any(el.getAttribute("data-sev"), sev) &&
        any(el.getAttribute("data-kind"), kind) &&
        (!query || el.textContent.toLowerCase().indexOf(query) >= 0);
      el.classList.toggle("hidden", !show);
      if (show && el.tagName === "LI") { shown += 1; }
    });
    if (count) { count.textContent = String(shown); }
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
