// The resend cooldown of "Send a new code", "Call me instead" and "Send me a new
// link": counts the seconds down and keeps those buttons disabled until the
// server will accept another send. Without this script the page still says how
// long to wait, and an early resend is refused with a message. The words come
// from the page (data-ready-text, data-announce-text), in its language.
(function resendCooldown() {
  const buttons = document.querySelectorAll('button[data-wait-seconds]');
  const seconds = document.getElementById('resend-seconds');
  const wait = document.getElementById('resend-wait');
  const ready = document.getElementById('resend-ready');
  if (buttons.length === 0 || !wait || !ready) return;
  const availableAt = Date.now() + Number(buttons[0].getAttribute('data-wait-seconds')) * 1000;
  const setDisabled = (disabled) => {
    for (const button of buttons) button.disabled = disabled;
  };
  let timer;
  function tick() {
    const left = Math.ceil((availableAt - Date.now()) / 1000);
    if (left > 0) {
      setDisabled(true);
      if (seconds) seconds.textContent = String(left);
      return;
    }
    window.clearInterval(timer);
    setDisabled(false);
    if (seconds) {
      wait.textContent = wait.getAttribute('data-ready-text');
      // Announced once, rather than every second of the countdown.
      ready.textContent = wait.getAttribute('data-announce-text');
    }
  }
  timer = window.setInterval(tick, 250);
  tick();
})();
