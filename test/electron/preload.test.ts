import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DESKTOP_API_KEY,
  DESKTOP_API_METHODS,
  ipcInvokeContract,
  type DesktopApi,
  type IpcInvokeChannel,
} from '../../shared/ipc/contract.js';

type Relay = (event: unknown, ...args: unknown[]) => void;

// vi.mock is hoisted above the imports, so the fakes it returns must be hoisted too.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Relay[]>();
  const ipcRenderer = {
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>((channel) =>
      Promise.resolve(
        channel === 'app:info'
          ? { version: '0.1.0', electron: '45.4.1', platform: 'linux', dataDir: '/data' }
          : undefined,
      ),
    ),
    on: vi.fn((channel: string, listener: Relay) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: Relay) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  };
  /** Emits a main → renderer event the way Electron does: event object first. */
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) {
      listener({ sender: ipcRenderer, senderId: 0 }, ...args);
    }
  };
  return { exposed, listeners, ipcRenderer, contextBridge, emit };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: DesktopApi;

beforeAll(async () => {
  await import('../../electron/preload/index.js');
  api = electron.exposed.get(DESKTOP_API_KEY) as DesktopApi;
});

/** Each DesktopApi method, a valid call, and the one channel it must use. */
const CALLS: Record<
  Exclude<keyof DesktopApi, 'onMenuCommand'>,
  { args: unknown[]; channel: IpcInvokeChannel }
> = {
  getAppInfo: { args: [], channel: 'app:info' },
  openProjector: { args: ['event-1'], channel: 'window:open-projector' },
  openSketchProjector: { args: ['sketch-1'], channel: 'window:open-sketch-projector' },
  setMenuLanguage: { args: ['en'], channel: 'menu:set-language' },
};

describe('preload bridge', () => {
  it('exposes one object, under DESKTOP_API_KEY, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...electron.exposed.keys()]).toEqual([DESKTOP_API_KEY]);
  });

  it('exposes exactly the DesktopApi methods, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_API_METHODS].sort());
    for (const method of DESKTOP_API_METHODS) {
      expect(typeof api[method]).toBe('function');
    }
  });

  it('never exposes ipcRenderer or a generic invoke/send', () => {
    const values = Object.values(api as unknown as Record<string, unknown>);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
    expect(values).not.toContain(electron.ipcRenderer.on);
    expect(Object.keys(api)).not.toEqual(expect.arrayContaining(['invoke']));
  });

  it.each(Object.entries(CALLS))(
    '%s invokes its declared channel with valid arguments',
    async (method, call) => {
      electron.ipcRenderer.invoke.mockClear();
      const fn = (api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
      const result = await fn?.(...call.args);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(call.channel, ...call.args);
      expect(ipcInvokeContract[call.channel].args.safeParse(call.args).success).toBe(true);
      expect(result).not.toBe(electron.ipcRenderer);
      expect(ipcInvokeContract[call.channel].result.safeParse(result).success).toBe(true);
    },
  );

  it('covers every invoke channel of the contract with a method', () => {
    expect(
      Object.values(CALLS)
        .map((c) => c.channel)
        .sort(),
    ).toEqual(Object.keys(ipcInvokeContract).sort());
  });

  it('hands menu commands over without the IpcRendererEvent', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('menu:command', expect.any(Function));
    electron.emit('menu:command', 'new-event');
    expect(listener).toHaveBeenCalledExactlyOnceWith('new-event');
    unsubscribe();
  });

  it('drops menu commands outside the contract', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    electron.emit('menu:command', 'format-disk');
    electron.emit('menu:command', { command: 'new-event' });
    electron.emit('menu:command');
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('returns an unsubscribe that removes exactly its own listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onMenuCommand(first);
    const unsubscribeSecond = api.onMenuCommand(second);
    expect(typeof unsubscribeFirst).toBe('function');
    unsubscribeFirst();
    electron.emit('menu:command', 'open-settings');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('open-settings');
    unsubscribeSecond();
    expect(electron.listeners.get('menu:command') ?? []).toHaveLength(0);
  });
});
