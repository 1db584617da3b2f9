import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { generation as english } from '../en/generation.js';
import type { Words } from '../words.js';
import { costText, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number, plural } from './format.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)} (${plural(n, { one: 'no cobrado', many: 'no cobrados', other: 'no cobrados' })})`,
  charged: credits,
  refunded: (n) => `${credits(n)} (${plural(n, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})`,
  partlyRefunded: (net, refunded) => `${credits(net)} (${number(refunded)} ${plural(refunded, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})`,
};

const GIVEN_BACK = 'Se te devolvieron los créditos.';

const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `El servicio de video rechazó la clave de API del bot. Pide al operador del bot que revise NANOPHOTO_API_KEY. ${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `El bot alcanzó el límite de solicitudes por hora del servicio de video. Inténtalo de nuevo en unos minutos. ${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `La cuenta del bot en el servicio de video se quedó sin créditos. Pide al operador del bot que la recargue. ${GIVEN_BACK}`,
  SHOTS_REQUIRED: `El servicio de video no encontró ninguna toma en la solicitud. Escribe un prompt (hasta 21 tomas separadas con ||). ${GIVEN_BACK}`,
  PROMPT_REQUIRED: `Una toma no tenía prompt. Asegúrate de que ninguna toma entre los separadores || esté vacía. ${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `Número de imágenes incorrecto para este modo: 1 o 2 para frames, de 1 a 3 para reference, ninguna para text. ${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `El servicio de video no pudo usar las imágenes adjuntas. Vuelve a adjuntarlas como archivos PNG, JPEG o WebP. ${GIVEN_BACK}`,
  GENERATION_FAILED: `El servicio de video no pudo crear este video. Inténtalo de nuevo o cambia el prompt o las imágenes. ${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `El bot consultó mal al servicio de video sobre este video. Avisa al operador del bot, por favor. ${GIVEN_BACK}`,
  TASK_NOT_FOUND: 'El servicio de video ya no reconoce este video. Se te devolvieron los créditos de las tomas sin terminar; vuelve a empezarlo.',
  INTERNAL_ERROR: `El servicio de video tuvo un error interno. Inténtalo de nuevo en unos minutos. ${GIVEN_BACK}`,
  UNKNOWN: `El servicio de video rechazó la solicitud. Inténtalo más tarde; si sigue pasando, avisa al operador del bot. ${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    'El servicio de video no respondió a tiempo, así que el bot no puede saber si empezó este video y no lo enviará dos veces. Se te devolvieron los créditos; inténtalo de nuevo.',
  TRANSPORT_TIMEOUT: `No se pudo contactar con el servicio de video. Inténtalo de nuevo en unos minutos. ${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `No se pudo contactar con el servicio de video. Inténtalo de nuevo en unos minutos. ${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `El servicio de video respondió algo que el bot no pudo leer. Inténtalo de nuevo en unos minutos. ${GIVEN_BACK}`,
  INTERNAL: `Algo salió mal en el bot. ${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    'El servicio de video estuvo ocupado tanto tiempo que los enlaces de tus imágenes habrían caducado antes de tu turno, así que se descartó la solicitud. Se te devolvieron los créditos; inténtalo más tarde.',
  discord_unavailable: 'Discord no aceptó la respuesta a tiempo, así que no se envió nada al servicio de video. Se te devolvieron los créditos.',
  timeout: 'El servicio de video no terminó a tiempo. Se te devolvieron los créditos de las tomas sin terminar.',
  NO_VIDEO_URL: 'El servicio de video terminó este video, pero no dio ningún enlace. Se te devolvieron los créditos; inténtalo de nuevo.',
  ...turnsFailures,
  CANCELLED: 'Se canceló antes de enviarse al servicio de video. Sus créditos se devolvieron.',
  APPROVAL_DENIED: "Un moderador rechazó esta solicitud antes de que se hiciera nada. Se te devolvieron los créditos.",
  APPROVAL_EXPIRED: "Ningún moderador decidió sobre esta solicitud a tiempo, así que se descartó. Se te devolvieron los créditos; vuelve a pedirlo más tarde.",
  APPROVAL_UNAVAILABLE: "El canal de aprobación de este servidor ya no existe o el bot no puede publicar allí, así que ningún moderador pudo ver esta solicitud. Se te devolvieron los créditos; avisa a los administradores del servidor.",
  APPROVAL_IMAGES_EXPIRED: "Un moderador aprobó esta solicitud, pero para entonces los enlaces de sus imágenes habían caducado. Se te devolvieron los créditos; vuelve a pedirlo subiendo de nuevo las imágenes.",
  KEY_REMOVED: 'El operador del bot quitó la clave de API con la que se estaba haciendo este video, así que el bot ya no puede consultarlo. Se te devolvieron los créditos.',
  SERVER_KEY_REFUSED: "Los videos están en pausa en este servidor: nanophoto ya no acepta la cuenta que los paga. Se avisó a los administradores del servidor. No se cobró nada; se te devolvieron los créditos.",
  SERVER_KEY_REMOVED: "Este servidor dejó de pagar sus videos con su propia cuenta de nanophoto antes de que saliera el tuyo, así que no se envió. No se cobró nada; se te devolvieron los créditos.",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})} ${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})} ${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ Esperando a un moderador",
  queued: '⏳ En cola: el servicio de video está ocupado',
  submitting: '📨 Enviando tu video…',
  running: '🎬 Generando tu video…',
  completed: '✅ Tu video está listo',
  partial: '⚠️ Tu video está listo en parte',
  failed: '❌ No se pudo crear el video',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ esperando aprobación",
  queued: '⏳ en cola',
  submitting: '📨 enviando',
  running: '🎬 generando',
  completed: '✅ listo',
  partial: '⚠️ listo en parte',
  failed: '❌ falló',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "novedades sobre el video que pediste:",
  queued: 'novedades sobre el video que pediste:',
  submitting: 'novedades sobre el video que pediste:',
  running: 'novedades sobre el video que pediste:',
  completed: 'aquí está el video que pediste:',
  partial: 'esto es lo que se pudo crear del video que pediste:',
  failed: 'no se pudo crear el video que pediste:',
};

export const generation = {
  'generation.title': (p) => titles[p.state],
  'generation.stateLabel': (p) => stateLabels[p.state],
  'generation.pingLead': (p) => `${userMention(p.userId)}, ${pingLeads[p.state]}`,
  'generation.dmLead': (p) => `No pude publicar en ${channelMention(p.channelId)}, así que te lo cuento aquí:`,
  'generation.failure': (p) => failures[p.code],
  'generation.accountEmpty': () =>
    'La cuenta de video del bot se quedó sin créditos, así que tu solicitud espera en la cola. Empezará cuando el operador del bot la recargue; no se cobró nada.',
  'generation.partialShots': (p) =>
    `${number(p.failed)} de ${number(p.total)} tomas ${plural(p.failed, { one: 'no se pudo crear', many: 'no se pudieron crear', other: 'no se pudieron crear' })}; se te devolvieron sus créditos.`,
  'generation.reason': (p) => `**${p.failed ? 'Motivo' : 'Nota'}:** ${p.text}`,
  'generation.mode': (p) => p.mode,
  'generation.cost': (p) => costText(p, costWords),
  'generation.shotsDone': (p) => `${number(p.done)} de ${number(p.total)} listas`,
  'generation.duration': (p) => duration(p.seconds),
  'generation.footer': (p) => `Generación n.º ${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'Modo',
  'generation.field.aspect': () => 'Formato',
  'generation.field.resolution': () => 'Resolución',
  'generation.field.cost': () => 'Costo',
  'generation.field.shots': () => 'Tomas',
  'generation.field.started': () => 'Iniciado',
  'generation.field.queuePosition': () => 'Posición en la cola',
  'generation.field.expectedStart': () => 'Inicio previsto',
  'generation.field.expected': () => 'Fin previsto',
  'generation.field.generationTime': () => 'Tiempo de generación',

  'status.title': () => 'Tus videos',
  'status.empty': () => 'Todavía no has creado ningún video en este servidor. Prueba `/veo prompt`.',
  'status.videoLink': (p) => `${hyperlink('video', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'generation.hostedNote': () => 'Este video está alojado en el servicio de video y puede caducar; descárgalo para conservarlo.',
  'generation.shotsAttached': (p) =>
    `${plural(p.attached, { one: 'La toma 1 está adjunta', many: `Las tomas 1–${number(p.attached)} están adjuntas`, other: `Las tomas 1–${number(p.attached)} están adjuntas` })}; las otras ${number(p.total - p.attached)} no cabían en un mensaje y son enlaces del servicio de video (pueden caducar).`,
  'generation.source': (p) => (p.shot === null ? 'Fuente' : `Fuente ${number(p.shot)}`),
  'generation.sourceLine': (p) => `**Fuente:** ${p.url}`,
  'generation.linksLeftOut': (p) => `${number(p.count)} ${plural(p.count, { one: 'enlace más es demasiado largo', many: 'de enlaces más son demasiado largos', other: 'enlaces más son demasiado largos' })} para un mensaje de Discord.`,
  'status.videoDetails': (p) => `video: /veo status id:${p.id}`,
  'status.footer': () => 'Detalles: /veo status id:<número>',
} satisfies Words<typeof english>;
