/** Settings: clipboard and lock timing, monitoring's thresholds, workspaces, and what version is running. */
import { ScreenHeader } from "../../ui/ScreenHeader";
import { ManageWorkspaces } from "../workspaces";
import { AboutKeyward } from "./AboutKeyward";
import { MonitoringSettings, PreferencesForm } from "./PreferencesForm";

export function SettingsScreen() {
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <ScreenHeader id="settings-title" title="Settings" />
      <div className="settings-sections">
        <PreferencesForm />
        <MonitoringSettings />
        <ManageWorkspaces />
        <AboutKeyward />
      </div>
    </section>
  );
}
