import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { requireGuild } from '../../src/discord/interactionInput.js';
import { readApiKeyForm, renderApiKeyModal } from '../../src/discord/render/apiKeyForm.js';
import { refusalText } from '../../src/discord/render/refusal.js';
import { memberSpeaker, noPings } from '../../src/discord/replies.js';
import type { ModalHandler } from '../command.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `api-key set`: the form must be the command's first answer; only the quick checks come before it. */
export const runApiKeySet: AdminRun = async (interaction, _admin, deps) => {
  deps.serverKeys.assertUsable();
  await interaction.showModal(renderApiKeyModal(memberSpeaker(interaction)));
};

/** `api-key remove`: the key serves polling only until the server's last video ends. */
export const runApiKeyRemove: AdminRun = async (interaction, admin, deps) => {
  deps.serverKeys.remove(admin.guildId);
  const content = memberSpeaker(interaction)('serverKeys.remove.done', { required: deps.serverKeys.mode === 'required' });
  await reportChange(interaction, admin, deps, { change: 'api_key_removed' }, content);
};

/**
 * The pasted key, checked with the vendor (which can take the API's whole time-out, so the answer
 * is deferred) and stored sealed. The key itself is never logged nor shown again.
 */
export const apiKeyModal: ModalHandler = {
  prefix: customIdPrefixes.apiKey,
  async execute(interaction, _subject, deps) {
    const member = requireGuild(interaction);
    // The form may outlive the permission: checked again on submit.
    if (!member.memberPermissions.has(PermissionFlagsBits.ManageGuild)) throw new UserFacingError('not_admin');
    const say = memberSpeaker(member);
    await member.deferReply({ flags: MessageFlags.Ephemeral });
    let content: string;
    try {
      const { fingerprint, replaced } = await deps.serverKeys.set(member.guildId, readApiKeyForm(member), member.user.id);
      deps.log.info({ guildId: member.guildId, adminId: member.user.id, change: 'api_key_set', keyFingerprint: fingerprint, replaced }, 'server key set');
      content = say('serverKeys.set.done', { fingerprint, replaced });
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      deps.log.info({ guildId: member.guildId, adminId: member.user.id, code: error.code }, 'server key refused');
      content = refusalText(error, say);
    }
    await member.editReply({ content, allowedMentions: noPings });
  },
};
