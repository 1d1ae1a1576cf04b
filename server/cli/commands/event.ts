import { exportPlanCommand, exportPlanUsage } from './exportPlan.js';
import { importPlanCommand, importPlanUsage } from './importPlan.js';
import { listEventsCommand, listEventsUsage } from './listEvents.js';
import { showEventCommand, showEventUsage } from './showEvent.js';
import { commandGroup, type CliCommand } from './cliCommand.js';
import {
  renameTokenCommand,
  renameTokenUsage,
  revokeCommand,
  revokeUsage,
  shareCommand,
  shareUsage,
  tokensCommand,
  tokensUsage,
} from './eventTokens.js';

/**
 * `mitschrift event <sub-command>`: events and their session plans, working on a workspace folder
 * directly (refused with the lock's message while a core serves that folder); the join-link
 * commands (share, tokens, revoke, rename-token) also work beside a running core.
 */
export const eventCommand: CliCommand = commandGroup({
  'import-plan': { usage: importPlanUsage, run: importPlanCommand },
  list: { usage: listEventsUsage, run: listEventsCommand },
  show: { usage: showEventUsage, run: showEventCommand },
  'export-plan': { usage: exportPlanUsage, run: exportPlanCommand },
  share: { usage: shareUsage, run: shareCommand },
  tokens: { usage: tokensUsage, run: tokensCommand },
  revoke: { usage: revokeUsage, run: revokeCommand },
  'rename-token': { usage: renameTokenUsage, run: renameTokenCommand },
});
