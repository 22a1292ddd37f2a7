/** Team vault. */
export { TeamScreen } from "./TeamScreen";
