import { adminWords } from './admin.js';
import { commandWords } from './commands.js';
import { common } from './common.js';
import { creditWords } from './credits.js';
import { generation } from './generation.js';
import { operatorWords } from './operator.js';
import { refusals } from './refusals.js';
import { storyWords } from './story.js';

type RefusalMessages = { [C in keyof typeof refusals as `refusal.${C}`]: (typeof refusals)[C] };

const refusalMessages = Object.fromEntries(Object.entries(refusals).map(([code, message]) => [`refusal.${code}`, message])) as RefusalMessages;

/** Every sentence the bot shows, in English: the catalogue every other language mirrors. */
export const en = { ...common, ...refusalMessages, ...generation, ...creditWords, ...adminWords, ...commandWords, ...storyWords, ...operatorWords };
