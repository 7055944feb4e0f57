import { html } from './html.mjs';
import { alert, layout } from './layout.mjs';
import { formatTime, isoTime } from './format.mjs';

/**
 * The pages between asking and being signed in: "check your inbox" and
 * "enter your code". The confirm step of a link is in confirm.mjs.
 */

/**
 * "Check your inbox": the link is on its way; with an emailed code, a field for
 * it; with a cross-device sign-in, the number to type on the other device and
 * a wait for that device to finish (public/check-inbox.js asks every 2 s; the
 * "Check again" button does the same without script).
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} [data.codeAction] Where a code from the email is posted (`emailCode`).
 * @param {string} [data.match] The number to type on the other device.
 * @param {string} [data.statusUrl] Where to ask whether the other device finished.
 * @param {'pending' | 'signed_in' | 'expired' | 'none'} [data.status]
 * @param {string} [data.error] A message to show as an alert.
 * @param {ResendOffer} [data.resend] "Send me a new link", after a failed code.
 */
export function checkInboxPage({ site, codeAction, match, statusUrl, status, error, resend }) {
  const { t } = site;
  const crossDevice = match !== undefined && statusUrl !== undefined;
  const waiting = crossDevice && (status === 'pending' || status === 'signed_in');
  const body = html`
    <p class="lede" role="status">
      ${t(crossDevice ? 'page.linkSent.leadCrossDevice' : 'page.linkSent.lead')}
    </p>
    ${alert(error)} ${resend && resendForm(site, resend)}
    ${
      crossDevice &&
      html`<div class="card narrow other-device">
        <p>
          ${t.html('page.linkSent.match', {
            number: html`<strong id="match" class="match">${match}</strong>`,
          })}
        </p>
        <p
          id="cross-device-status"
          role="status"
          data-status-url="${statusUrl}"
          data-expired-text="${t('page.linkSent.expired')}"
        >
          ${t(waiting ? 'page.linkSent.waiting' : 'page.linkSent.expired')}
        </p>
        ${
          waiting &&
          html`<form id="check-again" method="get" action="${statusUrl}">
            <input type="hidden" name="back" value="/auth/link/sent" />
            <button type="submit" class="secondary">${t('page.linkSent.checkAgain')}</button>
          </form>`
        }
      </div>`
    }
    ${
      codeAction &&
      html`<form id="email-code-form" class="card narrow" method="post" action="${codeAction}">
        <p>${t('page.linkSent.codeIntro')}</p>
        <label for="otp">${t('page.linkSent.codeLabel')}</label>
        ${codeInput({ autofocus: false })}
        <button type="submit">${t('page.linkSent.codeButton')}</button>
        <p class="hint">${t('page.linkSent.orClick')}</p>
      </form>`
    }
    ${
      site.mailbox &&
      html`<div class="callout callout-dev">
        <p>${t(codeAction ? 'checkInbox.devNoteCode' : 'checkInbox.devNote')}</p>
        <p>
          <a id="open-mailbox" class="button" href="/dev/mailbox">${t('checkInbox.openMailbox')}</a>
        </p>
      </div>`
    }
    <p><a href="/">${t('page.error.backToSignIn')}</a></p>
  `;
  const scripts = waiting ? ['/public/check-inbox.js'] : [];
  if (resend) scripts.push('/public/resend-cooldown.js');
  return layout({ site, title: t('page.linkSent.title'), body, scripts });
}

/**
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} data.phone The number the code was sent to (E.164).
 * @param {boolean} data.voice The code is read out by a call.
 * @param {number} data.sentAt When the code was sent (ms since the epoch).
 * @param {number} data.waitSeconds Seconds until a new code may be asked for.
 * @param {boolean} data.voiceCalls Whether "Call me instead" is on offer.
 * @param {string} [data.error] A message to show as an alert.
 */
