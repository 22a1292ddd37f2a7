/** Shared helpers of the team vault tests: temp folders, member identities, error capture. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createIdentity, isTeamVaultError, type MemberIdentity, type TeamVaultErrorCode } from "../../../core/team-vault";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder (the team's synced folder), removed after the test. */
export async function tempDir(label = "team"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `keyward-${label}-test-`));
  dirs.push(dir);
  return dir;
}

export interface Team {
  alice: MemberIdentity;
  bob: MemberIdentity;
  carol: MemberIdentity;
}

export async function makeTeam(): Promise<Team> {
  const [alice, bob, carol] = await Promise.all([createIdentity("Alice"), createIdentity("Bob"), createIdentity("Carol")]);
  return { alice: alice!, bob: bob!, carol: carol! };
}

/** Runs `action` and returns the TeamVaultError it threw; fails when it throws nothing or something else. */
export async function errorOf(action: () => unknown): Promise<{ code: TeamVaultErrorCode; message: string }> {
  try {
    await action();
  } catch (error) {
    if (isTeamVaultError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a TeamVaultError, but nothing was thrown");
}

/** An API key entry as Keyward keeps it: meta links it to a workspace key. */
export function keyEntry(keyId: string, label = `Integration ${keyId}`, secret = `uo_live_${keyId.padEnd(38, "x")}`) {
  return { kind: "api_key_secret" as const, label, secret, meta: { keyId, display: `uo_live_${keyId.slice(0, 6)}…xxxx`, workspaceId: "ws-local" } };
}
