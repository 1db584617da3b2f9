import type { keyPoolWords as english } from '../en/keypool.js';
import type { Words } from '../words.js';
import { credits, number, plural, relative } from './format.js';

/** El grupo de claves del operador (NANOPHOTO_API_KEYS): /veo-operator keys y los MD sobre una clave. */
export const keyPoolWords = {
  'operator.keys.description': () => 'Cada clave de API del bot: solicitudes que quedan esta hora, vacía o en pausa',
  'operator.keys.title': (p) => `${number(p.count)} ${plural(p.count, { one: 'clave de API', many: 'de claves de API', other: 'claves de API' })}`,
  'operator.keys.line': (p) =>
    [
      `\`${p.fingerprint}\`: ${plural(p.requestsLeft, { one: 'queda', many: 'quedan', other: 'quedan' })} ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'solicitud', many: 'de solicitudes', other: 'solicitudes' })} esta hora, ` +
        `${number(p.running)} ${plural(p.running, { one: 'video', many: 'de videos', other: 'videos' })} en curso`,
      p.accountEmpty ? 'su cuenta está **vacía**' : 'su cuenta tiene créditos',
      p.unknownPaused ? 'en **pausa** tras resultados desconocidos' : '',
      p.rateLimitedUntil ? `el servicio le pidió esperar hasta ${relative(p.rateLimitedUntil)}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') + '.',
  'operator.keys.footer': () => 'Las claves se muestran solo por su huella. /veo-operator resume libera toda clave retenida por una cuenta vacía o por resultados desconocidos.',
  'operator.keys.accountEmptyDm': (p) =>
    `La cuenta de nanophoto detrás de la clave de API \`${p.keyFingerprint}\` se quedó sin créditos` +
    (p.requiredCredits === null ? '.' : ` (la última solicitud necesitaba ${credits(p.requiredCredits)}).`) +
    ` No se envía nada con esa clave hasta que vuelva a tener créditos; ${plural(p.otherKeys, { one: 'la otra clave sigue', many: `las otras ${number(p.otherKeys)} claves siguen`, other: `las otras ${number(p.otherKeys)} claves siguen` })}, y los miembros solo esperan si todas las claves están retenidas.` +
    ` Las solicitudes en espera necesitan ${credits(p.waitingCredits)} en total.` +
    ' Recarga la cuenta y luego ejecuta /veo-operator resume, o el bot vuelve a probar esa clave por sí mismo cada poco tiempo.',
  'operator.keys.unknownOutcomesDm': (p) =>
    `Los envíos con la clave de API \`${p.keyFingerprint}\` están en pausa: las últimas ${number(p.count)} ${plural(p.count, { one: 'solicitud de video', many: 'de solicitudes de video', other: 'solicitudes de video' })} con ella no recibieron una respuesta clara` +
    ' (tiempo agotado, conexión cortada o una respuesta que el bot no pudo leer). El servicio quizá las cobró: tus límites y el presupuesto global las cuentan; a los miembros no se les cobra.' +
    ` ${plural(p.otherKeys, { one: 'La otra clave sigue', many: `Las otras ${number(p.otherKeys)} claves siguen`, other: `Las otras ${number(p.otherKeys)} claves siguen` })}. Revisa el servicio de video y luego ejecuta /veo-operator resume.`,
} satisfies Words<typeof english>;
