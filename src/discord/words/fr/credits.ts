import { inlineCode, roleMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { creditWords as english } from '../en/credits.js';
import type { Words } from '../words.js';
import { credits, dateTime, limitText, relative, thisPeriod } from './format.js';

const periodAdjective: Record<Period, string> = { day: 'quotidien', week: 'hebdomadaire', month: 'mensuel' };

export const creditWords = {
  'credits.amount': (p) => credits(p.credits),
  'credits.priceList': (p) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution} : ${perShot}${i === 0 ? ' crédits par plan' : ''}`).join(p.separator),

  'confirm.title': (p) => `Créer cette vidéo pour ${credits(p.cost)} ?`,
  'confirm.field.cost': () => 'Coût',
  'confirm.field.leftAfter': () => 'Il vous restera',
  'confirm.field.video': () => 'Vidéo',
  'confirm.leftAfter': (p) => limitText(p.remaining),
  'confirm.video': (p) => `${p.shots} × ${p.shotSeconds} s · ${p.resolution} · ${p.aspect}`,
  'confirm.footer': () => 'Rien n’est réservé tant que vous n’avez pas confirmé.',
  'confirm.make': (p) => `Créer (${credits(p.cost)})`,
  'confirm.cancel': () => 'Annuler',
  'confirm.expires': (p) => `Cette question expire ${relative(p.at)}.`,
  'confirm.shot': (p) => `**${p.shot}.** ${p.prompt}`,
  'confirm.ended': (p) =>
    ({
      confirmed: 'Vous avez déjà répondu à cette question ; voir la réponse ci-dessous.',
      cancelled: 'Vous avez déjà annulé cette demande : aucun crédit n’a été utilisé.',
      expired: `Cette question a expiré, rien n’a donc été réservé. ${p.command === 'prompt' || p.command === 'story' ? `Relancez ${inlineCode(`/veo ${p.command}`)}.` : `Appuyez sur ${p.command === 'again' ? 'Relancer' : p.command === 'extend' ? 'Prolonger' : 'Remix'} sous la vidéo pour redemander.`}`,
    })[p.outcome],
  'confirm.closed': () =>
    `Cette question n’est plus ouverte (le bot a peut-être redémarré entre-temps). Si vous l’avez confirmée, votre vidéo est dans ${inlineCode('/veo status')} ; ` +
    `sinon, relancez ${inlineCode('/veo prompt')} ou ${inlineCode('/veo story')}.`,
  'confirm.replaced': () => 'Cette question a été fermée car vous en avez posé de plus récentes depuis : rien n’a donc été réservé. Répondez à l’une des questions plus récentes.',
  'confirm.cancelled': () => 'Annulé. Aucun crédit n’a été utilisé.',
  'confirm.answered': () => 'C’est fait ; voir la réponse ci-dessous.',

  'credits.reservedNote': (p) =>
    `Cette vidéo coûte ${credits(p.cost)}. ` +
    (p.available === null
      ? 'Vos dépenses ne sont pas limitées ici.'
      : `Vous pouvez encore dépenser ${credits(p.available)} ${thisPeriod(p.period)} ; réinitialisation ${relative(p.resetsAt)}.`),

  'credits.title': () => 'Crédits',
  'credits.state': (p) =>
    p.operatorPaused
      ? 'La génération de vidéos a été **mise en pause** sur tous les serveurs par l’opérateur du bot.'
      : !p.enabled
      ? 'La génération de vidéos est désactivée sur ce serveur jusqu’à ce qu’un administrateur définisse un budget.'
      : p.paused
        ? 'La génération de vidéos a été **mise en pause** par les administrateurs.'
        : p.available === null
          ? `Vous pouvez dépenser **sans limite** ${thisPeriod(p.period)}.`
          : `Vous pouvez encore dépenser **${credits(p.available)}** ${thisPeriod(p.period)}.`,
  'credits.resets': (p) => `Le budget ${periodAdjective[p.period]} sera réinitialisé ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'credits.field.serverBudget': () => 'Budget du serveur',
  'credits.field.serverUsed': () => 'Utilisé par le serveur',
  'credits.field.serverLeft': () => 'Restant pour le serveur',
  'credits.field.ceiling': () => 'Plafond de l’opérateur',
  'credits.field.global': () => 'Tous les serveurs',
  'credits.operatorLimit': (p) =>
    `Il reste ${credits(p.remaining)} sur ${credits(p.amount)} ${thisPeriod(p.period)} ; réinitialisation ${relative(p.resetsAt)}`,
  'credits.field.yourCap': () => 'Votre limite',
  'credits.field.youUsed': () => 'Vous avez utilisé',
  'credits.field.youLeft': () => 'Il vous reste',
  'credits.unlimited': () => 'illimité',
  'credits.limit': (p) => limitText(p.remaining),
  'credits.cap': (p) => {
    if (p.cap === null) return 'aucune limite';
    const source = { override: 'définie pour vous', role: `via ${roleMention(p.roleId ?? '0')}`, default: 'par défaut du serveur', none: 'aucune limite' }[p.source];
    return `${credits(p.cap)} (${source})`;
  },
  'credits.footer': (p) => `${p.priceList} · confirmation demandée à partir de ${credits(p.confirmFrom)}`,
} satisfies Words<typeof english>;
