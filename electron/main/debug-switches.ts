/*
 * Refuses to run a packaged Keyward with remote debugging switches. Protects against someone who
 * can start the app (a shortcut, a launcher, malware as the user) attaching a debugger to the main
 * process or the page through Chromium's DevTools endpoint and reading the vault's secrets. The
 * fuses (electron-builder.yml) already refuse --inspect and NODE_OPTIONS; this covers Chromium's
 * switches, which fuses do not. Chromium reads switches with "--", "-" (and "/" on Windows), and on
 * Windows case-insensitively, so all of those are matched. Pure: no electron import.
 */
const FORBIDDEN = /^(?:--|-|\/)(remote-debugging-port|remote-debugging-pipe|remote-debugging-address|inspect(?:-brk|-port|-wait|-publish-uid)?)(?:=|$)/i;

/** The first debugging switch on the command line, or null. */
export function forbiddenDebugSwitch(argv: readonly string[]): string | null {
  for (const argument of argv) {
    const match = FORBIDDEN.exec(argument);
    if (match) return `--${match[1]!.toLowerCase()}`;
  }
  return null;
}
