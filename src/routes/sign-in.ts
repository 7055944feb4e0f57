import type { Request, Response } from 'express';
import { PasswordlessError, SessionError, SetupError, VerifyFailedError } from '../errors';
import type { Channel } from '../events';
import { maskRecipient } from '../mask';
import { safeRedirect } from '../redirects';
import {
  authTimes,
  liveFlow,
  markSignedIn,
  markSignedInOnRegenerate,
  skipEndOfResponseSave,
  type PendingFlow,
} from '../session';
import { publicUser } from '../session-user';
import type { AuthenticateOptions, CredentialKind, PasswordlessFailure } from '../strategy-options';
import type { VerifyConfig } from './verify-config';
import { answerFailure } from './failure';
import { reportMisconfiguration } from './misconfiguration';
import { wantsJson } from './request-body';

/**
 * The verify router's one way to sign a browser in: Passport runs the
 * strategy, which reports either a user or its final failure (the router does
 * not classify again), then the session id is regenerated with nothing carried
 * over but a validated `returnTo`.
 */

/**
 * Runs the strategy for one credential; resolves with the user, or `undefined`
 * once the failure is answered. `recipient`: the account a link must belong to.
 */
export function authenticate(
  config: VerifyConfig,
  req: Request,
  res: Response,
  credential: CredentialKind,
  recipient?: AuthenticateOptions['recipient'],
): Promise<unknown> {
  const passport = config.passport;
  if (passport._strategy && !passport._strategy(config.strategy)) {
    return Promise.reject(
      new SetupError(
        'ERR_PASSWORDLESS_PASSPORT',
        `createVerifyRouter: no Passport strategy named "${config.strategy}" is registered; call ` +
          'passport.use(new PasswordlessStrategy({ client }, verify)) before handling requests',
      ),
    );
  }
  const flow = liveFlow(req);
  const channel = channelOf(credential, flow);
  const options: AuthenticateOptions = { credential, forwardClientIp: config.forwardClientIp };
  if (recipient) options.recipient = recipient;
  return new Promise((resolve, reject) => {
    passport.authenticate(
      config.strategy,
      options,
      (error: unknown, user: unknown, info: unknown) => {
        if (error) {
          reject(
            error instanceof PasswordlessError
              ? error
              : new SessionError('an unexpected error during sign-in', error),
          );
          return;
        }
        if (user) {
          resolve(user);
          return;
        }
        const failure = info as Partial<PasswordlessFailure> | undefined;
        const refused =
          failure?.error instanceof PasswordlessError
            ? failure.error
            : new VerifyFailedError('rejected', 'sign-in failed');
        reportMisconfiguration(config, req, refused, channel);
        answerFailure(config, req, res, refused, { channel });
        if (failure?.locked && failure.locked !== 'flow' && flow)
          reportLock(config, req, flow, failure.locked);
        resolve(undefined);
      },
    )(req, res, (error?: unknown) => (error ? reject(error) : resolve(undefined)));
  });
}

/**
 * Signs `user` in on this browser: a new session id, nothing kept from before
 * (read `returnTo` before calling), the sign-in times, the `login` event.
 */
export function startSession(
  config: VerifyConfig,
  req: Request,
  user: unknown,
  channel: Channel,
): Promise<void> {
  const logInFn = (
    req as unknown as { logIn?: (u: unknown, o: object, cb: (e?: unknown) => void) => void }
  ).logIn;
  if (typeof logInFn !== 'function') {
    return Promise.reject(
      new SetupError(
        'ERR_PASSWORDLESS_PASSPORT',
        'createVerifyRouter: req.logIn is missing; mount passport.session() (passport >= 0.6) before the routers',
      ),
    );
  }
  markSignedInOnRegenerate(req);
  return new Promise((resolve, reject) => {
    // keepSessionInfo: false — passport regenerates the session and keeps nothing.
    logInFn.call(req, user, { keepSessionInfo: false }, (error?: unknown) => {
      if (error) {
        forgetUnsavedLogin(req);
        reject(
          error instanceof SessionError
            ? error
            : new SessionError('could not start the signed-in session', error),
        );
        return;
      }
      // A passport that did not regenerate through req.session: mark now (one more save).
      // Otherwise passport's save has just written the whole new session, which
      // express-session does not see (it regenerated): its end-of-response save
      // would write the same 7.5 KB again. (Deferring passport's save to it would
      // not do: a failing store must be known before the browser hears "signed in".)
      if (!authTimes(req)) markSignedIn(req);
      else skipEndOfResponseSave(req);
      const uid = uidOf(user);
      config.emit(req, { type: 'login', channel, ...(uid ? { uid } : {}) });
      resolve();
    });
  });
}

/** Signs in and answers: `{ signedIn, user, returnTo? }` to JSON clients, a 303 to browsers. */
export async function logIn(
  config: VerifyConfig,
  req: Request,
  res: Response,
  user: unknown,
  channel: Channel,
  returnTo: string | undefined,
): Promise<void> {
  await startSession(config, req, user, channel);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  const target = safeRedirect(returnTo, config.allowedRedirectUrls);
  if (wantsJson(req)) {
    const body: Record<string, unknown> = {
      signedIn: true,
      user: publicUser(user, config.publicProfileFields),
    };
    if (target) body.returnTo = target;
    res.status(200).json(body);
  } else {
    res.redirect(303, target ?? config.successRedirect);
  }
}

/**
 * passport puts the user in the new session before its save; when that save
 * fails, the browser hears 503, so express-session must not store the signed-in
 * session at the end of the response after all (a store that failed once may take
 * the next write, and the browser would be signed in after being told it was not).
 */
function forgetUnsavedLogin(req: Request): void {
  const session = req.session as unknown as { passport?: { user?: unknown } } | undefined;
  if (session?.passport?.user === undefined) return;
  delete session.passport.user;
  skipEndOfResponseSave(req);
}

export function uidOf(user: unknown): string | undefined {
  const candidate = user as { uid?: unknown; profile?: { Uid?: unknown } } | undefined;
  const uid = candidate?.uid ?? candidate?.profile?.Uid;
  return typeof uid === 'string' ? uid : undefined;
}

function channelOf(credential: CredentialKind, flow: PendingFlow | undefined): Channel {
  if (credential === 'sms') return flow?.voice ? 'voice' : 'sms';
  return 'email';
}

/** A wrong code filled a per-identifier cap: the app hears that someone's codes are now refused. */
function reportLock(config: VerifyConfig, req: Request, flow: PendingFlow, cap: string): void {
  const recipient = flow.phone ?? flow.email ?? flow.username;
  config.emit(req, {
    type: flow.channel === 'sms' ? 'phone_locked' : 'email_locked',
    channel: flow.channel,
    reason: cap === 'identifier' ? 'too_many_wrong_codes' : 'too_many_wrong_codes_from_this_ip',
    ...(recipient ? { recipient: maskRecipient(recipient) } : {}),
  });
}
