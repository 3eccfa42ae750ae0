// Preselects the browser's time zone in a fresh registration form (not one sent back with errors,
// where the zone is the one chosen). The form works without this script: the server's guess is the
// zone of the series' newest assignment.
(function () {
  var select = document.getElementById('timeZone');
  var name = document.getElementById('name');
  if (!select || !name || name.value !== '') {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.selectedIndex = i;
      return;
    }
  }
})();
