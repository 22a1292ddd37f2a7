/** Settings: clipboard and lock timing, workspaces, and what version is running. */
import { ManageWorkspaces } from "../workspaces/ManageWorkspaces";
import { AboutKeyward } from "./AboutKeyward";
import { PreferencesForm } from "./PreferencesForm";

export function SettingsScreen() {
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title" className="screen-title">
            Settings
          </h1>
        </div>
      </header>
      <div className="settings-sections">
        <PreferencesForm />
        <ManageWorkspaces />
        <AboutKeyward />
      </div>
    </section>
  );
}
