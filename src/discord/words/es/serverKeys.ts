import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number, plural } from './format.js';

const serverName = serverNames('servidor');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** Por qué no se aceptó la clave propia de un servidor, o por qué sus miembros no pueden iniciar un video por ella. */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => 'El operador de este bot no permite que los servidores usen su propia clave de nanophoto; aquí paga la clave del bot.',
  server_keys_no_secret: () => 'Las claves propias de los servidores están desactivadas: el operador del bot no ha configurado dónde guardarlas de forma segura.',
  server_keys_unusable: () => 'Ahora mismo no se pueden leer ni guardar las claves propias de los servidores; el operador del bot ya está avisado. Inténtalo más tarde.',
  server_key_malformed: () => 'Eso no parece una clave de la API de nanophoto: pega la clave completa, sin espacios.',
  server_key_invalid: () => 'nanophoto no acepta esa clave. Comprueba que copiaste la clave completa de tu cuenta de nanophoto.',
  server_key_operators: () => 'Esa clave es una de las claves del propio bot; pega en su lugar la clave propia de tu servidor.',
  server_key_check_unavailable: () => 'No se pudo comprobar la clave con nanophoto ahora mismo; no se guardó nada. Inténtalo más tarde.',
  server_key_none: () => 'Este servidor no tiene una clave propia que olvidar.',
  server_key_required: () => 'Este servidor aún no puede crear videos: necesita su propia clave de nanophoto, que sus administradores pueden añadir.',
  server_key_locked: () => 'Ahora mismo no se pueden crear videos en este servidor; el operador del bot ya está avisado. No se cobró nada.',
  server_key_paused: () => 'Los videos están en pausa en este servidor: nanophoto ya no acepta la cuenta que los paga. Los administradores del servidor ya están avisados; no se cobró nada.',
};

/** Los comandos `/veo-admin api-key`, su formulario y lo que los ajustes y el operador ven de las claves de los servidores. */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => 'La clave propia de la API de nanophoto de tu servidor',
  'serverKeys.set.description': () => 'Añade la clave de nanophoto de tu servidor (formulario privado); pagará cada video de aquí',
  'serverKeys.remove.description': () => 'Olvida la clave propia de tu servidor',
  'serverKeys.form.title': () => 'La clave de nanophoto de tu servidor',
  'serverKeys.form.label': () => 'Clave de API',
  'serverKeys.form.description': () => 'Se comprueba con nanophoto y se guarda cifrada; nunca se vuelve a mostrar',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'La nueva clave de tu servidor funciona y sustituye a la anterior' : 'La clave de tu servidor funciona'}; se guardó cifrada y desde ahora solo se muestra como \`${p.fingerprint}\`. Cada video de este servidor se paga ahora con ella.`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `La clave de tu servidor se olvidó. Los videos en curso terminan con ella; ${p.required ? 'los nuevos necesitan una nueva clave propia.' : 'los nuevos se pagan con la clave del bot.'}`,
  'serverKeys.settings.field': () => 'Clave propia de nanophoto',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'Ninguna: este servidor necesita una para crear videos.' : 'Ninguna: paga la clave del bot.'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `Configurada (\`${p.fingerprint}\`): ${plural(p.requestsLeft, { one: 'queda', many: 'quedan', other: 'quedan' })} ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'solicitud', many: 'de solicitudes', other: 'solicitudes' })} esta hora; ` +
    (p.refused ? 'nanophoto ya no la acepta.' : p.accountEmpty ? 'su cuenta está vacía.' : 'su cuenta tiene créditos.'),
  'serverKeys.operator.ownKey': () => 'paga con su propia clave',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `La cuenta de nanophoto que paga los videos de ${serverName(p.name, p.guildId)} se quedó sin créditos: los videos de sus miembros esperan hasta que se recargue.`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `nanophoto ya no acepta la clave que paga los videos de ${serverName(p.name, p.guildId)}: los videos de sus miembros están en pausa. Un administrador puede añadir una clave válida con /veo-admin api-key set.`,
};
