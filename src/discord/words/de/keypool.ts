import type { keyPoolWords as english } from '../en/keypool.js';
import type { Words } from '../words.js';
import { credits, number, plural, relative } from './format.js';

/** Der Schlüsselpool des Betreibers (NANOPHOTO_API_KEYS): /veo-operator keys und die DMs zu einem Schlüssel. */
export const keyPoolWords = {
  'operator.keys.description': () => 'Jeder API-Schlüssel des Bots: verbleibende Anfragen dieser Stunde, leer oder pausiert',
  'operator.keys.title': (p) => `${number(p.count)} API-${plural(p.count, { one: 'Schlüssel', other: 'Schlüssel' })}`,
  'operator.keys.line': (p) =>
    [
      `\`${p.fingerprint}\`: noch ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'Anfrage', other: 'Anfragen' })} in dieser Stunde, ` +
        `${number(p.running)} ${plural(p.running, { one: 'Video', other: 'Videos' })} in Arbeit`,
      p.accountEmpty ? 'sein Konto ist **leer**' : 'sein Konto hat Credits',
      p.unknownPaused ? '**pausiert** nach unklaren Ergebnissen' : '',
      p.rateLimitedUntil ? `der Dienst hat ihn gebeten, bis ${relative(p.rateLimitedUntil)} zu warten` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') + '.',
  'operator.keys.footer': () => 'Schlüssel werden nur mit ihrem Fingerabdruck gezeigt. /veo-operator resume gibt jeden Schlüssel frei, der wegen eines leeren Kontos oder unklarer Ergebnisse angehalten ist.',
  'operator.keys.accountEmptyDm': (p) =>
    `Das nanophoto-Konto hinter dem API-Schlüssel \`${p.keyFingerprint}\` hat keine Credits mehr` +
    (p.requiredCredits === null ? '.' : ` (die letzte Anfrage brauchte ${credits(p.requiredCredits)}).`) +
    ` Über diesen Schlüssel wird nichts gesendet, bis er wieder Credits hat; ${plural(p.otherKeys, { one: 'der andere Schlüssel arbeitet', other: `die anderen ${number(p.otherKeys)} Schlüssel arbeiten` })} weiter, und Mitglieder warten nur, wenn alle Schlüssel angehalten sind.` +
    ` Die wartenden Anfragen brauchen zusammen ${credits(p.waitingCredits)}.` +
    ' Laden Sie das Konto auf und führen Sie dann /veo-operator resume aus, oder der Bot versucht diesen Schlüssel von selbst in kurzen Abständen erneut.',
  'operator.keys.unknownOutcomesDm': (p) =>
    `Anfragen über den API-Schlüssel \`${p.keyFingerprint}\` sind pausiert: Die letzten ${number(p.count)} ${plural(p.count, { one: 'Videoanfrage', other: 'Videoanfragen' })} darüber bekamen in Folge keine klare Antwort` +
    ' (Zeitüberschreitung, abgebrochene Verbindung oder eine Antwort, die der Bot nicht lesen konnte). Der Dienst hat sie vielleicht berechnet: Ihre Obergrenzen und das globale Budget zählen sie, Mitgliedern wird nichts berechnet.' +
    ` ${plural(p.otherKeys, { one: 'Der andere Schlüssel arbeitet', other: `Die anderen ${number(p.otherKeys)} Schlüssel arbeiten` })} weiter. Prüfen Sie den Videodienst und führen Sie dann /veo-operator resume aus.`,
} satisfies Words<typeof english>;
