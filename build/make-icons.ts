/**
 * Renders assets/icons/mitschrift.svg to the PNG icons electron-builder needs: build/icon.png
 * (1024², macOS and Windows convert it) and build/icons/NxN.png (Linux). Run it after changing the
 * SVG: `npx tsx build/make-icons.ts`. It uses Debian's Chromium, because Playwright's own browser
 * downloads are not reachable from CI.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svgPath = join(root, 'assets/icons/mitschrift.svg');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

/** Renders the SVG into a size×size PNG with a transparent background. */
async function render(page: Page, svg: string, size: number, path: string): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img id="icon" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  // Wait until the image is decoded, or the screenshot may catch an empty frame.
  await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** Writes every icon size next to electron-builder's other build resources. */
async function main(): Promise<void> {
  const svg = readFileSync(svgPath, 'utf8');
  mkdirSync(join(root, 'build/icons'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await render(page, svg, 1024, join(root, 'build/icon.png'));
    for (const size of LINUX_SIZES) {
      await render(page, svg, size, join(root, `build/icons/${size}x${size}.png`));
    }
  } finally {
    await browser.close();
  }
  console.info(`Wrote build/icon.png and ${LINUX_SIZES.length} sizes in build/icons/.`);
}

await main();
