/**
 * The folder the user ran keyward from. `npm run keyward -- …` runs it from the package's folder
 * and names the user's folder in INIT_CWD; paths on the command line (and the repository that
 * `hook install` and `scan --staged` act on) are the user's, so they resolve against that. Only
 * when npm ran this very script: an INIT_CWD inherited from another npm script is not ours.
 */
export function invocationDir(): string {
  const fromNpm = process.env.npm_lifecycle_event === "keyward" ? process.env.INIT_CWD : undefined;
  return fromNpm || process.cwd();
}
