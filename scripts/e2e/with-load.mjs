// `npm run test:e2e:load`: runs a command (by default the end-to-end tests, `npm run test:e2e`) with
// CPU-bound processes beside it, as on a busy CI machine (issue 21, fault 8: the e2e suite failed once
// under load and passed alone). The burners are `node -e "for(;;){}"` children of this script, ended by
// their own process ids when the command ends, fails or is interrupted — never by name.
//
//   node scripts/e2e/with-load.mjs [--burners N] [-- command args…]
//
// Prints the command's wall time and exits with its status.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash >= 0 ? args.slice(0, dash) : args;
const command = dash >= 0 ? args.slice(dash + 1) : ['npm', 'run', 'test:e2e'];
const burnersAt = own.indexOf('--burners');
const count = burnersAt >= 0 ? Number(own[burnersAt + 1]) : 2;
if (!Number.isInteger(count) || count < 0) {
    console.error(`with-load: --burners must be a whole number ≥ 0, not ${own[burnersAt + 1]}`);
    process.exit(2);
}

const burners = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopBurners = () => {
    for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
};
process.on('exit', stopBurners);
console.error(`with-load: ${count} CPU-bound process(es) running (pids ${burners.map(b => b.pid).join(', ') || 'none'}); running ${command.join(' ')}`);

const started = Date.now();
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        child.kill(signal);
        stopBurners();
        process.exit(130);
    });
}
child.on('error', error => {
    console.error(`with-load: could not run ${command[0]}: ${error.message}`);
    stopBurners();
    process.exit(2);
});
child.on('exit', (code, signal) => {
    stopBurners();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(`with-load: ${command.join(' ')} ${signal ? `ended by ${signal}` : `exited ${code}`} after ${seconds} s beside ${count} CPU-bound process(es)`);
    process.exit(code ?? 1);
});
