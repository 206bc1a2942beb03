/**
 * The code lens, the Problems panel and the explorer's badge count the same
 * findings. The panel and the badge are VS Code's, so they are modelled here
 * from the published diagnostics as VS Code counts them (the panel lists
 * errors, warnings and infos; the badge counts errors and warnings), and the
 * lens of every programme and coordination of the examples must give, per
 * severity, the panel's numbers for the declaration's text — hints, which the
 * panel leaves out, never counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { isCoordination, isProgramme, type Model } from '../../src/language/generated/ast.js';
import { badgeCount, countBySeverity, describeListed, listedCount } from '../../src/validation/finding-counts.js';
import { lspWorkspace } from './lsp-helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** What VS Code shows of a set of diagnostics: the Problems panel's rows by severity, and the badge's number. */
function asVsCodeCounts(diagnostics: readonly Diagnostic[]) {
    const rows = { error: 0, warning: 0, info: 0 };
    let badge = 0;
    for (const d of diagnostics) {
        const severity = d.severity ?? 1;
        if (severity === 1) rows.error++;
        if (severity === 2) rows.warning++;
        if (severity === 3) rows.info++;
        if (severity <= 2) badge++;
    }
    return { rows, panel: rows.error + rows.warning + rows.info, badge };
}

/** The lens title's findings part read back: "1 error · 2 warnings · 1 info" → counts. */
function readLens(title: string) {
    const rows = { error: 0, warning: 0, info: 0 };
    const findings = title.split(' · ').slice(1);
    for (const part of findings) {
        if (part === 'no problems') continue;
        const m = /^(\d+) (error|warning|info)s?$/.exec(part);
        if (!m) throw new Error(`unreadable lens part '${part}' in '${title}'`);
        rows[m[2] as keyof typeof rows] = Number(m[1]);
    }
    return rows;
}

describe('one count of findings', () => {
    test('counts by severity, names or LSP numbers; the panel lists all but hints, the badge errors and warnings', () => {
        const counts = countBySeverity(['error', 2, 'warning', 3, 'hint', 4, undefined]);
        expect(counts).toEqual({ error: 2, warning: 2, info: 1, hint: 2 });
        expect(listedCount(counts)).toBe(5);
        expect(badgeCount(counts)).toBe(4);
        expect(describeListed(counts)).toBe('2 errors · 2 warnings · 1 info');
        expect(describeListed(countBySeverity(['hint', 'hint']))).toBe('no problems');
        expect(describeListed(countBySeverity(['warning', 'info', 'info']))).toBe('1 warning · 2 info');
    });

    test('on the examples, every lens gives the Problems panel\'s and the badge\'s numbers for its declaration', async () => {
        const files = Object.fromEntries(fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.coord')).sort()
            .map(f => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]));
        const ws = await lspWorkspace(files);
        let lensed = 0;
        let hintsLeftOut = 0;
        let infosListed = 0;
        for (const [name, document] of Object.entries(ws.documents)) {
            const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
            const counting = lenses.filter(l => l.command?.command === '');
            const declarations = (document.parseResult.value as Model).declarations.filter(d => isProgramme(d) || isCoordination(d));
            expect(counting.map(l => l.range.start.line), name).toEqual(declarations.map(d => d.$cstNode!.range.start.line));
            let fileRows = { error: 0, warning: 0, info: 0 };
            declarations.forEach((declaration, i) => {
                const cst = declaration.$cstNode!;
                const inside = (document.diagnostics ?? []).filter(d => {
                    const at = document.textDocument.offsetAt(d.range.start);
                    return at >= cst.offset && at <= cst.end;
                });
                const shown = asVsCodeCounts(inside);
                const lens = readLens(counting[i].command!.title);
                const where = `${name}: ${declaration.name} ('${counting[i].command!.title}')`;
                expect(lens, where).toEqual(shown.rows);
                expect(lens.error + lens.warning + lens.info, where).toBe(shown.panel);
                expect(lens.error + lens.warning, where).toBe(shown.badge);
                fileRows = { error: fileRows.error + lens.error, warning: fileRows.warning + lens.warning, info: fileRows.info + lens.info };
                hintsLeftOut += inside.filter(d => d.severity === 4).length;
                infosListed += lens.info;
                lensed++;
            });
            // The core's count of the whole file is what VS Code shows for it.
            const whole = asVsCodeCounts(document.diagnostics ?? []);
            const core = countBySeverity((document.diagnostics ?? []).map(d => d.severity));
            expect(listedCount(core), name).toBe(whole.panel);
            expect(badgeCount(core), name).toBe(whole.badge);
            expect(fileRows.error, name).toBeLessThanOrEqual(whole.rows.error);
        }
        // The examples exercise what differs between the views: hints on lensed declarations, and infos.
        expect(lensed).toBeGreaterThan(10);
        expect(hintsLeftOut).toBeGreaterThan(0);
        expect(infosListed).toBeGreaterThan(0);
    });
});
