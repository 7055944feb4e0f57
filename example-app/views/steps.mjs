import { html } from './html.mjs';
import { alert, layout } from './layout.mjs';
import { formatTime, isoTime } from './format.mjs';

/**
 * The pages between asking and being signed in: "check your inbox", "enter
 * your code" and the confirm step of an email link.
 */

/** @param {{ site: import('./layout.mjs').Site }} data */
export function checkInboxPage({ site }) {
  const body = html`
    <p class="lede" role="status">
      If an account matches, we have emailed it a sign-in link. The link works once; open it in this
      browser.
    </p>
    ${
      site.mailbox &&
      html`<div class="callout callout-dev">
        <p>Development mode: nothing was emailed. The link is in the dev mailbox.</p>
        <p><a id="open-mailbox" class="button" href="/dev/mailbox">Open the dev mailbox</a></p>
      </div>`
    }
    <p><a href="/">Back to sign-in</a></p>
  `;
  return layout({ site, title: 'Check your inbox', body });
}

/**
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} data.phone The number the code was sent to (as the person typed it, normalized).
 * @param {number} data.sentAt When the code was sent (ms since the epoch).
 * @param {number} data.waitSeconds Seconds until "send a new code" is allowed.
 * @param {string} [data.error] A message to show as an alert.
 */
export function enterCodePage({ site, phone, sentAt, waitSeconds, error }) {
  const body = html`
    <p class="lede" role="status">
      If <strong>${phone}</strong> belongs to an account, we texted it a code at
      <time datetime="${isoTime(sentAt)}">${formatTime(sentAt)}</time>. The code works once.
    </p>
    ${alert(error)}
    <form id="otp-form" class="card narrow" method="post" action="/auth/otp/verify">
      <label for="otp">Code</label>
      <input
        id="otp"
        name="otp"
        class="code-input"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9]{4,10}"
        maxlength="10"
        required
        autofocus
      />
      <button type="submit">Sign in</button>
    </form>
    <form id="resend-form" class="resend" method="post" action="/auth/otp">
      <input type="hidden" name="resend" value="1" />
      <button id="resend-button" class="secondary" type="submit" data-wait-seconds="${waitSeconds}">
        Send a new code
      </button>
      ${
        waitSeconds > 0
          ? html`<p id="resend-wait" class="hint">
              You can ask for a new code in <span id="resend-seconds">${waitSeconds}</span> seconds.
            </p>`
          : html`<p id="resend-wait" class="hint">Did not get it? You can ask for a new code.</p>`
      }
      <p id="resend-ready" class="visually-hidden" aria-live="polite"></p>
    </form>
    <p>
      ${
        site.mailbox &&
        html`Development mode: the code is in the <a href="/dev/mailbox">dev mailbox</a>. · `
      }
      <a href="/">Use a different number</a>
    </p>
  `;
  return layout({ site, title: 'Enter your code', body, scripts: ['/public/resend-cooldown.js'] });
}

/**
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} data.action Where the form posts (the verify router's POST /callback).
 * @param {Record<string, string>} [data.hidden] The link's token, as hidden fields.
 */
export function confirmPage({ site, action, hidden = {} }) {
  const body = html`
    <p class="lede">You opened a sign-in link. Press the button to sign in on this device.</p>
    <form id="confirm-form" class="confirm" method="post" action="${action}">
      ${Object.entries(hidden).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
      )}
      <button type="submit" autofocus>Sign in</button>
    </form>
    <p class="hint">
      We ask first because email scanners open links: opening the link alone signs nobody in.
    </p>
  `;
  return layout({ site, title: 'Finish signing in', body });
}
