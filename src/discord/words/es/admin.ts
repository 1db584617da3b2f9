import { roleMention, userMention } from 'discord.js';
import type { adminWords as english } from '../en/admin.js';
import type { Words } from '../words.js';
import { credits, dateTime, number, periodNoun, perPeriod, plural, relative, thisPeriod } from './format.js';

/** "N credits left", the verb agreeing with the count. */
const left = (n: number) => `${plural(n, { one: 'queda', many: 'quedan', other: 'quedan' })} ${credits(n)}`;
/** The participle that agrees with a count of credits used. */
const used = (n: number) => plural(n, { one: 'usado', many: 'usados', other: 'usados' });

export const adminWords = {
  'usage.title': (p) => `Créditos de video usados ${thisPeriod(p.period)}`,
  'usage.total': (p) =>
    p.budget === null
      ? `**${credits(p.used)}** ${used(p.used)}; no hay presupuesto del servidor.`
      : `**${credits(p.used)}** ${used(p.used)} de un presupuesto de ${credits(p.budget)}; ${left(Math.max(0, p.budget - p.used))}.`,
  'usage.resets': (p) => `Se restablece ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'usage.field.settled': () => 'Cobrados',
  'usage.field.refunded': () => 'Reembolsados',
  'usage.field.open': () => 'Reservas abiertas',
  'usage.field.adjusted': () => 'Ajustados por admins',
  'usage.field.generations': () => 'Generaciones',
  'usage.field.refunds': () => 'Reembolsos',
  'usage.field.releases': () => 'Fallos (liberados sin cobro)',
  'usage.field.top': () => 'Miembros que más gastaron',
  'usage.topMember': (p) => `${p.rank}. ${userMention(p.userId)}: ${credits(p.used)}`,
  'usage.nobody': () => 'Nadie ha usado créditos todavía.',
  'usage.footer': (p) => `Usados = cobrados − reembolsados + abiertos + ajustados · ${p.periodKey}`,

  'settings.title': () => 'Ajustes de créditos de video',
  'settings.state': (p) =>
    p.operatorPaused
      ? 'El operador del bot **pausó** la generación de videos en todos los servidores.'
      : p.budget === 0
      ? 'La generación de videos está **desactivada**: el presupuesto es de 0 créditos.'
      : p.paused
        ? 'Los administradores **pausaron** la generación de videos.'
        : 'La generación de videos está **activada**.',
  'settings.defaults': () => 'El servidor usa los ajustes predeterminados del bot.',
  'settings.changed': (p) => `Último cambio de ${userMention(p.adminId)} ${relative(p.at)}.`,
  'settings.field.budget': () => 'Presupuesto del servidor',
  'settings.field.defaultCap': () => 'Límite predeterminado por miembro',
  'settings.field.ceiling': () => 'Tope del operador',
  'settings.field.global': () => 'Todos los servidores (operador)',
  'settings.ceiling': (p) => (p.ceiling === null ? 'ninguno: cualquier presupuesto' : `como máximo ${perPeriod(p.ceiling, p.period)}`),
  'settings.global': (p) =>
    `${plural(p.remaining, { one: 'Queda', many: 'Quedan', other: 'Quedan' })} ${number(p.remaining)} de ${perPeriod(p.budget, p.period)} para todos los servidores del bot; se restablece ${relative(p.resetsAt)}`,
  'settings.field.confirmFrom': () => 'Confirmar desde',
  'settings.field.roles': () => 'Asignaciones por rol',
  'settings.field.members': () => 'Límites por miembro',
  'settings.budget': (p) => (p.budget === null ? `ilimitado (período: ${periodNoun[p.period]})` : perPeriod(p.budget, p.period)),
  'settings.cap': (p) => (p.cap === null ? 'sin límite' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p) => `${roleMention(p.roleId)}: ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p) => `${userMention(p.userId)}: ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'Ninguno',
  'settings.footer': () => 'Gana el límite propio de un miembro; si no, su mayor asignación por rol; si no, el límite predeterminado.',

  'budget.unlimited': (p) =>
    `Presupuesto ilimitado: sin límite para todo el servidor. Los límites por miembro siguen contando por ${periodNoun[p.period]}; ${number(p.used)} ${used(p.used)} hasta ahora; se restablece ${relative(p.resetsAt)}.`,
  'budget.unlimitedCapped': (p) =>
    `Presupuesto fijado en lo máximo que el operador del bot permite a este servidor: ${perPeriod(p.ceiling, p.ceilingPeriod)}. ${number(p.used)} ${used(p.used)} hasta ahora; se restablece ${relative(p.resetsAt)}.`,
  'budget.ceilingBinds': (p) =>
    `El operador del bot sigue permitiendo a este servidor como máximo ${perPeriod(p.ceiling, p.period)}; se aplica el límite que se alcance primero.`,
  'budget.off': () =>
    'Presupuesto fijado en 0 créditos: la generación de videos queda desactivada en este servidor. Fija un presupuesto mayor que 0 para volver a activarla.',
  'budget.set': (p) => `Presupuesto fijado en ${perPeriod(p.budget, p.period)}. ${number(p.used)} ${used(p.used)} hasta ahora; se restablece ${relative(p.resetsAt)}.`,
  'budget.stillPaused': () => 'La generación sigue en pausa: /veo-admin resume la vuelve a activar.',
  'memberCap.defaultRemoved': () =>
    'Se quitó el límite predeterminado por miembro: los miembros solo están limitados por sus asignaciones por rol y el presupuesto del servidor.',
  'memberCap.defaultSet': (p) =>
    `Límite predeterminado por miembro fijado en ${perPeriod(p.cap, p.period)}. Las asignaciones por rol y los límites propios de los miembros siguen teniendo prioridad.`,
  'memberCap.noneToRemove': (p) => `${userMention(p.userId)} no tiene límite propio; no cambió nada.`,
  'memberCap.removed': (p) =>
    `Se quitó el límite propio de ${userMention(p.userId)}: vuelven a aplicarse las asignaciones de sus roles o el predeterminado del servidor.`,
  'memberCap.blocked': (p) => `Límite de ${userMention(p.userId)} fijado en 0: no podrá crear videos en este servidor hasta que lo cambies.`,
  'memberCap.set': (p) => `Límite de ${userMention(p.userId)} fijado en ${perPeriod(p.cap, p.period)}, sin importar lo que permitan sus roles.`,
  'roleAllowance.noneToRemove': (p) => `${roleMention(p.roleId)} no tiene asignación; no cambió nada.`,
  'roleAllowance.removed': (p) => `Se quitó la asignación de ${roleMention(p.roleId)}.`,
  'roleAllowance.set': (p) =>
    `Los miembros con ${roleMention(p.roleId)} ahora pueden gastar hasta ${perPeriod(p.allowance, p.period)} (se aplica la mayor asignación entre los roles de cada miembro).`,
  'confirmThreshold.always': () => 'Ahora cada solicitud de video pide confirmación al miembro antes de gastar nada.',
  'confirmThreshold.set': (p) => `Ahora las solicitudes de video que cuesten ${credits(p.threshold)} o más piden confirmación al miembro.`,
  'adjust.done': (p) =>
    `${p.credits > 0 ? `Se ${plural(p.credits, { one: 'devolvió', many: 'devolvieron', other: 'devolvieron' })} ${credits(p.credits)} a` : `Se ${plural(-p.credits, { one: 'quitó', many: 'quitaron', other: 'quitaron' })} ${credits(-p.credits)} a`} ${userMention(p.userId)}. ` +
    `Ahora lleva ${credits(p.memberUsed)} ${used(p.memberUsed)} en este período; el servidor, ${credits(p.serverUsed)}.`,
  'pause.already': () => 'La generación de videos ya estaba en pausa; no cambió nada.',
  'pause.done': () =>
    'La generación de videos está en pausa en este servidor: las nuevas solicitudes se rechazan hasta que uses /veo-admin resume. Los videos que ya se están creando se terminarán.',
  'resume.notPaused': () => 'La generación de videos no estaba en pausa; no cambió nada.',
  'resume.budgetZero': () =>
    'Reanudada, pero el presupuesto es de 0 créditos, así que la generación de videos sigue desactivada hasta que fijes un presupuesto.',
  'resume.done': () => 'Se reanudó la generación de videos: los miembros pueden volver a crear videos.',
} satisfies Words<typeof english>;
