import { InvalidInputError, LoginRadiusBadResponseError } from '../errors';
import { isObject } from '../is-object';
import type { Answer } from './transport';
import type { SendOptions, SendResult } from './types';
import {
  checkCaptchaAnswer,
  checkFields,
  isValidatedInput,
  normalizeEmail,
  normalizePhone,
  normalizeUsername,
} from './validation';

/**
 * How the client turns its typed arguments into LoginRadius's parameters, each
 * validated before any request, and checks the simplest answers.
 */

/** `{ email }` or `{ username }` as LoginRadius's parameter, validated. */
export function emailOrUsername(value: unknown, field: string): Record<string, string | undefined> {
  const input = value as { email?: unknown; username?: unknown } | undefined;
  if (input && typeof input === 'object' && 'email' in input && !('username' in input)) {
    return { email: normalizeEmail(input.email) };
  }
  if (input && typeof input === 'object' && 'username' in input && !('email' in input)) {
    return { username: normalizeUsername(input.username) };
  }
  throw new InvalidInputError(field, 'pass { email } or { username }');
}

export function phoneOf(input: { phone: string } | undefined): string {
  // A phone the routers parsed already (E.164) is not parsed a second time.
  return isValidatedInput(input) ? input!.phone : normalizePhone(input?.phone);
}

/** The send's query with the captcha answer, when the page sent one. */
export function sendQuery(
  query: Record<string, string | undefined>,
  options: SendOptions,
): Record<string, string | undefined> {
  const captcha = options.captchaResponse;
  if (captcha === undefined || captcha === '') return query;
  return { ...query, 'g-recaptcha-response': checkCaptchaAnswer('captchaResponse', captcha) };
}

/** An IP address for `X-Origin-IP`, or nothing when none (or an unusable one) is given. */
export function checkOriginIp(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  // IPv4, IPv6 (with an optional zone and a mapped IPv4 tail): nothing that could split a header.
  if (typeof value !== 'string' || value.length > 64 || !/^[0-9A-Fa-f:.%a-zA-Z]+$/.test(value)) {
    throw new InvalidInputError('originIp', 'is not an IP address');
  }
  return value;
}

/**
 * A call's `signal`: an AbortSignal (or anything shaped like one), checked before
 * the call starts, so a wrong value fails the call rather than the deadline that
 * would later try to stop listening to it.
 */
export function checkSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const signal = value as Partial<AbortSignal> | null;
  if (
    typeof signal !== 'object' ||
    signal === null ||
    typeof signal.aborted !== 'boolean' ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.removeEventListener !== 'function'
  ) {
    throw new InvalidInputError('signal', 'is not an AbortSignal');
  }
  return value as AbortSignal;
}

export function fieldsParam(fields: readonly string[] | undefined): string | undefined {
  if (fields === undefined) return undefined;
  const list = checkFields(fields);
  if (list.length === 0) return undefined;
  // The strategy keys users on Uid, so a projection always includes it.
  if (!list.some((field) => field.toLowerCase() === 'uid')) list.unshift('Uid');
  return list.join(',');
}

export function expectPosted(operation: string, answer: Answer): SendResult {
  const json = answer.json;
  if (!isObject(json) || json.IsPosted !== true) {
    throw new LoginRadiusBadResponseError(
      operation,
      'unexpected_shape',
      answer.statusCode,
      'expected {"IsPosted": true}',
    );
  }
  return { sent: true, raw: json };
}
