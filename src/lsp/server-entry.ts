/** Entry of the language server bundle (`dist/server.cjs`). */
import { startServer } from './main.js';

startServer();
