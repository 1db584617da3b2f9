import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number, plural } from './format.js';

const serverName = serverNames('Server');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** Warum der eigene Schlüssel eines Servers nicht angenommen wurde oder seine Mitglieder deswegen kein Video starten können. */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => 'Der Betreiber dieses Bots erlaubt Servern keinen eigenen nanophoto-Schlüssel; hier zahlt der Schlüssel des Bots.',
  server_keys_no_secret: () => 'Eigene Schlüssel der Server sind aus: Der Betreiber des Bots hat nicht eingerichtet, wo sie sicher aufbewahrt werden.',
  server_keys_unusable: () => 'Eigene Schlüssel der Server können gerade weder gelesen noch gespeichert werden; der Betreiber des Bots weiß Bescheid. Versuchen Sie es später erneut.',
  server_key_malformed: () => 'Das sieht nicht wie ein nanophoto-API-Schlüssel aus: Fügen Sie den ganzen Schlüssel ohne Leerzeichen ein.',
  server_key_invalid: () => 'nanophoto nimmt diesen Schlüssel nicht an. Prüfen Sie, ob Sie den ganzen Schlüssel aus Ihrem nanophoto-Konto kopiert haben.',
  server_key_operators: () => 'Dieser Schlüssel ist einer der eigenen Schlüssel des Bots; fügen Sie stattdessen den eigenen Schlüssel Ihres Servers ein.',
  server_key_check_unavailable: () => 'Der Schlüssel konnte gerade nicht bei nanophoto geprüft werden; nichts wurde gespeichert. Versuchen Sie es später erneut.',
  server_key_none: () => 'Dieser Server hat keinen eigenen Schlüssel, der vergessen werden könnte.',
  server_key_required: () => 'Dieser Server kann noch keine Videos erstellen: Er braucht einen eigenen nanophoto-Schlüssel, den seine Admins hinzufügen können.',
  server_key_locked: () => 'In diesem Server können gerade keine Videos erstellt werden; der Betreiber des Bots weiß Bescheid. Nichts wurde berechnet.',
  server_key_paused: () => 'Videos sind in diesem Server pausiert: nanophoto nimmt das Konto, das sie bezahlt, nicht mehr an. Die Admins des Servers wissen Bescheid; nichts wurde berechnet.',
};

/** Die Befehle `/veo-admin api-key`, ihr Formular und was Einstellungen und Betreiber von eigenen Schlüsseln sehen. */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => 'Der eigene nanophoto-API-Schlüssel Ihres Servers',
  'serverKeys.set.description': () => 'Eigenen nanophoto-Schlüssel hinzufügen (privates Formular); er bezahlt dann jedes Video hier',
  'serverKeys.remove.description': () => 'Den eigenen Schlüssel Ihres Servers vergessen',
  'serverKeys.form.title': () => 'nanophoto-Schlüssel Ihres Servers',
  'serverKeys.form.label': () => 'API-Schlüssel',
  'serverKeys.form.description': () => 'Wird bei nanophoto geprüft und verschlüsselt gespeichert; nie wieder angezeigt',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'Der neue Schlüssel Ihres Servers funktioniert und ersetzt den alten' : 'Der Schlüssel Ihres Servers funktioniert'}; er ist verschlüsselt gespeichert und wird ab jetzt nur als \`${p.fingerprint}\` angezeigt. Jedes Video in diesem Server wird nun damit bezahlt.`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `Der Schlüssel Ihres Servers ist vergessen. Videos, die gerade entstehen, werden damit fertig; ${p.required ? 'neue brauchen einen neuen eigenen Schlüssel.' : 'neue bezahlt der Schlüssel des Bots.'}`,
  'serverKeys.settings.field': () => 'Eigener nanophoto-Schlüssel',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'Keiner: Dieser Server braucht einen, um Videos zu erstellen.' : 'Keiner: Der Schlüssel des Bots zahlt.'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `Gesetzt (\`${p.fingerprint}\`): noch ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'Anfrage', other: 'Anfragen' })} in dieser Stunde; ` +
    (p.refused ? 'nanophoto nimmt ihn nicht mehr an.' : p.accountEmpty ? 'sein Konto ist leer.' : 'sein Konto hat Credits.'),
  'serverKeys.operator.ownKey': () => 'zahlt mit eigenem Schlüssel',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `Das nanophoto-Konto, das die Videos von ${serverName(p.name, p.guildId)} bezahlt, hat keine Credits mehr: Die Videos der Mitglieder warten, bis es aufgeladen ist.`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `nanophoto nimmt den Schlüssel, der die Videos von ${serverName(p.name, p.guildId)} bezahlt, nicht mehr an: Die Videos der Mitglieder sind pausiert. Ein Admin kann mit /veo-admin api-key set einen funktionierenden Schlüssel hinzufügen.`,
};
