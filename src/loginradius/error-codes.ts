/**
 * LoginRadius's own error catalog for the calls this package makes: the
 * `ErrorCode`, `Message`, `Description` and HTTP status LoginRadius answers with
 * (from its Customer Identity API response-code table).
 *
 * The emulator answers with these exact texts; `error-reasons.ts` says what each
 * code means to the strategy and the routers.
 */
export interface LoginRadiusErrorDefinition {
  readonly status: number;
  readonly message: string;
  readonly description: string;
}

/** LoginRadius's error catalog, by `ErrorCode`. */
export const LOGINRADIUS_ERRORS = {
  901: {
    status: 403,
    message: 'The API key is unauthorized',
    description:
      'The provided LoginRadius API key is invalid or is not authorized, please use a valid or authorized LoginRadius API key or check the API key for your LoginRadius account.',
  },
  905: {
    status: 403,
    message: 'Access token is invalid',
    description:
      'The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.',
  },
  906: {
    status: 403,
    message: 'Access token has expired',
    description:
      'The LoginRadius access token has expired, please request a new token from LoginRadius API.',
  },
  908: {
    status: 403,
    message: 'A parameter is not formatted correctly',
    description:
      'A parameter is not formatted correctly in the request, please check all the parameters in the API call.',
  },
  920: {
    status: 400,
    message: 'API key is invalid',
    description:
      'The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.',
  },
  922: {
    status: 400,
    message: 'API key is missing',
    description:
      'The request is missing the API key, please use the valid API key parameter in order to process this request.',
  },
  938: {
    status: 403,
    message: 'User does not exist',
    description:
      "The user's account does not exist, please use a valid user or create the user before processing this request.",
  },
  975: {
    status: 403,
    message: 'Your verification link has expired',
    description: 'This verification link has expired, please request for new verification link.',
  },
  979: {
    status: 403,
    message: 'The link cannot be accessed',
    description: 'The link is either expired or has already been used, please request a new link.',
  },
  // 982, 1132, 1148, 1164, 1176, 1198, 1249, 1264 and 1281 as LoginRadius's response-code table
  // has them (apidocs: docs/v2/getting-started/response-codes/customer-identity-api-codes.md).
  982: {
    status: 403,
    message: 'CAPTCHA is invalid',
    description: 'CAPTCHA is invalid, please enter the correct CAPTCHA value.',
  },
  991: {
    status: 403,
    message: 'Your account is blocked',
    description:
      'Your account has been blocked by the system admin, please contact the admin for more information.',
  },
  1022: {
    status: 403,
    message: 'Username does not exist',
    description: 'The provided username does not exist, please enter a valid username.',
  },
  1023: {
    status: 403,
    message: 'Email address does not exist',
    description: 'The provided email address does not exist, please use a valid email address.',
  },
  1038: {
    status: 400,
    message: 'Valid email ID is required',
    description:
      'The provided email ID is invalid or not well-formatted, a valid email ID is required in order to process this request.',
  },
  1043: {
    status: 403,
    message: 'Phone number is invalid or does not exist',
    description:
      'The provided phone number is invalid or does not exist, please use a valid phone number in order to process this request.',
  },
  1059: {
    status: 403,
    message: 'Password less login option is not enabled for your LoginRadius site',
    description:
      'The password less login option is not enabled for your LoginRadius site, please reach out to LoginRadius support for more information.',
  },
  1060: {
    status: 400,
    message: 'Access token is missing',
    description:
      'This request is missing the access token, please use the valid access token parameter in order to process this request.',
  },
  1062: {
    status: 403,
    message: 'The password less login link has already been used',
    description:
      'Each link can only be used once, please click the password less login button for a new link.',
  },
  1063: {
    status: 403,
    message: 'Verification token (vtoken) is invalid',
    description:
      'The LoginRadius verification token is invalid, please use a valid verification token in order to process this request.',
  },
  1066: {
    status: 403,
    message: 'Phone number is not verified',
    description:
      'The provided phone number is not verified, please use a verified phone number for login.',
  },
  1067: {
    status: 403,
    message: 'Invalid OTP Code',
    description: 'The OTP code is invalid, please request for a new OTP.',
  },
  1068: {
    status: 403,
    message: 'The OTP has already been used',
    description:
      'Each OTP can only be used once, you can now login if you have already verified the phone number.',
  },
  1069: {
    status: 403,
    message: 'Verification OTP has expired',
    description:
      "This verification OTP has expired, please use 'resend OTP' option to verify your phone number.",
  },
  1070: {
    status: 403,
    message: 'The OTP cannot be accessed',
    description:
      'This OTP is either expired or has already been used, please request for a new OTP.',
  },
  1076: {
    status: 400,
    message: 'Phone number is required',
    description:
      'Phone number is required, please use a valid phone number in order to process this request.',
  },
  1096: {
    status: 400,
    message: 'Invalid phone number',
    description:
      'The provided phone number is not valid or not well-formatted, please review the phone number in order to process this request.',
  },
  1122: {
    status: 403,
    message: 'You have reached a limit for sending emails',
    description:
      'The account limit for email requests for this resource has been reached for this time due to too many request.',
  },
  1123: {
    status: 403,
    message: 'You have reached a limit for sending SMS',
    description:
      'The account limit for SMS requests for this resource has been reached for this time due to too many request.',
  },
  1132: {
    status: 403,
    message: 'Your account has been locked',
    description:
      'Your account has been locked, please login with a valid reCAPTCHA in order to continue.',
  },
  1141: {
    status: 400,
    message: 'Email address or username is required',
    description:
      'Email address or username is required, please use a valid email address or username in order to process this request.',
  },
  1148: {
    status: 403,
    message: 'Your account has been locked',
    description:
      'Your account has been locked, please login with an answer to the security question in order to continue.',
  },
  1149: {
    status: 403,
    message: 'Your default LoginRadius Configured SMS Sending Limit Exceed',
    description:
      'Your default LoginRadius Configured SMS Sending Limit Exceed. please contact from LoginRadius supportfor more information.',
  },
  1164: {
    status: 403,
    message: 'Your account has been blocked due to suspicious activity',
    description:
      'Your account has been blocked by the system admin, please contact the admin for more information.',
  },
  1176: {
    status: 403,
    message: 'Two factor authentication is enabled',
    description:
      'Two factor authentication is enabled, please use two factor authentication api for login.',
  },
  1178: {
    status: 403,
    message: 'You have reached a limit for generating token',
    description:
      'The limit for generating a token for this resource has been reached. The limit will auto reset upon reaching the configured request disabled period.',
  },
  1179: {
    status: 403,
    message: 'You have reached a limit for generating OTP',
    description:
      'The limit for generating OTP for this resource has been reached. The limit will auto reset upon reaching the configured request disabled period.',
  },
  1198: {
    status: 403,
    message: 'Your account has been locked',
    description: 'Your account has been locked, please try again after sometime.',
  },
  1249: {
    status: 403,
    message: 'The VerificationUrl URL is invalid',
    description:
      'The VerificationUrl is invalid, please reach out to LoginRadius support for more information.',
  },
  1264: {
    status: 403,
    message: 'Account has been locked',
    description:
      'Your LoginRadius account has been locked, please login with your credentials again in order to unlock your account.',
  },
  1281: {
    status: 403,
    message: 'Voice OTP has not been configured',
    description: 'The Voice OTP has not been configured, please configure it.',
  },
} as const satisfies Record<number, LoginRadiusErrorDefinition>;

export type KnownLoginRadiusErrorCode = keyof typeof LOGINRADIUS_ERRORS;
