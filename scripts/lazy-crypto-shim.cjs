// node:crypto, loaded on first use: the CLI hashes only when it writes a report,
// and loading the crypto module at start-up cost a tenth of `coord --version`.
'use strict';
let crypto;
const load = () => (crypto ??= require('node:crypto'));
for (const name of ['createHash', 'createHmac', 'randomBytes', 'randomUUID', 'getRandomValues', 'webcrypto']) {
    Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
}
