// Lists Content-Security-Policy violations on the strict CSP test page.
// Loaded (deferred) before the widget so that the widget's violations are caught too.
(function () {
  var status = document.getElementById("csp-status");
  var log = document.getElementById("csp-log");
  var count = 0;

  document.addEventListener("securitypolicyviolation", function (e) {
    count += 1;
    if (status) {
      status.className = "status-bad";
      status.textContent = count + (count === 1 ? " violation" : " violations") + " recorded. See the list below and the console.";
    }
    if (log) {
      var item = document.createElement("li");
      var where = e.sourceFile ? " in " + e.sourceFile + (e.lineNumber ? ":" + e.lineNumber : "") : "";
      item.textContent = (e.effectiveDirective || e.violatedDirective) + " blocked " + (e.blockedURI || "(unknown)") + where;
      log.appendChild(item);
    }
  }, true);
})();
