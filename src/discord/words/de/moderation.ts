import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { moderationWords as english } from '../en/moderation.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ Eine Videoanfrage wartet auf Freigabe',
  approved: '✅ Videoanfrage freigegeben',
  denied: '🚫 Videoanfrage abgelehnt',
  expired: '⌛ Videoanfrage abgelaufen: Niemand hat rechtzeitig entschieden',
  cancelled: '↩️ Videoanfrage vom Mitglied abgebrochen',
  unreachable: '⚠️ Videoanfrage beendet: Dieser Kanal war nicht nutzbar',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ erstellt',
  partial: '⚠️ teilweise erstellt',
  failed: '❌ fehlgeschlagen',
  denied: '🚫 von der Moderation abgelehnt',
  expired: '⌛ vor der Freigabe abgelaufen',
  cancelled: '↩️ vom Mitglied abgebrochen',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'Der Kanal existiert nicht mehr',
  no_permission: 'Der Bot darf ihn nicht sehen oder dort nicht posten (Kanal ansehen, Nachrichten senden, Links einbetten)',
};

export const moderationWords: Words<typeof english> = {
  'approval.title': (p) => approvalTitles[p.state],
  'approval.lead': (p) => `${userMention(p.userId)} hat in ${channelMention(p.channelId)} ein Video angefordert.`,
  'approval.field.cost': () => 'Kosten',
  'approval.field.video': () => 'Videoangaben',
  'approval.field.images': () => 'Bilder',
  'approval.field.expires': () => 'Läuft ab',
  'approval.field.decision': () => 'Entscheidung',
  'approval.images': (p) => (p.count === 0 ? 'keine' : `${number(p.count)} ${p.count === 1 ? 'Bild' : 'Bilder'}`),
  'approval.decided': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'der Moderation';
    const when = p.at ? ` ${relative(p.at)}` : '';
    switch (p.state) {
      case 'waiting':
        return 'Noch hat niemand entschieden.';
      case 'approved':
        return `Freigegeben von ${by}${when}.`;
      case 'denied':
        return `Abgelehnt von ${by}${when}.`;
      case 'expired':
        return `Niemand hat rechtzeitig entschieden; die Credits wurden${when} freigegeben.`;
      case 'cancelled':
        return `Das Mitglied hat die Anfrage${when} abgebrochen; die Credits wurden freigegeben.`;
      case 'unreachable':
        return 'Der Bot konnte hier nicht posten, daher wurde die Anfrage beendet und das Mitglied informiert.';
    }
  },
  'approval.reason': (p) => `**Grund:** ${p.reason}`,
  'approval.removed': () => 'Das Ergebnis dieser Anfrage wurde entfernt; Prompt und Bilder werden nicht mehr angezeigt.',
  'approval.footer': (p) => `Generierung #${p.id} · Anfragen von Mitgliedern warten hier, solange die Freigabe aktiv ist`,
  'approval.approve': () => 'Freigeben',
  'approval.deny': () => 'Ablehnen',
  'approval.denyForm.title': () => 'Diese Videoanfrage ablehnen',
  'approval.denyForm.reason': () => 'Grund (optional)',
  'approval.denyForm.placeholder': () => 'Das Mitglied liest ihn in seiner Antwort',

  'approval.reply.waiting': () => 'Die Moderation muss diese Anfrage freigeben, bevor sie erstellt wird; die Credits sind bis dahin reserviert.',
  'approval.reply.approved': () => 'Die Moderation hat diese Anfrage freigegeben.',
  'approval.reply.reason': (p) => `Begründung der Moderation: ${p.reason}`,

  'approval.press.notModerator': () =>
    'Nur die Moderation kann Videoanfragen freigeben oder ablehnen: Mitglieder mit der Freigaberolle, „Nachrichten verwalten“ oder „Server verwalten“.',
  'approval.press.own': () => 'Über Ihre eigene Anfrage können Sie nicht entscheiden; das muss jemand anderes aus der Moderation tun.',
  'approval.press.unknown': () => 'Der Bot kennt hinter dieser Schaltfläche keine Anfrage, die auf Freigabe wartet.',
  'approval.press.ended': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'der Moderation';
    switch (p.state) {
      case 'waiting':
        return 'Diese Anfrage wartet noch auf eine Entscheidung.';
      case 'approved':
        return `Diese Anfrage wurde bereits von ${by} freigegeben.`;
      case 'denied':
        return `Diese Anfrage wurde bereits von ${by} abgelehnt.`;
      case 'expired':
        return 'Diese Anfrage ist bereits abgelaufen: Niemand hat rechtzeitig entschieden, und die Credits wurden freigegeben.';
      case 'cancelled':
        return 'Das Mitglied hat diese Anfrage bereits abgebrochen.';
      case 'unreachable':
        return 'Diese Anfrage wurde bereits beendet: Der Bot konnte im Freigabekanal nicht posten.';
    }
  },
  'approval.press.denied': () => 'Abgelehnt; das Mitglied wurde informiert und seine Credits freigegeben.',

  'log.title': (p) => `Videoanfrage ${outcomes[p.outcome]}`,
  'log.lead': (p) => `${userMention(p.userId)} im Kanal ${channelMention(p.channelId)}`,
  'log.field.outcome': () => 'Ergebnis',
  'log.field.cost': () => 'Berechnet',
  'log.field.reply': () => 'Antwort',
  'log.reply': (p) => hyperlink('Antwort öffnen', p.url),
  'log.noReply': () => 'keine Antwort gespeichert',
  'log.removed': () => 'Dieses Ergebnis wurde entfernt; Prompt und Bilder werden nicht mehr angezeigt.',
  'log.footer': (p) => `Generierung #${p.id}`,

  'approvalAdmin.on': (p) =>
    `Die Freigabe ist aktiv: Videoanfragen von Mitgliedern warten jetzt in ${channelMention(p.channelId)}, bis die Moderation (${p.roleId ? `${roleMention(p.roleId)}, ` : ''}„Nachrichten verwalten“ oder „Server verwalten“) sie freigibt. Ihre Credits sind bis dahin reserviert.`,
  'approvalAdmin.off': () => 'Die Freigabe ist aus: Neue Anfragen warten nicht mehr. Bereits wartende Anfragen warten weiter auf die Moderation.',
  'approvalAdmin.alreadyOff': () => 'Die Freigabe war bereits aus; nichts wurde geändert.',
  'logAdmin.set': (p) => `Jede Videoanfrage auf diesem Server wird ab jetzt in ${channelMention(p.channelId)} protokolliert, sobald sie abgeschlossen ist.`,
  'logAdmin.off': () => 'Das Moderationsprotokoll ist aus; dort wird nichts mehr gepostet.',
  'logAdmin.alreadyOff': () => 'Es gab keinen Protokollkanal; nichts wurde geändert.',

  'moderation.field.approval': () => 'Freigabe durch die Moderation',
  'moderation.approval': (p) =>
    p.channelId === null ? 'aus' : `aktiv, in ${channelMention(p.channelId)}${p.roleId ? `, Moderation: ${roleMention(p.roleId)}` : ''} (und „Nachrichten verwalten“)`,
  'moderation.field.log': () => 'Moderationsprotokoll',
  'moderation.log': (p) => (p.channelId === null ? 'aus' : channelMention(p.channelId)),
  'moderation.field.problems': () => 'Probleme',
  'moderation.problem': (p) =>
    `${p.which === 'approval' ? 'Freigabekanal' : 'Protokollkanal'} ${channelMention(p.channelId)}: ${problems[p.problem]}. ${
      p.which === 'approval' ? 'Wartende Anfragen werden freigegeben, bis das behoben ist.' : 'Es wird nichts protokolliert, bis Sie ihn neu festlegen.'
    }`,

  'admin.approval.description': () => 'Videoanfragen von Mitgliedern warten auf die Moderation',
  'admin.approval.on.description': () => 'Freigabe einschalten: Anfragen warten in einem Kanal auf die Moderation',
  'admin.approval.channel': () => 'Wo die Moderation die wartenden Anfragen sieht',
  'admin.approval.role': () => 'Die Rolle der Moderation („Nachrichten verwalten“ zählt auch)',
  'admin.approval.off.description': () => 'Freigabe ausschalten: Neue Anfragen warten nicht mehr',
  'admin.logChannel.description': () => 'Ein Protokoll aller Videoanfragen für die Moderation',
  'admin.logChannel.set.description': () => 'Jede abgeschlossene Videoanfrage in einem Kanal protokollieren',
  'admin.logChannel.channel': () => 'Der Protokollkanal',
  'admin.logChannel.off.description': () => 'Videoanfragen nicht mehr protokollieren',
};
