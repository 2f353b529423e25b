/** CLI entry: `npm run -s planbook -- <command> …` (bin/planbook.mjs loads this through tsx). */
import { runCli } from './commands.js';

const result = await runCli(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
for (const line of result.stderr) process.stderr.write(line + '\n');
process.exitCode = result.code;
