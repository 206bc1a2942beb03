// ELK for the startup snapshot's bundle (dist/cli-snapshot.cjs): required from the
// package's dist/ on first use (src/cli/snapshot/dist.ts), since the code inside a
// snapshot can require only Node's built-in modules by itself.
'use strict';
module.exports = require('../src/cli/snapshot/dist.ts').requireFromDist('./elk.cjs');
