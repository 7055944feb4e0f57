import type { Request, Response } from 'express';
import { PasswordlessError, type PasswordlessErrorCode } from '../loginradius/errors';
import { wantsJson } from './request-body';
import { setPageHeaders, type PageRenderer } from './pages';

/**
 * How the routers answer a failure: one short message per kind, the same for
 * every cause of that kind (an unknown account and a wrong code look alike), and
 * never the upstream's text. The precise error goes to `onEvent` instead.
 */

/** The codes browsers and JSON clients see, in `{ error: { code, message } }`. */
export type PublicErrorCode =
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CROSS_SITE_REQUEST'
  | 'VERIFY_FAILED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'NOT_FOUND'
  | 'SERVER_ERROR';

export interface PublicError {
  status: number;
  code: PublicErrorCode;
  message: string;
  retryAfter?: number;
}

const UNAVAILABLE = 'Sign-in is temporarily unavailable. Please try again in a moment.';

const BY_CODE: Partial<Record<PasswordlessErrorCode, Omit<PublicError, 'status'>>> = {
  INVALID_INPUT: { code: 'INVALID_INPUT', message: 'Please check what you entered and try again.' },
  RATE_LIMITED: { code: 'RATE_LIMITED', message: 'Too many attempts. Please wait and try again.' },
  LR_RATE_LIMITED: {
    code: 'RATE_LIMITED',
    message: 'Too many attempts. Please wait and try again.',
  },
  CROSS_SITE_REQUEST: {
    code: 'CROSS_SITE_REQUEST',
    message: 'This request came from another site and was refused.',
  },
  VERIFY_FAILED: {
    code: 'VERIFY_FAILED',
    message: 'That sign-in link or code is invalid or has expired. Please request a new one.',
  },
  LR_ERROR: {
    code: 'VERIFY_FAILED',
    message: 'That sign-in link or code is invalid or has expired. Please request a new one.',
  },
  LR_TIMEOUT: { code: 'TIMEOUT', message: UNAVAILABLE },
  LR_UNAVAILABLE: { code: 'UNAVAILABLE', message: UNAVAILABLE },
  LR_BAD_RESPONSE: { code: 'UNAVAILABLE', message: UNAVAILABLE },
  LR_CIRCUIT_OPEN: { code: 'UNAVAILABLE', message: UNAVAILABLE },
  SESSION_ERROR: { code: 'UNAVAILABLE', message: UNAVAILABLE },
  STORE_UNAVAILABLE: { code: 'UNAVAILABLE', message: UNAVAILABLE },
};

/** The public face of any error. */
export function publicError(error: unknown): PublicError {
  if (error instanceof PasswordlessError) {
    const known = BY_CODE[error.code];
    if (known) {
      const status = error.httpStatus === 413 ? 413 : statusFor(error);
      const answer: PublicError = {
        status,
        ...known,
        ...(status === 413
          ? { code: 'PAYLOAD_TOO_LARGE', message: 'That request is too large.' }
          : {}),
      };
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      if (typeof retryAfter === 'number') answer.retryAfter = Math.max(1, Math.ceil(retryAfter));
      else if (answer.status === 429) answer.retryAfter = 1;
      return answer;
    }
  }
  return { status: 500, code: 'SERVER_ERROR', message: 'Something went wrong. Please try again.' };
}

function statusFor(error: PasswordlessError): number {
  switch (error.code) {
    case 'LR_ERROR':
    case 'VERIFY_FAILED':
      return 401;
    case 'LR_TIMEOUT':
      return 504;
    case 'LR_UNAVAILABLE':
    case 'LR_BAD_RESPONSE':
    case 'LR_CIRCUIT_OPEN':
    case 'SESSION_ERROR':
    case 'STORE_UNAVAILABLE':
      return 503;
    default:
      return error.httpStatus;
  }
}

export interface FailureAnswerOptions {
  /** Where HTML clients go on failure (`?error=<code>` is added); unset renders the error page. */
  failureRedirect: string | undefined;
  renderPage: PageRenderer;
}

/** Answers a failure as JSON, a redirect, or the error page. */
export function answerFailure(
  req: Request,
  res: Response,
  error: unknown,
  options: FailureAnswerOptions,
): void {
  const answer = publicError(error);
  if (answer.retryAfter !== undefined) res.setHeader('Retry-After', String(answer.retryAfter));
  res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    const body: { error: { code: string; message: string; retryAfter?: number } } = {
      error: { code: answer.code, message: answer.message },
    };
    if (answer.retryAfter !== undefined) body.error.retryAfter = answer.retryAfter;
    res.status(answer.status).json(body);
    return;
  }
  if (options.failureRedirect) {
    const separator = options.failureRedirect.includes('?') ? '&' : '?';
    res.redirect(303, `${options.failureRedirect}${separator}error=${answer.code.toLowerCase()}`);
    return;
  }
  setPageHeaders(res);
  res.status(answer.status);
  options.renderPage('error', { message: answer.message, code: answer.code }, res);
}
