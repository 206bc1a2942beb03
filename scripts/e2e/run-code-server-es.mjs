// The Spanish pass of `npm run test:e2e` (and `npm run test:e2e:es`): code-server again, its display
// language Spanish (COORD_E2E_LOCALE=es, a stub language pack: see docs/e2e.md), running only the tests
// that show what a Spanish-speaking user sees — the display language reaching the extension, Spanish
// diagnostics and hover, the rule link to docs/es/rules.md, and a Spanish preview with its evidence map.
// It tests the .vsix the English pass packaged (the newest coord*.vsix in the repository root, unless
// COORD_E2E_VSIX names one), so the package is built once. Screenshots go to test-results/e2e-es/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

process.env.COORD_E2E_LOCALE ??= 'es';
process.env.COORD_E2E_GREP ??= [
    'runs in the display language', 'activates the installed extension', 'shows the diagnostics',
    'Problems panel links', 'effect-summary command opens its preview',
].join('|');
if (!process.env.COORD_E2E_VSIX) {
    const repo = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
    const newest = readdirSync(repo).filter(f => /^coord([-.].*)?\.vsix$/.test(f))
        .map(f => ({ file: join(repo, f), mtime: statSync(join(repo, f)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime)[0];
    // Packaged less than an hour ago (by the English pass of this run): test that one; else package afresh.
    if (newest && existsSync(newest.file) && Date.now() - newest.mtime < 3_600_000) process.env.COORD_E2E_VSIX = newest.file;
}
await import('./run-code-server.mjs');
