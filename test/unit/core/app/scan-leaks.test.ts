/**
 * What the leak scans remember for monitoring (scans.json): per workspace and folder, the files'
 * leaks from the last scan and the history's from the last scan that read it; one record per key
 * for the findings engine, with places named by folder when a key leaks in several; the file's
 * first version migrated.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LeakRecord } from "../../../../shared/domain/findings";
import { leaksOfWorkspace, rememberScan } from "../../../../core/app/scan/leak-memory";
import { openScansFile, type ScansContent } from "../../../../core/app/scan/scans-file";

const leak = (keyId: string, locations: string[], foundAt = "2026-03-01T10:00:00.000Z"): LeakRecord => ({ keyId, display: `uo_live_${keyId}…abcd`, foundAt, locations, locationCount: locations.length });
const empty: ScansContent = { folders: [], recent: [] };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("leak memory", () => {
  it("keeps each workspace's leaks apart", () => {
    let content = rememberScan(empty, { workspaceId: "ws_a", folder: "/src/api", history: false, scannedAt: "2026-03-01T10:00:00.000Z", found: { files: [leak("k1", ["a.ts:1"])], history: [] } });
    content = rememberScan(content, { workspaceId: "ws_b", folder: "/src/api", history: false, scannedAt: "2026-03-01T10:00:00.000Z", found: { files: [leak("k9", ["b.ts:2"])], history: [] } });
    expect(leaksOfWorkspace(content, "ws_a").map((record) => record.keyId)).toEqual(["k1"]);
    expect(leaksOfWorkspace(content, "ws_b").map((record) => record.keyId)).toEqual(["k9"]);
    expect(leaksOfWorkspace(content, "ws_c")).toEqual([]);
  });

  it("merges a key's places from the files and the history, and names the folder when it leaks in several", () => {
    let content = rememberScan(empty, {
      workspaceId: "ws",
      folder: "/src/api",
      history: true,
      scannedAt: "2026-03-01T10:00:00.000Z",
      found: { files: [leak("k1", ["config/.env:1"])], history: [leak("k1", ["0123456789:config/.env:1", "abcdefabcd:old.env:4"])] },
    });
    expect(leaksOfWorkspace(content, "ws")).toEqual([{ ...leak("k1", []), locations: ["config/.env:1", "0123456789:config/.env:1", "abcdefabcd:old.env:4"], locationCount: 3 }]);
    content = rememberScan(content, { workspaceId: "ws", folder: "/src/web", history: false, scannedAt: "2026-03-02T10:00:00.000Z", found: { files: [leak("k1", ["app.js:9"], "2026-03-02T10:00:00.000Z")], history: [] } });
    const [record] = leaksOfWorkspace(content, "ws");
    expect(record).toMatchObject({ foundAt: "2026-03-02T10:00:00.000Z", locationCount: 4 });
    expect(record!.locations).toEqual(["web/app.js:9", "api/config/.env:1", "0123456789:api/config/.env:1", "abcdefabcd:api/old.env:4"]);
  });

  it("a scan without history replaces the files' leaks and keeps the history's", () => {
    let content = rememberScan(empty, { workspaceId: "ws", folder: "/repo", history: true, scannedAt: "2026-03-01T10:00:00.000Z", found: { files: [leak("k1", ["a:1"])], history: [leak("k2", ["0123456789:b:1"])] } });
    content = rememberScan(content, { workspaceId: "ws", folder: "/repo", history: false, scannedAt: "2026-03-02T10:00:00.000Z", found: { files: [], history: [] } });
    expect(leaksOfWorkspace(content, "ws").map((record) => record.keyId)).toEqual(["k2"]);
    content = rememberScan(content, { workspaceId: "ws", folder: "/repo", history: true, scannedAt: "2026-03-03T10:00:00.000Z", found: { files: [], history: [] } });
    expect(content.folders).toEqual([]);
  });

  it("reads the first version of scans.json, whose leaks were one list marked historyOnly", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-scans-file-"));
    dirs.push(dir);
    const v1 = {
      schemaVersion: 1,
      folders: [{ workspaceId: "ws", folder: "/repo", scannedAt: "2026-03-01T10:00:00.000Z", leaks: [{ ...leak("k1", ["a:1"]), historyOnly: false }, { ...leak("k2", ["0123456789:b:1"]), historyOnly: true }, { broken: true }] }],
      recent: [{ path: "/repo", scannedAt: "2026-03-01T10:00:00.000Z" }],
    };
    fs.writeFileSync(path.join(dir, "scans.json"), JSON.stringify(v1));
    const file = openScansFile(dir);
    expect(file.get().folders).toEqual([{ workspaceId: "ws", folder: "/repo", scannedAt: "2026-03-01T10:00:00.000Z", files: [leak("k1", ["a:1"])], history: [leak("k2", ["0123456789:b:1"])] }]);
    expect(file.get().recent).toEqual(v1.recent);
  });
});
