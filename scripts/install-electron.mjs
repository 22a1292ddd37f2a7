// `npm start` fetches Electron's binary the first time (since Electron 45, `npm ci` no longer
// does). Where the download host cannot be reached, Electron's installer ends in a raw
// "TypeError: fetch failed" stack; this runs it and, when it fails, says in a few lines what failed
// and how to point it at a host that can be reached.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve("electron/package.json"));
const { version } = require("electron/package.json");

const result = spawnSync(process.execPath, [path.join(electronDir, "install.js")], { encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
if (result.status === 0) process.exit(0);

const stderr = result.stderr ?? "";
const firstLine = stderr.trim().split("\n")[0] ?? "";
const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror ?? "https://github.com/electron/electron/releases/download/";
const network = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|certificate|self.signed|socket hang up/i.test(stderr);
const lines = network
  ? [
      `Keyward could not download Electron ${version} for ${process.platform}-${process.arch}: ${mirror} could not be reached (${firstLine.replace(/^\w*Error: /, "")}).`,
      "The app needs Electron's binary to open its window; the tests do not (npm test runs without it).",
      "To fetch it from a host you can reach, set one of these and run `npm start` again:",
      "  ELECTRON_MIRROR=https://<your mirror>/electron/   (a mirror of Electron's releases)",
      "  ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=http://<proxy host>:<port>   (a proxy that reaches the download host)",
    ]
  : [`Keyward could not install Electron ${version}: ${firstLine || `the installer exited with ${result.status}`}.`];
console.error(lines.join("\n"));
process.exit(1);
