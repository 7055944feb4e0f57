/**
 * The demo's own words in Spanish, addressing the person as "usted", in words
 * common to Spain and Latin America, as the package's Spanish catalogue does.
 * Keys and placeholders as in ./en.mjs.
 */
export const es = {
  'site.title': '{title} · Demo de inicio de sesión sin contraseña',
  'site.skip': 'Saltar al contenido',
  'site.brand': 'Demo sin contraseña',
  'site.nav': 'Sitio',
  'site.profile': 'Perfil',
  'site.mailbox': 'Buzón de desarrollo',
  'site.modeEmulator': 'Emulador',
  'site.modeLoginRadius': 'LoginRadius',
  'site.language': 'Idioma',
  'site.devBannerTitle': 'Modo de desarrollo.',
  'site.devBanner':
    'El inicio de sesión usa el emulador de LoginRadius integrado: no se envía de verdad ningún correo, SMS ni llamada. Todos los enlaces y códigos aparecen en el {mailbox}.',
  'site.devBannerMailbox': 'buzón de desarrollo',
  'site.footer':
    'Hecho con {package}: Passport, Express y el inicio de sesión sin contraseña de LoginRadius.',

  'signIn.title': 'Iniciar sesión sin contraseña',
  'signIn.lede':
    'Reciba un enlace de inicio de sesión de un solo uso por correo electrónico, o un código por SMS.',
  'signIn.signedOut': 'Ha cerrado la sesión.',
  'signIn.emailHeading': 'Enlace por correo',
  'signIn.emailLabel': 'Correo electrónico',
  'signIn.emailButton': 'Enviarme un enlace',
  'signIn.usernameHeading': 'Con mi nombre de usuario',
  'signIn.usernameLabel': 'Nombre de usuario',
  'signIn.usernameHint': 'Enviamos el enlace a la dirección de correo de su cuenta.',
  'signIn.usernameButton': 'Enviar un enlace a mi correo',
  'signIn.phoneHeading': 'Código por SMS',
  'signIn.phoneLabel': 'Número de móvil',
  'signIn.phoneHint': 'En formato internacional, por ejemplo {example}.',
  'signIn.phoneButton': 'Enviarme un código',

  'demo.heading': 'Cuentas de demostración',
  'demo.intro':
    'Estas cuentas existen en el emulador de LoginRadius. Use cualquier correo, nombre de usuario o teléfono de la tabla y abra después el {mailbox} para obtener el enlace o el código.',
  'demo.introNoMailbox':
    'Estas cuentas existen en el emulador de LoginRadius. Use cualquier correo, nombre de usuario o teléfono de la tabla y lea después la bandeja de salida del emulador para obtener el enlace o el código.',
  'demo.sameAnswer':
    'Todas las páginas responden igual para todas ellas (y para las cuentas que no existen), de modo que nadie puede averiguar quién tiene una cuenta.',
  'demo.name': 'Nombre',
  'demo.email': 'Correo',
  'demo.username': 'Usuario',
  'demo.phone': 'Teléfono',
  'demo.outcome': 'Qué ocurre',
  'demo.blocked': 'Bloqueada: no se envía nada.',
  'demo.phoneUnverified': 'Los enlaces funcionan; sin código (teléfono no verificado).',
  'demo.linksAndCodes': 'Los enlaces y los códigos funcionan.',
  'demo.linksOnly': 'Los enlaces funcionan.',

  'checkInbox.devNote':
    'Modo de desarrollo: no se ha enviado ningún correo. El enlace está en el buzón de desarrollo.',
  'checkInbox.devNoteCode':
    'Modo de desarrollo: no se ha enviado ningún correo. El enlace y el código están en el buzón de desarrollo.',
  'checkInbox.openMailbox': 'Abrir el buzón de desarrollo',

  'enterCode.lead':
    'Si {phone} pertenece a una cuenta, le hemos enviado un código por SMS a las {time}. El código solo funciona una vez.',
  'enterCode.leadVoice':
    'Si {phone} pertenece a una cuenta, le estamos llamando para leerle un código (solicitado a las {time}). El código solo funciona una vez.',
  'enterCode.devNote': 'Modo de desarrollo: el código está en el {mailbox}.',
  'enterCode.otherNumber': 'Usar otro número',

  'resend.waitCode': 'Podrá solicitar un código nuevo dentro de {seconds} segundos.',
  'resend.readyCode': '¿No le ha llegado? Puede solicitar un código nuevo.',
  'resend.announceCode': 'Ya puede solicitar un código nuevo.',
  'resend.waitLink': 'Podrá solicitar un enlace nuevo dentro de {seconds} segundos.',
  'resend.readyLink': 'Ya puede solicitar un enlace nuevo.',
  'resend.announceLink': 'Ya puede solicitar un enlace nuevo.',

  'confirm.why':
    'Se lo preguntamos antes porque los analizadores de correo abren los enlaces: abrir el enlace no inicia la sesión de nadie.',

  'profile.hello': 'Hola, {name}',
  'profile.helloAnonymous': 'Hola',
  'profile.signedInAs': 'Ha iniciado sesión como {name}.',
  'profile.signedIn': 'Ha iniciado sesión.',
  'profile.name': 'Nombre',
  'profile.notSet': 'Sin indicar',
  'profile.emails': 'Direcciones de correo',
  'profile.none': 'Ninguna',
  'profile.phone': 'Teléfono',
  'profile.verified': 'verificado',
  'profile.notVerified': 'sin verificar',
  'profile.uid': 'Uid de LoginRadius',
  'profile.sessionEnds': 'La sesión termina',
  'profile.sessionEndsWhen':
    '{time}, cuando caduque el token de acceso de LoginRadius, o tras {minutes} minutos sin actividad.',
  'profile.signOut': 'Cerrar sesión',
  'profile.tokenNote': 'El token de acceso se queda en el servidor: ninguna página lo muestra.',

  'mailbox.title': 'Buzón de desarrollo',
  'mailbox.devOnlyTitle': 'Solo para desarrollo.',
  'mailbox.devOnly':
    'Esta página muestra lo que el emulador de LoginRadius habría enviado por correo, por SMS o en una llamada. No existe cuando la aplicación habla con LoginRadius.',
  'mailbox.refresh': 'Actualizar',
  'mailbox.backToCode': 'Volver a «Escriba su código»',
  'mailbox.backToInbox': 'Volver a «Revise su bandeja de entrada»',
  'mailbox.unreachable':
    'No se puede contactar con el emulador: ¿sigue en marcha loginradius-emulator?',
  'mailbox.empty':
    'Aún no se ha enviado nada. Solicite un enlace o un código en la página de inicio de sesión.',
  'mailbox.list': 'Mensajes, del más reciente al más antiguo',
  'mailbox.to': 'para {to}',
  'mailbox.template': 'plantilla {name}',
  'mailbox.openLink': 'Abrir el enlace',
  'mailbox.code': 'Código',
  'mailbox.link': 'Enlace de inicio de sesión (correo)',
  'mailbox.linkAndCode': 'Enlace y código de inicio de sesión (correo)',
  'mailbox.emailCode': 'Código de inicio de sesión (correo)',
  'mailbox.smsCode': 'Código de inicio de sesión (SMS)',
  'mailbox.voiceCode': 'Código de inicio de sesión (llamada)',
  'mailbox.voiceTag': 'leído en una llamada',
  'mailbox.welcome': 'Correo de bienvenida',
  'mailbox.other': 'Mensaje',

  'problem.invalidInput':
    'Revise lo que ha escrito: un correo electrónico, un nombre de usuario o un número de móvil en formato internacional, como +14155550101.',
  'problem.rateLimited': 'Demasiados intentos. Espere un minuto e inténtelo de nuevo.',
  'problem.verifyFailed':
    'El enlace o el código de inicio de sesión no es válido, ha caducado o ya se ha usado. Solicite uno nuevo.',
  'problem.unavailable':
    'El inicio de sesión no está disponible en este momento. Inténtelo de nuevo en unos instantes.',
  'problem.timeout':
    'El inicio de sesión ha tardado demasiado en responder. Inténtelo de nuevo en unos instantes.',
  'problem.crossSite':
    'Esta solicitud procede de otro sitio web y se ha rechazado. Use el formulario de esta página.',
  'problem.payloadTooLarge': 'Esta solicitud era demasiado grande. Inténtelo de nuevo.',
  'problem.unsupportedMediaType':
    'Esta solicitud no se envió como texto UTF-8. Inténtelo de nuevo.',
  'problem.fallback': 'Se ha producido un error. Inténtelo de nuevo.',

  'error.notFoundTitle': 'Página no encontrada',
  'error.notFound': 'No hay ninguna página en esta dirección.',
  'error.mailboxTitle': 'No disponible',
  'error.mailboxLocal':
    'El buzón de desarrollo solo responde en el equipo en el que se ejecuta la aplicación.',
  'error.unavailableTitle': 'No disponible temporalmente',
  'error.serverTitle': 'Se ha producido un error',
  'error.server': 'Se ha producido un error por nuestra parte. Inténtelo de nuevo.',
};
