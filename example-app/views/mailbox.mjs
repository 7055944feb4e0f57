import { html, safeHref } from './html.mjs';
import { layout } from './layout.mjs';
import { formatTime, isoTime } from './format.mjs';

/**
 * The dev mailbox: every email, SMS and voice call the LoginRadius emulator
 * "sent", newest first, with each link and code. Development only; it is never
 * mounted with a real API key.
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {import('passport-loginradius-passwordless/emulator').OutboxMessage[]} data.messages Newest first.
 * @param {'sms' | 'email' | undefined} data.pending This browser's sign-in in progress, if any.
 * @param {string} [data.error] Why the messages could not be read.
 */
export function mailboxPage({ site, messages, pending, error }) {
  const { t } = site;
  const body = html`
    <div class="callout callout-dev" role="note">
      <p><strong>${t('mailbox.devOnlyTitle')}</strong> ${t('mailbox.devOnly')}</p>
    </div>
    <p class="toolbar">
      <a class="button secondary" href="/dev/mailbox">${t('mailbox.refresh')}</a>
      ${pending === 'sms' && html`<a href="/enter-code">${t('mailbox.backToCode')}</a>`}
      ${pending === 'email' && html`<a href="/check-inbox">${t('mailbox.backToInbox')}</a>`}
      <a href="/">${t('page.error.backToSignIn')}</a>
    </p>
    ${error && html`<p class="alert alert-error" role="alert">${error}</p>`}
    ${
      messages.length === 0
        ? html`<p class="empty">${t('mailbox.empty')}</p>`
        : html`<ol class="messages" aria-label="${t('mailbox.list')}">
            ${messages.map((message, index) => messageItem(site, message, index))}
          </ol>`
    }
  `;
  return layout({ site, title: t('mailbox.title'), body });
}

function messageItem(site, message, index) {
  const { t } = site;
  const id = `message-${index}`;
  const href = safeHref(message.link);
  const voice = message.channel === 'voice' || message.voice === true;
  return html`<li
    class="message"
    data-to="${message.to}"
    data-kind="${message.kind}"
    data-channel="${message.channel}"
  >
    <article aria-labelledby="${id}">
      <div class="message-header">
        <h2 id="${id}">
          ${t(titleKey(message, voice))}${voice && html` <span class="tag">${t('mailbox.voiceTag')}</span>`}
        </h2>
        <p>
          ${t.html('mailbox.to', { to: html`<strong>${message.to}</strong>` })} ·
          <time datetime="${isoTime(message.sentAt)}"
            >${formatTime(message.sentAt, site.lang)}</time
          >
          ${message.template && html` · ${t.html('mailbox.template', { name: html`<code>${message.template}</code>` })}`}
        </p>
      </div>
      ${
        href &&
        html`<p><a class="button open-link" href="${href}">${t('mailbox.openLink')}</a></p>
          <p class="url"><code>${href}</code></p>`
      }
      ${
        message.otp &&
        html`<p class="code-line">
          <span class="code-label">${t('mailbox.code')}</span>
          <span class="code">${message.otp}</span>
        </p>`
      }
    </article>
  </li>`;
}

function titleKey(message, voice) {
  switch (message.kind) {
    case 'passwordless_link':
      return message.otp ? 'mailbox.linkAndCode' : 'mailbox.link';
    case 'passwordless_otp':
      if (message.channel === 'email') return 'mailbox.emailCode';
      return voice ? 'mailbox.voiceCode' : 'mailbox.smsCode';
    case 'welcome':
      return 'mailbox.welcome';
    default:
      return 'mailbox.other';
  }
}
