import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { moderationWords as english } from '../en/moderation.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ Una solicitud de video espera aprobación',
  approved: '✅ Solicitud de video aprobada',
  denied: '🚫 Solicitud de video rechazada',
  expired: '⌛ Solicitud de video caducada: nadie decidió a tiempo',
  cancelled: '↩️ Solicitud de video cancelada por su miembro',
  unreachable: '⚠️ Solicitud de video descartada: este canal no se podía usar',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ hecha',
  partial: '⚠️ hecha en parte',
  failed: '❌ fallida',
  denied: '🚫 rechazada por un moderador',
  expired: '⌛ caducada antes de la aprobación',
  cancelled: '↩️ cancelada por su miembro',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'el canal ya no existe',
  no_permission: 'el bot no puede verlo o publicar en él (Ver canal, Enviar mensajes, Insertar enlaces)',
};

export const moderationWords: Words<typeof english> = {
  'approval.title': (p) => approvalTitles[p.state],
  'approval.lead': (p) => `${userMention(p.userId)} pidió un video en ${channelMention(p.channelId)}.`,
  'approval.field.cost': () => 'Costo',
  'approval.field.video': () => 'El video',
  'approval.field.images': () => 'Imágenes',
  'approval.field.expires': () => 'Caduca',
  'approval.field.decision': () => 'Decisión',
  'approval.images': (p) => (p.count === 0 ? 'ninguna' : `${number(p.count)} ${plural(p.count, { one: 'imagen', many: 'de imágenes', other: 'imágenes' })}`),
  'approval.decided': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'un moderador';
    const when = p.at ? ` ${relative(p.at)}` : '';
    switch (p.state) {
      case 'waiting':
        return 'Nadie ha decidido todavía.';
      case 'approved':
        return `Aprobada por ${by}${when}.`;
      case 'denied':
        return `Rechazada por ${by}${when}.`;
      case 'expired':
        return `Nadie decidió a tiempo; los créditos se liberaron${when}.`;
      case 'cancelled':
        return `Su miembro la canceló${when}; los créditos se liberaron.`;
      case 'unreachable':
        return 'El bot no podía publicar aquí, así que la solicitud se descartó y se avisó a su miembro.';
    }
  },
  'approval.reason': (p) => `**Motivo:** ${p.reason}`,
  'approval.removed': () => 'El resultado de esta solicitud se eliminó; su prompt y sus imágenes ya no se muestran.',
  'approval.footer': (p) => `Generación n.º ${p.id} · las solicitudes de los miembros esperan aquí mientras la aprobación esté activa`,
  'approval.approve': () => 'Aprobar',
  'approval.deny': () => 'Rechazar',
  'approval.denyForm.title': () => 'Rechazar esta solicitud de video',
  'approval.denyForm.reason': () => 'Motivo (opcional)',
  'approval.denyForm.placeholder': () => 'El miembro lo leerá en su respuesta',

  'approval.reply.waiting': () => 'Un moderador debe aprobar esta solicitud antes de que se haga; sus créditos quedan reservados mientras tanto.',
  'approval.reply.approved': () => 'Un moderador aprobó esta solicitud.',
  'approval.reply.reason': (p) => `Motivo del moderador: ${p.reason}`,

  'approval.press.notModerator': () =>
    'Solo los moderadores pueden aprobar o rechazar solicitudes de video: miembros con el rol de aprobación, Gestionar mensajes o Gestionar servidor.',
  'approval.press.own': () => 'No puedes decidir sobre tu propia solicitud; debe hacerlo otro moderador.',
  'approval.press.unknown': () => 'El bot no conoce ninguna solicitud pendiente de aprobación detrás de este botón.',
  'approval.press.ended': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'un moderador';
    switch (p.state) {
      case 'waiting':
        return 'Esta solicitud todavía espera una decisión.';
      case 'approved':
        return `Esta solicitud ya fue aprobada por ${by}.`;
      case 'denied':
        return `Esta solicitud ya fue rechazada por ${by}.`;
      case 'expired':
        return 'Esta solicitud ya caducó: nadie decidió a tiempo y sus créditos se liberaron.';
      case 'cancelled':
        return 'Su miembro ya canceló esta solicitud.';
      case 'unreachable':
        return 'Esta solicitud ya se descartó: el bot no podía publicar en el canal de aprobación.';
    }
  },
  'approval.press.denied': () => 'Rechazada; se avisó al miembro y se liberaron sus créditos.',

  'log.title': (p) => `Solicitud de video ${outcomes[p.outcome]}`,
  'log.lead': (p) => `${userMention(p.userId)} en ${channelMention(p.channelId)}`,
  'log.field.outcome': () => 'Resultado',
  'log.field.cost': () => 'Cobrado',
  'log.field.reply': () => 'Respuesta',
  'log.reply': (p) => hyperlink('Abrir la respuesta', p.url),
  'log.noReply': () => 'no hay respuesta registrada',
  'log.removed': () => 'Este resultado se eliminó; su prompt y sus imágenes ya no se muestran.',
  'log.footer': (p) => `Generación n.º ${p.id}`,

  'approvalAdmin.on': (p) =>
    `La aprobación está activa: las solicitudes de video de los miembros ahora esperan en ${channelMention(p.channelId)} hasta que un moderador (${p.roleId ? `${roleMention(p.roleId)}, ` : ''}Gestionar mensajes o Gestionar servidor) las apruebe. Sus créditos quedan reservados mientras tanto.`,
  'approvalAdmin.off': () => 'La aprobación está desactivada: las nuevas solicitudes ya no esperan. Las que ya esperan siguen esperando a un moderador.',
  'approvalAdmin.alreadyOff': () => 'La aprobación ya estaba desactivada; no cambió nada.',
  'logAdmin.set': (p) => `Cada solicitud de video hecha en este servidor a partir de ahora se registra en ${channelMention(p.channelId)} cuando termina.`,
  'logAdmin.off': () => 'El registro de moderadores está desactivado; ya no se publica nada allí.',
  'logAdmin.alreadyOff': () => 'No había canal de registro; no cambió nada.',

  'moderation.field.approval': () => 'Aprobación de moderadores',
  'moderation.approval': (p) =>
    p.channelId === null ? 'desactivada' : `activa, en ${channelMention(p.channelId)}${p.roleId ? `, moderadores: ${roleMention(p.roleId)}` : ''} (y Gestionar mensajes)`,
  'moderation.field.log': () => 'Registro de moderadores',
  'moderation.log': (p) => (p.channelId === null ? 'desactivado' : channelMention(p.channelId)),
  'moderation.field.problems': () => 'Problemas',
  'moderation.problem': (p) =>
    `${p.which === 'approval' ? 'Canal de aprobación' : 'Canal de registro'} ${channelMention(p.channelId)}: ${problems[p.problem]}. ${
      p.which === 'approval' ? 'Las solicitudes en espera se descartan hasta que se arregle.' : 'No se registra nada hasta que lo vuelvas a configurar.'
    }`,

  'admin.approval.description': () => 'Las solicitudes de video de los miembros esperan a un moderador',
  'admin.approval.on.description': () => 'Activar la aprobación: las solicitudes esperan a un moderador en un canal',
  'admin.approval.channel': () => 'Dónde ven los moderadores las solicitudes en espera',
  'admin.approval.role': () => 'El rol de los moderadores (Gestionar mensajes también cuenta)',
  'admin.approval.off.description': () => 'Desactivar la aprobación: las nuevas solicitudes ya no esperan',
  'admin.logChannel.description': () => 'Un registro de cada solicitud de video, para los moderadores',
  'admin.logChannel.set.description': () => 'Registrar cada solicitud de video terminada en un canal',
  'admin.logChannel.channel': () => 'El canal de registro',
  'admin.logChannel.off.description': () => 'Dejar de registrar las solicitudes de video',
};