export function enterCodePage({ site, phone, voice, sentAt, waitSeconds, voiceCalls, error }) {
  const { t } = site;
  const body = html`
    <p class="lede" role="status">
      ${t.html(voice ? 'enterCode.leadVoice' : 'enterCode.lead', {
        phone: html`<strong>${phone}</strong>`,
        time: html`<time datetime="${isoTime(sentAt)}">${formatTime(sentAt, site.lang)}</time>`,
      })}
    </p>
    ${alert(error)}
    <form id="otp-form" class="card narrow" method="post" action="/auth/otp/verify">
      <label for="otp">${t('page.otpSent.codeLabel')}</label>
      ${codeInput({ autofocus: true })}
      <button type="submit">${t('page.otpSent.button')}</button>
    </form>
    <div class="resend">
      <div class="resend-buttons">
        ${resendCodeForm({ name: 'resend', label: t('page.otpSent.resend'), waitSeconds })}
        ${
          voiceCalls &&
          resendCodeForm({
            name: 'voice',
            label: t('page.otpSent.voice'),
            waitSeconds,
            voice: true,
          })
        }
      </div>
      ${cooldownLines(site, waitSeconds, 'Code')}
    </div>
    <p>
      ${
        site.mailbox &&
        html`${t.html('enterCode.devNote', {
          mailbox: html`<a href="/dev/mailbox">${t('site.devBannerMailbox')}</a>`,
        })}
        · `
      }
      <a href="/">${t('enterCode.otherNumber')}</a>
    </p>
  `;
  return layout({
    site,
    title: t('page.otpSent.title'),
    body,
    scripts: ['/public/resend-cooldown.js'],
  });
}

/**
 * "Send me a new link (or code)" for this browser's sign-in in progress.
 *
 * @typedef {object} ResendOffer
 * @property {'email' | 'sms'} channel
 * @property {string} recipient Where it goes, masked.
 * @property {number} waitSeconds Seconds until the send cooldown allows it.
 *
 * @param {import('./layout.mjs').Site} site
 * @param {ResendOffer} offer
 */
export function resendForm(site, offer) {
  const { t } = site;
  const email = offer.channel === 'email';
  return html`<form
    id="resend-form"
    class="card narrow resend"
    method="post"
    action="${email ? '/auth/link' : '/auth/otp'}"
  >
    <input type="hidden" name="resend" value="1" />
    <p>${t('page.error.resendTo', { recipient: offer.recipient })}</p>
    <button id="resend-button" type="submit" data-wait-seconds="${offer.waitSeconds}">
      ${t(email ? 'page.error.resendLink' : 'page.error.resendCode')}
    </button>
    ${cooldownLines(site, offer.waitSeconds, email ? 'Link' : 'Code')}
  </form>`;
}

/**
 * A "send me a new code" button (by SMS, or by a call with `voice`), disabled by
 * public/resend-cooldown.js until `waitSeconds` have passed.
 * @param {{ name: string, label: string, waitSeconds: number, voice?: boolean }} options
 */
function resendCodeForm({ name, label, waitSeconds, voice = false }) {
  return html`<form id="${name}-form" method="post" action="/auth/otp">
    <input type="hidden" name="resend" value="1" />
    ${voice && html`<input type="hidden" name="voice" value="1" />`}
    <button id="${name}-button" class="secondary" type="submit" data-wait-seconds="${waitSeconds}">
      ${label}
    </button>
  </form>`;
}

/**
 * The wait before a resend, counted down by public/resend-cooldown.js, which
 * reads the words for "ready" from the data attributes.
 */
function cooldownLines(site, waitSeconds, what) {
  const { t } = site;
  const ready = t(`resend.ready${what}`);
  return html`<p
      id="resend-wait"
      class="hint"
      data-ready-text="${ready}"
      data-announce-text="${t(`resend.announce${what}`)}"
    >
      ${
        waitSeconds > 0
          ? t.html(`resend.wait${what}`, {
              seconds: html`<span id="resend-seconds">${waitSeconds}</span>`,
            })
          : ready
      }
    </p>
    <p id="resend-ready" class="visually-hidden" aria-live="polite"></p>`;
}

/**
 * The one-time code field, as on both pages that take a code (digits only, so
 * phones offer the number pad and the SMS's code).
 * @param {{ autofocus: boolean }} options Focused where the code is the page's one task.
 */
function codeInput({ autofocus }) {
  return html`<input
    id="otp"
    name="otp"
    class="code-input"
    inputmode="numeric"
    autocomplete="one-time-code"
    pattern="[0-9]{4,10}"
    maxlength="10"
    required
    ${autofocus ? html`autofocus` : ''}
  />`;
}
