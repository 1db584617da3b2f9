import { roleMention, userMention } from 'discord.js';
import type { adminWords as english } from '../en/admin.js';
import { credits, dateTime, number, periodNoun, perPeriod, relative, thisPeriod } from './format.js';
import type { Words } from '../words.js';

export const adminWords = {
  'usage.title': (p) => `Verbrauchte Video-Credits (${thisPeriod(p.period)})`,
  'usage.total': (p) =>
    p.budget === null
      ? `**${credits(p.used)}** verbraucht; es gibt kein Serverbudget.`
      : `**${credits(p.used)}** von ${credits(p.budget)} Budget verbraucht; ${credits(Math.max(0, p.budget - p.used))} übrig.`,
  'usage.resets': (p) => `Wird ${relative(p.resetsAt)} zurückgesetzt (${dateTime(p.resetsAt)}).`,
  'usage.field.settled': () => 'Abgerechnet',
  'usage.field.refunded': () => 'Erstattet',
  'usage.field.open': () => 'Offene Reservierungen',
  'usage.field.adjusted': () => 'Von Admins korrigiert',
  'usage.field.generations': () => 'Generierungen',
  'usage.field.refunds': () => 'Erstattungen',
  'usage.field.releases': () => 'Fehlschläge (ohne Berechnung freigegeben)',
  'usage.field.top': () => 'Top-Mitglieder',
  'usage.topMember': (p) => `${p.rank}. ${userMention(p.userId)}: ${credits(p.used)}`,
  'usage.nobody': () => 'Bisher hat niemand Credits verbraucht.',
  'usage.footer': (p) => `Verbraucht = abgerechnet − erstattet + offen + korrigiert · ${p.periodKey}`,

  'settings.title': () => 'Einstellungen für Video-Credits',
  'settings.state': (p) =>
    p.operatorPaused
      ? 'Die Videoerstellung wurde vom Betreiber des Bots auf allen Servern **pausiert**.'
      : p.budget === 0
      ? 'Die Videoerstellung ist **ausgeschaltet**: Das Budget beträgt 0 Credits.'
      : p.paused
        ? 'Die Videoerstellung wurde von den Admins **pausiert**.'
        : 'Die Videoerstellung ist **eingeschaltet**.',
  'settings.defaults': () => 'Der Server verwendet die Standardeinstellungen des Bots.',
  'settings.changed': (p) => `Zuletzt geändert von ${userMention(p.adminId)} ${relative(p.at)}.`,
  'settings.field.budget': () => 'Serverbudget',
  'settings.field.defaultCap': () => 'Standardlimit pro Mitglied',
  'settings.field.ceiling': () => 'Obergrenze des Betreibers',
  'settings.field.global': () => 'Alle Server (Betreiber)',
  'settings.ceiling': (p) => (p.ceiling === null ? 'keine: beliebiges Budget' : `höchstens ${perPeriod(p.ceiling, p.period)}`),
  'settings.global': (p) =>
    `Noch ${number(p.remaining)} von ${perPeriod(p.budget, p.period)} für alle Server des Bots übrig; Zurücksetzung ${relative(p.resetsAt)}`,
  'settings.field.confirmFrom': () => 'Bestätigung ab',
  'settings.field.roles': () => 'Rollenkontingente',
  'settings.field.members': () => 'Mitgliederlimits',
  'settings.budget': (p) => (p.budget === null ? `unbegrenzt (Zeitraum: ${periodNoun[p.period]})` : perPeriod(p.budget, p.period)),
  'settings.cap': (p) => (p.cap === null ? 'kein Limit' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p) => `${roleMention(p.roleId)}: ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p) => `${userMention(p.userId)}: ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'Keine',
  'settings.footer': () => 'Das eigene Limit eines Mitglieds hat Vorrang, sonst sein größtes Rollenkontingent, sonst das Standardlimit.',

  'budget.unlimited': (p) =>
    `Budget auf unbegrenzt gesetzt: kein serverweites Limit. Mitgliederlimits gelten weiterhin pro ${periodNoun[p.period]}; bisher ${number(p.used)} verbraucht; Zurücksetzung ${relative(p.resetsAt)}.`,
  'budget.unlimitedCapped': (p) =>
    `Budget auf das Maximum gesetzt, das der Betreiber des Bots diesem Server erlaubt: ${perPeriod(p.ceiling, p.ceilingPeriod)}. Bisher ${number(p.used)} verbraucht; Zurücksetzung ${relative(p.resetsAt)}.`,
  'budget.ceilingBinds': (p) =>
    `Der Betreiber des Bots erlaubt diesem Server weiterhin höchstens ${perPeriod(p.ceiling, p.period)}; es gilt das Limit, das zuerst erreicht wird.`,
  'budget.off': () =>
    'Budget auf 0 Credits gesetzt: Die Videoerstellung ist auf diesem Server jetzt ausgeschaltet. Legen Sie ein Budget über 0 fest, um sie wieder einzuschalten.',
  'budget.set': (p) => `Budget auf ${perPeriod(p.budget, p.period)} gesetzt. Bisher ${number(p.used)} verbraucht; Zurücksetzung ${relative(p.resetsAt)}.`,
  'budget.stillPaused': () => 'Die Videoerstellung ist weiterhin pausiert: /veo-admin resume schaltet sie wieder ein.',
  'memberCap.defaultRemoved': () =>
    'Standardlimit pro Mitglied entfernt: Mitglieder sind nur noch durch ihre Rollenkontingente und das Serverbudget begrenzt.',
  'memberCap.defaultSet': (p) =>
    `Standardlimit pro Mitglied auf ${perPeriod(p.cap, p.period)} gesetzt. Rollenkontingente und eigene Limits von Mitgliedern haben weiterhin Vorrang.`,
  'memberCap.noneToRemove': (p) => `${userMention(p.userId)} hat kein eigenes Limit; nichts wurde geändert.`,
  'memberCap.removed': (p) =>
    `Eigenes Limit von ${userMention(p.userId)} entfernt: Es gelten wieder die Rollenkontingente oder der Serverstandard.`,
  'memberCap.blocked': (p) =>
    `Limit von ${userMention(p.userId)} auf 0 gesetzt: Dieses Mitglied kann auf diesem Server keine Videos erstellen, bis Sie es ändern.`,
  'memberCap.set': (p) => `Limit von ${userMention(p.userId)} auf ${perPeriod(p.cap, p.period)} gesetzt, unabhängig von den Rollen.`,
  'roleAllowance.noneToRemove': (p) => `${roleMention(p.roleId)} hat kein Kontingent; nichts wurde geändert.`,
  'roleAllowance.removed': (p) => `Kontingent von ${roleMention(p.roleId)} entfernt.`,
  'roleAllowance.set': (p) =>
    `Mitglieder mit ${roleMention(p.roleId)} können jetzt bis zu ${perPeriod(p.allowance, p.period)} ausgeben (es gilt das größte Kontingent unter den Rollen eines Mitglieds).`,
  'confirmThreshold.always': () => 'Jede Videoanfrage muss jetzt vom Mitglied bestätigt werden, bevor etwas ausgegeben wird.',
  'confirmThreshold.set': (p) => `Videoanfragen ab ${credits(p.threshold)} müssen jetzt vom Mitglied bestätigt werden.`,
  'adjust.done': (p) =>
    `${p.credits > 0 ? `${credits(p.credits)} an ${userMention(p.userId)} zurückgegeben` : `${credits(-p.credits)} von ${userMention(p.userId)} abgezogen`}. ` +
    `Dieses Mitglied hat in diesem Zeitraum jetzt ${credits(p.memberUsed)} verbraucht, der Server ${credits(p.serverUsed)}.`,
  'pause.already': () => 'Die Videoerstellung war bereits pausiert; nichts wurde geändert.',
  'pause.done': () =>
    'Die Videoerstellung ist auf diesem Server pausiert: Neue Anfragen werden abgelehnt, bis Sie /veo-admin resume ausführen. Videos, die bereits erstellt werden, werden fertiggestellt.',
  'resume.notPaused': () => 'Die Videoerstellung war nicht pausiert; nichts wurde geändert.',
  'resume.budgetZero': () =>
    'Fortgesetzt, aber das Budget beträgt 0 Credits, daher bleibt die Videoerstellung ausgeschaltet, bis Sie ein Budget festlegen.',
  'resume.done': () => 'Die Videoerstellung wurde fortgesetzt: Mitglieder können wieder Videos erstellen.',
} satisfies Words<typeof english>;
