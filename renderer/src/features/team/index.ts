/** Team vault: the user's identity, a shared vault's members and entries, what a removed member could read, .env import, export and import. */
export { TeamScreen } from "./TeamScreen";
