// Keeps "closes in …" texts current without reloading: elements <time data-countdown datetime="…">.
// The server renders the same words; this looks every 30 seconds and changes the text only when the
// words change (minutes at the finest), because its container is an aria-live region: screen
// readers hear it at most once a minute. No framework.
(function () {
  "use strict";
  function relative(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes === 0) { return "now"; }
    var units = [[1440, "day"], [60, "hour"], [1, "minute"]], parts = [];
    for (var i = 0; i < units.length && parts.length < 2; i++) {
      var n = Math.floor(minutes / units[i][0]);
      minutes = minutes % units[i][0];
      if (n > 0) { parts.push(n + " " + units[i][1] + (n === 1 ? "" : "s")); } else if (parts.length) { break; }
    }
    var text = parts.join(", ");
    return ms >= 0 ? "in " + text : text + " ago";
  }
  function refresh() {
    var nodes = document.querySelectorAll("time[data-countdown='open']");
    for (var i = 0; i < nodes.length; i++) {
      var left = Date.parse(nodes[i].getAttribute("datetime")) - Date.now();
      var text = left >= 0 ? "closes " + relative(left) : "closed " + relative(left) + " (reload for late entries)";
      if (nodes[i].textContent !== text) { nodes[i].textContent = text; }
    }
  }
  refresh();
  setInterval(refresh, 30000);
})();
