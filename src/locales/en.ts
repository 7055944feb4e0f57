import type { Catalogue } from './catalogue';

// The English strings as written. Their keys are `MessageKey`; `en` below is
// the same object typed as a `Catalogue` (whose keys are `MessageKey`, so the
// literal object must come first).
const english = {
  'error.invalidInput': 'Please check what you entered and try again.',
  'error.payloadTooLarge': 'That request is too large.',
  'error.unsupportedMediaType': 'That request was not sent as UTF-8 text.',
  'error.rateLimited': 'Too many attempts. Please wait and try again.',
  'error.crossSite': 'This request came from another site and was refused.',
  'error.verifyFailed':
    'That sign-in link or code is invalid or has expired. Please request a new one.',
  'error.unavailable': 'Sign-in is temporarily unavailable. Please try again in a moment.',
  'error.server': 'Something went wrong. Please try again.',
  'error.unauthenticated': 'Sign in to continue.',

  'page.error.title': 'Sign-in problem',
  'page.error.resendLink': 'Send me a new link',
  'page.error.resendCode': 'Send me a new code',
  'page.error.resendTo': 'We will send it to {recipient}.',
  'page.error.backToSignIn': 'Back to sign-in',

  'page.confirm.title': 'Sign in',
  'page.confirm.lead': 'Select Sign in to finish signing in on this device.',
  'page.confirm.button': 'Sign in',

  'page.otherBrowser.title': 'Check this sign-in link',
  'page.otherBrowser.warning':
    'This sign-in link was requested in another browser or on another device.',
  'page.otherBrowser.advice':
    'Only continue if you asked for this link yourself. If someone else gave you this link, close this page: continuing would sign you in to their account.',
  'page.otherBrowser.acknowledge': 'I asked for this link myself',
  'page.otherBrowser.button': 'Sign in on this device',
  'page.otherBrowser.refused':
    'This link only works in the browser where it was requested. Open it there, or ask for a new link in this browser.',

  'page.crossDevice.title': 'Finish signing in',
  'page.crossDevice.requested': 'This sign-in was requested {when} from {browser}.',
  'page.crossDevice.numberLabel': 'Number shown on that device',
  'page.crossDevice.numberHint':
    'Type the two-digit number shown on the device where you asked for the link.',
  'page.crossDevice.button': 'Sign in on that device',
  'page.crossDevice.orHere': 'Or sign in here, on this device, instead.',
  'page.crossDevice.doneTitle': 'Signed in on your other device',
  'page.crossDevice.done': 'You are signed in on your other device. You can close this tab.',
  'page.crossDevice.unknownBrowser': 'a web browser',
  'page.crossDevice.browserOn': '{browser} on {system}',

  'page.linkSent.title': 'Check your inbox',
  'page.linkSent.lead':
    'If this matches an account, we have sent a sign-in link to it. It works once; open it on this device.',
  'page.linkSent.leadCrossDevice':
    'If this matches an account, we have sent a sign-in link to it. It works once.',
  'page.linkSent.match': 'When you open the link on another device, type {number} there.',
  'page.linkSent.waiting': 'Waiting for the link to be opened…',
  'page.linkSent.checkAgain': 'Check again',
  'page.linkSent.expired':
    'This sign-in can no longer finish from another device. Open the link on this device, or ask for a new one.',
  'page.linkSent.codeIntro': 'Got a code in the email? Type it here.',
  'page.linkSent.codeLabel': 'Code from the email',
  'page.linkSent.codeButton': 'Sign in',
  'page.linkSent.orClick': 'Or click the link in the email.',

  'page.otpSent.title': 'Enter your code',
  'page.otpSent.lead': 'If this matches an account, we have sent a code to it by SMS.',
  'page.otpSent.leadVoice':
    'If this matches an account, we are calling that number to read out a code.',
  'page.otpSent.codeLabel': 'Code',
  'page.otpSent.button': 'Sign in',
  'page.otpSent.resend': 'Send a new code',
  'page.otpSent.voice': 'Call me instead',
  'page.otpSent.wait': 'You can ask for a new code {in}.',
} as const;

/**
 * The stable name of one string a person can see: a key of every catalogue.
 * @useDeclaredType
 */
export type MessageKey = keyof typeof english;

/**
 * English: every string a person can see from this package, by stable key.
 * The other catalogues translate these keys; a partial catalogue falls back to
 * these strings. `{name}` marks a value filled in at render time.
 */
export const en: Catalogue = english;
