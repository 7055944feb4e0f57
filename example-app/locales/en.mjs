/**
 * The demo's own words, in English. Words the package already has (the routers'
 * pages: "Check your inbox", "Sign in", "Call me instead"…) come from the
 * package's catalogues instead, so both read the same; see ../language.mjs.
 * `{name}` marks a value filled in when the page is shown.
 */
export const en = {
  'site.title': '{title} · Passwordless sign-in demo',
  'site.skip': 'Skip to content',
  'site.brand': 'Passwordless demo',
  'site.nav': 'Site',
  'site.profile': 'Profile',
  'site.mailbox': 'Dev mailbox',
  'site.modeEmulator': 'Emulator',
  'site.modeLoginRadius': 'LoginRadius',
  'site.language': 'Language',
  'site.devBannerTitle': 'Development mode.',
  'site.devBanner':
    'Sign-in runs against the embedded LoginRadius emulator: nothing is really emailed, texted or phoned. Every link and code appears in the {mailbox}.',
  'site.devBannerMailbox': 'dev mailbox',
  'site.footer': 'Built with {package}: Passport, Express and LoginRadius passwordless login.',

  'signIn.title': 'Sign in without a password',
  'signIn.lede': 'Get a one-time sign-in link by email, or a code by text message.',
  'signIn.signedOut': 'You have signed out.',
  'signIn.emailHeading': 'Email me a link',
  'signIn.emailLabel': 'Email address',
  'signIn.emailButton': 'Email me a link',
  'signIn.usernameHeading': 'Use my username',
  'signIn.usernameLabel': 'Username',
  'signIn.usernameHint': 'We email the link to the address on your account.',
  'signIn.usernameButton': 'Send a link to my email',
  'signIn.phoneHeading': 'Text me a code',
  'signIn.phoneLabel': 'Mobile number',
  'signIn.phoneHint': 'International format, such as {example}.',
  'signIn.phoneButton': 'Text me a code',

  'demo.heading': 'Demo accounts',
  'demo.intro':
    'These accounts live in the LoginRadius emulator. Use any email, username or phone below, then open the {mailbox} to get the link or code.',
  'demo.introNoMailbox':
    'These accounts live in the LoginRadius emulator. Use any email, username or phone below, then read the emulator’s outbox to get the link or code.',
  'demo.sameAnswer':
    'Every page answers the same way for all of them (and for accounts that do not exist), so nobody can find out who has an account.',
  'demo.name': 'Name',
  'demo.email': 'Email',
  'demo.username': 'Username',
  'demo.phone': 'Phone',
  'demo.outcome': 'What happens',
  'demo.blocked': 'Blocked: nothing is sent.',
  'demo.phoneUnverified': 'Links work; no code (phone not verified).',
  'demo.linksAndCodes': 'Links and codes work.',
  'demo.linksOnly': 'Links work.',

  'checkInbox.devNote': 'Development mode: nothing was emailed. The link is in the dev mailbox.',
  'checkInbox.devNoteCode':
    'Development mode: nothing was emailed. The link and the code are in the dev mailbox.',
  'checkInbox.openMailbox': 'Open the dev mailbox',

  'enterCode.lead':
    'If {phone} belongs to an account, we texted it a code at {time}. The code works once.',
  'enterCode.leadVoice':
    'If {phone} belongs to an account, we are calling it to read out a code (asked for at {time}). The code works once.',
  'enterCode.devNote': 'Development mode: the code is in the {mailbox}.',
  'enterCode.otherNumber': 'Use a different number',

  'resend.waitCode': 'You can ask for a new code in {seconds} seconds.',
  'resend.readyCode': 'Did not get it? You can ask for a new code.',
  'resend.announceCode': 'You can now ask for a new code.',
  'resend.waitLink': 'You can ask for a new link in {seconds} seconds.',
  'resend.readyLink': 'You can ask for a new link now.',
  'resend.announceLink': 'You can now ask for a new link.',

  'confirm.why':
    'We ask first because email scanners open links: opening the link alone signs nobody in.',

  'profile.hello': 'Hello, {name}',
  'profile.helloAnonymous': 'Hello',
  'profile.signedInAs': 'You are signed in as {name}.',
  'profile.signedIn': 'You are signed in.',
  'profile.name': 'Name',
  'profile.notSet': 'Not set',
  'profile.emails': 'Email addresses',
  'profile.none': 'None',
  'profile.phone': 'Phone',
  'profile.verified': 'verified',
  'profile.notVerified': 'not verified',
  'profile.uid': 'LoginRadius Uid',
  'profile.sessionEnds': 'Session ends',
  'profile.sessionEndsWhen':
    '{time}, when the LoginRadius access token expires, or after {minutes} minutes without activity.',
  'profile.signOut': 'Sign out',
  'profile.tokenNote': 'The access token stays on the server: no page ever shows it.',

  'mailbox.title': 'Dev mailbox',
  'mailbox.devOnlyTitle': 'Development only.',
  'mailbox.devOnly':
    'This page shows what the LoginRadius emulator would have emailed, texted or read out on a call. It does not exist when the app talks to LoginRadius itself.',
  'mailbox.refresh': 'Refresh',
  'mailbox.backToCode': 'Back to “Enter your code”',
  'mailbox.backToInbox': 'Back to “Check your inbox”',
  'mailbox.unreachable':
    'The emulator could not be reached: is loginradius-emulator still running?',
  'mailbox.empty': 'Nothing sent yet. Ask for a link or a code on the sign-in page.',
  'mailbox.list': 'Messages, newest first',
  'mailbox.to': 'to {to}',
  'mailbox.template': 'template {name}',
  'mailbox.openLink': 'Open sign-in link',
  'mailbox.code': 'Code',
  'mailbox.link': 'Sign-in link (email)',
  'mailbox.linkAndCode': 'Sign-in link and code (email)',
  'mailbox.emailCode': 'Sign-in code (email)',
  'mailbox.smsCode': 'Sign-in code (SMS)',
  'mailbox.voiceCode': 'Sign-in code (voice call)',
  'mailbox.voiceTag': 'read out on a call',
  'mailbox.welcome': 'Welcome email',
  'mailbox.other': 'Message',

  'problem.invalidInput':
    'Please check what you entered: an email address, a username, or a mobile number in international format such as +14155550101.',
  'problem.rateLimited': 'Too many attempts. Please wait a minute, then try again.',
  'problem.verifyFailed':
    'That sign-in link or code is invalid, has expired or was already used. Please ask for a new one.',
  'problem.unavailable': 'Sign-in is temporarily unavailable. Please try again in a moment.',
  'problem.timeout': 'Sign-in took too long to answer. Please try again in a moment.',
  'problem.crossSite':
    'That request came from another site, so it was refused. Please use the form on this page.',
  'problem.payloadTooLarge': 'That request was too large. Please try again.',
  'problem.unsupportedMediaType': 'That request was not sent as UTF-8 text. Please try again.',
  'problem.fallback': 'Something went wrong. Please try again.',

  'error.notFoundTitle': 'Page not found',
  'error.notFound': 'There is no page at this address.',
  'error.mailboxTitle': 'Not available',
  'error.mailboxLocal': 'The dev mailbox answers only on the machine the app runs on.',
  'error.unavailableTitle': 'Temporarily unavailable',
  'error.serverTitle': 'Something went wrong',
  'error.server': 'Something went wrong on our side. Please try again.',
};
