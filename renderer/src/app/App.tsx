/** The app: top bar, then the current screen. Screens are chosen by the URL hash. */
import { KeysScreen } from "../features/keys/KeysScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { VaultScreen } from "../features/vault/VaultScreen";
import { hasBridge } from "../ipc/keyward";
import { TooltipProvider } from "../ui/Tooltip";
import { useRouteStore } from "./route-store";
import { TopBar } from "./TopBar";
import { useActivityTouch } from "./useActivityTouch";
import { useAppEvents } from "./useAppEvents";

export function App() {
  if (!hasBridge()) return <NoBridge />;
  return (
    <TooltipProvider delayDuration={300}>
      <Shell />
    </TooltipProvider>
  );
}

function Shell() {
  useAppEvents();
  useActivityTouch();
  const route = useRouteStore((state) => state.route);
  return (
    <div className="app">
      <TopBar />
      <main className="main" id="main">
        {route === "keys" ? <KeysScreen /> : route === "vault" ? <VaultScreen /> : <SettingsScreen />}
      </main>
    </div>
  );
}

function NoBridge() {
  return (
    <main className="fatal">
      <h1>Keyward could not start</h1>
      <p>The window opened without its connection to Keyward's background service. Quit and start Keyward again.</p>
    </main>
  );
}
