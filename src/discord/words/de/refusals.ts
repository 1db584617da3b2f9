import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { credits, forThisPeriod, megabytes, number, perPeriod, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: 'Das Budget',
  member_cap: 'Das Mitgliederlimit',
  role_allowance: 'Das Rollenkontingent',
  adjustment: 'Die Korrektur',
  confirm_threshold: 'Die Bestätigungsschwelle',
  ceiling: 'Die Obergrenze',
  global_budget: 'Das Gesamtbudget',
};

export const refusals = {
  not_in_server: () => 'Verwenden Sie diesen Befehl in einem Serverkanal, nicht in Direktnachrichten.',
  not_admin: () => 'Nur Mitglieder mit der Berechtigung „Server verwalten“ können Video-Credits ändern.',
  not_operator: () => 'Nur der Betreiber des Bots (der Inhaber seiner Discord-Anwendung) kann diesen Befehl verwenden.',
  guild_not_enabled: () =>
    'Dieser Bot ist auf diesem Server nicht freigeschaltet. Sein Betreiber entscheidet, welche Server ihn nutzen dürfen; es wurde nichts berechnet.',

  bad_option: ({ option, value, allowed }) => `Unbekannter Wert für ${option}: „${value.slice(0, 20)}“. Wählen Sie einen von: ${allowed.join(', ')}.`,
  empty_prompt: () => 'Schreiben Sie einen Prompt: Beschreiben Sie das gewünschte Video.',
  prompt_too_long: ({ length, max }) => `Ihr Prompt hat ${number(length)} Zeichen; erlaubt sind höchstens ${number(max)}.`,
  prompt_control_chars: () => 'Ihr Prompt enthält unsichtbare Steuerzeichen. Entfernen Sie sie und versuchen Sie es erneut.',
  empty_shot: ({ separator }) => `Eine Ihrer Szenen ist leer: Schreiben Sie zwischen jedes „${separator}“ einen Text.`,
  shot_too_long: ({ shot, max }) => `Szene ${shot} ist länger als ${number(max)} Zeichen; bitte kürzen Sie sie.`,
  too_many_shots: ({ count, max }) => `Ein Video kann höchstens ${max} Szenen haben; Ihres hat ${number(count)}.`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} erzeugt eine einzelne Szene von 8 Sekunden: Entfernen Sie die Trennzeichen „${separator}“ oder wählen Sie 720p.`,
  frames_multi_shot: ({ separator }) =>
    `Start- und Endbild funktionieren nur mit einer einzelnen Szene: Entfernen Sie die Trennzeichen „${separator}“ oder verwenden Sie den Modus reference.`,
  frames_slots: () => 'Der Modus frames erwartet das Startbild in „image“ und das optionale Endbild in „image2“.',
  not_an_image: ({ name }) => `„${fileName(name)}“ ist kein PNG-, JPEG- oder WebP-Bild.`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `„${fileName(name)}“ ist ${megabytes(bytes)} MB groß; Bilder dürfen höchstens ${number(maxBytes / 1024 / 1024)} MB groß sein.`,
  image_not_public: ({ name }) => `„${fileName(name)}“ hat keinen öffentlichen Link, den der Videodienst lesen kann; bitte hängen Sie es erneut an.`,
  images_with_text_mode: () => 'Der Modus text verwendet keine Bilder: Entfernen Sie sie oder wählen Sie den Modus frames oder reference.',
  too_few_images: ({ mode }) =>
    mode === 'frames' ? 'Der Modus frames braucht ein Startbild in „image“ (und optional ein Endbild).' : 'Der Modus reference braucht 1 bis 3 Referenzbilder.',
  too_many_images: ({ mode, count, max }) => `Der Modus ${mode} verwendet höchstens ${max} Bilder; Sie haben ${number(count)} angehängt.`,

  quota_disabled: () =>
    'Die Videoerstellung ist auf diesem Server noch nicht aktiviert: Das Budget beträgt 0 Credits. Ein Server-Admin kann ein Budget festlegen, um sie zu aktivieren.',
  operator_paused: () =>
    'Der Betreiber des Bots hat neue Videos vorerst auf allen Servern pausiert. Versuchen Sie es später erneut; es wurden keine Credits verbraucht.',
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? 'Der Betreiber des Bots hat diesem Server keine Video-Credits zugeteilt. Es wurde nichts berechnet.'
      : used >= ceiling
        ? `Dieser Server hat das Maximum erreicht, das der Betreiber des Bots ihm erlaubt: ${number(used)} von ${credits(ceiling)} wurden ${thisPeriod(period)} verbraucht. Es wird ${relative(resetsAt)} zurückgesetzt.`
        : `Dieses Video kostet ${credits(cost)}, aber von den ${credits(ceiling)}, die der Betreiber des Bots diesem Server erlaubt, sind ${thisPeriod(period)} nur noch ${number(ceiling - used)} übrig. ` +
          `Ein kürzeres Video oder eine geringere Auflösung passt vielleicht noch; es wird ${relative(resetsAt)} zurückgesetzt.`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `Das Videobudget des Bots für alle seine Server ist aufgebraucht: ${number(used)} von ${credits(budget)} wurden ${thisPeriod(period)} verbraucht. Es wird ${relative(resetsAt)} zurückgesetzt.`
      : `Dieses Video kostet ${credits(cost)}, aber vom Gesamtbudget des Bots von ${credits(budget)} für alle seine Server sind ${thisPeriod(period)} nur noch ${number(budget - used)} übrig. ` +
        `Ein kürzeres Video oder eine geringere Auflösung passt vielleicht noch; es wird ${relative(resetsAt)} zurückgesetzt.`,
  quota_paused: () => 'Die Admins dieses Servers haben die Videoerstellung pausiert. Bitten Sie sie, sie fortzusetzen; es wurden keine Credits verbraucht.',
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `Das Videobudget dieses Servers ist aufgebraucht: ${number(used)} von ${credits(budget)} wurden ${thisPeriod(period)} verbraucht. Es wird ${relative(resetsAt)} zurückgesetzt.`
      : `Dieses Video kostet ${credits(cost)}, aber von den ${credits(budget)} dieses Servers sind ${thisPeriod(period)} nur noch ${number(budget - used)} übrig. ` +
        `Ein kürzeres Video oder eine geringere Auflösung passt vielleicht noch; das Budget wird ${relative(resetsAt)} zurückgesetzt.`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'Sie haben auf diesem Server kein Videokontingent. Wenden Sie sich an einen Server-Admin, wenn Sie meinen, dass Ihnen eines zusteht.'
      : `Ihr Limit ${forThisPeriod(period)} beträgt ${credits(cap)}, davon haben Sie ${number(used)} verbraucht; dieses Video kostet ${number(cost)}. ` +
        `Es wird ${relative(resetsAt)} zurückgesetzt.`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]} muss eine ganze Zahl an Credits von ${number(min)} bis ${number(max)} sein.`,
  invalid_period: ({ allowed }) => `Der Zeitraum muss ${allowed.slice(0, -1).join(', ')} oder ${allowed.at(-1)} sein.`,
  invalid_reason: ({ max }) => `Geben Sie einen Grund mit 1 bis ${max} Zeichen an; er wird im Credit-Verlauf gespeichert.`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} hat ${thisPeriod(period)} ${credits(used)} verbraucht, daher können höchstens ${number(Math.max(0, used))} zurückgegeben werden.`,
  budget_amount_and_unlimited: () => 'Geben Sie entweder einen Betrag oder unlimited an, nicht beides.',
  budget_over_ceiling: ({ ceiling, period }) =>
    `Der Betreiber des Bots erlaubt diesem Server höchstens ${perPeriod(ceiling, period)}: Legen Sie ein Budget bis zu dieser Höhe fest oder unlimited, um die ganze Obergrenze zu nutzen.`,
  invalid_server: ({ value }) =>
    `„${value.slice(0, 40).replace(/["“”„«»「」『』]/g, "'")}“ ist keine Server-ID: Wählen Sie einen Server aus der Liste oder fügen Sie seine ID ein (17–20 Ziffern).`,
  budget_amount_missing: () => 'Geben Sie einen Betrag in Credits an (0 schaltet die Videoerstellung ab) oder setzen Sie unlimited auf True.',

  not_your_confirmation: () => 'Nur das Mitglied, das dieses Video angefordert hat, kann antworten.',
  generation_not_found: ({ id }) => `Sie haben auf diesem Server keine Generierung #${id}. Ihre Videos finden Sie mit /veo status.`,
  story_empty: () => 'Ihre Geschichte hat keine Szene: Schreiben Sie eine Szene pro Zeile.',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} erzeugt eine einzelne 8-Sekunden-Szene, Ihre Geschichte hat aber ${number(shots)} Szenen: Wählen Sie 720p oder behalten Sie nur eine Zeile.`,
  result_unknown: ({ id }) => `Der Bot kennt kein Video #${id}; es wurde nichts getan und nichts berechnet.`,
  result_other_server: ({ id }) => `Video #${id} wurde auf einem anderen Server erstellt; seine Schaltflächen funktionieren nur dort. Es wurde nichts berechnet.`,
  result_other_message: ({ id }) => `Diese Schaltflächen funktionieren nur an der Nachricht von Video #${id}; es wurde nichts getan und nichts berechnet.`,
  result_removed: ({ id }) => `Video #${id} wurde entfernt; es wurde nichts getan und nichts berechnet.`,
  result_remove_not_allowed: ({ id }) =>
    `Nur das Mitglied, das Video #${id} angefordert hat, oder jemand mit der Berechtigung „Nachrichten verwalten“ kann es entfernen. Es wurde nichts geändert.`,
  result_images_expired: ({ id }) =>
    `Die Bilder von Video #${id} sind abgelaufen, daher kann es nicht unverändert neu erstellt werden. Laden Sie über Remix neue Bilder hoch oder starten Sie einen neuen Prompt. Es wurde nichts berechnet.`,
  remix_images_expired: ({ id }) =>
    `Die Originalbilder von Video #${id} sind abgelaufen. Öffnen Sie Remix erneut und laden Sie neue Bilder hoch, oder starten Sie einen neuen Prompt. Es wurde nichts berechnet.`,
} satisfies Omit<RefusalWords, keyof typeof serverKeyRefusals>;
