import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.ts';
const script = `(async () => {
    const c = document.getElementById('c');
    const ctx = c.getContext('2d', { desynchronized: true });
    const attrs = ctx.getContextAttributes();
    const times = [];
    await new Promise((res) => {
      let last = 0;
      const f = (t) => { if (last) times.push(t - last); last = t; ctx.fillStyle = 'hsl(' + times.length + ',50%,50%)'; ctx.fillRect(0,0,1600,900); if (times.length < 120) requestAnimationFrame(f); else res(); };
      requestAnimationFrame(f);
    });
    times.sort((a, b) => a - b);
    return { attrs, med: times[60], p95: times[114], min: times[0], max: times[119], dpr: devicePixelRatio };
  })()`;
for (const extra of [[], ['--disable-gpu-vsync', '--disable-frame-rate-limit']]) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extra] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.setContent('<canvas id=c width=1600 height=900></canvas>');
  const r = await page.evaluate(script);
  console.log(extra, JSON.stringify(r));
  await browser.close();
}
