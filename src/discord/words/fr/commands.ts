import { inlineCode } from 'discord.js';
import type { Mode } from '../../../domain/videoRequest.js';
import type { commandWords as english } from '../en/commands.js';
import type { Words } from '../words.js';
import { periodNoun } from './format.js';

const modeChoices: Record<Mode, string> = {
  text: 'text (sans images)',
  frames: 'frames (image de début et image de fin facultative)',
  reference: 'reference (1 à 3 images de référence)',
};

export const commandWords = {
  'veo.description': () => 'Créer de courtes vidéos IA avec Google Veo 3.1',
  'veo.prompt.description': () => 'Créer une vidéo à partir d’un prompt, avec des images si vous le souhaitez',
  'veo.prompt.text': (p) => `Décrivez la vidéo. Séparez les plans par ${p.separator} pour une vidéo 720p plus longue.`,
  'veo.prompt.mode': () => 'Usage des images (par défaut : text, ou reference avec des images jointes)',
  'veo.prompt.modeChoice': (p) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'Format d’image (16:9 par défaut)',
  'veo.prompt.resolution': (p) => `${p.priceList} (720p par défaut)`,
  'veo.prompt.image': () => 'Image de début, ou une image de référence',
  'veo.prompt.image2': () => 'Image de fin, ou une deuxième image de référence',
  'veo.prompt.image3': () => 'Une troisième image de référence',
  'veo.status.description': () => 'Vos vidéos récentes sur ce serveur, ou le détail de l’une d’elles',
  'veo.status.id': () => 'Un numéro de génération, pour voir son détail',
  'veo.credits.description': () => 'Le budget vidéo de ce serveur et ce que vous pouvez encore dépenser',

  'admin.description': () => 'Gérer les crédits vidéo de ce serveur',
  'admin.budget.description': () => 'Définir le budget de crédits du serveur par période',
  'admin.budget.amount': () => 'Crédits par période ; 0 désactive la génération de vidéos',
  'admin.budget.unlimited': () => 'Aucune limite pour le serveur (les limites par membre s’appliquent toujours)',
  'admin.budget.period': () => 'Quand le budget est réinitialisé, en UTC (par défaut : la période actuelle)',
  'admin.period': (p) => periodNoun[p.period],
  'admin.memberCap.description': () => 'Définir la limite par défaut par membre, ou la limite propre d’un membre',
  'admin.memberCap.amount': () => 'Crédits par période ; laissez vide pour supprimer la limite',
  'admin.memberCap.member': () => 'Définir la limite propre de ce membre plutôt que celle par défaut',
  'admin.roleAllowance.description': () => 'Permettre aux membres d’un rôle de dépenser jusqu’à un montant par période',
  'admin.roleAllowance.role': () => 'Le rôle',
  'admin.roleAllowance.amount': () => 'Crédits par période ; 0 supprime l’allocation',
  'admin.confirmThreshold.description': () => 'Demander confirmation pour les demandes coûtant au moins ce montant',
  'admin.confirmThreshold.amount': () => 'Crédits ; 0 demande une confirmation à chaque fois',
  'admin.usage.description': () => 'Crédits utilisés sur la période : totaux, membres actifs, échecs et remboursements',
  'admin.settings.description': () => 'Le budget, les limites et les allocations actuels',
  'admin.adjust.description': () => 'Rendre ou retirer des crédits à un membre sur la période en cours',
  'admin.adjust.member': () => 'Le membre',
  'admin.adjust.credits': () => 'Positif pour rendre des crédits ; négatif pour en retirer',
  'admin.adjust.reason': () => 'Conservée dans l’historique des crédits',
  'admin.pause.description': () => 'Arrêter les nouvelles demandes de vidéo sur ce serveur',
  'admin.resume.description': () => 'Autoriser à nouveau les demandes de vidéo',

  'error.internal': (p) =>
    `Une erreur s’est produite de notre côté (référence ${inlineCode(p.reference)}). Veuillez réessayer plus tard.`,
} satisfies Words<typeof english>;
