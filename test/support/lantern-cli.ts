/** Runs the Lantern CLI from the source (no build needed): `node --import tsx test/support/lantern-cli.ts <args>`. */
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
