/* The portal's only script: "print" buttons ([data-print]). Kept in a file, not in onclick attributes,
   so that the Content-Security-Policy of public pages can forbid every inline script. */
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) {
    window.print();
  }
});
