import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { credits, megabytes, number, perPeriod, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: 'El presupuesto',
  member_cap: 'El límite por miembro',
  role_allowance: 'La asignación del rol',
  adjustment: 'El ajuste',
  confirm_threshold: 'El umbral de confirmación',
  ceiling: 'El tope',
  global_budget: 'El presupuesto global',
};

export const refusals = {
  not_in_server: () => 'Usa este comando en un canal del servidor, no en mensajes directos.',
  not_admin: () => 'Solo los miembros con el permiso «Gestionar servidor» pueden cambiar los créditos de video.',
  not_operator: () => 'Solo el operador del bot (el propietario de su aplicación de Discord) puede usar este comando.',
  guild_not_enabled: () =>
    'Este bot no está habilitado en este servidor. Su operador decide qué servidores pueden usarlo; no se cobró nada.',

  bad_option: ({ option, value, allowed }) => `Valor desconocido para ${option}: «${value.slice(0, 20)}». Elige uno de estos: ${allowed.join(', ')}.`,
  empty_prompt: () => 'Escribe un prompt: describe el video que quieres.',
  prompt_too_long: ({ length, max }) => `Tu prompt tiene ${number(length)} caracteres; el límite es ${number(max)}.`,
  prompt_control_chars: () => 'Tu prompt contiene caracteres de control invisibles; quítalos e inténtalo de nuevo.',
  empty_shot: ({ separator }) => `Una de tus tomas está vacía: escribe texto entre cada «${separator}».`,
  shot_too_long: ({ shot, max }) => `La toma ${shot} supera los ${number(max)} caracteres; acórtala.`,
  too_many_shots: ({ count, max }) => `Un video puede tener como máximo ${max} tomas; el tuyo tiene ${number(count)}.`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} genera una sola toma de 8 segundos: quita los separadores «${separator}» o elige 720p.`,
  frames_multi_shot: ({ separator }) =>
    `Los fotogramas inicial y final solo funcionan con una sola toma: quita los separadores «${separator}» o usa el modo reference.`,
  frames_slots: () => 'El modo frames toma el fotograma inicial en «image» y el fotograma final opcional en «image2».',
  not_an_image: ({ name }) => `«${fileName(name)}» no es una imagen PNG, JPEG ni WebP.`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `«${fileName(name)}» pesa ${megabytes(bytes)} MB; las imágenes pueden pesar como máximo ${number(maxBytes / 1024 / 1024)} MB.`,
  image_not_public: ({ name }) => `«${fileName(name)}» no tiene un enlace público que el servicio de video pueda leer; vuelve a adjuntarla.`,
  images_with_text_mode: () => 'El modo text no admite imágenes: quítalas o elige el modo frames o reference.',
  too_few_images: ({ mode }) =>
    mode === 'frames'
      ? 'El modo frames necesita una imagen para el fotograma inicial en «image» (y, si quieres, un fotograma final).'
      : 'El modo reference necesita de 1 a 3 imágenes de referencia.',
  too_many_images: ({ mode, count, max }) => `El modo ${mode} admite como máximo ${max} imágenes; adjuntaste ${number(count)}.`,

  quota_disabled: () =>
    'La generación de videos aún no está activada en este servidor: su presupuesto es de 0 créditos. Un administrador del servidor puede fijar un presupuesto para activarla.',
  operator_paused: () =>
    'El operador del bot pausó por ahora los videos nuevos en todos los servidores. Vuelve a intentarlo más tarde; no se usó ningún crédito.',
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? 'El operador del bot no le ha dado ningún crédito de video a este servidor. No se cobró nada.'
      : used >= ceiling
        ? `Este servidor ya usó lo máximo que le permite el operador del bot: ${number(used)} de ${credits(ceiling)} ${thisPeriod(period)}. Se restablece ${relative(resetsAt)}.`
        : `Este video cuesta ${credits(cost)}, pero ${thisPeriod(period)} solo quedan ${number(ceiling - used)} de los ${credits(ceiling)} que el operador del bot permite a este servidor. ` +
          `Quizás quepa un video más corto o de menor resolución; se restablece ${relative(resetsAt)}.`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `El presupuesto de video del bot para todos sus servidores se agotó: ${number(used)} de ${credits(budget)} usados ${thisPeriod(period)}. Se restablece ${relative(resetsAt)}.`
      : `Este video cuesta ${credits(cost)}, pero ${thisPeriod(period)} solo quedan ${number(budget - used)} de los ${credits(budget)} del bot para todos sus servidores. ` +
        `Quizás quepa un video más corto o de menor resolución; se restablece ${relative(resetsAt)}.`,
  quota_paused: () => 'Los administradores de este servidor pausaron la generación de videos. Pídeles que la reanuden; no se usó ningún crédito.',
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `El presupuesto de video de este servidor se agotó: ${number(used)} de ${credits(budget)} usados ${thisPeriod(period)}. Se restablece ${relative(resetsAt)}.`
      : `Este video cuesta ${credits(cost)}, pero ${thisPeriod(period)} solo quedan ${number(budget - used)} de los ${credits(budget)} de este servidor. ` +
        `Quizás quepa un video más corto o de menor resolución; el presupuesto se restablece ${relative(resetsAt)}.`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'No tienes asignación de video en este servidor. Si crees que deberías tenerla, pregunta a un administrador.'
      : `Tu límite es de ${credits(cap)} ${thisPeriod(period)} y ya usaste ${number(used)}; este video cuesta ${number(cost)}. ` +
        `Se restablece ${relative(resetsAt)}.`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]} debe ser un número entero de créditos entre ${number(min)} y ${number(max)}.`,
  invalid_period: ({ allowed }) => `El período debe ser ${allowed.slice(0, -1).join(', ')} o ${allowed.at(-1)}.`,
  invalid_reason: ({ max }) => `Indica un motivo de 1 a ${max} caracteres; se guarda en el historial de créditos.`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} usó ${credits(used)} ${thisPeriod(period)}, así que se pueden devolver como máximo ${number(Math.max(0, used))}.`,
  budget_amount_and_unlimited: () => 'Indica una cantidad o unlimited, pero no ambas.',
  budget_over_ceiling: ({ ceiling, period }) =>
    `El operador del bot permite a este servidor como máximo ${perPeriod(ceiling, period)}: fija un presupuesto hasta esa cantidad, o unlimited para usar todo el tope.`,
  invalid_server: ({ value }) =>
    `«${value.slice(0, 40).replace(/["“”„«»「」『』]/g, "'")}» no es un ID de servidor: elige un servidor de la lista o pega su ID (de 17 a 20 dígitos).`,
  budget_amount_missing: () => 'Indica una cantidad de créditos (0 desactiva la generación de videos) o pon unlimited en True.',

  not_your_confirmation: () => 'Solo el miembro que pidió este video puede responder.',
  generation_not_found: ({ id }) => `No tienes ninguna generación n.º ${id} en este servidor. Consulta las tuyas con /veo status.`,
  story_empty: () => 'Tu historia no tiene ninguna toma: escribe una toma por línea.',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} crea una sola toma de 8 segundos y tu historia tiene ${number(shots)} tomas: elige 720p o deja una sola línea.`,
  result_unknown: ({ id }) => `El bot no tiene ningún video n.º ${id}: no se hizo ni se cobró nada.`,
  result_other_server: ({ id }) => `El video n.º ${id} se hizo en otro servidor; sus botones solo funcionan allí. No se cobró nada.`,
  result_other_message: ({ id }) => `Estos botones solo funcionan en el mensaje del video n.º ${id}: no se hizo ni se cobró nada.`,
  result_removed: ({ id }) => `El video n.º ${id} fue eliminado: no se hizo ni se cobró nada.`,
  result_remove_not_allowed: ({ id }) =>
    `Solo el miembro que pidió el video n.º ${id}, o alguien con el permiso Gestionar mensajes, puede eliminarlo. No se cambió nada.`,
  result_images_expired: ({ id }) =>
    `Las imágenes del video n.º ${id} caducaron, así que no se puede repetir tal cual. Usa Remix para subir imágenes nuevas o empieza un prompt nuevo. No se cobró nada.`,
  remix_images_expired: ({ id }) =>
    `Las imágenes originales del video n.º ${id} caducaron. Abre Remix de nuevo y sube imágenes nuevas, o empieza un prompt nuevo. No se cobró nada.`,
} satisfies Omit<RefusalWords, keyof typeof serverKeyRefusals>;
