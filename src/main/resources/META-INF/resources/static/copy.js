// Copy buttons: <button data-copy="ID" data-status="ID" hidden> copies the text of the first element to the
// clipboard and says so in the second (a live region). Without this script the buttons stay hidden and the
// text is selected by hand. No framework.
(function () {
  "use strict";
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copy(event) {
    var button = event.currentTarget;
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    var text = source.textContent.trim();
    function say(copied) {
      status.textContent = copied ? "Copied." : "Could not copy: the token is selected, copy it with your keyboard or menu.";
    }
    function fallback() {
      selectText(source);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      say(copied);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(true); }, fallback);
    } else {
      fallback();
    }
  }
  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", copy);
  }
})();
