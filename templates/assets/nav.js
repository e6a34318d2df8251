// The phone menu's button. Loaded in <head> without `defer`, so the page is
// marked before it is drawn and the menu folds without moving anything
// (no layout shift); without this script the whole menu shows as a grid.
(function () {
  var root = document.documentElement;
  root.classList.add("has-menu-button");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var nav = document.querySelector(".site-nav");
    if (!button || !nav) { root.classList.remove("has-menu-button"); return; }
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and gives the focus back to its button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  });
})();
