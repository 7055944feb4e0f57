/**
 * The demo's own words in French, addressing the person as "vous", as the
 * package's French catalogue does. Keys and placeholders as in ./en.mjs.
 * French typography: a narrow no-break space (\u202f) before ; ? ! and a
 * no-break space (\u00a0) before : and inside « », written as escapes.
 */
export const fr = {
  'site.title': '{title} · Démo de connexion sans mot de passe',
  'site.skip': 'Aller au contenu',
  'site.brand': 'Démo sans mot de passe',
  'site.nav': 'Site',
  'site.profile': 'Profil',
  'site.mailbox': 'Boîte de développement',
  'site.modeEmulator': 'Émulateur',
  'site.modeLoginRadius': 'LoginRadius',
  'site.language': 'Langue',
  'site.devBannerTitle': 'Mode développement.',
  'site.devBanner':
    'La connexion passe par l’émulateur LoginRadius intégré\u00a0: aucun e-mail, SMS ou appel n’est réellement envoyé. Chaque lien et chaque code apparaissent dans la {mailbox}.',
  'site.devBannerMailbox': 'boîte de développement',
  'site.footer':
    'Réalisé avec {package}\u00a0: Passport, Express et la connexion sans mot de passe de LoginRadius.',

  'signIn.title': 'Se connecter sans mot de passe',
  'signIn.lede': 'Recevez un lien de connexion à usage unique par e-mail, ou un code par SMS.',
  'signIn.signedOut': 'Vous êtes déconnecté.',
  'signIn.emailHeading': 'Un lien par e-mail',
  'signIn.emailLabel': 'Adresse e-mail',
  'signIn.emailButton': 'M’envoyer un lien',
  'signIn.usernameHeading': 'Avec mon nom d’utilisateur',
  'signIn.usernameLabel': 'Nom d’utilisateur',
  'signIn.usernameHint': 'Nous envoyons le lien à l’adresse e-mail de votre compte.',
  'signIn.usernameButton': 'Envoyer un lien à mon adresse',
  'signIn.phoneHeading': 'Un code par SMS',
  'signIn.phoneLabel': 'Numéro de mobile',
  'signIn.phoneHint': 'Au format international, par exemple {example}.',
  'signIn.phoneButton': 'M’envoyer un code',

  'demo.heading': 'Comptes de démonstration',
  'demo.intro':
    'Ces comptes existent dans l’émulateur LoginRadius. Utilisez l’une des adresses, l’un des noms d’utilisateur ou des numéros ci-dessous, puis ouvrez la {mailbox} pour obtenir le lien ou le code.',
  'demo.introNoMailbox':
    'Ces comptes existent dans l’émulateur LoginRadius. Utilisez l’une des adresses, l’un des noms d’utilisateur ou des numéros ci-dessous, puis consultez la boîte d’envoi de l’émulateur pour obtenir le lien ou le code.',
  'demo.sameAnswer':
    'Chaque page répond de la même façon pour tous (et pour les comptes qui n’existent pas)\u202f; personne ne peut ainsi savoir qui a un compte.',
  'demo.name': 'Nom',
  'demo.email': 'E-mail',
  'demo.username': 'Utilisateur',
  'demo.phone': 'Téléphone',
  'demo.outcome': 'Ce qui se passe',
  'demo.blocked': 'Bloqué\u00a0: rien n’est envoyé.',
  'demo.phoneUnverified': 'Les liens fonctionnent\u202f; pas de code (numéro non vérifié).',
  'demo.linksAndCodes': 'Les liens et les codes fonctionnent.',
  'demo.linksOnly': 'Les liens fonctionnent.',

  'checkInbox.devNote':
    'Mode développement\u00a0: aucun e-mail n’a été envoyé. Le lien se trouve dans la boîte de développement.',
  'checkInbox.devNoteCode':
    'Mode développement\u00a0: aucun e-mail n’a été envoyé. Le lien et le code se trouvent dans la boîte de développement.',
  'checkInbox.openMailbox': 'Ouvrir la boîte de développement',

  'enterCode.lead':
    'Si le numéro {phone} correspond à un compte, nous lui avons envoyé un code par SMS à {time}. Le code ne fonctionne qu’une fois.',
  'enterCode.leadVoice':
    'Si le numéro {phone} correspond à un compte, nous l’appelons pour vous dicter un code (demandé à {time}). Le code ne fonctionne qu’une fois.',
  'enterCode.devNote': 'Mode développement\u00a0: le code se trouve dans la {mailbox}.',
  'enterCode.otherNumber': 'Utiliser un autre numéro',

  'resend.waitCode': 'Vous pourrez demander un nouveau code dans {seconds} secondes.',
  'resend.readyCode': 'Rien reçu\u202f? Vous pouvez demander un nouveau code.',
  'resend.announceCode': 'Vous pouvez maintenant demander un nouveau code.',
  'resend.waitLink': 'Vous pourrez demander un nouveau lien dans {seconds} secondes.',
  'resend.readyLink': 'Vous pouvez maintenant demander un nouveau lien.',
  'resend.announceLink': 'Vous pouvez maintenant demander un nouveau lien.',

  'confirm.why':
    'Nous vous le demandons d’abord parce que les analyseurs d’e-mails ouvrent les liens\u00a0: ouvrir le lien ne connecte personne.',

  'profile.hello': 'Bonjour, {name}',
  'profile.helloAnonymous': 'Bonjour',
  'profile.signedInAs': 'Vous êtes connecté en tant que {name}.',
  'profile.signedIn': 'Vous êtes connecté.',
  'profile.name': 'Nom',
  'profile.notSet': 'Non renseigné',
  'profile.emails': 'Adresses e-mail',
  'profile.none': 'Aucune',
  'profile.phone': 'Téléphone',
  'profile.verified': 'vérifié',
  'profile.notVerified': 'non vérifié',
  'profile.uid': 'Uid LoginRadius',
  'profile.sessionEnds': 'Fin de la session',
  'profile.sessionEndsWhen':
    '{time}, à l’expiration du jeton d’accès LoginRadius, ou après {minutes} minutes d’inactivité.',
  'profile.signOut': 'Se déconnecter',
  'profile.tokenNote': 'Le jeton d’accès reste sur le serveur\u00a0: aucune page ne l’affiche.',

  'mailbox.title': 'Boîte de développement',
  'mailbox.devOnlyTitle': 'Pour le développement uniquement.',
  'mailbox.devOnly':
    'Cette page montre ce que l’émulateur LoginRadius aurait envoyé par e-mail, par SMS ou dicté lors d’un appel. Elle n’existe pas quand l’application s’adresse à LoginRadius lui-même.',
  'mailbox.refresh': 'Actualiser',
  'mailbox.backToCode': 'Retour à «\u00a0Saisissez votre code\u00a0»',
  'mailbox.backToInbox': 'Retour à «\u00a0Consultez votre boîte de réception\u00a0»',
  'mailbox.unreachable':
    'Impossible de joindre l’émulateur\u00a0: loginradius-emulator tourne-t-il encore\u202f?',
  'mailbox.empty':
    'Rien n’a encore été envoyé. Demandez un lien ou un code sur la page de connexion.',
  'mailbox.list': 'Messages, du plus récent au plus ancien',
  'mailbox.to': 'à {to}',
  'mailbox.template': 'modèle {name}',
  'mailbox.openLink': 'Ouvrir le lien de connexion',
  'mailbox.code': 'Code',
  'mailbox.link': 'Lien de connexion (e-mail)',
  'mailbox.linkAndCode': 'Lien et code de connexion (e-mail)',
  'mailbox.emailCode': 'Code de connexion (e-mail)',
  'mailbox.smsCode': 'Code de connexion (SMS)',
  'mailbox.voiceCode': 'Code de connexion (appel)',
  'mailbox.voiceTag': 'dicté lors d’un appel',
  'mailbox.welcome': 'E-mail de bienvenue',
  'mailbox.other': 'Message',

  'problem.invalidInput':
    'Vérifiez votre saisie\u00a0: une adresse e-mail, un nom d’utilisateur ou un numéro de mobile au format international, comme +14155550101.',
  'problem.rateLimited': 'Trop de tentatives. Patientez une minute, puis réessayez.',
  'problem.verifyFailed':
    'Ce lien ou ce code de connexion est invalide, a expiré ou a déjà été utilisé. Veuillez en demander un nouveau.',
  'problem.unavailable':
    'La connexion est momentanément indisponible. Veuillez réessayer dans un instant.',
  'problem.timeout':
    'La connexion a mis trop de temps à répondre. Veuillez réessayer dans un instant.',
  'problem.crossSite':
    'Cette requête provenait d’un autre site et a été refusée. Utilisez le formulaire de cette page.',
  'problem.payloadTooLarge': 'Cette requête était trop volumineuse. Veuillez réessayer.',
  'problem.unsupportedMediaType':
    'Cette requête n’a pas été envoyée en texte UTF-8. Veuillez réessayer.',
  'problem.fallback': 'Une erreur s’est produite. Veuillez réessayer.',

  'error.notFoundTitle': 'Page introuvable',
  'error.notFound': 'Il n’y a aucune page à cette adresse.',
  'error.mailboxTitle': 'Non disponible',
  'error.mailboxLocal':
    'La boîte de développement ne répond que sur la machine où tourne l’application.',
  'error.unavailableTitle': 'Momentanément indisponible',
  'error.serverTitle': 'Une erreur s’est produite',
  'error.server': 'Une erreur s’est produite de notre côté. Veuillez réessayer.',
};
