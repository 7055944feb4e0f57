import { html, safeHref } from './html.mjs';
import { layout } from './layout.mjs';
import { formatTime, isoTime } from './format.mjs';

/**
 * The dev mailbox: every email and SMS the LoginRadius emulator "sent",
 * newest first. Development only; it is never mounted with a real API key.
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {import('passport-loginradius-passwordless/emulator').OutboxMessage[]} data.messages Newest first.
 * @param {boolean} data.codePending Whether this browser is waiting for an SMS code.
 * @param {string} [data.error] Why the messages could not be read.
 */
export function mailboxPage({ site, messages, codePending, error }) {
  const body = html`
    <div class="callout callout-dev" role="note">
      <p>
        <strong>Development only.</strong> This page shows what the LoginRadius emulator would have
        emailed or texted. It does not exist when the app talks to LoginRadius itself.
      </p>
    </div>
    <p class="toolbar">
      <a class="button secondary" href="/dev/mailbox">Refresh</a>
      ${codePending && html`<a href="/enter-code">Back to “Enter your code”</a>`}
      <a href="/">Back to sign-in</a>
    </p>
    ${error && html`<p class="alert alert-error" role="alert">${error}</p>`}
    ${
      messages.length === 0
        ? html`<p class="empty">Nothing sent yet. Ask for a link or a code on the sign-in page.</p>`
        : html`<ol class="messages" aria-label="Messages, newest first">
            ${messages.map(messageItem)}
          </ol>`
    }
  `;
  return layout({ site, title: 'Dev mailbox', body });
}

function messageItem(message, index) {
  const id = `message-${index}`;
  const href = safeHref(message.link);
  return html`<li class="message" data-to="${message.to}" data-kind="${message.kind}">
    <article aria-labelledby="${id}">
      <header class="message-header">
        <h2 id="${id}">${title(message)}</h2>
        <p>
          to <strong>${message.to}</strong> ·
          <time datetime="${isoTime(message.sentAt)}">${formatTime(message.sentAt)}</time>
          ${message.template && html` · template <code>${message.template}</code>`}
        </p>
      </header>
      ${
        href &&
        html`<p><a class="button open-link" href="${href}">Open sign-in link</a></p>
          <p class="url"><code>${href}</code></p>`
      }
      ${message.otp && html`<p class="code" aria-label="Code">${message.otp}</p>`}
    </article>
  </li>`;
}

function title(message) {
  switch (message.kind) {
    case 'passwordless_link':
      return 'Sign-in link (email)';
    case 'passwordless_otp':
      return message.voice ? 'Sign-in code (voice call)' : 'Sign-in code (SMS)';
    case 'welcome':
      return 'Welcome email';
    default:
      return 'Message';
  }
}
