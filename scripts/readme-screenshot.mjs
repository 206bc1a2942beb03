// Takes the screenshot shown on the extension's page (EXTENSION.md): the effect
// summary of examples/colombia.coord, as the preview and `coord summary --format html`
// render it, in headless Chromium (Debian's `chromium`, or CHROMIUM=/path).
// Run after `npm run build`: node scripts/readme-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'coord-shot-'));
try {
    const html = join(dir, 'summary.html');
    execFileSync(process.execPath, ['bin/coord.js', 'summary', 'examples/colombia.coord', '--format', 'html', '--title', 'Colombia: effect summary', '-o', html]);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
    await page.goto(`file://${html}`);
    await page.screenshot({ path: 'docs/images/effect-summary.png' });
    await browser.close();
} finally {
    rmSync(dir, { recursive: true, force: true });
}
