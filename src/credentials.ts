import type { Request } from 'express';
import { isObject } from './is-object';
import type { PendingFlow } from './session';
import type { CredentialKind } from './strategy-options';

/**
 * What the strategy reads: a link token or a code from the request (only the
 * kind the route takes), and from the pending flow whom a code was sent to.
 */

export type Credential =
  | { kind: 'link'; token: unknown }
  | { kind: 'code'; channel: 'sms' | 'email' | undefined; otp: unknown };

export /** The credential in the request, or why there is none to use. */
function readCredential(
  req: Request,
  expected: CredentialKind | undefined,
): Credential | 'missing' | 'wrong_route' {
  const body = (isObject(req.body) ? req.body : {}) as Record<string, unknown>;
  const query = (isObject(req.query) ? req.query : {}) as Record<string, unknown>;
  const token = firstPresent(body.vtoken, body.verificationToken, query.vtoken);
  const otp = firstPresent(body.otp);
  if (expected === 'link') {
    if (otp !== undefined) return 'wrong_route';
    return token === undefined ? 'missing' : { kind: 'link', token };
  }
  if (expected !== undefined) {
    if (token !== undefined) return 'wrong_route';
    return otp === undefined ? 'missing' : { kind: 'code', channel: expected, otp };
  }
  if (token !== undefined) return { kind: 'link', token };
  if (otp !== undefined) return { kind: 'code', channel: undefined, otp };
  return 'missing';
}

function firstPresent(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined && value !== null && value !== '');
}

/** Who the flow's code went to: the phone, or the email address or username. */
export function recipientOf(
  flow: PendingFlow,
): { phone: string } | { email: string } | { username: string } | undefined {
  if (flow.channel === 'sms') return flow.phone ? { phone: flow.phone } : undefined;
  if (flow.email) return { email: flow.email };
  if (flow.username) return { username: flow.username };
  return undefined;
}

/** Whom an email flow's link or code went to: the email address or the username. */
export function emailRecipientOf(
  flow: PendingFlow,
): { email: string } | { username: string } | undefined {
  const recipient = flow.channel === 'email' ? recipientOf(flow) : undefined;
  return recipient && !('phone' in recipient) ? recipient : undefined;
}

export function identifierKey(
  identifier: { phone: string } | { email: string } | { username: string },
): string {
  if ('phone' in identifier) return `phone:${identifier.phone}`;
  if ('email' in identifier) return `email:${identifier.email.toLowerCase()}`;
  return `username:${identifier.username.toLowerCase()}`;
}

/**
 * Whether `profile` is the account a link for `recipient` was sent to: one of its
 * email addresses, or its username, compared without case as LoginRadius does.
 */
export function profileIsRecipient(
  profile: unknown,
  recipient: { email: string } | { username: string },
): boolean {
  if (!isObject(profile)) return false;
  if ('username' in recipient) {
    return (
      typeof profile.UserName === 'string' &&
      profile.UserName.toLowerCase() === recipient.username.toLowerCase()
    );
  }
  const wanted = recipient.email.toLowerCase();
  const emails = Array.isArray(profile.Email) ? (profile.Email as unknown[]) : [];
  return emails.some(
    (entry) =>
      isObject(entry) && typeof entry.Value === 'string' && entry.Value.toLowerCase() === wanted,
  );
}
