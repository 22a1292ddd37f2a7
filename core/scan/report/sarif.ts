/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers): one rule
 * per kind of credential, one result per finding with its place, and a partial fingerprint made
 * from the credential's hash prefix, so the same leak is tracked across runs. Finds marked
 * `keyward:allow` are results too, with an in-source suppression, as SARIF viewers expect. Never
 * the secret.
 */
import { pathToFileURL } from "node:url";
import type { CredentialKind, Finding, ScanResult } from "../types";

const RULES: Record<CredentialKind, { id: string; name: string; what: string }> = {
  live: { id: "KW001", name: "LeakedLiveApiKey", what: "live API key" },
  test: { id: "KW002", name: "LeakedTestApiKey", what: "test API key" },
  admin: { id: "KW003", name: "LeakedAdminToken", what: "admin token" },
};
const KINDS: CredentialKind[] = ["live", "test", "admin"];
const HELP =
  "A Keyward credential (its prefix and CRC-32 checksum are valid) is written in this file. Anyone who can read the file can use it. " +
  "Revoke the key in Keyward (a compromised key can be replaced in one step), remove it from the file and from the git history, " +
  "and keep keys in a secret store or environment variables instead of source code.";

export interface SarifOptions {
  toolVersion: string;
}

/** A relative URI reference for a "/"-separated path: each segment percent-encoded. */
function uriOf(file: string): string {
  return file
    .split("/")
    .map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment)))
    .join("/");
}

function level(finding: Finding): "error" | "warning" | "note" {
  const status = finding.match?.status;
  if (status === "revoked" || status === "expired") return "note";
  if (status === "none") return "warning";
  return "error";
}

function message(finding: Finding): string {
  const what = `A ${RULES[finding.kind].what} (${finding.display})`;
  const match = finding.match;
  if (!match) return `${what} is written here.`;
  if (match.status === "active") {
    const marked = finding.allowed ? " Its line is marked keyward:allow, but a live key is never allowed." : "";
    return `${what} is written here. It is an active key of this workspace ("${match.name}"): revoke it.${marked}`;
  }
  if (match.status === "none") return `${what} is written here. It is not a key of this workspace.`;
  return `${what} is written here. It is a ${match.status} key of this workspace ("${match.name}"): remove it from the file.`;
}

function fileUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith("/") ? href : `${href}/`;
}

export function toSarif(result: ScanResult, options: SarifOptions) {
  const onDisk = result.root !== "-";
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Keyward",
            version: options.toolVersion,
            rules: KINDS.map((kind) => ({
              id: RULES[kind].id,
              name: RULES[kind].name,
              shortDescription: { text: `A Keyward ${RULES[kind].what} is written in a file.` },
              fullDescription: { text: `A Keyward ${RULES[kind].what}, recognised by its prefix and checksum, is written in a file or in the git history.` },
              help: { text: HELP },
              defaultConfiguration: { level: "error" },
              properties: { tags: ["security", "secret"], precision: "very-high", "security-severity": kind === "test" ? "5.0" : "9.0" },
            })),
          },
        },
        ...(onDisk ? { originalUriBaseIds: { SRCROOT: { uri: fileUri(result.root) } } } : {}),
        columnKind: "utf16CodeUnits",
        results: [...result.findings.map((finding) => ({ finding, suppressed: false })), ...result.allowed.map((finding) => ({ finding, suppressed: true }))].map(({ finding, suppressed }) => ({
          ruleId: RULES[finding.kind].id,
          ruleIndex: KINDS.indexOf(finding.kind),
          level: level(finding),
          message: { text: message(finding) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: onDisk ? { uri: uriOf(finding.file), uriBaseId: "SRCROOT" } : { uri: "stdin" },
                region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column), endColumn: Math.max(1, finding.column) + credentialLength(finding) },
              },
            },
          ],
          partialFingerprints: { "keywardCredentialHash/v1": finding.sha256.slice(0, 32) },
          ...(suppressed ? { suppressions: [{ kind: "inSource", justification: "Marked keyward:allow on its line." }] } : {}),
          properties: {
            display: finding.display,
            commits: finding.commits,
            authors: finding.authors,
            inWorkingTree: finding.inWorkingTree,
            ...(finding.match ? { match: finding.match.status } : {}),
            ...(finding.match?.keyId ? { keyId: finding.match.keyId, keyName: finding.match.name } : {}),
          },
        })),
      },
    ],
  };
}

function credentialLength(finding: Finding): number {
  return finding.kind === "admin" ? 45 : 46;
}
