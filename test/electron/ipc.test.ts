import { describe, expect, it, vi } from 'vitest';
import { ipcInvokeContract } from '../../shared/ipc/contract.js';
import { registerIpcHandlers, sendMenuCommand, type IpcHandlers } from '../../electron/main/ipc.js';
import { APP_ORIGIN, FakeIpcMain, mainFrame, subFrame } from './fakes.js';

const APP_INFO = { version: '0.1.0', electron: '45.4.1', platform: 'linux', dataDir: '/data/workspace' };

function setup() {
  const handlers = {
    'app:info': vi.fn<IpcHandlers['app:info']>(() => APP_INFO),
    'window:open-projector': vi.fn<IpcHandlers['window:open-projector']>(() => Promise.resolve()),
    'window:open-sketch-projector': vi.fn<IpcHandlers['window:open-sketch-projector']>(() =>
      Promise.resolve(),
    ),
    'menu:set-language': vi.fn<IpcHandlers['menu:set-language']>(() => undefined),
  } satisfies IpcHandlers;
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain, handlers, APP_ORIGIN);
  return { ipcMain, handlers };
}

const appFrame = mainFrame(`${APP_ORIGIN}/e/abc`);

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().ipcMain.handlers.keys()].sort()).toEqual(Object.keys(ipcInvokeContract).sort());
  });

  it('refuses a handler for a channel outside the contract', () => {
    const { handlers } = setup();
    const withExtra = { ...handlers, 'fs:read-file': () => 'secret' } as unknown as IpcHandlers;
    expect(() => registerIpcHandlers(new FakeIpcMain(), withExtra, APP_ORIGIN)).toThrow(
      /'fs:read-file'.*unknown channel/,
    );
  });

  it('refuses a handler set that misses a contract channel', () => {
    const { handlers } = setup();
    const rest: Partial<IpcHandlers> = { ...handlers };
    delete rest['app:info'];
    expect(() => registerIpcHandlers(new FakeIpcMain(), rest as unknown as IpcHandlers, APP_ORIGIN)).toThrow(
      /'app:info' has no handler/,
    );
  });

  it('leaves unknown channels unhandled, so an invoke on them is refused', async () => {
    await expect(setup().ipcMain.invoke(appFrame, 'fs:read-file', '/etc/passwd')).rejects.toThrow(
      /fs:read-file/,
    );
  });
});

describe('validated invoke', () => {
  it('passes a good call through and returns the result', async () => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke(appFrame, 'app:info')).resolves.toEqual(APP_INFO);
    await expect(ipcMain.invoke(appFrame, 'window:open-projector', 'event_1-A')).resolves.toBeUndefined();
    await expect(ipcMain.invoke(appFrame, 'menu:set-language', 'en')).resolves.toBeUndefined();
    expect(handlers['window:open-projector']).toHaveBeenCalledExactlyOnceWith('event_1-A');
    expect(handlers['menu:set-language']).toHaveBeenCalledExactlyOnceWith('en');
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['another port', 'http://127.0.0.1:1/'],
    ['a file: page', 'file:///tmp/x.html'],
    ['about:blank', 'about:blank'],
    ['an unparsable URL', 'nope'],
  ])('refuses a main frame on %s', async (_what, url) => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke(mainFrame(url), 'menu:set-language', 'de')).rejects.toThrow(
      /IPC refused on 'menu:set-language': the sender .* is not on the app origin/,
    );
    expect(handlers['menu:set-language']).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even on the app origin', async () => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke(subFrame(`${APP_ORIGIN}/`), 'app:info')).rejects.toThrow(
      /IPC refused on 'app:info': the sender is a subframe/,
    );
    await expect(ipcMain.invoke(subFrame('https://evil.example/'), 'app:info')).rejects.toThrow(/app:info/);
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    await expect(setup().ipcMain.invoke(null, 'app:info')).rejects.toThrow(/the sending frame is gone/);
  });

  it.each([
    ['window:open-projector', ['../../etc/passwd'], /argument 0: An id has 1 to 64 letters/],
    ['window:open-projector', [], /invalid arguments/],
    ['window:open-projector', ['a', 'b'], /invalid arguments/],
    ['window:open-projector', [42], /argument 0/],
    ['window:open-sketch-projector', ['../x'], /argument 0: An id has 1 to 64 letters/],
    ['menu:set-language', ['fr'], /argument 0/],
    ['app:info', ['surprise'], /invalid arguments/],
  ] as const)('refuses %s with arguments %j', async (channel, args, message) => {
    const { ipcMain, handlers } = setup();
    const call = ipcMain.invoke(appFrame, channel, ...args);
    await expect(call).rejects.toThrow(message);
    await expect(call).rejects.toThrow(new RegExp(`IPC refused on '${channel}'`));
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('refuses a handler result that breaks the contract', async () => {
    const { handlers } = setup();
    const broken = { ...handlers, 'app:info': () => ({ version: 1 }) } as unknown as IpcHandlers;
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(ipcMain, broken, APP_ORIGIN);
    await expect(ipcMain.invoke(appFrame, 'app:info')).rejects.toThrow(/'app:info' returned a value/);
  });

  it('passes a handler error through to the renderer', async () => {
    const { handlers } = setup();
    const failing = {
      ...handlers,
      'window:open-projector': () => Promise.reject(new Error('no display')),
    } satisfies IpcHandlers;
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(ipcMain, failing, APP_ORIGIN);
    await expect(ipcMain.invoke(appFrame, 'window:open-projector', 'abc')).rejects.toThrow('no display');
  });
});

describe('sendMenuCommand', () => {
  it('sends a valid command on menu:command', () => {
    const send = vi.fn();
    sendMenuCommand({ send }, 'new-event');
    expect(send).toHaveBeenCalledExactlyOnceWith('menu:command', 'new-event');
  });

  it('refuses a command outside the contract', () => {
    const send = vi.fn();
    expect(() => sendMenuCommand({ send }, 'format-disk' as 'new-event')).toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});
