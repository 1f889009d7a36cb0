// Runs the CLI and writes the process's peak resident memory (KB) to a file when it exits:
// node [node flags] max-rss.mjs OUT_FILE CLI_MAIN [mtaudit args...]
import { writeFileSync } from 'node:fs';

const [out, cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
await import(cli);
