/**
 * Which workspace URLs Keyward will send an admin token to, written once for the add dialog and the
 * main process. The token goes with every request, so anything not on this computer must be
 * https://; http:// is allowed for loopback only (the local workspace, a server on this machine).
 */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return LOOPBACK_NAMES.has(host) || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Why Keyward refuses this URL for a workspace, or null when it is acceptable. */
export function workspaceUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter the workspace's address, such as https://keys.example.com.";
  }
  if (url.username !== "" || url.password !== "") return "Leave the user name and password out of the address: the admin token is what signs in.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") {
    return isLoopbackHost(url.hostname)
      ? null
      : `Use https:// for ${url.hostname}: Keyward sends the admin token with every request, and over http:// anyone on the network path could read it. http:// is allowed only for this computer (localhost, 127.0.0.1).`;
  }
  return "The address must start with https:// (or http:// for this computer).";
}

/** The form two URLs are compared in: lower-case scheme and host, default port dropped, no trailing slash. */
export function normalizeWorkspaceUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = "";
  url.search = "";
  return url.toString().replace(/\/+$/, "");
}
