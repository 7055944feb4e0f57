import { getProfile, invalidateAccessToken, validateAccessToken } from './access-token-handlers';
import { sendEmailLink, verifyEmailOtp, verifyEmailToken } from './email-handlers';
import type { ApiHandler } from './handler-types';
import { sendPhoneOtp, verifyPhoneOtp } from './phone-handlers';
import type { EmulatorEndpoint } from './types';

export interface Route {
  endpoint: EmulatorEndpoint;
  methods: readonly string[];
  handler: ApiHandler;
}

/** The LoginRadius API the emulator serves. Keys are lowercase: LoginRadius runs on ASP.NET, whose routes ignore case. */
export const ROUTES: ReadonlyMap<string, Route> = new Map([
  [
    '/identity/v2/auth/login/passwordlesslogin/email',
    { endpoint: 'sendEmailLink', methods: ['GET'], handler: sendEmailLink },
  ],
  [
    '/identity/v2/auth/login/passwordlesslogin/email/verify',
    { endpoint: 'verifyEmailToken', methods: ['GET'], handler: verifyEmailToken },
  ],
  [
    '/identity/v2/auth/login/passwordlesslogin/email/verifyotp',
    { endpoint: 'verifyEmailOtp', methods: ['POST'], handler: verifyEmailOtp('email') },
  ],
  [
    '/identity/v2/auth/login/passwordlesslogin/username/verifyotp',
    { endpoint: 'verifyEmailOtp', methods: ['POST'], handler: verifyEmailOtp('username') },
  ],
  [
    // A newer reference lists the send as POST; both are served.
    '/identity/v2/auth/login/passwordlesslogin/otp',
    { endpoint: 'sendPhoneOtp', methods: ['GET', 'POST'], handler: sendPhoneOtp },
  ],
  [
    '/identity/v2/auth/login/passwordlesslogin/otp/verify',
    { endpoint: 'verifyPhoneOtp', methods: ['PUT'], handler: verifyPhoneOtp },
  ],
  [
    '/identity/v2/auth/access_token/validate',
    { endpoint: 'validateAccessToken', methods: ['GET'], handler: validateAccessToken },
  ],
  [
    '/identity/v2/auth/access_token/invalidate',
    { endpoint: 'invalidateAccessToken', methods: ['GET'], handler: invalidateAccessToken },
  ],
  ['/identity/v2/auth/account', { endpoint: 'getProfile', methods: ['GET'], handler: getProfile }],
]);
