/**
 * The demo's own words in German, addressing the person formally ("Sie"), as
 * the package's German catalogue does. Keys and placeholders as in ./en.mjs.
 */
export const de = {
  'site.title': '{title} · Demo: Anmelden ohne Passwort',
  'site.skip': 'Zum Inhalt springen',
  'site.brand': 'Passwortlos-Demo',
  'site.nav': 'Website',
  'site.profile': 'Profil',
  'site.mailbox': 'Entwickler-Postfach',
  'site.modeEmulator': 'Emulator',
  'site.modeLoginRadius': 'LoginRadius',
  'site.language': 'Sprache',
  'site.devBannerTitle': 'Entwicklungsmodus.',
  'site.devBanner':
    'Die Anmeldung läuft über den eingebauten LoginRadius-Emulator: Es werden keine echten E-Mails, SMS oder Anrufe verschickt. Jeder Link und jeder Code erscheint im {mailbox}.',
  'site.devBannerMailbox': 'Entwickler-Postfach',
  'site.footer':
    'Erstellt mit {package}: Passport, Express und die passwortlose Anmeldung von LoginRadius.',

  'signIn.title': 'Ohne Passwort anmelden',
  'signIn.lede': 'Erhalten Sie einen einmaligen Anmeldelink per E-Mail oder einen Code per SMS.',
  'signIn.signedOut': 'Sie haben sich abgemeldet.',
  'signIn.emailHeading': 'Link per E-Mail',
  'signIn.emailLabel': 'E-Mail-Adresse',
  'signIn.emailButton': 'Link per E-Mail senden',
  'signIn.usernameHeading': 'Mit Benutzernamen',
  'signIn.usernameLabel': 'Benutzername',
  'signIn.usernameHint': 'Wir senden den Link an die E-Mail-Adresse Ihres Kontos.',
  'signIn.usernameButton': 'Link an meine E-Mail senden',
  'signIn.phoneHeading': 'Code per SMS',
  'signIn.phoneLabel': 'Handynummer',
  'signIn.phoneHint': 'Im internationalen Format, zum Beispiel {example}.',
  'signIn.phoneButton': 'Code per SMS senden',

  'demo.heading': 'Demo-Konten',
  'demo.intro':
    'Diese Konten gibt es im LoginRadius-Emulator. Verwenden Sie eine der E-Mail-Adressen, Benutzernamen oder Telefonnummern unten und öffnen Sie dann das {mailbox}, um den Link oder Code zu erhalten.',
  'demo.introNoMailbox':
    'Diese Konten gibt es im LoginRadius-Emulator. Verwenden Sie eine der E-Mail-Adressen, Benutzernamen oder Telefonnummern unten und lesen Sie dann den Postausgang des Emulators, um den Link oder Code zu erhalten.',
  'demo.sameAnswer':
    'Jede Seite antwortet für alle gleich (auch für Konten, die es nicht gibt), damit niemand herausfinden kann, wer ein Konto hat.',
  'demo.name': 'Name',
  'demo.email': 'E-Mail',
  'demo.username': 'Benutzername',
  'demo.phone': 'Telefon',
  'demo.outcome': 'Was passiert',
  'demo.blocked': 'Gesperrt: Es wird nichts gesendet.',
  'demo.phoneUnverified': 'Links funktionieren; kein Code (Telefonnummer nicht bestätigt).',
  'demo.linksAndCodes': 'Links und Codes funktionieren.',
  'demo.linksOnly': 'Links funktionieren.',

  'checkInbox.devNote':
    'Entwicklungsmodus: Es wurde keine E-Mail verschickt. Der Link liegt im Entwickler-Postfach.',
  'checkInbox.devNoteCode':
    'Entwicklungsmodus: Es wurde keine E-Mail verschickt. Link und Code liegen im Entwickler-Postfach.',
  'checkInbox.openMailbox': 'Entwickler-Postfach öffnen',

  'enterCode.lead':
    'Falls {phone} zu einem Konto gehört, haben wir um {time} einen Code per SMS an diese Nummer gesendet. Der Code funktioniert nur einmal.',
  'enterCode.leadVoice':
    'Falls {phone} zu einem Konto gehört, rufen wir diese Nummer an und lesen einen Code vor (angefordert um {time}). Der Code funktioniert nur einmal.',
  'enterCode.devNote': 'Entwicklungsmodus: Der Code liegt im {mailbox}.',
  'enterCode.otherNumber': 'Andere Nummer verwenden',

  'resend.waitCode': 'Sie können in {seconds} Sekunden einen neuen Code anfordern.',
  'resend.readyCode': 'Nichts angekommen? Sie können einen neuen Code anfordern.',
  'resend.announceCode': 'Sie können jetzt einen neuen Code anfordern.',
  'resend.waitLink': 'Sie können in {seconds} Sekunden einen neuen Link anfordern.',
  'resend.readyLink': 'Sie können jetzt einen neuen Link anfordern.',
  'resend.announceLink': 'Sie können jetzt einen neuen Link anfordern.',

  'confirm.why':
    'Wir fragen zuerst nach, weil E-Mail-Scanner Links öffnen: Das bloße Öffnen des Links meldet niemanden an.',

  'profile.hello': 'Hallo, {name}',
  'profile.helloAnonymous': 'Hallo',
  'profile.signedInAs': 'Sie sind als {name} angemeldet.',
  'profile.signedIn': 'Sie sind angemeldet.',
  'profile.name': 'Name',
  'profile.notSet': 'Nicht angegeben',
  'profile.emails': 'E-Mail-Adressen',
  'profile.none': 'Keine',
  'profile.phone': 'Telefon',
  'profile.verified': 'bestätigt',
  'profile.notVerified': 'nicht bestätigt',
  'profile.uid': 'LoginRadius-Uid',
  'profile.sessionEnds': 'Sitzung endet',
  'profile.sessionEndsWhen':
    '{time}, wenn das LoginRadius-Zugriffstoken abläuft, oder nach {minutes} Minuten ohne Aktivität.',
  'profile.signOut': 'Abmelden',
  'profile.tokenNote': 'Das Zugriffstoken bleibt auf dem Server: Keine Seite zeigt es je an.',

  'mailbox.title': 'Entwickler-Postfach',
  'mailbox.devOnlyTitle': 'Nur für die Entwicklung.',
  'mailbox.devOnly':
    'Diese Seite zeigt, was der LoginRadius-Emulator per E-Mail, SMS oder Anruf verschickt hätte. Sie existiert nicht, wenn die App mit LoginRadius selbst spricht.',
  'mailbox.refresh': 'Aktualisieren',
  'mailbox.backToCode': 'Zurück zu „Code eingeben“',
  'mailbox.backToInbox': 'Zurück zu „Posteingang prüfen“',
  'mailbox.unreachable': 'Der Emulator ist nicht erreichbar: Läuft loginradius-emulator noch?',
  'mailbox.empty':
    'Noch nichts gesendet. Fordern Sie auf der Anmeldeseite einen Link oder Code an.',
  'mailbox.list': 'Nachrichten, neueste zuerst',
  'mailbox.to': 'an {to}',
  'mailbox.template': 'Vorlage {name}',
  'mailbox.openLink': 'Anmeldelink öffnen',
  'mailbox.code': 'Code',
  'mailbox.link': 'Anmeldelink (E-Mail)',
  'mailbox.linkAndCode': 'Anmeldelink und Code (E-Mail)',
  'mailbox.emailCode': 'Anmeldecode (E-Mail)',
  'mailbox.smsCode': 'Anmeldecode (SMS)',
  'mailbox.voiceCode': 'Anmeldecode (Anruf)',
  'mailbox.voiceTag': 'am Telefon vorgelesen',
  'mailbox.welcome': 'Willkommens-E-Mail',
  'mailbox.other': 'Nachricht',

  'problem.invalidInput':
    'Bitte prüfen Sie Ihre Eingabe: eine E-Mail-Adresse, einen Benutzernamen oder eine Handynummer im internationalen Format wie +14155550101.',
  'problem.rateLimited':
    'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  'problem.verifyFailed':
    'Dieser Anmeldelink oder Code ist ungültig, abgelaufen oder wurde schon verwendet. Bitte fordern Sie einen neuen an.',
  'problem.unavailable':
    'Die Anmeldung ist vorübergehend nicht möglich. Bitte versuchen Sie es gleich noch einmal.',
  'problem.timeout':
    'Die Anmeldung hat zu lange nicht geantwortet. Bitte versuchen Sie es gleich noch einmal.',
  'problem.crossSite':
    'Diese Anfrage kam von einer anderen Website und wurde abgelehnt. Bitte verwenden Sie das Formular auf dieser Seite.',
  'problem.payloadTooLarge': 'Diese Anfrage war zu groß. Bitte versuchen Sie es erneut.',
  'problem.unsupportedMediaType':
    'Diese Anfrage wurde nicht als UTF-8-Text gesendet. Bitte versuchen Sie es erneut.',
  'problem.fallback': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',

  'error.notFoundTitle': 'Seite nicht gefunden',
  'error.notFound': 'Unter dieser Adresse gibt es keine Seite.',
  'error.mailboxTitle': 'Nicht verfügbar',
  'error.mailboxLocal':
    'Das Entwickler-Postfach antwortet nur auf dem Rechner, auf dem die App läuft.',
  'error.unavailableTitle': 'Vorübergehend nicht verfügbar',
  'error.serverTitle': 'Etwas ist schiefgelaufen',
  'error.server': 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
};
