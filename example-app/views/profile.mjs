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
  const { t } = site;
  const profile = user.profile ?? {};
  const name =
    profile.FullName || [profile.FirstName, profile.LastName].filter(Boolean).join(' ') || null;
  const emails = Array.isArray(profile.Email) ? profile.Email : [];
  const body = html`
    ${notice(name ? t('profile.signedInAs', { name }) : t('profile.signedIn'))}
    <dl class="card facts">
      <div>
        <dt>${t('profile.name')}</dt>
        <dd id="profile-name">${name ?? t('profile.notSet')}</dd>
      </div>
      <div>
        <dt>${t('profile.emails')}</dt>
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
              : t('profile.none')
          }
        </dd>
      </div>
      <div>
        <dt>${t('profile.phone')}</dt>
        <dd>
          ${
            profile.PhoneId
              ? html`${profile.PhoneId}
                  <span class="tag"
                    >${profile.PhoneIdVerified ? t('profile.verified') : t('profile.notVerified')}</span
                  >`
              : t('profile.none')
          }
        </dd>
      </div>
      <div>
        <dt>${t('profile.uid')}</dt>
        <dd><code id="profile-uid">${user.uid ?? profile.Uid}</code></dd>
      </div>
      <div>
        <dt>${t('profile.sessionEnds')}</dt>
        <dd>
          ${t.html('profile.sessionEndsWhen', {
            time: html`<time id="session-ends" datetime="${isoTime(user.expiresAt)}"
              >${formatDateTime(user.expiresAt, site.lang)}</time
            >`,
            minutes: idleMinutes,
          })}
        </dd>
      </div>
    </dl>
    <form id="logout-form" method="post" action="/auth/logout">
      <button type="submit" class="secondary">${t('profile.signOut')}</button>
    </form>
    <p class="hint">${t('profile.tokenNote')}</p>
  `;
  const title = name
    ? t('profile.hello', { name: profile.FirstName || name })
    : t('profile.helloAnonymous');
  return layout({ site, title, body });
}
