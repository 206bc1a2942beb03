/**
 * The packaged extension (`npm run package` → `coord.vsix`, built with
 * `vsce package --no-dependencies --readme-path EXTENSION.md`, the same
 * command line as the `package` script) holds exactly the bundles and assets
 * the extension needs, its page's README with links that work from the
 * Marketplace, and stays small. Packaging takes several seconds, so the test
 * packages the current bundles into a scratch folder once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let vsix: string;
let files: Map<string, number>;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-vsix-'));
    vsix = path.join(dir, 'coord.vsix');
    // `npm test` builds first; rebuilding here would race with the tests that run the bundles.
    if (!fs.existsSync(path.join(ROOT, 'dist/server.cjs')) || !fs.existsSync(path.join(ROOT, 'dist/extension.cjs'))) {
        const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
        expect(build.status, build.stderr).toBe(0);
    }
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    // The flags of the `package` script, so that the test packages what `npm run package` does.
    const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package as string;
    const flags = script.slice(script.indexOf('vsce package') + 'vsce package'.length).replace(/--out\s+\S+/, '').trim().split(/\s+/);
    const pack = spawnSync(process.execPath, [vsce, 'package', ...flags, '--out', vsix], {
        cwd: ROOT, encoding: 'utf8',
    });
    expect(pack.status, pack.stderr + pack.stdout).toBe(0);
    const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    expect(list.status, 'unzip is needed to list the .vsix (apt-get install unzip)').toBe(0);
    files = new Map();
    const sizes = spawnSync('unzip', ['-lqq', vsix], { encoding: 'utf8' }).stdout;
    for (const line of sizes.split('\n')) {
        const m = /^\s*(\d+)\s+\S+\s+\S+\s+(.+)$/.exec(line);
        if (m) files.set(m[2], Number(m[1]));
    }
}, 120_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the .vsix', () => {
    test('holds the bundles, the grammar, the language configuration, icons and the manifest files', () => {
        const names = [...files.keys()].filter(f => f.startsWith('extension/')).map(f => f.slice('extension/'.length)).sort();
        expect(names).toEqual(expect.arrayContaining([
            'package.json', 'readme.md', 'LICENSE.txt', 'changelog.md', 'docs/rules.md', 'docs/es/rules.md', 'docs/pt-BR/rules.md',
            'dist/extension.cjs', 'dist/language-client.cjs', 'dist/server.cjs', 'dist/preview.js', 'dist/preview.css', 'dist/web/extension.js', 'dist/web/server.js',
            'syntaxes/coord.tmLanguage.json', 'language-configuration.json',
            'media/coord-icon.png', 'media/coord-file.svg',
            'package.nls.json', 'package.nls.es.json', 'package.nls.pt-br.json', 'l10n/bundle.l10n.es.json', 'l10n/bundle.l10n.pt-br.json',
        ]));
        const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|readme\.md|LICENSE\.txt|changelog\.md|docs\/((es|pt-BR)\/)?rules\.md|dist\/(extension|language-client|server)\.cjs|dist\/preview\.(js|css)|dist\/web\/(extension|server)\.js|syntaxes\/coord\.tmLanguage\.json|language-configuration\.json|media\/[^/]+\.(png|svg))$/;
        expect(names.filter(n => !allowed.test(n)), 'nothing else (no sources, maps, tests, node_modules or the CLI bundle)').toEqual([]);
    });

    test('every file the manifest points to is inside', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        const referenced = [
            manifest.main, manifest.browser, manifest.icon,
            ...manifest.contributes.languages.flatMap((l: { configuration: string; icon: { light: string; dark: string } }) => [l.configuration, l.icon.light, l.icon.dark]),
            ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
        ].map((p: string) => `extension/${p.replace(/^\.\//, '')}`);
        for (const p of referenced) expect(files.has(p), p).toBe(true);
    });

    test('every file a packaged bundle loads at run time (require or import of ./x) is inside', () => {
        for (const bundle of ['dist/extension.cjs', 'dist/server.cjs']) {
            const code = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
            for (const m of code.matchAll(/(?:require|import)\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
                const target = path.posix.join('extension', path.posix.dirname(bundle), m[1]);
                expect(files.has(target), `${bundle} loads ${m[1]}`).toBe(true);
            }
        }
    });

    test('every file the preview\'s webview loads is inside', () => {
        const source = fs.readFileSync(path.join(ROOT, 'src/extension/preview.ts'), 'utf8');
        const loaded = [...source.matchAll(/asWebviewUri\(vscode\.Uri\.joinPath\(this\.context\.extensionUri, ((?:'[^']+'(?:, )?)+)\)\)/g)]
            .map(m => m[1].split(', ').map(part => part.slice(1, -1)).join('/'));
        expect(loaded).toEqual(['dist/preview.js', 'dist/preview.css']);
        for (const p of loaded) expect(files.has(`extension/${p}`), p).toBe(true);
    });

    test('is packaged without leaving the repository out or the relative links as they are', () => {
        const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package as string;
        expect(script).not.toMatch(/--allow-missing-repository|--no-rewrite-relative-links/);
    });

    test('its README is the extension page: a screenshot, features, commands, settings, key bindings, and links that work from the Marketplace', () => {
        const readme = spawnSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8' }).stdout;
        for (const heading of ['## Features', '## Commands', '## Key bindings', '## Settings']) expect(readme).toContain(heading);
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        // Every command and setting the manifest contributes is on the page.
        // (Titles are package.nls keys: the page shows the English text.)
        const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
        for (const c of manifest.contributes.commands) expect(readme, c.command).toContain(nls[(c.title as string).replace(/^%(.*)%$/, '$1')] ?? c.title);
        for (const key of Object.keys(manifest.contributes.configuration.properties)) expect(readme).toContain(`\`${key}\``);
        // Relative links were rewritten to absolute ones (the Marketplace has no files beside the page) …
        const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);
        expect(links.length).toBeGreaterThan(3);
        for (const link of links) expect(link, link).toMatch(/^https:\/\//);
        // … and each points to a file of this repository, which exists.
        const repo = (manifest.repository.url as string).replace(/\.git$/, '');
        for (const link of links.filter(l => l.startsWith(repo))) {
            const file = link.replace(/^.*?\/(?:blob|raw)\/HEAD\//, '');
            expect(fs.existsSync(path.join(ROOT, file)), link).toBe(true);
        }
        expect(readme).toMatch(/!\[[^\]]+\]\(https:\/\/\S+\.png\)/);
        // Every link of the page leaves from the one repository URL (a placeholder until the project is published:
        // confirming it is one edit of `repository`, `homepage` and `bugs`), or is a link the page wrote whole.
        for (const url of [manifest.homepage, manifest.bugs.url]) expect(url.startsWith(`${repo}/`), url).toBe(true);
        const source = fs.readFileSync(path.join(ROOT, 'EXTENSION.md'), 'utf8');
        const relative = [...source.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]).filter(l => !/^\w+:/.test(l));
        expect(links.filter(l => !l.startsWith(`${repo}/`)).length).toBe(links.length - relative.length);
        // A suppression the page shows is one Coord reads: the reason after ` -- `.
        for (const m of readme.matchAll(/coord-disable(?:-next-line)?[^`\n]*/g)) expect(m[0], m[0]).toMatch(/^coord-disable(-next-line)? <rule-id> -- <reason>$|^coord-disable(-next-line)? [a-z-]+(, [a-z-]+)* -- /);
    });

    test('is small', () => {
        expect(fs.statSync(vsix).size).toBeLessThan(2 * 1024 * 1024);
        const unpacked = [...files.values()].reduce((a, b) => a + b, 0);
        // The desktop bundles (about 3.7 MB) and the web extension's (about 2.8 MB: its server carries ELK too).
        expect(unpacked).toBeLessThan(8 * 1024 * 1024);
    });
});
