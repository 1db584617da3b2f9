import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { generation as english } from '../en/generation.js';
import { costText, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number, plural } from './format.js';
import type { Words } from '../words.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)} (nicht berechnet)`,
  charged: credits,
  refunded: (n) => `${credits(n)} (erstattet)`,
  partlyRefunded: (net, refunded) => `${credits(net)} (${number(refunded)} erstattet)`,
};

const GIVEN_BACK = 'Ihre Credits wurden zurückerstattet.';

const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `Der Videodienst hat den API-Schlüssel des Bots abgelehnt. Bitten Sie den Betreiber des Bots, NANOPHOTO_API_KEY zu prüfen. ${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `Der Bot hat das stündliche Anfragelimit des Videodienstes erreicht. Versuchen Sie es in ein paar Minuten erneut. ${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `Das Konto des Bots beim Videodienst hat keine Credits mehr. Bitten Sie den Betreiber des Bots, es aufzuladen. ${GIVEN_BACK}`,
  SHOTS_REQUIRED: `Der Videodienst hat in der Anfrage keine Szene gefunden. Schreiben Sie einen Prompt (bis zu 21 Szenen, getrennt durch ||). ${GIVEN_BACK}`,
  PROMPT_REQUIRED: `Eine Szene hatte keinen Prompt. Achten Sie darauf, dass zwischen den Trennzeichen || keine Szene leer ist. ${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `Falsche Anzahl an Bildern für diesen Modus: 1–2 für frames, 1–3 für reference, keine für text. ${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `Der Videodienst konnte die angehängten Bilder nicht verwenden. Hängen Sie sie erneut als PNG-, JPEG- oder WebP-Dateien an. ${GIVEN_BACK}`,
  GENERATION_FAILED: `Der Videodienst konnte dieses Video nicht erstellen. Versuchen Sie es erneut oder ändern Sie den Prompt oder die Bilder. ${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `Der Bot hat den Videodienst falsch nach diesem Video gefragt. Bitte informieren Sie den Betreiber des Bots. ${GIVEN_BACK}`,
  TASK_NOT_FOUND: 'Der Videodienst kennt dieses Video nicht mehr. Die Credits für die unfertigen Szenen wurden zurückerstattet; starten Sie es bitte neu.',
  INTERNAL_ERROR: `Beim Videodienst ist ein interner Fehler aufgetreten. Versuchen Sie es in ein paar Minuten erneut. ${GIVEN_BACK}`,
  UNKNOWN: `Der Videodienst hat die Anfrage abgelehnt. Versuchen Sie es später erneut; wenn das weiter passiert, informieren Sie den Betreiber des Bots. ${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    'Der Videodienst hat nicht rechtzeitig geantwortet. Der Bot kann nicht feststellen, ob das Video gestartet wurde, und sendet es nicht doppelt. Ihre Credits wurden zurückerstattet; versuchen Sie es erneut.',
  TRANSPORT_TIMEOUT: `Der Videodienst war nicht erreichbar. Versuchen Sie es in ein paar Minuten erneut. ${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `Der Videodienst war nicht erreichbar. Versuchen Sie es in ein paar Minuten erneut. ${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `Der Videodienst hat etwas geantwortet, das der Bot nicht lesen konnte. Versuchen Sie es in ein paar Minuten erneut. ${GIVEN_BACK}`,
  INTERNAL: `Auf Seiten des Bots ist etwas schiefgelaufen. ${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    'Der Videodienst war so lange ausgelastet, dass die Links Ihrer Bilder vor Ihrem Start abgelaufen wären; die Anfrage wurde daher verworfen. Ihre Credits wurden zurückerstattet; versuchen Sie es später erneut.',
  discord_unavailable: 'Discord hat die Antwort nicht rechtzeitig angenommen, daher wurde nichts an den Videodienst gesendet. Ihre Credits wurden zurückerstattet.',
  timeout: 'Der Videodienst ist nicht rechtzeitig fertig geworden. Die Credits für die unfertigen Szenen wurden zurückerstattet.',
  NO_VIDEO_URL: 'Der Videodienst hat das Video fertiggestellt, aber keinen Link dazu geliefert. Ihre Credits wurden zurückerstattet; versuchen Sie es erneut.',
  ...turnsFailures,
  CANCELLED: 'Sie wurde abgebrochen, bevor sie an den Videodienst ging. Die Credits wurden zurückgegeben.',
  APPROVAL_DENIED: "Eine Moderatorin oder ein Moderator hat diese Anfrage abgelehnt, bevor etwas erstellt wurde. Ihre Credits wurden zurückgegeben.",
  APPROVAL_EXPIRED: "Niemand aus der Moderation hat rechtzeitig über diese Anfrage entschieden, daher wurde sie verworfen. Ihre Credits wurden zurückgegeben; versuchen Sie es später erneut.",
  APPROVAL_UNAVAILABLE: "Der Freigabekanal dieses Servers existiert nicht mehr oder der Bot darf dort nicht posten, daher konnte niemand aus der Moderation diese Anfrage sehen. Ihre Credits wurden zurückgegeben; informieren Sie die Admins des Servers.",
  APPROVAL_IMAGES_EXPIRED: "Die Moderation hat diese Anfrage freigegeben, aber die Links ihrer Bilder waren inzwischen abgelaufen. Ihre Credits wurden zurückgegeben; stellen Sie die Anfrage mit neu hochgeladenen Bildern erneut.",
  KEY_REMOVED: 'Der Betreiber des Bots hat den API-Schlüssel entfernt, mit dem dieses Video erstellt wurde; der Bot kann es daher nicht mehr abfragen. Ihre Credits wurden zurückerstattet.',
  SERVER_KEY_REFUSED: "Videos sind auf diesem Server pausiert: nanophoto akzeptiert das Konto, das sie bezahlt, nicht mehr. Die Admins des Servers wurden informiert. Es wurde nichts berechnet; Ihre Credits wurden zurückerstattet.",
  SERVER_KEY_REMOVED: "Dieser Server bezahlt seine Videos nicht mehr mit seinem eigenen nanophoto-Konto, bevor Ihres gesendet wurde; es wurde daher nicht gesendet. Es wurde nichts berechnet; Ihre Credits wurden zurückerstattet.",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})} ${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})} ${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ Wartet auf die Moderation",
  queued: '⏳ In der Warteschlange: Der Videodienst ist ausgelastet',
  submitting: '📨 Ihr Video wird übermittelt…',
  running: '🎬 Ihr Video wird erstellt…',
  completed: '✅ Ihr Video ist fertig',
  partial: '⚠️ Ihr Video ist teilweise fertig',
  failed: '❌ Das Video konnte nicht erstellt werden',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ wartet auf Freigabe",
  queued: '⏳ wartet',
  submitting: '📨 wird übermittelt',
  running: '🎬 wird erstellt',
  completed: '✅ fertig',
  partial: '⚠️ teilweise fertig',
  failed: '❌ fehlgeschlagen',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "ein Update zu Ihrem angeforderten Video:",
  queued: 'ein Update zu Ihrem angeforderten Video:',
  submitting: 'ein Update zu Ihrem angeforderten Video:',
  running: 'ein Update zu Ihrem angeforderten Video:',
  completed: 'hier ist Ihr angefordertes Video:',
  partial: 'hier ist, was von Ihrem angeforderten Video erstellt werden konnte:',
  failed: 'Ihr angefordertes Video konnte nicht erstellt werden:',
};

export const generation = {
  'generation.title': (p) => titles[p.state],
  'generation.stateLabel': (p) => stateLabels[p.state],
  'generation.pingLead': (p) => `${userMention(p.userId)}, ${pingLeads[p.state]}`,
  'generation.dmLead': (p) => `Ich konnte nicht in ${channelMention(p.channelId)} posten, deshalb schreibe ich Ihnen hier:`,
  'generation.failure': (p) => failures[p.code],
  'generation.accountEmpty': () =>
    'Das Videokonto des Bots hat keine Credits mehr, daher wartet Ihre Anfrage in der Warteschlange. Sie startet, sobald der Betreiber des Bots es aufgeladen hat; es wurde nichts berechnet.',
  'generation.partialShots': (p) =>
    `${number(p.failed)} von ${number(p.total)} Szenen ${plural(p.failed, { one: 'konnte', other: 'konnten' })} nicht erstellt werden; die Credits dafür wurden zurückerstattet.`,
  'generation.reason': (p) => `**${p.failed ? 'Grund' : 'Hinweis'}:** ${p.text}`,
  'generation.mode': (p) => p.mode,
  'generation.cost': (p) => costText(p, costWords),
  'generation.shotsDone': (p) => `${number(p.done)} von ${number(p.total)} fertig`,
  'generation.duration': (p) => duration(p.seconds),
  'generation.footer': (p) => `Generierung #${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'Modus',
  'generation.field.aspect': () => 'Format',
  'generation.field.resolution': () => 'Auflösung',
  'generation.field.cost': () => 'Kosten',
  'generation.field.shots': () => 'Szenen',
  'generation.field.started': () => 'Gestartet',
  'generation.field.queuePosition': () => 'Platz in der Warteschlange',
  'generation.field.expectedStart': () => 'Voraussichtlicher Start',
  'generation.field.expected': () => 'Voraussichtlich fertig',
  'generation.field.generationTime': () => 'Erstellungsdauer',

  'status.title': () => 'Ihre Videos',
  'status.empty': () => 'Sie haben auf diesem Server noch keine Videos erstellt. Probieren Sie `/veo prompt` aus.',
  'status.videoLink': (p) => `${hyperlink('Video', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'generation.hostedNote': () => 'Dieses Video liegt beim Videodienst und kann ablaufen; laden Sie es herunter, um es zu behalten.',
  'generation.shotsAttached': (p) =>
    `${plural(p.attached, { one: 'Szene 1 ist', other: `Szenen 1–${number(p.attached)} sind` })} angehängt; die übrigen ${number(p.total - p.attached)} passten nicht in eine Nachricht und sind Links beim Videodienst (sie können ablaufen).`,
  'generation.source': (p) => (p.shot === null ? 'Quelle' : `Quelle ${number(p.shot)}`),
  'generation.sourceLine': (p) => `**Quelle:** ${p.url}`,
  'generation.linksLeftOut': (p) => `${number(p.count)} ${plural(p.count, { one: 'weiterer Link ist', other: 'weitere Links sind' })} zu lang für eine Discord-Nachricht.`,
  'status.videoDetails': (p) => `Video: /veo status id:${p.id}`,
  'status.footer': () => 'Details: /veo status id:<Nummer>',
} satisfies Words<typeof english>;
