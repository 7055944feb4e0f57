import type { Catalogue } from './catalogue';

/**
 * German (Deutsch): every string of {@link locales/en!en | the English catalogue},
 * addressing the person formally ("Sie"). Pass it as `locales: { de }`.
 */
export const de: Catalogue = {
  'error.invalidInput': 'Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.',
  'error.payloadTooLarge': 'Diese Anfrage ist zu groß.',
  'error.unsupportedMediaType': 'Diese Anfrage wurde nicht als UTF-8-Text gesendet.',
  'error.rateLimited': 'Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es dann erneut.',
  'error.crossSite': 'Diese Anfrage kam von einer anderen Website und wurde abgelehnt.',
  'error.verifyFailed':
    'Dieser Anmeldelink oder Code ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
  'error.unavailable':
    'Die Anmeldung ist vorübergehend nicht möglich. Bitte versuchen Sie es gleich noch einmal.',
  'error.server': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.unauthenticated': 'Bitte melden Sie sich an, um fortzufahren.',

  'page.error.title': 'Problem bei der Anmeldung',
  'page.error.resendLink': 'Neuen Link senden',
  'page.error.resendCode': 'Neuen Code senden',
  'page.error.resendTo': 'Wir senden ihn an {recipient}.',
  'page.error.backToSignIn': 'Zurück zur Anmeldung',

  'page.confirm.title': 'Anmelden',
  'page.confirm.lead':
    'Klicken Sie auf die Schaltfläche, um die Anmeldung auf diesem Gerät abzuschließen.',
  'page.confirm.button': 'Anmelden',

  'page.otherBrowser.title': 'Anmeldelink prüfen',
  'page.otherBrowser.warning':
    'Dieser Anmeldelink wurde in einem anderen Browser oder auf einem anderen Gerät angefordert.',
  'page.otherBrowser.advice':
    'Fahren Sie nur fort, wenn Sie diesen Link selbst angefordert haben. Wenn Ihnen jemand anderes diesen Link gegeben hat, schließen Sie diese Seite: Wenn Sie fortfahren, werden Sie im Konto dieser Person angemeldet.',
  'page.otherBrowser.acknowledge': 'Ich habe diesen Link selbst angefordert',
  'page.otherBrowser.button': 'Auf diesem Gerät anmelden',
  'page.otherBrowser.refused':
    'Dieser Link funktioniert nur in dem Browser, in dem er angefordert wurde. Öffnen Sie ihn dort oder fordern Sie in diesem Browser einen neuen Link an.',

  'page.crossDevice.title': 'Anmeldung abschließen',
  // {browser} is "Firefox unter Windows", or unknownBrowser below: dative after "in".
  'page.crossDevice.requested': 'Diese Anmeldung wurde {when} in {browser} angefordert.',
  'page.crossDevice.numberLabel': 'Zahl auf dem anderen Gerät',
  'page.crossDevice.numberHint':
    'Geben Sie die zweistellige Zahl ein, die das Gerät anzeigt, auf dem Sie den Link angefordert haben.',
  'page.crossDevice.button': 'Anderes Gerät anmelden',
  'page.crossDevice.orHere': 'Oder melden Sie sich stattdessen hier auf diesem Gerät an.',
  'page.crossDevice.doneTitle': 'Auf Ihrem anderen Gerät angemeldet',
  'page.crossDevice.done':
    'Sie sind auf Ihrem anderen Gerät angemeldet. Sie können diesen Tab jetzt schließen.',
  'page.crossDevice.unknownBrowser': 'einem Webbrowser',
  'page.crossDevice.browserOn': '{browser} unter {system}',

  'page.linkSent.title': 'Posteingang prüfen',
  'page.linkSent.lead':
    'Falls ein Konto zu Ihrer Angabe passt, haben wir einen Anmeldelink gesendet. Er funktioniert nur einmal; öffnen Sie ihn auf diesem Gerät.',
  'page.linkSent.leadCrossDevice':
    'Falls ein Konto zu Ihrer Angabe passt, haben wir einen Anmeldelink gesendet. Er funktioniert nur einmal.',
  'page.linkSent.match':
    'Wenn Sie den Link auf einem anderen Gerät öffnen, geben Sie dort {number} ein.',
  'page.linkSent.waiting': 'Wir warten, bis der Link geöffnet wird …',
  'page.linkSent.checkAgain': 'Erneut prüfen',
  'page.linkSent.expired':
    'Diese Anmeldung kann nicht mehr auf einem anderen Gerät abgeschlossen werden. Öffnen Sie den Link auf diesem Gerät oder fordern Sie einen neuen an.',
  'page.linkSent.codeIntro': 'Steht in der E-Mail ein Code? Geben Sie ihn hier ein.',
  'page.linkSent.codeLabel': 'Code aus der E-Mail',
  'page.linkSent.codeButton': 'Anmelden',
  'page.linkSent.orClick': 'Oder klicken Sie auf den Link in der E-Mail.',

  'page.otpSent.title': 'Code eingeben',
  'page.otpSent.lead':
    'Falls ein Konto zu Ihrer Angabe passt, haben wir einen Code per SMS gesendet.',
  'page.otpSent.leadVoice':
    'Falls ein Konto zu Ihrer Angabe passt, rufen wir diese Nummer an und lesen einen Code vor.',
  'page.otpSent.codeLabel': 'Code',
  'page.otpSent.button': 'Anmelden',
  'page.otpSent.resend': 'Neuen Code senden',
  'page.otpSent.voice': 'Code per Anruf erhalten',
  'page.otpSent.wait': 'Sie können {in} einen neuen Code anfordern.',
};
