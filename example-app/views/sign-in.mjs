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
  const body = html`
    <p class="lede">Get a one-time sign-in link by email, or a code by text message.</p>
    ${alert(error)} ${notice(status)}
    <div class="methods">
      <section class="card" aria-labelledby="by-email">
        <h2 id="by-email">Email me a link</h2>
        <form id="email-form" method="post" action="/auth/link">
          <label for="email">Email address</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            maxlength="254"
            required
          />
          <button type="submit">Email me a link</button>
        </form>
      </section>
      <section class="card" aria-labelledby="by-username">
        <h2 id="by-username">Use my username</h2>
        <form id="username-form" method="post" action="/auth/link">
          <label for="username">Username</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby="username-hint"
            required
          />
          <p id="username-hint" class="hint">We email the link to the address on your account.</p>
          <button type="submit">Send a link to my email</button>
        </form>
      </section>
      <section class="card" aria-labelledby="by-phone">
        <h2 id="by-phone">Text me a code</h2>
        <form id="phone-form" method="post" action="/auth/otp">
          <label for="phone">Mobile number</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            aria-describedby="phone-hint"
            required
          />
          <p id="phone-hint" class="hint">International format, such as +14155550101.</p>
          <button type="submit">Text me a code</button>
        </form>
      </section>
    </div>
    ${demoAccounts.length > 0 && demoAccountsTable(demoAccounts, site.mailbox)}
  `;
  return layout({ site, title: 'Sign in without a password', body });
}

function demoAccountsTable(accounts, mailbox) {
  return html`<section class="demo-accounts" aria-labelledby="demo-accounts">
    <h2 id="demo-accounts">Demo accounts</h2>
    <p>
      These accounts live in the LoginRadius emulator. Use any email, username or phone below, then
      ${mailbox ? html`open the <a href="/dev/mailbox">dev mailbox</a>` : 'read its outbox'} to get
      the link or code. Every page answers the same way for all of them (and for accounts that do
      not exist), so nobody can find out who has an account.
    </p>
    <div class="table-scroll" role="region" aria-labelledby="demo-accounts" tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Username</th>
            <th scope="col">Phone</th>
            <th scope="col">What happens</th>
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
                <td>${outcome(account)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function outcome(account) {
  if (account.blocked) return 'Blocked: nothing is sent.';
  if (account.phone && !account.phoneVerified) return 'Links work; no code (phone not verified).';
  return account.phone ? 'Links and codes work.' : 'Links work.';
}
