// Loaded with `node --require` into a measured process: on exit, writes its peak memory (resident set, which
// includes worker threads) and CPU time to the file named by MTAUDIT_BENCH_STATS.
const { writeFileSync } = require('node:fs');
const target = process.env.MTAUDIT_BENCH_STATS;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
