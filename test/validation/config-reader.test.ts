/**
 * The configuration core runs in a browser (issue 19), so it reads files only
 * through a ConfigFileReader and compares paths without `node:path`. These
 * check what replaced Node there: `relativePath` against `path.relative`,
 * the ignore list and `base` through the URI-based locator, and the reader
 * over a Langium file system (the browser's), which refuses what is not a
 * regular file before reading it.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { describe, expect, test } from 'vitest';
import {
    ConfigError, ConfigLocator, findProjectRootUri, isIgnored, relativePath, type ConfigFileReader,
} from '../../src/validation/config.js';
import { CoordConfigProvider, fileSystemConfigReader } from '../../src/validation/config-provider.js';
import { RULE_IDS } from '../../src/validation/registry.js';

describe('relativePath (path.relative without Node)', () => {
    test('agrees with path.posix.relative on every path inside the base, and says undefined outside it', () => {
        const name = fc.stringMatching(/^[a-zA-Z0-9 ._\\-]{1,6}$/).filter(n => n !== '.' && n !== '..');
        const folder = fc.array(name, { maxLength: 4 }).map(parts => `/${parts.join('/')}`);
        const tail = fc.array(name, { maxLength: 3 });
        fc.assert(fc.property(folder, folder, tail, fc.boolean(), (base, other, rest, below) => {
            const absolute = below ? `${base === '/' ? '' : base}/${rest.join('/')}` : other;
            const expected = path.posix.relative(base, absolute);
            const inside = expected === '' || !(expected === '..' || expected.startsWith('../'));
            expect(relativePath(base, absolute)).toBe(inside ? expected : undefined);
        }), { numRuns: 2000 });
    });

    test('a sibling that only shares a prefix is outside', () => {
        expect(relativePath('/work/spec', '/work/specs/a.coord')).toBeUndefined();
        expect(relativePath('/work/spec/', '/work/spec/a.coord')).toBe('a.coord');
        expect(relativePath('/', '/a/b.coord')).toBe('a/b.coord');
    });

    test('on POSIX a backslash is part of a name; on Windows it separates, and case does not count', () => {
        expect(relativePath('/work', '/work/a\\b.coord')).toBe('a\\b.coord');
        expect(relativePath('C:\\Work\\Specs', 'c:\\work\\specs\\Drafts\\a.coord')).toBe('Drafts/a.coord');
        expect(relativePath('C:\\Work', 'D:\\Work\\a.coord')).toBeUndefined();
        expect(relativePath('\\\\server\\share', '\\\\server\\share\\x\\y.coord')).toBe('x/y.coord');
    });

    test('isIgnored reads patterns against it', () => {
        const config = { rules: {}, ignore: ['drafts/', '*.old.coord', 'specs/**/tmp'], base: '/p' };
        expect(isIgnored(config, '/p/a/drafts', true)).toBe(true);
        expect(isIgnored(config, '/p/a/drafts', false)).toBe(false); // a trailing slash: folders only
        expect(isIgnored(config, '/p/x/y.old.coord', false)).toBe(true);
        expect(isIgnored(config, '/p/specs/a/b/tmp', true)).toBe(true);
        expect(isIgnored(config, '/p/other/specs/a/tmp', true)).toBe(false); // anchored at the base
        expect(isIgnored(config, '/q/drafts', true)).toBe(false); // outside the base
        expect(isIgnored(config, '/p', true)).toBe(false);
    });
});

/** A reader over a map of file URIs to texts (a value that is an Error is thrown). */
function mapReader(files: Record<string, string | Error>): ConfigFileReader {
    return file => {
        const value = files[file.toString()];
        if (value instanceof Error) throw value;
        return value;
    };
}

