/** Entry of the CLI's front bundle (`dist/cli.cjs`). */
import { fileURLToPath } from 'node:url';
import { cacheCompiledCode } from './code-cache.js';
import { run } from './main.js';

// The commands' bundle is compiled through a code cache (see code-cache.ts).
cacheCompiledCode(fileURLToPath(new URL('./cli-commands.cjs', import.meta.url)));
run();
