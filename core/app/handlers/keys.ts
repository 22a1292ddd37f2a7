/** keys.* and secrets.* */
import type { ApiKey } from "../../../shared/api/schemas";
import type { BulkRevokeResult } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { writeUserFile } from "../state/user-file";
import type { AppCore } from "../app-core";
import { keysToCsv, keysToJson } from "../keys/key-export";
import type { HandlersOf } from "./types";

export function keyHandlers(core: AppCore): HandlersOf<"keys"> & HandlersOf<"secrets"> {
  const { keys, workspaces, platform } = core;
  return {
    "keys.list": async () => {
      const list = await keys.list();
      await core.keysSeen(list);
      return list;
    },
    "keys.create": (input) => keys.create(input),
    "keys.finishReveal": ({ handle, keepInVault }) => keys.finishReveal(handle, keepInVault),
    "keys.revoke": ({ id, reason, note }) => keys.revoke(id, reason, note || undefined),
    "keys.revokeMany": async ({ ids, reason, note }) => {
      const result: BulkRevokeResult = { revoked: [], failed: [] };
      // One at a time: each revocation is its own audit event, and one failure stops no other.
      for (const id of ids) {
        try {
          result.revoked.push(await keys.revoke(id, reason, note || undefined));
        } catch (error) {
          result.failed.push({ id, message: error instanceof IpcError ? error.message : "It could not be revoked." });
        }
      }
      return result;
    },
    "keys.update": ({ id, name, description }) => keys.update(id, { ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) }),
    "keys.usage": ({ id, days }) => keys.usage(id, days),
    // The workspace's events of the key and this app's own (generated, revealed, copied, revoked here), newest first.
    "keys.events": ({ id, limit }) => core.audits.keyEvents(id, limit),
    "keys.export": async ({ ids, format }) => {
      const all = new Map((await keys.list()).map((key) => [key.id, key]));
      const chosen = ids.map((id) => all.get(id)).filter((key): key is ApiKey => key !== undefined);
      const workspace = workspaces.current().workspace;
      const stamp = core.now().toISOString().slice(0, 10);
      const file = await platform.chooseSaveFile({
        title: "Export keys",
        defaultName: `keyward-keys-${stamp}.${format}`,
        filters: [format === "csv" ? { name: "CSV", extensions: ["csv"] } : { name: "JSON", extensions: ["json"] }],
      });
      if (!file) return { path: null, count: 0 };
      const text = format === "csv" ? keysToCsv(chosen) : keysToJson(chosen, core.now().toISOString(), { id: workspace?.id ?? "", name: workspace?.name ?? "", url: workspace?.url ?? "" });
      await writeUserFile(file, Buffer.from(text, "utf8"));
      return { path: file, count: chosen.length };
    },

    "secrets.reveal": async ({ handle }) => keys.reveal(handle),
  };
}
