/**
 * Generated files are never edited by hand: regenerating from the grammar
 * gives exactly what is committed (the parser, the AST types and the TextMate
 * grammar in syntaxes/). Fails when the grammar changed without
 * `npm run langium:generate`.
 */
import { expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

test('src/language/generated and syntaxes/ are fresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coord-gen-'));
    const config = JSON.parse(readFileSync(join(ROOT, 'langium-config.json'), 'utf8'));
    config.languages[0].grammar = join(ROOT, config.languages[0].grammar);
    config.languages[0].textMate.out = join(dir, 'coord.tmLanguage.json');
    config.out = join(dir, 'generated');
    writeFileSync(join(dir, 'langium-config.json'), JSON.stringify(config));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/langium-cli/bin/langium.js'), 'generate', '--file', join(dir, 'langium-config.json')], {
        cwd: dir, stdio: 'pipe',
    });
    for (const file of ['ast.ts', 'grammar.ts', 'module.ts']) {
        expect(readFileSync(join(dir, 'generated', file), 'utf8'), `src/language/generated/${file} is stale: run npm run langium:generate`)
            .toBe(readFileSync(join(ROOT, 'src/language/generated', file), 'utf8'));
    }
    expect(readFileSync(join(dir, 'coord.tmLanguage.json'), 'utf8'), 'syntaxes/coord.tmLanguage.json is stale')
        .toBe(readFileSync(join(ROOT, 'syntaxes/coord.tmLanguage.json'), 'utf8'));
}, 60_000);
