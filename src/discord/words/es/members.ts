import { messageLink, userMention } from 'discord.js';
import type { memberWords as english } from '../en/members.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const requests = (n: number) => `${number(n)} ${plural(n, { one: 'solicitud', many: 'de solicitudes', other: 'solicitudes' })}`;
const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)} (\`/veo status id:${p.id}\`)` : `#${number(p.id)} (${messageLink(p.channelId, p.messageId, p.guildId)})`;

export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `Tienes ${requests(active)} en espera o en proceso en este servidor, y el límite es ${number(limit)} a la vez. ` +
    'Espera a que termine una, o cancela una en espera con su botón Cancelar; no se cobró nada.',
  duplicate_request: (p) => `Pediste este mismo video hace un momento: ${firstRequest(p)}. No se cobró nada dos veces.`,
  member_cooldown: ({ until, failures }) =>
    `El servicio de video rechazó o no pudo hacer ${requests(failures)} tuyas en una hora, así que tus nuevas solicitudes en este servidor esperan hasta ${relative(until)}. No se cobró nada.`,
  withdraw_not_allowed: ({ id }) => `Solo el miembro que pidió el video n.º ${number(id)}, o alguien con Gestionar mensajes, puede cancelarlo.`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `El video n.º ${number(id)} ya se envió al servicio de video, que no puede detener un video iniciado; no se canceló nada.`
      : `El video n.º ${number(id)} ya no está en espera; no se canceló nada.`,
  withdraw_already: ({ id, by }) => (by === null ? `El video n.º ${number(id)} ya se canceló.` : `El video n.º ${number(id)} ya lo canceló ${userMention(by)}.`),
  invalid_member_limit: ({ min, max }) => `El límite por miembro debe ser un número entero de ${number(min)} (sin límite) a ${number(max)}.`,
};

export const memberWords = {
  'members.cancel': () => 'Cancelar',
  'members.cancelledNote': (p) => `Cancelado por ${userMention(p.by)} antes de enviarse. Sus créditos se devolvieron.`,
  'members.waitingHeading': (p) => `En espera (${number(p.count)})`,
  'members.recentHeading': () => 'Recientes',
  'members.waitingEntry': (p) => (p.place === null ? `**#${number(p.id)}** esperando su lugar` : `**#${number(p.id)}** en espera · lugar ${number(p.place)}`),
  'members.field.activeLimit': () => 'Solicitudes activas por miembro',
  'members.activeLimit': (p) => `${p.limit === 0 ? 'sin límite' : `como máximo ${number(p.limit)}`}${p.setHere ? '' : ' (predeterminado del bot)'}`,
  'members.field.waiting': () => 'En espera en este servidor',
  'members.waiting': (p) => requests(p.count),
  'members.field.cooldowns': () => 'Miembros en pausa obligada',
  'members.cooldown': (p) => `${userMention(p.userId)} hasta ${relative(p.until)}`,
  'members.activeLimitSet': (p) =>
    p.limit === 0
      ? 'Ahora los miembros pueden tener cualquier número de solicitudes en espera o en proceso a la vez en este servidor.'
      : `Ahora cada miembro puede tener como máximo ${requests(p.limit)} en espera o en proceso a la vez en este servidor.`,
  'members.cooldownCleared': (p) =>
    p.until === null
      ? `${userMention(p.userId)} no estaba en pausa obligada; sus fallos hasta ahora ya no cuentan.`
      : `Se levantó la pausa obligada de ${userMention(p.userId)} (duraba hasta ${relative(p.until)}); sus fallos hasta ahora ya no cuentan.`,
  'admin.memberLimit.description': () => 'Cuántas solicitudes puede tener cada miembro en espera o en proceso a la vez',
  'admin.memberLimit.amount': () => 'Solicitudes a la vez por miembro; 0 = sin límite',
  'admin.cooldownClear.description': () => 'Levantar la pausa obligada de un miembro tras rechazos del servicio de video',
  'admin.cooldownClear.member': () => 'El miembro cuya pausa obligada termina ahora',
} satisfies Words<typeof english>;
