/** Settings: the security preferences, the workspaces, the build; and the rotation policy other features read. */
export { SettingsScreen } from "./SettingsScreen";
export { useRotationDays, useSettingsStore } from "./settings-store";
