/** Leak scan: the Scan screen (choose a folder, progress, results grouped by key, revoke, export). */
import { lazyNamed } from "../../ui/lazy";

// The screen loads when first opened.
export const ScanScreen = lazyNamed(() => import("./ScanScreen"), "ScanScreen");
