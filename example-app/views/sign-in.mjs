import { html } from './html.mjs';
import { alert, layout, notice } from './layout.mjs';

/**
 * The sign-in page: three clearly separated ways in (email, username, phone),
 * each its own labelled form, and on the emulator the demo accounts.
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {string} [data.error] A message to show as an alert.
 * @param {string} [data.notice] A message to show as a status.
 * @param {DemoAccount[]} [data.demoAccounts] Accounts to list (emulator only).
 *
 * @typedef {object} DemoAccount
 * @property {string} email
 * @property {string} [name]
 * @property {string} [username]
 * @property {string} [phone]
 * @property {boolean} phoneVerified
 * @property {boolean} blocked
 */
export function signInPage({ site, error, notice: status, demoAccounts = [] }) {
  const { t } = site;
  const body = html`
    <p class="lede">${t('signIn.lede')}</p>
    ${alert(error)} ${notice(status)}
    <div class="methods">
      <section class="card" aria-labelledby="by-email">
        <h2 id="by-email">${t('signIn.emailHeading')}</h2>
        <form id="email-form" method="post" action="/auth/link">
          <label for="email">${t('signIn.emailLabel')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            maxlength="254"
            required
          />
          <button type="submit">${t('signIn.emailButton')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="by-username">
        <h2 id="by-username">${t('signIn.usernameHeading')}</h2>
        <form id="username-form" method="post" action="/auth/link">
          <label for="username">${t('signIn.usernameLabel')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby="username-hint"
            required
          />
          <p id="username-hint" class="hint">${t('signIn.usernameHint')}</p>
          <button type="submit">${t('signIn.usernameButton')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="by-phone">
        <h2 id="by-phone">${t('signIn.phoneHeading')}</h2>
        <form id="phone-form" method="post" action="/auth/otp">
          <label for="phone">${t('signIn.phoneLabel')}</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            aria-describedby="phone-hint"
            required
          />
          <p id="phone-hint" class="hint">${t('signIn.phoneHint', { example: '+14155550101' })}</p>
          <button type="submit">${t('signIn.phoneButton')}</button>
        </form>
      </section>
    </div>
    ${demoAccounts.length > 0 && demoAccountsTable(site, demoAccounts)}
  `;
  return layout({ site, title: t('signIn.title'), body });
}

function demoAccountsTable(site, accounts) {
  const { t } = site;
  // The section is no landmark of its own: the scrolling table below is the
  // one region named "Demo accounts" (two would be a duplicated landmark).
  return html`<section class="demo-accounts">
    <h2 id="demo-accounts">${t('demo.heading')}</h2>
    <p>
      ${
        site.mailbox
          ? t.html('demo.intro', {
              mailbox: html`<a href="/dev/mailbox">${t('site.devBannerMailbox')}</a>`,
            })
          : t('demo.introNoMailbox')
      }
      ${t('demo.sameAnswer')}
    </p>
    <div class="table-scroll" role="region" aria-labelledby="demo-accounts" tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('demo.name')}</th>
            <th scope="col">${t('demo.email')}</th>
            <th scope="col">${t('demo.username')}</th>
            <th scope="col">${t('demo.phone')}</th>
            <th scope="col">${t('demo.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          ${accounts.map(
            (account) =>
              html`<tr>
                <td>${account.name ?? '–'}</td>
                <td><code>${account.email}</code></td>
                <td>${account.username ? html`<code>${account.username}</code>` : '–'}</td>
                <td>${account.phone ? html`<code>${account.phone}</code>` : '–'}</td>
                <td>${t(outcome(account))}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function outcome(account) {
  if (account.blocked) return 'demo.blocked';
  if (account.phone && !account.phoneVerified) return 'demo.phoneUnverified';
  return account.phone ? 'demo.linksAndCodes' : 'demo.linksOnly';
}
