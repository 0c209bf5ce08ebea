// Hostile page test: the Accept button removes the cookie banner (reload to bring it back).
(function () {
  var button = document.getElementById("cookie-accept");
  var banner = document.getElementById("cookie-banner");
  if (button && banner) {
    button.addEventListener("click", function () {
      banner.remove();
    });
  }
})();