describe('the locator over a reader', () => {
    test('finds the nearest file upward on any scheme; base is the folder, a path on disk, else the URI', () => {
        const locator = new ConfigLocator(RULE_IDS, mapReader({
            'vscode-vfs://github/acme/specs/coord.config.json': '{ "ignore": ["drafts/"] }',
            'file:///work/coord.config.json': '{ "rules": { "unused": "off" } }',
        }));
        const web = locator.forFile(URI.parse('vscode-vfs://github/acme/specs/a/b/x.coord'));
        expect(web).toMatchObject({ file: 'vscode-vfs://github/acme/specs/coord.config.json', base: 'vscode-vfs://github/acme/specs', ignore: ['drafts/'] });
        const disk = locator.forFile(URI.file('/work/p/q/x.coord'));
        expect(disk).toMatchObject({ file: path.join('/work', 'coord.config.json'), base: path.join('/work'), rules: { unused: 'off' } });
        expect(locator.forFile(URI.file('/elsewhere/x.coord'))).toBeUndefined();
    });

    test('a refusal keeps its message and names the file; another error says it cannot be read', () => {
        const locator = new ConfigLocator(RULE_IDS, mapReader({
            'file:///a/coord.config.json': new ConfigError(undefined, undefined, 'cannot read: not a regular file but a FIFO (named pipe)'),
            'file:///b/coord.config.json': new Error('EACCES: permission denied'),
        }));
        expect(() => locator.forFile(URI.file('/a/x.coord'))).toThrow(expect.objectContaining({
            file: path.join('/a', 'coord.config.json'), message: 'cannot read: not a regular file but a FIFO (named pipe)',
        }));
        expect(() => locator.forFile(URI.file('/b/x.coord'))).toThrow(expect.objectContaining({
            file: path.join('/b', 'coord.config.json'), message: 'cannot read: EACCES: permission denied',
        }));
    });

    test('--config through a reader: named as the user wrote it, its folder the base', () => {
        const provider = new CoordConfigProvider(mapReader({ 'file:///w/team.json': '{ "ignore": ["old/"] }' }));
        provider.setExplicitConfigFile('/w/team.json', 'team.json');
        expect(provider.configFor(URI.file('/elsewhere/a.coord')).config).toMatchObject({ file: 'team.json', base: path.join('/w'), ignore: ['old/'] });
        expect(() => new CoordConfigProvider(mapReader({})).setExplicitConfigFile('/w/none.json', 'none.json'))
            .toThrow(expect.objectContaining({ file: 'none.json', message: 'cannot read: no such file' }));
    });

    test('the project root is the nearest folder whose file says "root": true; an unreadable or invalid one is none', () => {
        const read = mapReader({
            'file:///p/coord.config.json': '{ "root": true }',
            'file:///p/q/coord.config.json': '{ "root": tru',
            'file:///p/q/r/coord.config.json': new Error('EIO'),
        });
        expect(findProjectRootUri(URI.file('/p/q/r/s'), read)?.path).toBe('/p');
        expect(findProjectRootUri(URI.file('/other'), read)).toBeUndefined();
    });
});

describe('the reader over a Langium file system (the browser\'s server)', () => {
    function fileSystem(nodes: Record<string, Partial<FileSystemNode> & { text?: string }>): FileSystemProvider {
        const reads: string[] = [];
        const get = (uri: URI) => nodes[uri.toString()];
        return {
            reads,
            existsSync: (uri: URI) => get(uri) !== undefined,
            statSync: (uri: URI) => ({ uri, isFile: Boolean(get(uri)?.isFile), isDirectory: Boolean(get(uri)?.isDirectory) }),
            readFileSync: (uri: URI) => {
                reads.push(uri.toString());
                return get(uri)?.text ?? '';
            },
        } as unknown as FileSystemProvider;
    }

    test('a file it knows is read; one it does not know is no file', () => {
        const read = fileSystemConfigReader(fileSystem({ 'vscode-vfs://h/coord.config.json': { isFile: true, text: '{}' } }));
        expect(read(URI.parse('vscode-vfs://h/coord.config.json'))).toBe('{}');
        expect(read(URI.parse('vscode-vfs://h/x/coord.config.json'))).toBeUndefined();
    });

    test('something that is not a regular file is refused without being read', () => {
        const fs = fileSystem({ 'file:///a/coord.config.json': { isFile: false }, 'file:///b/coord.config.json': { isDirectory: true } });
        const provider = new CoordConfigProvider(fileSystemConfigReader(fs));
        expect(provider.configFor(URI.file('/a/x.coord')).error?.message).toBe('cannot read: not a regular file');
        expect(provider.configFor(URI.file('/b/x.coord')).error?.message).toBe('cannot read: EISDIR: illegal operation on a directory, read');
        expect((fs as unknown as { reads: string[] }).reads).toEqual([]);
    });
});

describe('CoordConfigProvider merges each configuration once', () => {
    const files: Record<string, string> = {
        '/w/coord.config.json': JSON.stringify({ rules: { unused: 'off' } }),
        '/w/south/coord.config.json': JSON.stringify({ rules: { 'local-roles': 'error' } }),
    };
    const reader: ConfigFileReader = uri => files[uri.path];

    test('documents under one configuration file share one merged configuration, and an override or a reload makes a new one', () => {
        const provider = new CoordConfigProvider(reader);
        const a = provider.configFor(URI.file('/w/a.coord')).config;
        const b = provider.configFor(URI.file('/w/north/deep/b.coord')).config;
        const c = provider.configFor(URI.file('/w/south/c.coord')).config;
        expect(a).toBe(b);
        expect(a?.rules).toEqual({ unused: 'off' });
        expect(c).not.toBe(a);
        expect(c?.rules).toEqual({ 'local-roles': 'error' });
        // Overrides win over every file, and the configurations merged before them are not reused.
        provider.setOverrides({ unused: 'error' });
        expect(provider.configFor(URI.file('/w/a.coord')).config?.rules).toEqual({ unused: 'error' });
        expect(provider.configFor(URI.file('/w/south/c.coord')).config?.rules).toEqual({ 'local-roles': 'error', unused: 'error' });
        // A config file that changed on disk is read again after reload().
        files['/w/coord.config.json'] = JSON.stringify({ rules: { complexity: 'warning' } });
        expect(provider.configFor(URI.file('/w/a.coord')).config?.rules).toEqual({ unused: 'error' });
        provider.reload();
        expect(provider.configFor(URI.file('/w/a.coord')).config?.rules).toEqual({ complexity: 'warning', unused: 'error' });
    });
});
