import { html } from './html.mjs';
import { layout, notice } from './layout.mjs';
import { formatDateTime, isoTime } from './format.mjs';

/**
 * The signed-in page: who you are according to LoginRadius, and when the
 * session ends. It is given the session user but shows only Profile fields and
 * the expiry: never the access token.
 *
 * @param {object} data
 * @param {import('./layout.mjs').Site} data.site
 * @param {{ uid: string, profile: Record<string, any>, expiresAt: string | Date }} data.user
 * @param {number} data.idleMinutes Minutes without a request after which the session ends.
 */
export function profilePage({ site, user, idleMinutes }) {
  const profile = user.profile ?? {};
  const name =
    profile.FullName || [profile.FirstName, profile.LastName].filter(Boolean).join(' ') || null;
  const emails = Array.isArray(profile.Email) ? profile.Email : [];
  const body = html`
    ${notice(`You are signed in${name ? ` as ${name}` : ''}.`)}
    <dl class="card facts">
      <div>
        <dt>Name</dt>
        <dd id="profile-name">${name ?? 'Not set'}</dd>
      </div>
      <div>
        <dt>Email addresses</dt>
        <dd>
          ${
            emails.length > 0
              ? html`<ul class="plain">
                  ${emails.map(
                    (email) =>
                      html`<li>
                        ${email.Value}${email.Type ? html` <span class="tag">${email.Type}</span>` : ''}
                      </li>`,
                  )}
                </ul>`
              : 'None'
          }
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>
          ${
            profile.PhoneId
              ? html`${profile.PhoneId}
                  <span class="tag">${profile.PhoneIdVerified ? 'verified' : 'not verified'}</span>`
              : 'None'
          }
        </dd>
      </div>
      <div>
        <dt>LoginRadius Uid</dt>
        <dd><code id="profile-uid">${user.uid ?? profile.Uid}</code></dd>
      </div>
      <div>
        <dt>Session ends</dt>
        <dd>
          <time id="session-ends" datetime="${isoTime(user.expiresAt)}"
            >${formatDateTime(user.expiresAt)}</time
          >, when the LoginRadius access token expires, or after ${idleMinutes} minutes without
          activity.
        </dd>
      </div>
    </dl>
    <form id="logout-form" method="post" action="/auth/logout">
      <button type="submit" class="secondary">Sign out</button>
    </form>
    <p class="hint">The access token stays on the server: no page ever shows it.</p>
  `;
  return layout({ site, title: name ? `Hello, ${profile.FirstName || name}` : 'Hello', body });
}
