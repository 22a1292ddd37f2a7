/**
 * One handler per channel of the IPC contract, on the app core, one file per domain. The Electron
 * main process registers exactly this table, and the browser harness serves exactly this table:
 * the only difference between them is the platform adapters.
 */
import type { AppCore } from "../app-core";
import { appHandlers } from "./app";
import { auditHandlers } from "./audit";
import { findingHandlers } from "./findings";
import { keyHandlers } from "./keys";
import { rotationHandlers } from "./rotation";
import { scanHandlers } from "./scan";
import { teamHandlers } from "./team";
import { vaultHandlers } from "./vault";
import type { HandlerTable } from "./types";
import { workspaceHandlers } from "./workspaces";

export type { HandlerTable, HandlersOf } from "./types";

export function createHandlers(core: AppCore): HandlerTable {
  return {
    ...appHandlers(core),
    ...workspaceHandlers(core),
    ...keyHandlers(core),
    ...vaultHandlers(core),
    ...rotationHandlers(core),
    ...findingHandlers(core),
    ...auditHandlers(core),
    ...scanHandlers(core),
    ...teamHandlers(core),
  };
}
