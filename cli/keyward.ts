/**
 * The keyward command line: what people script. Each command's code is loaded only when it runs:
 * the pre-commit hook's `keyward scan --staged` must not pay for loading the server.
 */

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
      return (await import("./audit-command")).auditCommand(rest);
    case "server":
      return (await import("./server-command")).serverCommand(rest);
    case "scan":
      return (await import("./scan-command")).scanCommand(rest);
    case "hook":
      return (await import("./hook-command")).hookCommand(rest);
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
