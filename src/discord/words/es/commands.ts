import { inlineCode } from 'discord.js';
import type { Mode } from '../../../domain/videoRequest.js';
import type { commandWords as english } from '../en/commands.js';
import type { Words } from '../words.js';
import { periodNoun } from './format.js';

const modeChoices: Record<Mode, string> = {
  text: 'text (sin imágenes)',
  frames: 'frames (fotograma inicial y final opcional)',
  reference: 'reference (1 a 3 imágenes de referencia)',
};

export const commandWords = {
  'veo.description': () => 'Crea videos cortos con IA usando Google Veo 3.1',
  'veo.prompt.description': () => 'Crea un video a partir de un prompt, con imágenes si quieres',
  'veo.prompt.text': (p) => `Describe el video. Separa las tomas con ${p.separator} para un video 720p más largo.`,
  'veo.prompt.mode': () => 'Cómo se usan las imágenes (por defecto: text, o reference si adjuntas imágenes)',
  'veo.prompt.modeChoice': (p) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'Relación de aspecto (por defecto 16:9)',
  'veo.prompt.resolution': (p) => `${p.priceList} (por defecto 720p)`,
  'veo.prompt.image': () => 'Fotograma inicial o una imagen de referencia',
  'veo.prompt.image2': () => 'Fotograma final o una segunda imagen de referencia',
  'veo.prompt.image3': () => 'Una tercera imagen de referencia',
  'veo.status.description': () => 'Tus videos recientes en este servidor, o uno en detalle',
  'veo.status.id': () => 'Un número de generación, para ver sus detalles',
  'veo.credits.description': () => 'El presupuesto de video de este servidor y lo que aún puedes gastar',

  'admin.description': () => 'Gestiona los créditos de video de este servidor',
  'admin.budget.description': () => 'Fija el presupuesto de créditos del servidor por período',
  'admin.budget.amount': () => 'Créditos por período; 0 desactiva la generación de videos',
  'admin.budget.unlimited': () => 'Sin límite para el servidor (los límites por miembro siguen aplicándose)',
  'admin.budget.period': () => 'Cuándo se restablece el presupuesto, en UTC (por defecto: el período actual)',
  'admin.period': (p) => periodNoun[p.period],
  'admin.memberCap.description': () => 'Fija el límite predeterminado por miembro o el límite propio de un miembro',
  'admin.memberCap.amount': () => 'Créditos por período; déjalo vacío para quitar el límite',
  'admin.memberCap.member': () => 'Fija el límite propio de este miembro en lugar del predeterminado',
  'admin.roleAllowance.description': () => 'Permite a los miembros con un rol gastar hasta una cantidad por período',
  'admin.roleAllowance.role': () => 'El rol',
  'admin.roleAllowance.amount': () => 'Créditos por período; 0 quita la asignación',
  'admin.confirmThreshold.description': () => 'Pide confirmación a los miembros en solicitudes que cuesten al menos esto',
  'admin.confirmThreshold.amount': () => 'Créditos; 0 pide confirmación en todas las solicitudes',
  'admin.usage.description': () => 'Créditos usados en este período: totales, miembros destacados, fallos y reembolsos',
  'admin.settings.description': () => 'El presupuesto, los límites y las asignaciones actuales',
  'admin.adjust.description': () => 'Devuelve o quita créditos del uso de un miembro en este período',
  'admin.adjust.member': () => 'El miembro',
  'admin.adjust.credits': () => 'Positivo devuelve créditos; negativo los quita',
  'admin.adjust.reason': () => 'Se guarda en el historial de créditos',
  'admin.pause.description': () => 'Detiene las nuevas solicitudes de video en este servidor',
  'admin.resume.description': () => 'Vuelve a permitir solicitudes de video',

  'error.internal': (p) => `Algo salió mal de nuestro lado (referencia ${inlineCode(p.reference)}). Inténtalo de nuevo más tarde.`,
} satisfies Words<typeof english>;
