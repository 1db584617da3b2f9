import { inlineCode, roleMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { creditWords as english } from '../en/credits.js';
import { credits, dateTime, forThisPeriod, limitText, number, relative, thisPeriod } from './format.js';
import type { Words } from '../words.js';

const periodAdjective: Record<Period, string> = { day: 'Tagesbudget', week: 'Wochenbudget', month: 'Monatsbudget' };

export const creditWords = {
  'credits.amount': (p) => credits(p.credits),
  'credits.priceList': (p) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution}: ${perShot}${i === 0 ? ' Credits pro Szene' : ''}`).join(p.separator),

  'confirm.title': (p) => `Dieses Video für ${credits(p.cost)} erstellen?`,
  'confirm.field.cost': () => 'Kosten',
  'confirm.field.leftAfter': () => 'Danach für Sie übrig',
  'confirm.field.video': () => 'Video',
  'confirm.leftAfter': (p) => limitText(p.remaining),
  'confirm.video': (p) => `${p.shots} × ${p.shotSeconds} s · ${p.resolution} · ${p.aspect}`,
  'confirm.footer': () => 'Es wird nichts reserviert, bevor Sie bestätigen.',
  'confirm.make': (p) => `Erstellen (${credits(p.cost)})`,
  'confirm.cancel': () => 'Abbrechen',
  'confirm.expires': (p) => `Diese Frage läuft ${relative(p.at)} ab.`,
  'confirm.shot': (p) => `**${p.shot}.** ${p.prompt}`,
  'confirm.ended': (p) =>
    ({
      confirmed: 'Sie haben diese Frage bereits beantwortet; siehe die Antwort unten.',
      cancelled: 'Sie haben diese Anfrage bereits abgebrochen, es wurden also keine Credits verbraucht.',
      expired: `Diese Frage ist abgelaufen, daher wurde nichts reserviert. ${p.command === 'prompt' || p.command === 'story' ? `Führen Sie ${inlineCode(`/veo ${p.command}`)} erneut aus.` : `Drücken Sie ${p.command === 'again' ? 'Nochmal' : p.command === 'extend' ? 'Verlängern' : 'Remix'} am Video, um erneut zu fragen.`}`,
    })[p.outcome],
  'confirm.closed': () =>
    `Diese Frage ist nicht mehr offen (der Bot wurde womöglich neu gestartet). Falls Sie bestätigt haben, finden Sie Ihr Video unter ${inlineCode('/veo status')}; ` +
    `andernfalls führen Sie ${inlineCode('/veo prompt')} oder ${inlineCode('/veo story')} erneut aus.`,
  'confirm.replaced': () => 'Diese Frage wurde geschlossen, weil Sie seitdem neuere gestellt haben; es wurde also nichts reserviert. Beantworten Sie eine der neueren Fragen.',
  'confirm.cancelled': () => 'Abgebrochen. Es wurden keine Credits verbraucht.',
  'confirm.answered': () => 'Beantwortet; siehe die Antwort unten.',

  'credits.reservedNote': (p) =>
    `Dieses Video kostet ${credits(p.cost)}. ` +
    (p.available === null
      ? 'Ihre Ausgaben sind hier nicht begrenzt.'
      : `Sie können ${thisPeriod(p.period)} noch ${credits(p.available)} ausgeben; das wird ${relative(p.resetsAt)} zurückgesetzt.`),

  'credits.title': () => 'Credits',
  'credits.state': (p) =>
    p.operatorPaused
      ? 'Die Videoerstellung wurde vom Betreiber des Bots auf allen Servern **pausiert**.'
      : !p.enabled
      ? 'Die Videoerstellung ist auf diesem Server ausgeschaltet, bis ein Admin ein Budget festlegt.'
      : p.paused
        ? 'Die Videoerstellung wurde von den Admins **pausiert**.'
        : p.available === null
          ? `Sie können ${thisPeriod(p.period)} **unbegrenzt** ausgeben.`
          : `Sie können ${thisPeriod(p.period)} noch **${credits(p.available)}** ausgeben.`,
  'credits.resets': (p) => `Das ${periodAdjective[p.period]} wird ${relative(p.resetsAt)} zurückgesetzt (${dateTime(p.resetsAt)}).`,
  'credits.field.serverBudget': () => 'Serverbudget',
  'credits.field.serverUsed': () => 'Vom Server verbraucht',
  'credits.field.serverLeft': () => 'Für den Server übrig',
  'credits.field.ceiling': () => 'Obergrenze des Betreibers',
  'credits.field.global': () => 'Alle Server',
  'credits.operatorLimit': (p) =>
    `Noch ${number(p.remaining)} von ${credits(p.amount)} ${forThisPeriod(p.period)} übrig; Zurücksetzung ${relative(p.resetsAt)}`,
  'credits.field.yourCap': () => 'Ihr Limit',
  'credits.field.youUsed': () => 'Von Ihnen verbraucht',
  'credits.field.youLeft': () => 'Für Sie übrig',
  'credits.unlimited': () => 'unbegrenzt',
  'credits.limit': (p) => limitText(p.remaining),
  'credits.cap': (p) => {
    if (p.cap === null) return 'kein Limit';
    const source = { override: 'für Sie festgelegt', role: `über ${roleMention(p.roleId ?? '0')}`, default: 'Serverstandard', none: 'kein Limit' }[p.source];
    return `${credits(p.cap)} (${source})`;
  },
  'credits.footer': (p) => `${p.priceList} · Anfragen ab ${credits(p.confirmFrom)} müssen bestätigt werden`,
} satisfies Words<typeof english>;
