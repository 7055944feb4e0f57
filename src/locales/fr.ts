import type { Catalogue } from './catalogue';

// French typography: a narrow no-break space (\u202f) before ; ? ! and a
// no-break space (\u00a0) before :, written as escapes so they stay visible.

/**
 * French (français): every string of {@link locales/en!en | the English catalogue},
 * addressing the person as "vous". Pass it as `locales: { fr }`.
 */
export const fr: Catalogue = {
  'error.invalidInput': 'Vérifiez votre saisie et réessayez.',
  'error.payloadTooLarge': 'Cette requête est trop volumineuse.',
  'error.unsupportedMediaType': 'Cette requête n’a pas été envoyée en texte UTF-8.',
  'error.rateLimited': 'Trop de tentatives. Veuillez patienter, puis réessayer.',
  'error.crossSite': 'Cette requête provenait d’un autre site et a été refusée.',
  'error.verifyFailed':
    'Ce lien ou ce code de connexion est invalide ou a expiré. Veuillez en demander un nouveau.',
  'error.unavailable':
    'La connexion est momentanément indisponible. Veuillez réessayer dans un instant.',
  'error.server': 'Une erreur s’est produite. Veuillez réessayer.',
  'error.unauthenticated': 'Connectez-vous pour continuer.',

  'page.error.title': 'Problème de connexion',
  'page.error.resendLink': 'M’envoyer un nouveau lien',
  'page.error.resendCode': 'M’envoyer un nouveau code',
  'page.error.resendTo': 'Nous l’enverrons à {recipient}.',
  'page.error.backToSignIn': 'Retour à la connexion',

  'page.confirm.title': 'Connexion',
  'page.confirm.lead': 'Appuyez sur le bouton pour terminer la connexion sur cet appareil.',
  'page.confirm.button': 'Se connecter',

  'page.otherBrowser.title': 'Vérifiez ce lien de connexion',
  'page.otherBrowser.warning':
    'Ce lien de connexion a été demandé dans un autre navigateur ou sur un autre appareil.',
  'page.otherBrowser.advice':
    'Ne continuez que si vous avez demandé ce lien vous-même. Si quelqu’un d’autre vous a transmis ce lien, fermez cette page\u00a0: en continuant, vous vous connecteriez à son compte.',
  'page.otherBrowser.acknowledge': 'J’ai demandé ce lien moi-même',
  'page.otherBrowser.button': 'Se connecter sur cet appareil',
  'page.otherBrowser.refused':
    'Ce lien ne fonctionne que dans le navigateur où il a été demandé. Ouvrez-le dans ce navigateur-là, ou demandez un nouveau lien depuis celui-ci.',

  'page.crossDevice.title': 'Terminer la connexion',
  'page.crossDevice.requested': 'Cette connexion a été demandée {when} depuis {browser}.',
  'page.crossDevice.numberLabel': 'Nombre affiché sur l’autre appareil',
  'page.crossDevice.numberHint':
    'Saisissez le nombre à deux chiffres affiché sur l’appareil où vous avez demandé le lien.',
  'page.crossDevice.button': 'Connecter l’autre appareil',
  'page.crossDevice.orHere': 'Ou connectez-vous plutôt ici, sur cet appareil.',
  'page.crossDevice.doneTitle': 'Votre autre appareil est connecté',
  'page.crossDevice.done':
    'La connexion a abouti sur votre autre appareil. Vous pouvez fermer cet onglet.',
  'page.crossDevice.unknownBrowser': 'un navigateur web',
  'page.crossDevice.browserOn': '{browser} sous {system}',

  'page.linkSent.title': 'Consultez votre boîte de réception',
  'page.linkSent.lead':
    'Si un compte correspond, nous lui avons envoyé un lien de connexion. Il ne fonctionne qu’une fois\u202f; ouvrez-le sur cet appareil.',
  'page.linkSent.leadCrossDevice':
    'Si un compte correspond, nous lui avons envoyé un lien de connexion. Il ne fonctionne qu’une fois.',
  'page.linkSent.match':
    'Quand vous ouvrirez le lien sur un autre appareil, saisissez-y le nombre {number}.',
  'page.linkSent.waiting': 'En attente de l’ouverture du lien…',
  'page.linkSent.checkAgain': 'Vérifier à nouveau',
  'page.linkSent.expired':
    'Cette connexion ne peut plus être terminée depuis un autre appareil. Ouvrez le lien sur cet appareil ou demandez-en un nouveau.',
  'page.linkSent.codeIntro': 'L’e-mail contient un code\u202f? Saisissez-le ici.',
  'page.linkSent.codeLabel': 'Code reçu par e-mail',
  'page.linkSent.codeButton': 'Se connecter',
  'page.linkSent.orClick': 'Ou cliquez sur le lien dans l’e-mail.',

  'page.otpSent.title': 'Saisissez votre code',
  'page.otpSent.lead': 'Si un compte correspond, nous avons envoyé un code par SMS.',
  'page.otpSent.leadVoice':
    'Si un compte correspond, nous appelons ce numéro pour vous dicter un code.',
  'page.otpSent.codeLabel': 'Code',
  'page.otpSent.button': 'Se connecter',
  'page.otpSent.resend': 'Envoyer un nouveau code',
  'page.otpSent.voice': 'M’appeler plutôt',
  'page.otpSent.wait': 'Vous pourrez demander un nouveau code {in}.',
};
