import type { Catalogue } from '../catalogue.js';
import { refusalMessages } from '../refusalMessages.js';
import { sections } from '../sections.js';
import { adminWords } from './admin.js';
import { commandWords } from './commands.js';
import { common } from './common.js';
import { creditWords } from './credits.js';
import { generation } from './generation.js';
import { keyPoolWords } from './keypool.js';
import { operatorWords } from './operator.js';
import { memberRefusals, memberWords } from './members.js';
import { privacyRefusals, privacyWords } from './privacy.js';
import { refusals } from './refusals.js';
import { resultWords } from './results.js';
import { moderationWords } from './moderation.js';
import { serverKeyRefusals, serverKeyWords } from './serverKeys.js';
import { storyWords } from './story.js';
import { videoWords } from './video.js';

/** Every sentence the bot shows, in Brazilian Portuguese (você). */
export const ptBR = sections(common, refusalMessages({ ...refusals, ...memberRefusals, ...privacyRefusals, ...serverKeyRefusals }), generation, creditWords, adminWords, commandWords, storyWords, operatorWords, resultWords, memberWords, privacyWords, moderationWords, keyPoolWords, serverKeyWords, videoWords) satisfies Catalogue;
