// Copy buttons of the token boxes (templates/tags/tokenBox.html): <button data-copy="ID" hidden> copies
// the text of the element ID. The button stays hidden without this script; the token is still text a
// click selects whole. No framework.
(function () {
  "use strict";
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copy(node) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(node.textContent);
    }
    // Plain http on another host has no clipboard API: the older way, through the selection.
    select(node);
    try {
      return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("not copied"));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  function enable(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!target || !status) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(target).then(function () {
        status.textContent = "Copied.";
      }, function () {
        select(target);
        status.textContent = "Selected: copy it with Ctrl+C (⌘C on a Mac).";
      });
    });
  }
  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) { enable(buttons[i]); }
})();
