/** Leak scan: the Scan screen (choose a folder, progress, results grouped by key, revoke, export). */
export { ScanScreen } from "./ScanScreen";
