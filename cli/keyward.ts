/** The keyward command line: what people script. */
import { auditCommand } from "./audit-command";
import { hookCommand } from "./hook-command";
import { scanCommand } from "./scan-command";
import { serverCommand } from "./server-command";

const USAGE = `Usage: keyward <command>

Commands:
  audit         verify an audit bundle offline, or make a review report of it (keyward audit --help)
  hook          install the pre-commit hook that runs keyward scan --staged (keyward hook --help)
  scan          find Keyward credentials in files, git history, staged changes (keyward scan --help)
  server        run the reference Workspace Keys API server (keyward server --help)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "audit":
      return auditCommand(rest);
    case "server":
      return serverCommand(rest);
    case "scan":
      return scanCommand(rest);
    case "hook":
      return hookCommand(rest);
    case undefined:
    case "help":
    case "--help":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
