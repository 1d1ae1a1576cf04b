import {
  ipcInvokeContract,
  menuCommandSchema,
  type IpcArgs,
  type IpcInvokeChannel,
  type IpcResult,
  type MenuCommand,
} from '../../shared/ipc/contract.js';
import { isSameOrigin } from './security.js';

/**
 * The one gate every renderer → main call passes (Electron security checklist item 17, modelled on
 * VS Code's ValidatedIpcMain): the channel must be in the contract, the sender must be the main
 * frame of a page on the app origin, and the arguments must match the channel's zod schema.
 */

/** The main-process implementation of each invoke channel. */
export type IpcHandlers = {
  [C in IpcInvokeChannel]: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a main frame. */
  readonly parent: unknown;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  /** null once the frame navigated away or was destroyed. */
  readonly senderFrame: SenderFrameLike | null | undefined;
}

/** The parts of Electron's ipcMain that registration needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Whether a channel name is one the contract declares. */
function isInvokeChannel(channel: string): channel is IpcInvokeChannel {
  return Object.hasOwn(ipcInvokeContract, channel);
}

/** Why a sender is refused, or null if it may call: only the app origin's main frame may. */
function senderProblem(event: InvokeEventLike, appOrigin: string): string | null {
  const frame = event.senderFrame;
  if (!frame) {
    return 'the sending frame is gone';
  }
  if (!isSameOrigin(frame.url, appOrigin)) {
    return `the sender ${JSON.stringify(frame.url)} is not on the app origin`;
  }
  if (frame.parent !== null) {
    return 'the sender is a subframe, not the main frame';
  }
  return null;
}

/**
 * Runs one invoke: checks channel, sender and arguments, calls the handler and checks its result
 * against the contract. Every refusal rejects with an Error that names the channel and the reason.
 */
async function dispatchInvoke(
  handlers: IpcHandlers,
  appOrigin: string,
  channel: string,
  event: InvokeEventLike,
  args: readonly unknown[],
): Promise<unknown> {
  if (!isInvokeChannel(channel)) {
    throw new Error(`IPC refused on '${channel}': unknown channel.`);
  }
  const problem = senderProblem(event, appOrigin);
  if (problem !== null) {
    throw new Error(`IPC refused on '${channel}': ${problem}.`);
  }
  const contract = ipcInvokeContract[channel];
  const parsed = contract.args.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    });
    throw new Error(`IPC refused on '${channel}': invalid arguments (${issues.join('; ')}).`);
  }
  // The contract's tuple type and the handler's parameters are the same type, but TypeScript cannot
  // correlate them through the generic channel, so the call goes through one checked cast.
  const handler = handlers[channel] as (...validArgs: readonly unknown[]) => unknown;
  const result = await handler(...parsed.data);
  const checked = contract.result.safeParse(result);
  if (!checked.success) {
    // A main-process bug, not the renderer's fault; say so rather than leak a malformed value.
    throw new Error(`IPC handler for '${channel}' returned a value that breaks the contract.`);
  }
  return checked.data;
}

/**
 * Registers one validating listener per contract channel. Throws at startup if `handlers` names a
 * channel the contract does not know or misses one it declares.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, appOrigin: string): void {
  for (const channel of Object.keys(handlers)) {
    if (!isInvokeChannel(channel)) {
      throw new Error(
        `IPC handler for '${channel}' refused: unknown channel (not in shared/ipc/contract.ts).`,
      );
    }
  }
  for (const channel of Object.keys(ipcInvokeContract)) {
    if (typeof (handlers as Record<string, unknown>)[channel] !== 'function') {
      throw new Error(`IPC contract channel '${channel}' has no handler.`);
    }
    ipcMain.handle(channel, (event, ...args) => dispatchInvoke(handlers, appOrigin, channel, event, args));
  }
}

/** The parts of Electron's WebContents that menu commands are sent through. */
export interface CommandTargetLike {
  send(channel: 'menu:command', command: MenuCommand): void;
}

/** Sends a native menu command to one window's renderer on the 'menu:command' event channel. */
export function sendMenuCommand(target: CommandTargetLike, command: MenuCommand): void {
  target.send('menu:command', menuCommandSchema.parse(command));
}
