import { inlineCode, roleMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { creditWords as english } from '../en/credits.js';
import type { Words } from '../words.js';
import { credits, dateTime, limitText, number, plural, relative, thisPeriod } from './format.js';

const periodAdjective: Record<Period, string> = { day: 'diario', week: 'semanal', month: 'mensual' };

export const creditWords = {
  'credits.amount': (p) => credits(p.credits),
  'credits.priceList': (p) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution}: ${perShot}${i === 0 ? ' créditos por toma' : ''}`).join(p.separator),

  'confirm.title': (p) => `¿Crear este video por ${credits(p.cost)}?`,
  'confirm.field.cost': () => 'Costo',
  'confirm.field.leftAfter': () => 'Te quedará',
  'confirm.field.video': () => 'Video',
  'confirm.leftAfter': (p) => limitText(p.remaining),
  'confirm.video': (p) => `${p.shots} × ${p.shotSeconds} s · ${p.resolution} · ${p.aspect}`,
  'confirm.footer': () => 'No se reserva nada hasta que confirmes.',
  'confirm.make': (p) => `Crear (${credits(p.cost)})`,
  'confirm.cancel': () => 'Cancelar',
  'confirm.expires': (p) => `Esta pregunta caduca ${relative(p.at)}.`,
  'confirm.shot': (p) => `**${p.shot}.** ${p.prompt}`,
  'confirm.ended': (p) =>
    ({
      confirmed: 'Ya respondiste a esta pregunta; mira la respuesta de abajo.',
      cancelled: 'Ya cancelaste esta solicitud, así que no se usó ningún crédito.',
      expired: `Esta pregunta caducó, así que no se reservó nada. ${p.command === 'prompt' || p.command === 'story' ? `Vuelve a usar ${inlineCode(`/veo ${p.command}`)}.` : `Pulsa ${p.command === 'again' ? 'Otra vez' : p.command === 'extend' ? 'Extender' : 'Remix'} en el video para volver a pedirlo.`}`,
    })[p.outcome],
  'confirm.closed': () =>
    `Esta pregunta ya no está abierta (puede que el bot se haya reiniciado). Si la confirmaste, tu video está en ${inlineCode('/veo status')}; ` +
    `si no, vuelve a usar ${inlineCode('/veo prompt')} o ${inlineCode('/veo story')}.`,
  'confirm.replaced': () => 'Esta pregunta se cerró porque hiciste otras más recientes, así que no se reservó nada. Responde a una de las preguntas más recientes.',
  'confirm.cancelled': () => 'Cancelado. No se usó ningún crédito.',
  'confirm.answered': () => 'Respondido; mira la respuesta de abajo.',

  'credits.reservedNote': (p) =>
    `Este video cuesta ${credits(p.cost)}. ` +
    (p.available === null
      ? 'Aquí no hay límite para lo que puedes gastar.'
      : `Puedes gastar ${credits(p.available)} más ${thisPeriod(p.period)}; se restablece ${relative(p.resetsAt)}.`),

  'credits.title': () => 'Créditos',
  'credits.state': (p) =>
    p.operatorPaused
      ? 'El operador del bot **pausó** la generación de videos en todos los servidores.'
      : !p.enabled
      ? 'La generación de videos está desactivada en este servidor hasta que un administrador fije un presupuesto.'
      : p.paused
        ? 'Los administradores **pausaron** la generación de videos.'
        : `Puedes gastar **${limitText(p.available)}** ${thisPeriod(p.period)}.`,
  'credits.resets': (p) => `El presupuesto ${periodAdjective[p.period]} se restablece ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'credits.field.serverBudget': () => 'Presupuesto del servidor',
  'credits.field.serverUsed': () => 'Usado por el servidor',
  'credits.field.serverLeft': () => 'Le queda al servidor',
  'credits.field.ceiling': () => 'Tope del operador',
  'credits.field.global': () => 'Todos los servidores',
  'credits.operatorLimit': (p) =>
    `${plural(p.remaining, { one: 'Queda', many: 'Quedan', other: 'Quedan' })} ${number(p.remaining)} de ${credits(p.amount)} ${thisPeriod(p.period)}; se restablece ${relative(p.resetsAt)}`,
  'credits.field.yourCap': () => 'Tu límite',
  'credits.field.youUsed': () => 'Has usado',
  'credits.field.youLeft': () => 'Te queda',
  'credits.unlimited': () => 'ilimitado',
  'credits.limit': (p) => limitText(p.remaining),
  'credits.cap': (p) => {
    if (p.cap === null) return 'sin límite';
    const source = { override: 'fijado para ti', role: `por ${roleMention(p.roleId ?? '0')}`, default: 'predeterminado del servidor', none: 'sin límite' }[p.source];
    return `${credits(p.cap)} (${source})`;
  },
  'credits.footer': (p) => `${p.priceList} · las solicitudes desde ${credits(p.confirmFrom)} piden confirmación`,
} satisfies Words<typeof english>;
