/** Entry of the web worker bundle (`dist/web/server.js`): the language server in a browser. */
import { startBrowserServer } from './browser-main.js';

startBrowserServer((globalThis as unknown as { self: unknown }).self as unknown as Parameters<typeof startBrowserServer>[0]);
