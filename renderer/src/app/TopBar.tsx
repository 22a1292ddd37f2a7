/** The top bar: app name, workspace switcher, navigation, then the clipboard and vault state. */
import { ClipboardPill } from "../features/clipboard/ClipboardPill";
import { VaultIndicator } from "../features/vault/VaultIndicator";
import { WorkspaceSwitcher } from "../features/workspaces/WorkspaceSwitcher";
import { KeyIcon } from "../ui/icons";
import { navigate, ROUTES, useRouteStore, type Route } from "./route-store";

const ROUTE_LABELS: Record<Route, string> = { keys: "Keys", vault: "Vault", settings: "Settings" };

export function TopBar() {
  const route = useRouteStore((state) => state.route);
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <KeyIcon className="brand-icon" width={18} height={18} />
        <span className="brand-name">Keyward</span>
      </div>
      <WorkspaceSwitcher />
      <nav className="topbar-nav" aria-label="Main">
        {ROUTES.map((name) => (
          <button key={name} type="button" className="nav-link" aria-current={route === name ? "page" : undefined} onClick={() => navigate(name)}>
            {ROUTE_LABELS[name]}
          </button>
        ))}
      </nav>
      <div className="topbar-status">
        <ClipboardPill />
        <VaultIndicator />
      </div>
    </header>
  );
}
