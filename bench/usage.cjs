// Preloaded into a measured process (`node -r ./bench/maxrss.cjs …`): at exit,
// writes the process's peak resident set size and CPU time as JSON to the file
// named by COORD_BENCH_USAGE_FILE, so the benchmark reports them on any OS.
'use strict';
const file = process.env.COORD_BENCH_USAGE_FILE;
if (file) {
    process.on('exit', () => {
        const u = process.resourceUsage();
        require('node:fs').writeFileSync(file, JSON.stringify({
            maxRssBytes: u.maxRSS * 1024,
            cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        }));
    });
}
