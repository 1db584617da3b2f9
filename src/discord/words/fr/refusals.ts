import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { credits, megabytes, number, perPeriod, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: 'Le budget',
  member_cap: 'La limite par membre',
  role_allowance: 'L’allocation du rôle',
  adjustment: 'L’ajustement',
  confirm_threshold: 'Le seuil de confirmation',
  ceiling: 'Le plafond',
  global_budget: 'Le budget global',
};

export const refusals = {
  not_in_server: () => 'Utilisez cette commande dans un salon du serveur, pas en message privé.',
  not_admin: () => 'Seuls les membres disposant de l’autorisation « Gérer le serveur » peuvent modifier les crédits vidéo.',
  not_operator: () => 'Seul l’opérateur du bot (le propriétaire de son application Discord) peut utiliser cette commande.',
  guild_not_enabled: () =>
    'Ce bot n’est pas activé sur ce serveur. Son opérateur décide quels serveurs peuvent l’utiliser ; rien n’a été facturé.',

  bad_option: ({ option, value, allowed }) => `Valeur inconnue pour ${option} : « ${value.slice(0, 20)} ». Choisissez parmi ${allowed.join(', ')}.`,
  empty_prompt: () => 'Écrivez un prompt : décrivez la vidéo que vous souhaitez.',
  prompt_too_long: ({ length, max }) => `Votre prompt fait ${number(length)} caractères ; la limite est de ${number(max)}.`,
  prompt_control_chars: () => 'Votre prompt contient des caractères de contrôle invisibles ; supprimez-les et réessayez.',
  empty_shot: ({ separator }) => `L’un de vos plans est vide : écrivez du texte entre chaque « ${separator} ».`,
  shot_too_long: ({ shot, max }) => `Le plan ${shot} dépasse ${number(max)} caractères ; raccourcissez-le.`,
  too_many_shots: ({ count, max }) => `Une vidéo peut compter au plus ${max} plans ; la vôtre en a ${number(count)}.`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} produit un seul plan de 8 secondes : retirez les séparateurs « ${separator} » ou choisissez 720p.`,
  frames_multi_shot: ({ separator }) =>
    `Les images de début et de fin ne fonctionnent qu’avec un seul plan : retirez les séparateurs « ${separator} » ou utilisez le mode reference.`,
  frames_slots: () => 'Le mode frames prend l’image de début dans « image » et l’image de fin facultative dans « image2 ».',
  not_an_image: ({ name }) => `« ${fileName(name)} » n’est pas une image PNG, JPEG ou WebP.`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `« ${fileName(name)} » pèse ${megabytes(bytes)} Mo ; les images ne peuvent pas dépasser ${number(maxBytes / 1024 / 1024)} Mo.`,
  image_not_public: ({ name }) => `« ${fileName(name)} » n’a pas de lien public lisible par le service vidéo ; joignez-la à nouveau.`,
  images_with_text_mode: () => 'Le mode text ne prend pas d’images : retirez-les, ou choisissez le mode frames ou reference.',
  too_few_images: ({ mode }) =>
    mode === 'frames'
      ? 'Le mode frames nécessite une image de début dans « image » (et, si vous le souhaitez, une image de fin).'
      : 'Le mode reference nécessite de 1 à 3 images de référence.',
  too_many_images: ({ mode, count, max }) => `Le mode ${mode} prend au plus ${max} images ; vous en avez joint ${number(count)}.`,

  quota_disabled: () =>
    'La génération de vidéos n’est pas encore activée sur ce serveur : son budget est de 0 crédit. Un administrateur du serveur peut définir un budget pour l’activer.',
  operator_paused: () =>
    'L’opérateur du bot a mis en pause les nouvelles vidéos sur tous les serveurs pour le moment. Réessayez plus tard ; aucun crédit n’a été utilisé.',
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? 'L’opérateur du bot n’a accordé aucun crédit vidéo à ce serveur. Rien n’a été facturé.'
      : used >= ceiling
        ? `Ce serveur a atteint le maximum que l’opérateur du bot lui accorde : ${number(used)} sur ${credits(ceiling)} ${thisPeriod(period)}. Il sera réinitialisé ${relative(resetsAt)}.`
        : `Cette vidéo coûte ${credits(cost)}, mais il ne reste que ${number(ceiling - used)} des ${credits(ceiling)} que l’opérateur du bot accorde à ce serveur ${thisPeriod(period)}. ` +
          `Une vidéo plus courte ou en résolution inférieure pourrait passer ; réinitialisation ${relative(resetsAt)}.`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `Le budget vidéo du bot pour tous ses serveurs est épuisé : ${number(used)} sur ${credits(budget)} utilisés ${thisPeriod(period)}. Il sera réinitialisé ${relative(resetsAt)}.`
      : `Cette vidéo coûte ${credits(cost)}, mais il ne reste que ${number(budget - used)} des ${credits(budget)} du bot pour tous ses serveurs ${thisPeriod(period)}. ` +
        `Une vidéo plus courte ou en résolution inférieure pourrait passer ; réinitialisation ${relative(resetsAt)}.`,
  quota_paused: () => 'La génération de vidéos a été mise en pause par les administrateurs de ce serveur. Demandez-leur de la reprendre ; aucun crédit n’a été utilisé.',
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `Le budget vidéo de ce serveur est épuisé : ${number(used)} sur ${credits(budget)} utilisés ${thisPeriod(period)}. Il sera réinitialisé ${relative(resetsAt)}.`
      : `Cette vidéo coûte ${credits(cost)}, mais il ne reste que ${number(budget - used)} des ${credits(budget)} de ce serveur ${thisPeriod(period)}. ` +
        `Une vidéo plus courte ou en résolution inférieure pourrait passer ; le budget sera réinitialisé ${relative(resetsAt)}.`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'Vous n’avez aucune allocation vidéo sur ce serveur. Adressez-vous à un administrateur si vous pensez que c’est une erreur.'
      : `Votre limite est de ${credits(cap)} ${thisPeriod(period)} et vous en avez utilisé ${number(used)} ; cette vidéo coûte ${number(cost)}. ` +
        `Elle sera réinitialisée ${relative(resetsAt)}.`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]} doit être un nombre entier de crédits entre ${number(min)} et ${number(max)}.`,
  invalid_period: ({ allowed }) => `La période doit être ${allowed.slice(0, -1).join(', ')} ou ${allowed.at(-1)}.`,
  invalid_reason: ({ max }) => `Indiquez une raison de 1 à ${max} caractères ; elle est conservée dans l’historique des crédits.`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} a utilisé ${credits(used)} ${thisPeriod(period)}, vous pouvez donc en rendre au plus ${number(Math.max(0, used))}.`,
  budget_amount_and_unlimited: () => 'Indiquez soit un montant, soit unlimited, mais pas les deux.',
  budget_over_ceiling: ({ ceiling, period }) =>
    `L’opérateur du bot accorde au plus ${perPeriod(ceiling, period)} à ce serveur : fixez un budget jusqu’à ce montant, ou unlimited pour utiliser tout le plafond.`,
  invalid_server: ({ value }) =>
    `« ${value.slice(0, 40).replace(/["“”„«»「」『』]/g, "'")} » n’est pas un identifiant de serveur : choisissez un serveur dans la liste, ou collez son identifiant (17 à 20 chiffres).`,
  budget_amount_missing: () => 'Indiquez un montant en crédits (0 désactive la génération de vidéos), ou réglez unlimited sur True.',

  not_your_confirmation: () => 'Seul le membre qui a demandé cette vidéo peut répondre.',
  generation_not_found: ({ id }) => `Vous n’avez pas de génération n° ${id} sur ce serveur. Consultez /veo status pour voir les vôtres.`,
  story_empty: () => 'Votre histoire n’a aucun plan : écrivez un plan par ligne.',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} produit un seul plan de 8 secondes et votre histoire compte ${number(shots)} plans : choisissez 720p, ou gardez une seule ligne.`,
  result_unknown: ({ id }) => `Le bot ne connaît aucune vidéo n° ${id} : rien n’a été fait ni facturé.`,
  result_other_server: ({ id }) => `La vidéo n° ${id} a été créée sur un autre serveur ; ses boutons ne fonctionnent que là-bas. Rien n’a été facturé.`,
  result_other_message: ({ id }) => `Ces boutons ne fonctionnent que sur le message de la vidéo n° ${id} : rien n’a été fait ni facturé.`,
  result_removed: ({ id }) => `La vidéo n° ${id} a été supprimée : rien n’a été fait ni facturé.`,
  result_remove_not_allowed: ({ id }) =>
    `Seul le membre qui a demandé la vidéo n° ${id}, ou quelqu’un qui a la permission Gérer les messages, peut la supprimer. Rien n’a changé.`,
  result_images_expired: ({ id }) =>
    `Les images de la vidéo n° ${id} ont expiré : elle ne peut pas être refaite telle quelle. Utilisez Remix pour envoyer de nouvelles images, ou lancez un nouveau prompt. Rien n’a été facturé.`,
  remix_images_expired: ({ id }) =>
    `Les images d’origine de la vidéo n° ${id} ont expiré. Rouvrez Remix et envoyez de nouvelles images, ou lancez un nouveau prompt. Rien n’a été facturé.`,
} satisfies Omit<RefusalWords, keyof typeof serverKeyRefusals>;
