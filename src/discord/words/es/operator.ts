import type { Period } from '../../../domain/quota/periods.js';
import type { operatorWords as english } from '../en/operator.js';
import type { Words } from '../words.js';
import { credits, number, perPeriod, plural, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** El nombre de un servidor es texto de sus admins: se muestra como texto plano, nunca como formato, y acortado. */
const serverName = serverNames('servidor');
const limit = (amount: number | null, period: Period) => (amount === null ? 'ilimitado' : perPeriod(amount, period));

/** Lo que /veo-operator muestra al operador, y lo que el bot le dice por MD. */
export const operatorWords = {
  'operator.description': () => 'Gestiona todos los servidores: topes, presupuesto global, acceso y pausas',
  'operator.servers.description': () => 'Todos los servidores del bot, con su presupuesto, tope y uso',
  'operator.servers.page': () => 'Número de página (10 servidores por página)',
  'operator.ceiling.description': () => 'Lo máximo que los admins de un servidor pueden fijar como presupuesto',
  'operator.ceiling.amount': () => 'Créditos por periodo; con 0 el servidor no puede gastar nada',
  'operator.ceiling.unlimited': () => 'Sin tope: los admins fijan el presupuesto que quieran',
  'operator.ceiling.period': () => 'El periodo del tope (por defecto: el actual)',
  'operator.server': () => 'El servidor (escribe para buscar por nombre o pega su ID)',
  'operator.global.description': () => 'Lo máximo que pueden gastar todos los servidores juntos',
  'operator.global.amount': () => 'Créditos por periodo para todos los servidores juntos',
  'operator.global.unlimited': () => 'Sin presupuesto global',
  'operator.global.period': () => 'El periodo del presupuesto (por defecto: el actual)',
  'operator.allow.description': () => 'Permite que un servidor use el bot',
  'operator.deny.description': () => 'Impide que un servidor use el bot',
  'operator.pause.description': () => 'Detiene los videos nuevos en todos los servidores (los que están en curso terminan)',
  'operator.resume.description': () => 'Vuelve a permitir videos nuevos y reintenta la cola si la cuenta se quedó sin créditos',
  'operator.usage.description': () => 'El gasto de este periodo por servidor y en total',

  'operator.ceiling.set': (p) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} ya no tiene tope: sus admins pueden fijar cualquier presupuesto.`
      : `${serverName(p.name, p.guildId)} ahora puede gastar como máximo ${perPeriod(p.ceiling, p.period)}, sea cual sea el presupuesto que fijen sus admins.`,
  'operator.global.set': (p) =>
    p.budget === null
      ? 'Ya no hay presupuesto global: cada servidor solo está limitado por su propio presupuesto y su tope.'
      : `Todos los servidores juntos pueden gastar ahora como máximo ${perPeriod(p.budget, p.period)}.`,
  'operator.access.set': (p) =>
    p.changed
      ? `${serverName(p.name, p.guildId)} ${p.allowed ? 'ahora puede usar el bot' : 'ya no puede usar el bot'}.`
      : `${serverName(p.name, p.guildId)} ${p.allowed ? 'puede usar el bot' : 'no puede usar el bot'}, como antes; no cambió nada.`,
  'operator.pause.done': () =>
    'Los videos nuevos están en pausa en todos los servidores. Los videos que ya se están creando terminarán; /veo-operator resume vuelve a permitir videos nuevos.',
  'operator.pause.already': () => 'Los videos nuevos ya estaban en pausa en todas partes; no cambió nada.',
  'operator.resume.done': (p) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? 'No había nada en pausa, ni por ti ni por una cuenta vacía; las pausas propias de cada servidor las levantan sus admins.'
      : [
          p.wasPaused ? 'Los videos nuevos vuelven a estar permitidos en todos los servidores.' : '',
          p.wasEmpty ? 'Las solicitudes en cola se reintentan ahora; si la cuenta sigue vacía, vuelven a esperar.' : '',
          p.wasUnknownPaused ? 'Las solicitudes vuelven a salir por la clave de la API; su cuenta de resultados inciertos empieza de cero.' : '',
          'Los servidores pausados por sus propios admins siguen en pausa.',
        ]
          .filter((line) => line !== '')
          .join(' '),

  'operator.servers.title': (p) => `Servidores: ${number(p.count)} (página ${number(p.page)} de ${number(p.pages)})`,
  'operator.servers.line': (p) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **no permitido**'}${p.paused ? ' · en pausa' : ''}\n` +
    `presupuesto ${limit(p.budget, p.period)} · tope ${limit(p.ceiling, p.ceilingPeriod)} · usado ${thisPeriod(p.period)}: ${credits(p.used)} · ` +
    (p.lastActivity === null ? 'aún sin videos' : `último video ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'El bot no está en ningún servidor.',
  'operator.servers.state': (p) =>
    [
      p.paused ? 'Los videos nuevos están **en pausa** en todas partes.' : '',
      p.accountEmpty ? 'La cuenta de video está **vacía**: la cola espera.' : '',
      p.unknownPaused ? 'Las solicitudes por la clave de la API están **en pausa** tras resultados inciertos: /veo-operator resume.' : '',
    ]
      .filter((line) => line !== '')
      .join(' '),

  'operator.usage.title': (p) => `Créditos de video gastados por todos los servidores ${thisPeriod(p.period)}`,
  'operator.usage.total': (p) =>
    (p.budget === null
      ? `**${credits(p.total)}** ${plural(p.total, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })}; no hay presupuesto global.`
      : `**${credits(p.total)}** ${plural(p.total, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })} de un presupuesto global de ${credits(p.budget)}.`) + ` El periodo se restablece ${relative(p.resetsAt)}.`,
  'operator.usage.field.refunded': () => 'Reembolsados',
  'operator.usage.field.generations': () => 'Generaciones',
  'operator.usage.field.releases': () => 'Fallos (liberados sin cobro)',
  'operator.usage.field.unknowns': () => 'Resultados inciertos (sin cobro a los miembros)',
  'operator.usage.unknowns': (p) => `${number(p.count)}, hasta ${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'Por servidor',
  'operator.usage.server': (p) =>
    `${p.rank}. ${serverName(p.name, p.guildId)}: ${credits(p.charged)}${p.refunded > 0 ? ` (${number(p.refunded)} ${plural(p.refunded, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})` : ''}`,
  'operator.usage.nobody': () => 'Ningún servidor ha gastado créditos en este periodo.',
  'operator.usage.footer': (p) => `Cuenta lo que cobró el servicio de video; no incluye los ajustes de los admins · ${p.periodKey}`,

  'operator.accountEmptyDm': (p) =>
    'La cuenta de nanophoto que paga los videos del bot se quedó sin créditos' +
    (p.requiredCredits === null ? '.' : ` (la última solicitud necesitaba ${credits(p.requiredCredits)}).`) +
    ` Las solicitudes en espera necesitan ${credits(p.waitingCredits)} en total.` +
    ' No se envía ningún video para ningún servidor hasta que vuelva a tener créditos; las solicitudes esperan en la cola y los miembros ven por qué.' +
    ' Recarga la cuenta y luego ejecuta /veo-operator resume; si no, el bot vuelve a intentar una solicitud por su cuenta cada poco tiempo.',
  'operator.unknownOutcomesDm': (p) =>
    `Las solicitudes por la clave de la API de nanophoto están en pausa: ${number(p.count)} ${plural(p.count, { one: 'solicitud', many: 'de solicitudes', other: 'solicitudes' })} de video seguidas ${plural(p.count, { one: 'no recibió', many: 'no recibieron', other: 'no recibieron' })} una respuesta clara` +
    ' (tiempo agotado, conexión cortada o una respuesta que el bot no pudo leer). Puede que el servicio las haya cobrado: tus topes y el presupuesto global las cuentan; a los miembros no se les cobra.' +
    ' Las solicitudes esperan en la cola. Revisa el servicio de video y luego ejecuta /veo-operator resume.',
} satisfies Words<typeof english>;
