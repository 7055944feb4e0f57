import { request as httpRequest } from 'node:http';
import {
  LOGINRADIUS_ERRORS,
  type KnownLoginRadiusErrorCode,
} from '../../src/loginradius/error-codes';
import type { Emulator } from '../../src/emulator';

export const PATHS = {
  sendEmailLink: '/identity/v2/auth/login/passwordlesslogin/email',
  verifyEmailToken: '/identity/v2/auth/login/passwordlesslogin/email/verify',
  verifyEmailOtpByEmail: '/identity/v2/auth/login/passwordlesslogin/email/verifyotp',
  verifyEmailOtpByUsername: '/identity/v2/auth/login/passwordlesslogin/username/verifyotp',
  sendPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp',
  verifyPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp/verify',
  validateAccessToken: '/identity/v2/auth/access_token/validate',
  invalidateAccessToken: '/identity/v2/auth/access_token/invalidate',
  getProfile: '/identity/v2/auth/account',
} as const;

/**
 * LoginRadius's two-factor challenge, exactly (loginradius-api.md): what a verify
 * answers for a `twoFactor` account or under a `second_factor` fault.
 */
export const TWO_FACTOR_CHALLENGE = {
  SecondFactorAuthentication: {
    SecondFactorAuthenticationToken: expect.stringMatching(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    ),
    ExpireIn: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    QRCode: null,
    ManualEntryCode: null,
    IsGoogleAuthenticatorVerified: false,
    IsAuthenticatorVerified: false,
    IsOTPAuthenticatorVerified: false,
  },
  Profile: null,
  access_token: '00000000-0000-0000-0000-000000000000',
  expires_in: '0001-01-01T00:00:00',
} as const;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Sends a request to the emulator; `query` values are URL-encoded, `apikey` is added unless given. */
export async function call(
  emulator: Emulator,
  path: string,
  query: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Answer> {
  const search = new URLSearchParams(
    Object.keys(query).some((key) => key.toLowerCase() === 'apikey')
      ? query
      : { apikey: emulator.apiKey, ...query },
  );
  const response = await fetch(`${emulator.url}${path}?${search}`, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function putJson(body: unknown): RequestInit {
  return {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The exact body and status LoginRadius answers `code` with. */
export function expectLoginRadiusError(answer: Answer, code: KnownLoginRadiusErrorCode): void {
  const definition = LOGINRADIUS_ERRORS[code];
  expect({ status: answer.status, body: answer.body }).toEqual({
    status: definition.status,
    body: {
      Description: definition.description,
      ErrorCode: code,
      Message: definition.message,
      IsProviderError: false,
      ProviderErrorResponse: null,
    },
  });
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2030, 0, 1)): (() => number) & {
  advance(ms: number): void;
} {
  let now = start;
  return Object.assign(() => now, {
    advance(ms: number) {
      now += ms;
    },
  });
}

/** Sends a link to `email` and returns the token from the outbox. */
export async function sendLink(emulator: Emulator, email: string): Promise<string> {
  const answer = await call(emulator, PATHS.sendEmailLink, { email });
  expect(answer.status).toBe(200);
  const token = emulator.outbox.latest(email)?.token;
  if (!token) throw new Error(`no link was sent to ${email}`);
  return token;
}

/** Sends a code to `phone` and returns it from the outbox. */
export async function sendOtp(emulator: Emulator, phone: string): Promise<string> {
  const answer = await call(emulator, PATHS.sendPhoneOtp, { phone });
  expect(answer.status).toBe(200);
  const otp = emulator.outbox.latest(phone)?.otp;
  if (!otp) throw new Error(`no code was sent to ${phone}`);
  return otp;
}

/** Sends the passwordless email to `email` and returns the code it holds. */
export async function sendEmailOtp(emulator: Emulator, email: string): Promise<string> {
  const answer = await call(emulator, PATHS.sendEmailLink, { email });
  expect(answer.status).toBe(200);
  const otp = emulator.outbox.latest(email)?.otp;
  if (!otp) throw new Error(`no code was emailed to ${email}`);
  return otp;
}

/** Logs ada in by link and returns the access token. */
export async function login(emulator: Emulator, email = 'ada@example.com'): Promise<string> {
  const token = await sendLink(emulator, email);
  const answer = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

/** Resolves once `condition` holds; for events the emulator does not announce. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface RawAnswer {
  status: number;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A request with exactly these headers (fetch will not let a test forge `Host`). */
export function rawRequest(
  emulator: Emulator,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const { port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
