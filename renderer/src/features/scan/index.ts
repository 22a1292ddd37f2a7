/** Leak scan. */
export { ScanScreen } from "./ScanScreen";
