// The start form: fills the address (slug) from the title as the host types, until the host edits the
// address. The server makes the same suggestion when the address is left empty (series.Slugs). No framework.
(function () {
  "use strict";
  var title = document.getElementById("title");
  var slug = document.getElementById("slug");
  if (!title || !slug) { return; }
  function fromTitle(text) {
    var plain = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if (plain.length <= 64) { return plain; }
    var cut = plain.slice(0, 64);
    if (plain.charAt(64) === "-") { return cut; }
    var hyphen = cut.lastIndexOf("-");
    return (hyphen > 0 ? cut.slice(0, hyphen) : cut).replace(/-$/, "");
  }
  var following = slug.value === "" || slug.value === fromTitle(title.value);
  slug.addEventListener("input", function () { following = slug.value === ""; });
  title.addEventListener("input", function () {
    if (following) { slug.value = fromTitle(title.value); }
  });
})();
