/** Entry of the CLI bundle (`dist/cli.cjs`). */
import { run } from './main.js';

run();
