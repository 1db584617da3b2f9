import type { Period } from '../../../domain/quota/periods.js';
import type { operatorWords as english } from '../en/operator.js';
import type { Words } from '../words.js';
import { credits, number, perPeriod, plural, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** Der Name eines Servers ist Text seiner Admins: als reiner Text gezeigt, nie als Markup, und gekürzt. */
const serverName = serverNames('Server');
const limit = (amount: number | null, period: Period) => (amount === null ? 'unbegrenzt' : perPeriod(amount, period));

/** Was /veo-operator dem Betreiber zeigt und was der Bot ihm per DM mitteilt. */
export const operatorWords = {
  'operator.description': () => 'Alle Server steuern: Obergrenzen, Gesamtbudget, Zugang und Pausen',
  'operator.servers.description': () => 'Alle Server des Bots mit Budget, Obergrenze und Verbrauch',
  'operator.servers.page': () => 'Seitennummer (10 Server pro Seite)',
  'operator.ceiling.description': () => 'Das höchste Budget, das die Admins eines Servers festlegen dürfen',
  'operator.ceiling.amount': () => 'Credits pro Zeitraum; bei 0 kann der Server nichts ausgeben',
  'operator.ceiling.unlimited': () => 'Keine Obergrenze: Die Admins legen ein beliebiges Budget fest',
  'operator.ceiling.period': () => 'Zeitraum der Obergrenze (Standard: der aktuelle)',
  'operator.server': () => 'Der Server (zum Suchen den Namen tippen oder seine ID einfügen)',
  'operator.global.description': () => 'Das Höchste, was alle Server zusammen ausgeben dürfen',
  'operator.global.amount': () => 'Credits pro Zeitraum für alle Server zusammen',
  'operator.global.unlimited': () => 'Kein Gesamtbudget',
  'operator.global.period': () => 'Zeitraum des Budgets (Standard: der aktuelle)',
  'operator.allow.description': () => 'Einem Server die Nutzung des Bots erlauben',
  'operator.deny.description': () => 'Einem Server die Nutzung des Bots entziehen',
  'operator.pause.description': () => 'Neue Videos auf allen Servern stoppen (laufende werden fertig)',
  'operator.resume.description': () => 'Neue Videos wieder erlauben und die Warteschlange nach leerem Konto neu versuchen',
  'operator.usage.description': () => 'Verbrauch in diesem Zeitraum pro Server und insgesamt',

  'operator.ceiling.set': (p) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} hat jetzt keine Obergrenze: Die Admins dürfen ein beliebiges Budget festlegen.`
      : `${serverName(p.name, p.guildId)} darf jetzt höchstens ${perPeriod(p.ceiling, p.period)} ausgeben, egal welches Budget die Admins festlegen.`,
  'operator.global.set': (p) =>
    p.budget === null
      ? 'Jetzt gibt es kein Gesamtbudget: Jeder Server ist nur durch sein eigenes Budget und seine Obergrenze begrenzt.'
      : `Alle Server zusammen dürfen jetzt höchstens ${perPeriod(p.budget, p.period)} ausgeben.`,
  'operator.access.set': (p) =>
    `${serverName(p.name, p.guildId)} darf den Bot ${p.allowed ? '' : p.changed ? 'nicht mehr ' : 'nicht '}` +
    (p.changed ? `${p.allowed ? 'jetzt ' : ''}nutzen.` : 'nutzen, wie bisher; nichts wurde geändert.'),
  'operator.pause.done': () =>
    'Neue Videos sind auf allen Servern pausiert. Videos, die bereits erstellt werden, werden fertiggestellt; /veo-operator resume erlaubt wieder neue.',
  'operator.pause.already': () => 'Neue Videos waren bereits überall pausiert; nichts wurde geändert.',
  'operator.resume.done': (p) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? 'Nichts war von Ihnen oder durch ein leeres Konto pausiert; Pausen einzelner Server heben deren eigene Admins auf.'
      : [
          p.wasPaused ? 'Neue Videos sind auf allen Servern wieder erlaubt.' : '',
          p.wasEmpty ? 'Die Warteschlange wird jetzt erneut versucht; ist das Konto noch leer, wartet sie weiter.' : '',
          p.wasUnknownPaused ? 'Anfragen über den API-Schlüssel gehen wieder hinaus; seine Zählung unklarer Ergebnisse beginnt von vorn.' : '',
          'Von ihren eigenen Admins pausierte Server bleiben pausiert.',
        ]
          .filter((line) => line !== '')
          .join(' '),

  'operator.servers.title': (p) => `Server: ${number(p.count)} (Seite ${number(p.page)} von ${number(p.pages)})`,
  'operator.servers.line': (p) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **nicht erlaubt**'}${p.paused ? ' · pausiert' : ''}\n` +
    `Budget ${limit(p.budget, p.period)} · Obergrenze ${limit(p.ceiling, p.ceilingPeriod)} · ${thisPeriod(p.period)} ${credits(p.used)} verbraucht · ` +
    (p.lastActivity === null ? 'noch keine Videos' : `letztes Video ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'Der Bot ist auf keinem Server.',
  'operator.servers.state': (p) =>
    [
      p.paused ? 'Neue Videos sind überall **pausiert**.' : '',
      p.accountEmpty ? 'Das Videokonto ist **leer**: Die Warteschlange wartet.' : '',
      p.unknownPaused ? 'Anfragen über den API-Schlüssel sind nach unklaren Ergebnissen **pausiert**: /veo-operator resume.' : '',
    ]
      .filter((line) => line !== '')
      .join(' '),

  'operator.usage.title': (p) => `Von allen Servern verbrauchte Video-Credits (${thisPeriod(p.period)})`,
  'operator.usage.total': (p) =>
    (p.budget === null
      ? `**${credits(p.total)}** berechnet; es gibt kein Gesamtbudget.`
      : `**${credits(p.total)}** von ${credits(p.budget)} Gesamtbudget berechnet.`) + ` Der Zeitraum wird ${relative(p.resetsAt)} zurückgesetzt.`,
  'operator.usage.field.refunded': () => 'Erstattet',
  'operator.usage.field.generations': () => 'Generierungen',
  'operator.usage.field.releases': () => 'Fehlschläge (ohne Berechnung freigegeben)',
  'operator.usage.field.unknowns': () => 'Unklare Ergebnisse (Mitgliedern nicht berechnet)',
  'operator.usage.unknowns': (p) => `${number(p.count)}, bis zu ${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'Pro Server',
  'operator.usage.server': (p) =>
    `${p.rank}. ${serverName(p.name, p.guildId)}: ${credits(p.charged)}${p.refunded > 0 ? ` (${number(p.refunded)} erstattet)` : ''}`,
  'operator.usage.nobody': () => 'Kein Server hat in diesem Zeitraum Credits verbraucht.',
  'operator.usage.footer': (p) => `Zählt, was der Videodienst berechnet hat; Korrekturen durch Admins sind nicht enthalten · ${p.periodKey}`,

  'operator.accountEmptyDm': (p) =>
    'Das nanophoto-Konto, das die Videos des Bots bezahlt, hat keine Credits mehr' +
    (p.requiredCredits === null ? '.' : ` (die letzte Anfrage brauchte ${credits(p.requiredCredits)}).`) +
    ` Die wartenden Anfragen brauchen zusammen ${credits(p.waitingCredits)}.` +
    ' Bis es wieder Credits hat, wird für keinen Server ein Video gesendet; Anfragen warten in der Warteschlange, und Mitglieder sehen den Grund.' +
    ' Laden Sie das Konto auf und führen Sie dann /veo-operator resume aus, oder der Bot versucht von selbst in kurzen Abständen erneut eine Anfrage.',
  'operator.unknownOutcomesDm': (p) =>
    `Anfragen über den nanophoto-API-Schlüssel sind pausiert: Die letzten ${number(p.count)} ${plural(p.count, { one: 'Videoanfrage', other: 'Videoanfragen' })} in Folge bekamen keine klare Antwort` +
    ' (Zeitüberschreitung, abgebrochene Verbindung oder eine Antwort, die der Bot nicht lesen konnte). Der Dienst hat sie vielleicht berechnet: Ihre Obergrenzen und das globale Budget zählen sie, Mitgliedern wird nichts berechnet.' +
    ' Anfragen warten in der Warteschlange. Prüfen Sie den Videodienst und führen Sie dann /veo-operator resume aus.',
} satisfies Words<typeof english>;
