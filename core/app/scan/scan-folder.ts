/**
 * What the Scan page needs to know of a folder before scanning it: its real path (symlinks in its
 * own path resolved, so one folder is remembered once), its name, and the git repository holding
 * it, if any (then its history can be scanned). Problems are said in words a user can act on.
 */
import fs from "node:fs";
import path from "node:path";
import type { ScanFolder } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { repositoryTop } from "../../scan";

/** The folder as the page shows it; throws an IpcError a user understands when it cannot be scanned. */
export function inspectFolder(given: string): ScanFolder {
  let real: string;
  try {
    real = fs.realpathSync(given);
  } catch {
    throw new IpcError("not_found", `The folder ${given} is not there any more. Choose another folder.`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch {
    throw new IpcError("io", `Keyward cannot read ${real}. Check that you may open it, then try again.`);
  }
  if (!stat.isDirectory()) throw new IpcError("invalid_input", `${real} is a file, not a folder. Choose the folder that holds it.`);
  try {
    fs.accessSync(real, fs.constants.R_OK | fs.constants.X_OK);
    fs.opendirSync(real).closeSync();
  } catch {
    throw new IpcError("io", `Keyward may not read ${real} (permission denied). Choose a folder you can open, or change its permissions.`);
  }
  return { path: real, name: path.basename(real) || real, repository: repositoryTop(real) };
}
