/**
 * Starts the benchmark's parse-only probe (`probe.cjs`, next to this file once
 * bundled) the way `bin/coord.js` starts the CLI's commands: through the code
 * cache of src/cli/code-cache.ts, so that `coord check` and the probe it is
 * compared with compile the same way. The cache lives in the benchmark's own
 * temporary folder, removed with it.
 */
import * as path from 'node:path';
import { cacheCompiledCode } from '../src/cli/code-cache.js';

cacheCompiledCode(path.join(__dirname, 'probe.cjs'), path.join(__dirname, 'code-cache'));
require('./probe.cjs');
