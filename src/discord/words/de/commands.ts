import { inlineCode } from 'discord.js';
import type { Mode } from '../../../domain/videoRequest.js';
import type { commandWords as english } from '../en/commands.js';
import { periodNoun } from './format.js';
import type { Words } from '../words.js';

const modeChoices: Record<Mode, string> = {
  text: 'text (ohne Bilder)',
  frames: 'frames (Startbild und optionales Endbild)',
  reference: 'reference (1–3 Referenzbilder)',
};

export const commandWords = {
  'veo.description': () => 'Kurze KI-Videos mit Google Veo 3.1 erstellen',
  'veo.prompt.description': () => 'Ein Video aus einem Prompt erstellen, optional mit Bildern',
  'veo.prompt.text': (p) => `Beschreiben Sie das Video. Szenen mit ${p.separator} trennen für ein längeres 720p-Video.`,
  'veo.prompt.mode': () => 'Wie Bilder verwendet werden (Standard: text, mit Bildern reference)',
  'veo.prompt.modeChoice': (p) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'Seitenverhältnis (Standard 16:9)',
  'veo.prompt.resolution': (p) => `${p.priceList} (Standard 720p)`,
  'veo.prompt.image': () => 'Startbild oder ein Referenzbild',
  'veo.prompt.image2': () => 'Endbild oder ein zweites Referenzbild',
  'veo.prompt.image3': () => 'Ein drittes Referenzbild',
  'veo.status.description': () => 'Ihre letzten Videos auf diesem Server oder eines im Detail',
  'veo.status.id': () => 'Eine Generierungsnummer, für ihre Details',
  'veo.credits.description': () => 'Das Videobudget dieses Servers und was Sie noch ausgeben können',

  'admin.description': () => 'Die Video-Credits dieses Servers verwalten',
  'admin.budget.description': () => 'Das Credit-Budget des Servers pro Zeitraum festlegen',
  'admin.budget.amount': () => 'Credits pro Zeitraum; 0 schaltet die Videoerstellung ab',
  'admin.budget.unlimited': () => 'Kein serverweites Limit (Mitgliederlimits gelten weiterhin)',
  'admin.budget.period': () => 'Wann das Budget zurückgesetzt wird, in UTC (Standard: der aktuelle Zeitraum)',
  'admin.period': (p) => periodNoun[p.period],
  'admin.memberCap.description': () => 'Das Standardlimit pro Mitglied oder das eigene Limit eines Mitglieds festlegen',
  'admin.memberCap.amount': () => 'Credits pro Zeitraum; weglassen, um das Limit zu entfernen',
  'admin.memberCap.member': () => 'Das eigene Limit dieses Mitglieds statt des Standards festlegen',
  'admin.roleAllowance.description': () => 'Mitglieder mit einer Rolle bis zu einem Betrag pro Zeitraum ausgeben lassen',
  'admin.roleAllowance.role': () => 'Die Rolle',
  'admin.roleAllowance.amount': () => 'Credits pro Zeitraum; 0 entfernt das Kontingent',
  'admin.confirmThreshold.description': () => 'Mitglieder Anfragen ab diesem Betrag bestätigen lassen',
  'admin.confirmThreshold.amount': () => 'Credits; 0 fragt bei jeder Anfrage nach',
  'admin.usage.description': () => 'Verbrauch in diesem Zeitraum: Summen, Top-Mitglieder, Fehlschläge und Erstattungen',
  'admin.settings.description': () => 'Das aktuelle Budget, die Limits und die Kontingente',
  'admin.adjust.description': () => 'Einem Mitglied Credits dieses Zeitraums zurückgeben oder abziehen',
  'admin.adjust.member': () => 'Das Mitglied',
  'admin.adjust.credits': () => 'Positiv gibt Credits zurück, negativ zieht sie ab',
  'admin.adjust.reason': () => 'Wird im Credit-Verlauf gespeichert',
  'admin.pause.description': () => 'Neue Videoanfragen auf diesem Server stoppen',
  'admin.resume.description': () => 'Videoanfragen wieder erlauben',

  'error.internal': (p) =>
    `Bei uns ist etwas schiefgelaufen (Referenz ${inlineCode(p.reference)}). Bitte versuchen Sie es später erneut.`,
} satisfies Words<typeof english>;
