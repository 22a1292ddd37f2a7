/** Settings: clipboard and lock timing, workspaces, and what version is running. */
import { ScreenHeader } from "../../ui/ScreenHeader";
import { ManageWorkspaces } from "../workspaces";
import { AboutKeyward } from "./AboutKeyward";
import { PreferencesForm } from "./PreferencesForm";

export function SettingsScreen() {
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <ScreenHeader id="settings-title" title="Settings" />
      <div className="settings-sections">
        <PreferencesForm />
        <ManageWorkspaces />
        <AboutKeyward />
      </div>
    </section>
  );
}
