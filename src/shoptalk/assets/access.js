/* Shoptalk: accessible names for controls the theme and the task lists leave unnamed,
   so a screen reader says what each one is. Never changes what is shown. */
(function () {
  function name(element, label) {
    if (!element || !label || element.hasAttribute("aria-label") ||
        element.hasAttribute("aria-labelledby")) return;
    element.setAttribute("aria-label", label);
  }
  // A checklist box is named by its item's own text (not by the items nested under it).
  function itemText(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("ul, ol, .task-list-control").forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function init() {
    name(document.querySelector('.md-search[role="dialog"]'), "Search");
    name(document.querySelector('.md-progress[role="progressbar"]'), "Loading the page");
    document.querySelectorAll('.task-list-item input[type="checkbox"]').forEach(function (box) {
      var item = box.closest(".task-list-item");
      if (item) name(box, itemText(item));
    });
  }
  // Material switches the palette on Enter only; Space, the key that works a control, does the
  // same (by itself it would check the radio of the scheme already shown, and nothing changes).
  function isPaletteOption(target) {
    return target instanceof Element && target.matches(".md-option");
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== " " || !isPaletteOption(event.target)) return;
    event.preventDefault();
    event.target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key === " " && isPaletteOption(event.target)) event.preventDefault();
  }, true);
  // At once (the script loads after the page's content) and again on each instant navigation.
  init();
  if (typeof document$ !== "undefined") document$.subscribe(init);
})();
