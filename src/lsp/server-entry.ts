/** Entry of the language server bundle (`dist/server.cjs`). */
import { setFlagsFromString } from 'node:v8';
import { startServer } from './main.js';

/*
 * How far V8 lets the heap grow past what the last full collection kept before
 * it collects again: by default up to 4 times, so a server holding 230 MB for a
 * 100k-line file let each edit's garbage (mostly the new text, 4 MB) pile up to
 * about 1 GB before collecting. At 1.3 times it collects every dozen edits of
 * such a file and stays under 500 MB, for about a third more CPU per edit than
 * V8's default (measured in docs/performance.md, "The language server's memory
 * and the 1,000-file edit"). V8 reads the flag at every collection, so setting
 * it here, before the server starts, needs no command-line flag.
 */
setFlagsFromString('--heap-growing-percent=30');

startServer();
