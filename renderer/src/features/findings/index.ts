/** Findings. */
export { FindingsScreen } from "./FindingsScreen";
