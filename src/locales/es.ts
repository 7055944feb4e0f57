import type { Catalogue } from './catalogue';

/**
 * Spanish (español): every string of {@link locales/en!en | the English catalogue},
 * addressing the person as "usted", in words common to Spain and Latin America.
 * Pass it as `locales: { es }`.
 */
export const es: Catalogue = {
  'error.invalidInput': 'Revise los datos e inténtelo de nuevo.',
  'error.payloadTooLarge': 'Esta solicitud es demasiado grande.',
  'error.unsupportedMediaType': 'Esta solicitud no se envió como texto UTF-8.',
  'error.rateLimited': 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
  'error.crossSite': 'Esta solicitud procede de otro sitio web y se ha rechazado.',
  'error.verifyFailed':
    'El enlace o el código de inicio de sesión no es válido o ha caducado. Solicite uno nuevo.',
  'error.unavailable':
    'El inicio de sesión no está disponible en este momento. Inténtelo de nuevo en unos instantes.',
  'error.server': 'Se ha producido un error. Inténtelo de nuevo.',
  'error.unauthenticated': 'Inicie sesión para continuar.',

  'page.error.title': 'Problema al iniciar sesión',
  'page.error.resendLink': 'Enviarme un enlace nuevo',
  'page.error.resendCode': 'Enviarme un código nuevo',
  'page.error.resendTo': 'Lo enviaremos a {recipient}.',
  'page.error.backToSignIn': 'Volver al inicio de sesión',

  'page.confirm.title': 'Iniciar sesión',
  'page.confirm.lead': 'Pulse el botón para terminar de iniciar sesión en este dispositivo.',
  'page.confirm.button': 'Iniciar sesión',

  'page.otherBrowser.title': 'Revise este enlace de inicio de sesión',
  'page.otherBrowser.warning':
    'Este enlace de inicio de sesión se solicitó en otro navegador o en otro dispositivo.',
  'page.otherBrowser.advice':
    'Continúe solo si este enlace lo pidió usted. Si otra persona le dio este enlace, cierre esta página: si continúa, iniciará sesión en la cuenta de esa persona.',
  'page.otherBrowser.acknowledge': 'Este enlace lo pedí yo',
  'page.otherBrowser.button': 'Iniciar sesión aquí',
  'page.otherBrowser.refused':
    'Este enlace solo funciona en el navegador en el que se solicitó. Ábralo allí o solicite un enlace nuevo en este navegador.',

  'page.crossDevice.title': 'Completar el inicio de sesión',
  'page.crossDevice.requested': 'Este inicio de sesión se solicitó {when} desde {browser}.',
  'page.crossDevice.numberLabel': 'Número que muestra el otro dispositivo',
  'page.crossDevice.numberHint':
    'Escriba el número de dos cifras que muestra el dispositivo en el que solicitó el enlace.',
  'page.crossDevice.button': 'Iniciar sesión allí',
  'page.crossDevice.orHere': 'O bien inicie sesión aquí, en este dispositivo.',
  'page.crossDevice.doneTitle': 'Sesión iniciada en su otro dispositivo',
  'page.crossDevice.done':
    'Ha iniciado sesión en su otro dispositivo. Ya puede cerrar esta pestaña.',
  'page.crossDevice.unknownBrowser': 'un navegador web',
  'page.crossDevice.browserOn': '{browser} en {system}',

  'page.linkSent.title': 'Revise su bandeja de entrada',
  'page.linkSent.lead':
    'Si los datos coinciden con una cuenta, hemos enviado un enlace de inicio de sesión. Solo funciona una vez; ábralo en este dispositivo.',
  'page.linkSent.leadCrossDevice':
    'Si los datos coinciden con una cuenta, hemos enviado un enlace de inicio de sesión. Solo funciona una vez.',
  'page.linkSent.match': 'Cuando abra el enlace en otro dispositivo, escriba allí {number}.',
  'page.linkSent.waiting': 'Esperando a que se abra el enlace…',
  'page.linkSent.checkAgain': 'Volver a comprobar',
  'page.linkSent.expired':
    'Este inicio de sesión ya no puede completarse desde otro dispositivo. Abra el enlace en este dispositivo o solicite uno nuevo.',
  'page.linkSent.codeIntro': '¿Ha recibido un código en el correo? Escríbalo aquí.',
  'page.linkSent.codeLabel': 'Código del correo',
  'page.linkSent.codeButton': 'Iniciar sesión',
  'page.linkSent.orClick': 'O haga clic en el enlace del correo.',

  'page.otpSent.title': 'Escriba su código',
  'page.otpSent.lead': 'Si los datos coinciden con una cuenta, hemos enviado un código por SMS.',
  'page.otpSent.leadVoice':
    'Si los datos coinciden con una cuenta, vamos a llamar a ese número para leerle un código.',
  'page.otpSent.codeLabel': 'Código',
  'page.otpSent.button': 'Iniciar sesión',
  'page.otpSent.resend': 'Enviar un código nuevo',
  'page.otpSent.voice': 'Prefiero una llamada',
  'page.otpSent.wait': 'Podrá solicitar un código nuevo {in}.',
};
