import { inlineCode } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { Mode } from '../../../domain/videoRequest.js';

const modeChoices: Record<Mode, string> = {
  text: 'text (no images)',
  frames: 'frames (first and optional last frame)',
  reference: 'reference (1-3 reference images)',
};

/** Slash command descriptions, option descriptions and choice names, as the command picker shows them. */
export const commandWords = {
  'veo.description': () => 'Make short AI videos with Google Veo 3.1',
  'veo.prompt.description': () => 'Make a video from a prompt, optionally with images',
  'veo.prompt.text': (p: { separator: string }) => `Describe the video. Separate shots with ${p.separator} for a longer 720p video.`,
  'veo.prompt.mode': () => 'How images are used (default: text, or reference when images are attached)',
  'veo.prompt.modeChoice': (p: { mode: Mode }) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'Aspect ratio (default 16:9)',
  'veo.prompt.resolution': (p: { priceList: string }) => `${p.priceList} (default 720p)`,
  'veo.prompt.image': () => 'First frame, or a reference image',
  'veo.prompt.image2': () => 'Last frame, or a second reference image',
  'veo.prompt.image3': () => 'A third reference image',
  'veo.status.description': () => 'Your recent videos in this server, or one in detail',
  'veo.status.id': () => 'A generation number, for its details',
  'veo.credits.description': () => "This server's video budget and what you can still spend",

  'admin.description': () => "Manage this server's video credits",
  'admin.budget.description': () => "Set the server's credit budget per period",
  'admin.budget.amount': () => 'Credits per period; 0 turns video generation off',
  'admin.budget.unlimited': () => 'No server-wide limit (member caps still apply)',
  'admin.budget.period': () => 'When the budget resets, in UTC (default: the current period)',
  'admin.period': (p: { period: Period }) => p.period,
  'admin.memberCap.description': () => "Set the default cap per member, or one member's own cap",
  'admin.memberCap.amount': () => 'Credits per period; leave out to remove the cap',
  'admin.memberCap.member': () => "Set this member's own cap instead of the default",
  'admin.roleAllowance.description': () => 'Let members with a role spend up to an amount per period',
  'admin.roleAllowance.role': () => 'The role',
  'admin.roleAllowance.amount': () => 'Credits per period; 0 removes the allowance',
  'admin.confirmThreshold.description': () => 'Ask members to confirm requests costing at least this much',
  'admin.confirmThreshold.amount': () => 'Credits; 0 asks for every request',
  'admin.usage.description': () => 'Credits used this period: totals, top members, failures and refunds',
  'admin.settings.description': () => 'The current budget, caps and allowances',
  'admin.adjust.description': () => "Give back or take credits from a member's use this period",
  'admin.adjust.member': () => 'The member',
  'admin.adjust.credits': () => 'Positive gives credits back; negative takes them',
  'admin.adjust.reason': () => 'Kept in the credit history',
  'admin.pause.description': () => 'Stop new video requests in this server',
  'admin.resume.description': () => 'Allow video requests again',

  'error.internal': (p: { reference: string }) => `Something went wrong on our side (reference ${inlineCode(p.reference)}). Please try again later.`,
};
