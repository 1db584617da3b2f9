import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { megabytes, number, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: 'The budget',
  member_cap: 'The member cap',
  role_allowance: 'The role allowance',
  adjustment: 'The adjustment',
  confirm_threshold: 'The confirmation threshold',
  ceiling: 'The ceiling',
  global_budget: 'The global budget',
};

/** Why a request was refused, one sentence or two a member can act on. */
export const refusals: Omit<RefusalWords, keyof typeof serverKeyRefusals> = {
  not_in_server: () => 'Use this command in a server channel, not in direct messages.',
  not_admin: () => 'Only members with the Manage Server permission can change video credits.',
  not_operator: () => "Only the bot's operator (the owner of its Discord application) can use this command.",
  guild_not_enabled: () => "This bot isn't enabled in this server. Its operator decides which servers may use it; nothing was charged.",

  bad_option: ({ option, value, allowed }) => `Unknown ${option} "${value.slice(0, 20)}": choose one of ${allowed.join(', ')}.`,
  empty_prompt: () => 'Write a prompt: describe the video you want.',
  prompt_too_long: ({ length, max }) => `Your prompt is ${length} characters; the limit is ${max}.`,
  prompt_control_chars: () => 'Your prompt contains invisible control characters; remove them and try again.',
  empty_shot: ({ separator }) => `One of your shots is empty: write text between each "${separator}".`,
  shot_too_long: ({ shot, max }) => `Shot ${shot} is over ${max} characters; shorten it.`,
  too_many_shots: ({ count, max }) => `A video can have at most ${max} shots; yours has ${count}.`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} makes a single 8-second shot: remove the "${separator}" separators or choose 720p.`,
  frames_multi_shot: ({ separator }) => `First/last frames work with a single shot: remove the "${separator}" separators or use mode reference.`,
  frames_slots: () => 'Mode frames takes the first frame in "image" and the optional last frame in "image2".',
  not_an_image: ({ name }) => `"${fileName(name)}" is not a PNG, JPEG or WebP image.`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `"${fileName(name)}" is ${megabytes(bytes)} MB; images can be at most ${number(maxBytes / 1024 / 1024)} MB.`,
  image_not_public: ({ name }) => `"${fileName(name)}" has no public link the video service can read; attach it again.`,
  images_with_text_mode: () => 'Mode text takes no images: remove them, or choose mode frames or reference.',
  too_few_images: ({ mode }) =>
    mode === 'frames' ? 'Mode frames needs a first-frame image (and optionally a last frame) in "image".' : 'Mode reference needs 1 to 3 reference images.',
  too_many_images: ({ mode, count, max }) => `Mode ${mode} takes at most ${max} images; you attached ${count}.`,
  story_empty: () => 'Your story has no shot: write one shot per line.',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} makes a single 8-second shot and your story has ${number(shots)} shots: choose 720p, or keep one line.`,

  quota_disabled: () =>
    "Video generation isn't turned on for this server yet: its budget is 0 credits. A server admin can set a budget to turn it on.",
  operator_paused: () => "The bot's operator has paused new videos in every server for now. Try again later; no credits were used.",
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? "The bot's operator has not given this server any video credits. Nothing was charged."
      : used >= ceiling
        ? `This server has used the most the bot's operator allows it: ${used} of ${ceiling} credits ${thisPeriod(period)}. It resets ${relative(resetsAt)}.`
        : `This video costs ${cost} credits but only ${ceiling - used} of the ${ceiling} the bot's operator allows this server are left ${thisPeriod(period)}. ` +
          `A shorter or lower-resolution video may fit; it resets ${relative(resetsAt)}.`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `The bot's video budget for all its servers is spent: ${used} of ${budget} credits used ${thisPeriod(period)}. It resets ${relative(resetsAt)}.`
      : `This video costs ${cost} credits but only ${budget - used} of the bot's ${budget} for all its servers are left ${thisPeriod(period)}. ` +
        `A shorter or lower-resolution video may fit; it resets ${relative(resetsAt)}.`,
  quota_paused: () => "Video generation is paused by this server's admins. Ask them to resume it; no credits were used.",
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `This server's video budget is spent: ${used} of ${budget} credits used ${thisPeriod(period)}. It resets ${relative(resetsAt)}.`
      : `This video costs ${cost} credits but only ${budget - used} of this server's ${budget} are left ${thisPeriod(period)}. ` +
        `A shorter or lower-resolution video may fit; the budget resets ${relative(resetsAt)}.`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'You have no video allowance on this server. Ask a server admin if you think you should.'
      : `Your cap is ${cap} credits ${thisPeriod(period)} and you have used ${used}; this video costs ${cost}. ` +
        `It resets ${relative(resetsAt)}.`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]} must be a whole number of credits from ${min} to ${number(max)}.`,
  invalid_period: ({ allowed }) => `The period must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`,
  invalid_reason: ({ max }) => `Give a reason of 1 to ${max} characters; it is kept in the credit history.`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} has used ${used} credits ${thisPeriod(period)}, so at most ${Math.max(0, used)} can be given back.`,
  budget_amount_and_unlimited: () => 'Give either an amount or unlimited, not both.',
  budget_over_ceiling: ({ ceiling, period }) =>
    `The bot's operator allows this server at most ${number(ceiling)} credits per ${period}: set a budget up to that, or unlimited to use the whole ceiling.`,
  invalid_server: ({ value }) => `"${value.slice(0, 40).replace(/"/g, "'")}" is not a server id: pick a server from the list, or paste its id (17-20 digits).`,
  budget_amount_missing: () => 'Give an amount of credits (0 turns video generation off), or set unlimited to True.',

  not_your_confirmation: () => 'Only the member who asked for this video can answer.',
  generation_not_found: ({ id }) => `You have no generation #${id} in this server. See /veo status for yours.`,

  result_unknown: ({ id }) => `The bot has no video #${id}, so nothing was done and nothing was charged.`,
  result_other_server: ({ id }) => `Video #${id} was made in another server; its buttons work only there. Nothing was charged.`,
  result_other_message: ({ id }) => `These buttons work only on video #${id}'s own message; nothing was done and nothing was charged.`,
  result_removed: ({ id }) => `Video #${id} was removed, so nothing was done and nothing was charged.`,
  result_remove_not_allowed: ({ id }) =>
    `Only the member who asked for video #${id}, or someone with Manage Messages, can remove it. Nothing was changed.`,
  result_images_expired: ({ id }) =>
    `The images of video #${id} have expired, so it cannot be made again as it was. Use Remix to upload new images, or start a new prompt. Nothing was charged.`,
  remix_images_expired: ({ id }) =>
    `The original images of video #${id} have expired. Open Remix again and upload new images, or start a new prompt. Nothing was charged.`,
};
