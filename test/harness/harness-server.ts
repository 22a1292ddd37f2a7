/**
 * The browser harness: serves the built renderer on 127.0.0.1 and provides `window.keyward` over
 * HTTP to the same handler table the Electron main process registers, with the same core services
 * behind it. Every request must carry the harness's random session token (in the first page URL,
 * then as a cookie), so other local pages and processes cannot drive it.
 * Protects against: other local pages and processes driving the harness (the session token).
 * Does not protect against: anyone on this machine who reads the printed URL.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createAppCore, type AppCore, type AppCoreOptions } from "../../core/app/app-core";
import { dispatch } from "../../core/app/dispatch";
import { CONTENT_SECURITY_POLICY } from "../../electron/main/app-assets";
import { createHandlers } from "../../core/app/handlers";
import type { EventName } from "../../shared/ipc/contract";
import { bridgeScript } from "./bridge-script";
import { exportsFolderSaver, HarnessChooser, HarnessClipboard, HarnessNotifier, memoryKeychain, NO_KEYCHAIN, sourceCliLauncher } from "./harness-platform";

export interface HarnessOptions {
  port?: number;
  dataDir: string;
  rendererDir: string;
  repoRoot: string;
  keychain?: "none" | "memory";
  workspace?: { url: string; adminToken: string };
  vaultCreateOptions?: AppCoreOptions["vaultCreateOptions"];
  /** The app core's clock (reminders, rotations); tests move it. */
  now?: () => Date;
}

export interface Harness {
  url: string;
  /** The first page to open: carries the session token. */
  pageUrl: string;
  session: string;
  core: AppCore;
  clipboard: HarnessClipboard;
  notifier: HarnessNotifier;
  /** Answers the app's open-file and folder dialogs. */
  chooser: HarnessChooser;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};
const COOKIE = "keyward_harness";
const MAX_BODY = 1024 * 1024;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const indexFile = path.join(options.rendererDir, "index.html");
  if (!fs.existsSync(indexFile)) throw new Error(`No built renderer at ${options.rendererDir}: run \`npm run build\` first.`);
  const session = randomBytes(24).toString("base64url");
  const clipboard = new HarnessClipboard();
  const notifier = new HarnessNotifier();
  const chooser = new HarnessChooser();
  const streams = new Set<http.ServerResponse>();
  const emit = (event: EventName, payload: unknown) => {
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const core = createAppCore(
    {
      appVersion: "0.1.0-harness",
      platformName: "browser-harness",
      dataDir: options.dataDir,
      clipboard,
      keychain: options.keychain === "memory" ? memoryKeychain() : NO_KEYCHAIN,
      cli: sourceCliLauncher(options.repoRoot),
      emit,
      notifier,
      chooseSaveFile: exportsFolderSaver(options.dataDir),
      chooseOpenFile: (request) => chooser.choose(request),
      chooseFolder: (request) => chooser.choose(request),
    },
    {
      ...(options.now ? { now: options.now } : {}),
      ...(options.vaultCreateOptions ? { vaultCreateOptions: options.vaultCreateOptions } : {}),
      ...(options.workspace ? { attachedWorkspace: { name: "Workspace", ...options.workspace } } : {}),
    },
  );
  const handlers = createHandlers(core);
  const started = core.start();

  const authorized = (request: http.IncomingMessage, url: URL): boolean => {
    const presented = url.searchParams.get("session") ?? cookieValue(request.headers.cookie, COOKIE) ?? "";
    const a = Buffer.from(presented);
    const b = Buffer.from(session);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!authorized(request, url)) {
      response.writeHead(403, { "content-type": "text/plain" }).end("This harness needs its session token.");
      return;
    }
    try {
      if (url.pathname.startsWith("/harness/ipc/") && request.method === "POST") {
        const body = JSON.parse((await readBody(request)) || "{}") as { input?: unknown };
        await started.catch(() => undefined);
        const result = await dispatch(handlers, url.pathname.slice("/harness/ipc/".length), body.input, (error) => console.error("[harness] handler failed:", error));
        sendJson(response, 200, result);
      } else if (url.pathname === "/harness/events") {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        response.write(": connected\n\n");
        streams.add(response);
        request.on("close", () => streams.delete(response));
      } else if (url.pathname === "/harness/bridge.js") {
        response.writeHead(200, { "content-type": MIME[".js"]!, "cache-control": "no-store" }).end(bridgeScript());
      } else if (url.pathname === "/harness/clipboard") {
        sendJson(response, 200, { text: clipboard.text, writtenAsSecret: clipboard.writtenAsSecret });
      } else if (url.pathname === "/harness/notifications") {
        sendJson(response, 200, notifier.shown.map(({ id, title, body }) => ({ id, title, body })));
      } else if (url.pathname.startsWith("/harness/notifications/") && request.method === "POST") {
        // Stands in for the user clicking a desktop notification.
        const shown = notifier.shown.find((notification) => notification.id === Number(url.pathname.split("/")[3]));
        shown?.click();
        sendJson(response, shown ? 200 : 404, { clicked: Boolean(shown) });
      } else {
        serveStatic(url.pathname, response, url.searchParams.has("session"));
      }
    } catch (error) {
      console.error("[harness] request failed:", error);
      if (!response.headersSent) sendJson(response, 500, { error: "harness error" });
    }
  });

  const serveStatic = (pathname: string, response: http.ServerResponse, setCookie: boolean) => {
    const relative = pathname === "/" ? "index.html" : decodeURIComponent(pathname.slice(1));
    const file = path.resolve(options.rendererDir, relative);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    // The desktop app's own Content-Security-Policy, so a page that only works without it fails here too.
    const headers: Record<string, string> = { "content-type": MIME[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store", "content-security-policy": CONTENT_SECURITY_POLICY };
    if (setCookie) headers["set-cookie"] = `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    let content: Buffer | string = fs.readFileSync(file);
    if (relative === "index.html") {
      // The bridge must exist before the app's module script runs, as the preload's does.
      content = content.toString("utf8").replace("<head>", '<head>\n    <script src="/harness/bridge.js"></script>');
    }
    response.writeHead(200, headers).end(content);
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    pageUrl: `${base}/?session=${session}`,
    session,
    core,
    clipboard,
    notifier,
    chooser,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.dispose();
    },
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}
