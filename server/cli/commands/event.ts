import { exportPlanCommand, exportPlanUsage } from './exportPlan.js';
import { importPlanCommand, importPlanUsage } from './importPlan.js';
import { listEventsCommand, listEventsUsage } from './listEvents.js';
import { showEventCommand, showEventUsage } from './showEvent.js';
import { UsageError, isParseArgsError, type CliCommand, type CommandUsage } from './cliCommand.js';

const subcommands: Record<string, { usage: CommandUsage; run(args: string[]): Promise<number> }> = {
  'import-plan': { usage: importPlanUsage, run: importPlanCommand },
  list: { usage: listEventsUsage, run: listEventsCommand },
  show: { usage: showEventUsage, run: showEventCommand },
  'export-plan': { usage: exportPlanUsage, run: exportPlanCommand },
};

/**
 * `mitschrift event <sub-command>`: events and their session plans, working on a workspace folder
 * directly (refused with the lock's message while a core serves that folder).
 */
export const eventCommand: CliCommand = {
  usages: [importPlanUsage, listEventsUsage, showEventUsage, exportPlanUsage],
  async run(args) {
    const [name, ...rest] = args;
    const sub = name ? subcommands[name] : undefined;
    if (!sub) {
      throw new UsageError(
        name
          ? `unknown sub-command "${name}"; use one of ${Object.keys(subcommands).join(', ')}.`
          : 'a sub-command is missing.',
      );
    }
    try {
      return await sub.run(rest);
    } catch (error) {
      if (error instanceof UsageError) {
        throw new UsageError(error.message, [sub.usage]);
      }
      if (isParseArgsError(error)) {
        throw new UsageError(`${name ?? ''}: ${error.message}`, [sub.usage]);
      }
      throw error;
    }
  },
};
