// The enter-code page's "Send a new code" cooldown: counts the seconds down and
// keeps the button disabled until the server will accept a resend. Without this
// script the page still says how long to wait, and an early resend is refused
// with a message.
(function resendCooldown() {
  const button = document.getElementById('resend-button');
  const seconds = document.getElementById('resend-seconds');
  const wait = document.getElementById('resend-wait');
  const ready = document.getElementById('resend-ready');
  if (!button || !seconds || !wait || !ready) return;
  const availableAt = Date.now() + Number(button.getAttribute('data-wait-seconds')) * 1000;
  let timer;
  function tick() {
    const left = Math.ceil((availableAt - Date.now()) / 1000);
    if (left > 0) {
      button.disabled = true;
      seconds.textContent = String(left);
      return;
    }
    window.clearInterval(timer);
    button.disabled = false;
    wait.textContent = 'Did not get it? You can ask for a new code.';
    // Announced once, rather than every second of the countdown.
    ready.textContent = 'You can now ask for a new code.';
  }
  timer = window.setInterval(tick, 250);
  tick();
})();
