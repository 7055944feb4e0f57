// "Check your inbox" waits for a cross-device sign-in: every 2 s it asks
// GET /auth/link/status (JSON) whether the other device finished. On
// `signed_in` that answer has already signed this browser in, and the page goes
// on to `returnTo`; on `expired` it says so (in the page's language, from
// data-expired-text) and stops. Without this script, "Check again" asks the same.
(function checkInbox() {
  const status = document.getElementById('cross-device-status');
  if (!status || typeof window.fetch !== 'function') return;
  const url = status.getAttribute('data-status-url');
  const checkAgain = document.getElementById('check-again');
  const INTERVAL_MS = 2000;

  function sameSite(target) {
    try {
      const next = new URL(target, window.location.href);
      return next.origin === window.location.origin ? next.href : '/';
    } catch {
      return '/';
    }
  }

  function ask() {
    window
      .fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => response.json())
      .then((answer) => {
        if (answer.status === 'signed_in') {
          window.location.assign(sameSite(answer.returnTo || '/'));
        } else if (answer.status === 'pending') {
          window.setTimeout(ask, INTERVAL_MS);
        } else if (answer.status === 'expired') {
          status.textContent = status.getAttribute('data-expired-text');
          if (checkAgain) checkAgain.hidden = true;
        } else if (answer.error) {
          // Limited or unavailable for a moment: ask again, a little later.
          window.setTimeout(ask, INTERVAL_MS * 2);
        }
        // `none`: this browser has no such sign-in any more; nothing to wait for.
      })
      .catch(() => window.setTimeout(ask, INTERVAL_MS));
  }
  window.setTimeout(ask, INTERVAL_MS);
})();
