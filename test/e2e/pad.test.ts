import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema } from '../../shared/api/eventContract.js';
import { hueOf } from '../../shared/pad/authorColours.js';
import { expectAccessible } from './helpers/axe.js';
import { launchBrowser, openPage, type PageProblems, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';

/**
 * The notes pad in Chromium against a real core: three people co-editing with names, carets and
 * authorship colours; per-user undo; offline edits that survive a reload and merge; the read-only
 * link; the timeslider; sharing; accessibility. Needs a fresh build: `npx electron-vite build`.
 */

const RESULTS = join(REPO_ROOT, 'test-results');
const FIXTURES = join(REPO_ROOT, 'test/fixtures/etherpad');
const PLAN = [
  'title,host,room,start,end,votes,tags,description',
  '"Barrierefreiheit im Web","Leyla Yılmaz","Raum A","2025-06-14T14:00","2025-06-14T14:45",,,',
  '"Offene Daten","Anna Schmidt","Raum B","2025-06-14T15:00","2025-06-14T15:45",,,',
].join('\n');

let testCore: TestCore;
let browser: Browser;
let sessions: Record<string, string>;
const opened: TestPage[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  await mkdir(RESULTS, { recursive: true });
  const { origin, token } = testCore.core;
  const res = await fetch(`${origin}/api/events/import-plan?title=BarCamp`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: PLAN,
  });
  const { event } = (await res.json()) as { event: { id: string } };
  const detail = eventDetailSchema.parse(
    await (
      await fetch(`${origin}/api/events/${event.id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json(),
  );
  sessions = Object.fromEntries(detail.sessions.map((s) => [s.title, s.id]));
});

afterAll(async () => {
  for (const { context } of opened) {
    await context.close();
  }
  await browser?.close();
  await testCore?.close();
});

/** A new person (own storage) with a display name, on the pad. */
async function person(
  name: string | null,
  padId: string,
  options: { token?: string } = {},
): Promise<TestPage> {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  opened.push(page);
  if (name !== null) {
    await page.context.addInitScript((n) => localStorage.setItem('mitschrift.displayName', n), name);
  }
  await page.page.goto(`${testCore.core.origin}/pad/${padId}?token=${options.token ?? testCore.core.token}`);
  await page.page.locator('.ProseMirror').waitFor({ timeout: 15_000 });
  return page;
}

async function waitOnline(page: Page): Promise<void> {
  await page.locator('.connection--online').first().waitFor({ timeout: 15_000 });
}

function editor(page: Page) {
  return page.locator('.ProseMirror');
}

/**
 * The editor's blocks as text, one entry per top-level block, without the remote carets' name
 * labels (which differ from screen to screen).
 */
function editorText(page: Page): Promise<string> {
  return editor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return JSON.stringify([...copy.children].map((block) => `${block.tagName}:${block.textContent ?? ''}`));
  });
}

async function userId(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem('mitschrift.userId') ?? '');
}

/** Starts a new line after the last block: a click into it, End, Enter. */
async function startLineAtEnd(page: Page): Promise<void> {
  // Click into the last block (Ctrl+End alone races with ProseMirror reading the DOM selection).
  await editor(page).locator(':scope > *').last().click();
  await page.keyboard.press('End');
  await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await startLineAtEnd(page);
  await page.keyboard.type(text, { delay: 15 });
}

/** The number of top-level blocks in the editor. */
function blockCount(page: Page): Promise<number> {
  return editor(page).evaluate((el) => el.children.length);
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors, 'uncaught errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors (CSP violations show here)').toEqual([]);
}

/** Hue distance (degrees) of two CSS `rgb(r, g, b)` colours. */
function hueDistance(a: string, b: string): number {
  const hex = (css: string) =>
    '#' +
    (css.match(/\d+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v).toString(16).padStart(2, '0'))
      .join('');
  const d = Math.abs(hueOf(hex(a)) - hueOf(hex(b))) % 360;
  return Math.min(d, 360 - d);
}

describe('co-editing', () => {
  it('three people: text converges, carets and names show, each text in its author’s colour', async () => {
    const padId = sessions['Barrierefreiheit im Web']!;
    // Anna chooses her name on the pad itself (remembered like the setting); the others set it before.
    // Nothing is asked before writing; the name field appears inline at the first keystroke.
    const anna = await person(null, padId);
    await waitOnline(anna.page);
    await editor(anna.page).getByText('Offene Fragen').waitFor();
    expect(await anna.page.getByLabel('Ihr Name in diesen Notizen').count()).toBe(0);
    await editor(anna.page).getByText('Offene Fragen').click();
    await anna.page.keyboard.press('End');
    await anna.page.keyboard.type('x');
    await anna.page.keyboard.press('Backspace');
    await anna.page.getByLabel('Ihr Name in diesen Notizen').fill('Anna Schmidt');
    await anna.page.getByRole('button', { name: 'Namen übernehmen' }).click();
    const ben = await person('Ben Okafor', padId);
    const cem = await person('Cem Yılmaz', padId);
    const people = [anna, ben, cem];
    for (const p of people) {
      await waitOnline(p.page);
      // The template from the plan is there once.
      await editor(p.page).getByText('Offene Fragen').waitFor();
    }
    expect(await editor(anna.page).getByRole('heading', { name: 'Barrierefreiheit im Web' }).count()).toBe(1);

    const lines = {
      anna: 'Anna notiert die Kernaussagen.',
      ben: 'Ben ergänzt ein Beispiel.',
      cem: 'Cem stellt eine Frage.',
    };
    // Each person starts a line of their own at the end, one after the other, as people do who see
    // each other's carets; then all three write at once. (Started at the same moment, one person's
    // click and End could land in a line another is still writing; their caret stays where it was
    // while that line grows, and their Enter splits it, as Enter should.)
    let blocks = await blockCount(anna.page);
    for (const p of people) {
      await startLineAtEnd(p.page);
      blocks += 1;
      for (const q of people) {
        await expect.poll(() => blockCount(q.page)).toBe(blocks);
      }
    }
    await Promise.all([
      anna.page.keyboard.type(lines.anna, { delay: 15 }),
      ben.page.keyboard.type(lines.ben, { delay: 15 }),
      cem.page.keyboard.type(lines.cem, { delay: 15 }),
    ]);
    const allThere = async (): Promise<boolean> => {
      const seen = await Promise.all(people.map((p) => editorText(p.page)));
      return seen.every((text) => Object.values(lines).every((line) => text.includes(line)));
    };
    await expect
      .poll(allThere, { timeout: 15_000, message: 'every line on every screen' })
      .toBe(true)
      .catch(async (error: unknown) => {
        // What each screen shows, in the failure itself (a CI log may keep only the summary).
        const seen = await Promise.all(people.map((p) => editorText(p.page)));
        throw new Error(`${String(error)}\nthe three screens:\n${seen.join('\n')}`);
      });
    const texts = await Promise.all(people.map((p) => editorText(p.page)));
    expect(new Set(texts).size, `all three editors show the same text: ${JSON.stringify(texts)}`).toBe(1);

    // Names at the remote carets, and in the list of who is here.
    await anna.page.locator('.collaboration-carets__label', { hasText: 'Ben Okafor' }).waitFor();
    await anna.page.locator('.collaboration-carets__label', { hasText: 'Cem Yılmaz' }).waitFor();
    await cem.page.locator('.collaboration-carets__label', { hasText: 'Anna Schmidt' }).waitFor();
    const present = anna.page.getByRole('list', {
      name: 'Personen, die diese Notizen gerade geöffnet haben',
    });
    for (const name of ['Anna Schmidt', 'Ben Okafor', 'Cem Yılmaz']) {
      await present.getByText(name).waitFor();
    }

    // Authorship: every line carries its writer's id and shows their colour, the same on every
    // screen, three clearly different colours, matching the legend.
    const ids = { anna: await userId(anna.page), ben: await userId(ben.page), cem: await userId(cem.page) };
    expect(new Set(Object.values(ids)).size).toBe(3);
    const names = { anna: 'Anna Schmidt', ben: 'Ben Okafor', cem: 'Cem Yılmaz' };
    const colours: Record<string, string> = {};
    for (const who of ['anna', 'ben', 'cem'] as const) {
      const swatch = anna.page
        .getByRole('list', { name: 'Wer welchen Text geschrieben hat' })
        .getByRole('listitem')
        .filter({ hasText: names[who] })
        .locator('.pad-swatch');
      colours[who] = await swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
      for (const p of people) {
        // A remote caret may split a run into several spans: look at all of this author's spans.
        const authored = () =>
          editor(p.page).evaluate((el, id) => {
            const spans = [...el.querySelectorAll(`span.pad-author[data-author="${id}"]`)];
            const text = spans
              .map((span) => {
                const copy = span.cloneNode(true) as HTMLElement;
                copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
                return copy.textContent ?? '';
              })
              .join('');
            return {
              text,
              colours: [...new Set(spans.map((span) => getComputedStyle(span).backgroundColor))],
            };
          }, ids[who]);
        await expect.poll(async () => (await authored()).colours).toEqual([colours[who]]);
        const { text } = await authored();
        if (!text.includes(lines[who])) {
          // Which author each run of the text carries, to tell a misattribution from a lost edit.
          const runs = await editor(p.page).evaluate((el) =>
            [...el.querySelectorAll('span.pad-author')].map((span) => [
              span.getAttribute('data-author'),
              span.textContent,
            ]),
          );
          expect(text, `${who} (${ids[who]}); the runs: ${JSON.stringify(runs)}`).toContain(lines[who]);
        }
      }
    }
    expect(new Set(Object.values(colours)).size, JSON.stringify(colours)).toBe(3);
    for (const [a, b] of [
      ['anna', 'ben'],
      ['anna', 'cem'],
      ['ben', 'cem'],
    ] as const) {
      expect(hueDistance(colours[a]!, colours[b]!), `${a}/${b} look alike`).toBeGreaterThanOrEqual(30);
    }
    // The template's text was written by the core, not by a person: no colour.
    expect(
      await editor(anna.page).getByRole('heading', { name: 'Notizen' }).locator('[data-author]').count(),
    ).toBe(0);
    // The legend names all three.
    const legend = anna.page.getByRole('list', { name: 'Wer welchen Text geschrieben hat' });
    for (const name of ['Anna Schmidt', 'Ben Okafor', 'Cem Yılmaz']) {
      await legend.getByText(name).waitFor();
    }
    await anna.page.screenshot({ path: join(RESULTS, 'pad-3-clients.png'), fullPage: true });
    await cem.page.screenshot({ path: join(RESULTS, 'pad-3-clients-cem.png') });

    // Colours off: no background, the choice is remembered.
    await anna.page.getByRole('button', { name: 'Autorenfarben zeigen' }).click();
    await expect
      .poll(() =>
        editor(anna.page).evaluate((el) => [
          ...new Set(
            [...el.querySelectorAll('span.pad-author')].map((s) => getComputedStyle(s).backgroundColor),
          ),
        ]),
      )
      .toEqual(['rgba(0, 0, 0, 0)']);
    expect(
      await anna.page.getByRole('button', { name: 'Autorenfarben zeigen' }).getAttribute('aria-pressed'),
    ).toBe('false');
    await anna.page.getByRole('button', { name: 'Autorenfarben zeigen' }).click();
    for (const p of people) {
      expectNoProblems(p.problems);
    }
  });

  it('keeps my cursor in my empty line when someone adds an empty line right before it', async () => {
    // y-tiptap moves a cursor at the start of an empty paragraph to a look-alike one after remote
    // changes; renderer/src/pad/selectionGuard.ts keeps it where Yjs says it is.
    const padId = sessions['Offene Daten']!;
    const me = await person('Ich', padId);
    const other = await person('Jemand', padId);
    await waitOnline(me.page);
    await waitOnline(other.page);
    await editor(me.page).locator(':scope > p').last().click();
    await me.page.waitForTimeout(200);
    for (let i = 0; i < 3; i++) {
      await editor(other.page).getByRole('heading', { name: 'Links' }).click();
      await other.page.keyboard.press('End');
      // The browser moves the caret; give ProseMirror its selectionchange before Enter.
      await other.page.waitForTimeout(100);
      await other.page.keyboard.press('Enter');
      await expect.poll(() => editor(me.page).locator(':scope > p').count()).toBeGreaterThan(3 + i);
    }
    await me.page.keyboard.type('Meine Zeile', { delay: 20 });
    await editor(other.page).getByText('Meine Zeile').waitFor();
    const blocks = JSON.parse(await editorText(other.page)) as string[];
    expect(blocks.slice(-5)).toEqual(['H2:Links', 'P:', 'P:', 'P:', 'P:Meine Zeile']);
  });

  it('undo takes back only my own changes, never someone else’s', async () => {
    const padId = 'undo-pad';
    const a = await person('Ada', padId);
    const b = await person('Bo', padId);
    await waitOnline(a.page);
    await waitOnline(b.page);
    await editor(a.page).click();
    await a.page.keyboard.type('Von Ada.', { delay: 10 });
    await editor(b.page).getByText('Von Ada.').waitFor();
    await a.page.waitForTimeout(700); // Ada's typing is one undo step.
    await typeAtEnd(b.page, 'Von Bo.');
    await editor(a.page).getByText('Von Bo.').waitFor();
    await editor(a.page).getByText('Von Ada.').click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => editor(b.page).innerText()).not.toContain('Von Ada.');
    expect(await editor(a.page).innerText()).toContain('Von Bo.');
    expect(await editor(b.page).innerText()).toContain('Von Bo.');
    // The toolbar's undo/redo work the same; redo brings it back with its author.
    await a.page.getByRole('button', { name: 'Wiederholen' }).click();
    await editor(b.page).getByText('Von Ada.').waitFor();
    expect(await editor(b.page).getByText('Von Ada.').getAttribute('data-author')).toBe(await userId(a.page));

    // Ada deletes Bo's line and takes that back: it returns as Bo's text, not hers.
    await a.page.waitForTimeout(700);
    await editor(a.page).getByText('Von Bo.').click({ clickCount: 3 });
    await a.page.keyboard.press('Backspace');
    await expect.poll(() => editor(b.page).innerText()).not.toContain('Von Bo.');
    await a.page.keyboard.press('Control+z');
    await editor(b.page).getByText('Von Bo.').waitFor();
    expect(await editor(a.page).getByText('Von Bo.').getAttribute('data-author')).toBe(await userId(b.page));
  });
});

describe('offline', () => {
  it('keeps edits made while disconnected through a reload and merges them on reconnect', async () => {
    const padId = 'offline-pad';
    const away = await openPage(browser);
    opened.push(away);
    let online = true;
    const routes: WebSocketRoute[] = [];
    // The y-websocket connection goes through this route; "offline" closes it and refuses new ones.
    await away.context.routeWebSocket(/\/yjs\//, (ws) => {
      routes.push(ws);
      if (online) {
        ws.connectToServer();
      }
    });
    await away.context.addInitScript(() => localStorage.setItem('mitschrift.displayName', 'Unterwegs'));
    await away.page.goto(`${testCore.core.origin}/pad/${padId}?token=${testCore.core.token}`);
    await waitOnline(away.page);
    const stay = await person('Im Saal', padId);
    await waitOnline(stay.page);

    online = false;
    for (const route of routes.splice(0)) {
      await route.close();
    }
    await away.page.locator('.connection--online').waitFor({ state: 'detached', timeout: 10_000 });
    await editor(away.page).click();
    await away.page.keyboard.type('Offline notiert.', { delay: 10 });
    await away.page
      .getByText(/lokale Änderung/)
      .first()
      .waitFor();
    // The reload comes from the core (HTTP still works); the text comes from this browser's IndexedDB.
    await away.page.reload();
    await editor(away.page).getByText('Offline notiert.').waitFor({ timeout: 15_000 });
    await typeAtEnd(stay.page, 'Im Saal notiert.');
    expect(await editor(stay.page).innerText()).not.toContain('Offline notiert.');

    online = true;
    for (const route of routes.splice(0)) {
      await route.close();
    }
    await waitOnline(away.page);
    await editor(stay.page).getByText('Offline notiert.').waitFor({ timeout: 15_000 });
    await editor(away.page).getByText('Im Saal notiert.').waitFor({ timeout: 15_000 });
    await expect.poll(() => editorText(away.page)).toBe(await editorText(stay.page));
  });
});

describe('read-only link, history, sharing, accessibility', () => {
  it('shows the pad read-only through the view link, live, without a way to change it', async () => {
    const padId = sessions['Offene Daten']!;
    const host = await person('Organisation', padId);
    await waitOnline(host.page);
    const viewer = await person('Beamer', padId, { token: testCore.core.viewToken! });
    await viewer.page.getByText('Nur-Lesen-Link').waitFor();
    expect(await editor(viewer.page).getAttribute('contenteditable')).toBe('false');
    expect(await viewer.page.getByRole('toolbar').count()).toBe(0);
    await typeAtEnd(host.page, 'Live für alle.');
    await editor(viewer.page).getByText('Live für alle.').waitFor();
    await editor(viewer.page).click();
    await viewer.page.keyboard.type('Versuch');
    await host.page.waitForTimeout(300);
    expect(await editor(host.page).innerText()).not.toContain('Versuch');
    expect(await editor(viewer.page).innerText()).not.toContain('Versuch');
    expectNoProblems(viewer.problems);
  });

  it('scrubs the timeslider, restores an old state as a new revision and names one', async () => {
    const padId = sessions['Offene Daten']!;
    const { page, problems } = await person('Organisation', padId);
    await waitOnline(page);
    await typeAtEnd(page, 'Wird gleich zurückgenommen.');
    await page.getByRole('button', { name: 'Verlauf öffnen' }).click();
    const slider = page.getByRole('slider', { name: 'Stand im Verlauf' });
    await slider.waitFor();
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByText(/Stand 0 von \d+ · .* \(Vorlage\)/).waitFor();
    const preview = page.getByRole('document', { name: 'Notizen im Stand 0 (nur lesen)' });
    await preview.getByText('Offene Fragen').waitFor();
    expect(await preview.innerText()).not.toContain('Wird gleich zurückgenommen.');
    await page.getByLabel('Name für diesen Stand').fill('Nur die Vorlage');
    await page.getByRole('button', { name: 'Stand benennen' }).click();
    await page.getByRole('button', { name: /★ Nur die Vorlage/ }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'pad-timeslider.png'), fullPage: true });
    await expectAccessible(page, 'pad timeslider');
    await page.getByRole('button', { name: 'Diesen Stand wiederherstellen' }).click();
    await page
      .getByText(/Stand 0 ist als neuer Stand \d+ wiederhergestellt/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Zurück zum Bearbeiten' }).click();
    await expect.poll(() => editor(page).innerText()).not.toContain('Wird gleich zurückgenommen.');
    expectNoProblems(problems);
  });

  it('says that only this computer reaches a loopback core instead of a dead link, and passes axe', async () => {
    const padId = sessions['Barrierefreiheit im Web']!;
    const { page, problems } = await person('Organisation', padId);
    await waitOnline(page);
    await page.getByText('Teilen', { exact: true }).click();
    // On loopback nobody else could open a link: the panel says so instead of a dead QR code
    // (test/e2e/shareJoin.test.ts shares on the network and joins through the links).
    await page
      .getByText(/Gerade kann nur dieser Computer Mitschrift öffnen/)
      .first()
      .waitFor();
    expect(await page.getByRole('img', { name: /QR-Code zum Mitschreiben/ }).count()).toBe(0);
    await page.getByText('Import und Export', { exact: true }).click();
    await page.getByText('Chat', { exact: true }).click();
    await page.getByLabel('Nachricht').fill('Hallo zusammen');
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.getByRole('log', { name: 'Chatnachrichten' }).getByText('Hallo zusammen').waitFor();
    // The template is edited in the event's settings now, not in every pad.
    expect(await page.getByText('Vorlage für neue Notizen', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'pad (all panels open)');
    await page.screenshot({ path: join(RESULTS, 'pad-panels.png'), fullPage: true });
    // Keyboard: the toolbar is one tab stop with arrow keys; Ctrl+B formats.
    await editor(page).click();
    await page.keyboard.press('Alt+F10');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Fett');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Kursiv');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    await expectAccessible(page, 'pad (en)');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    expectNoProblems(problems);
  });
});

describe('import and export from the page', () => {
  it('imports an Etherpad archive through the panel, live for others, with its history', async () => {
    const padId = 'import-ui';
    const importer = await person('Organisation', padId);
    const other = await person('Gast', padId);
    await waitOnline(importer.page);
    await waitOnline(other.page);
    const { page } = importer;
    await page.getByText('Import und Export', { exact: true }).click();
    expect(await page.getByRole('link', { name: 'Text' }).getAttribute('href')).toBe(
      `/api/pads/${padId}/export?format=txt`,
    );
    await page.getByLabel('Datei').setInputFiles(join(FIXTURES, 'ogd-formatierung.etherpad'));
    await page.getByRole('button', { name: 'Datei importieren' }).click();
    await page
      .getByText('„ogd-formatierung.etherpad“ wurde importiert (4 neue Stände im Verlauf).')
      .waitFor();
    await editor(other.page).getByText('statt „Es erfolgt eine Auszahlung“').waitFor();
    expect(await editor(other.page).locator('ol li').count()).toBe(3);
    expect(await editor(other.page).locator('strong', { hasText: 'Kurze Sätze' }).count()).toBe(1);
    // A broken file says why and changes nothing.
    await page.getByLabel('Datei').setInputFiles(join(FIXTURES, 'malformed/corrupt-changeset.etherpad'));
    await page.getByRole('button', { name: 'Datei importieren' }).click();
    await page
      .getByText(/wurde nicht importiert: The \.etherpad file cannot be imported: revision 3/)
      .waitFor();
    expect(await editor(other.page).getByText('statt „Es erfolgt eine Auszahlung“').count()).toBe(1);
    // The refused import is logged by the browser as a failed request; nothing else may be.
    const refused = /status of 422/;
    expectNoProblems({
      ...importer.problems,
      consoleErrors: importer.problems.consoleErrors.filter((e) => !refused.test(e)),
    });
  });
});
