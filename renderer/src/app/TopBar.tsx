/** The top bar: app name, workspace switcher, navigation (links, the current one marked), then the clipboard and vault state. */
import { ClipboardPill } from "../features/clipboard";
import { VaultIndicator } from "../features/vault";
import { WorkspaceSwitcher } from "../features/workspaces";
import { hrefFor, ROUTES, useRouteStore, type Route } from "../navigation/route-store";
import { KeyIcon } from "../ui/icons";

const ROUTE_LABELS: Record<Route, string> = { keys: "Keys", findings: "Findings", scan: "Leak scan", audit: "Audit", team: "Team vault", vault: "Vault", settings: "Settings" };

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
          <a key={name} className="nav-link" href={hrefFor(name)} aria-current={route === name ? "page" : undefined}>
            {ROUTE_LABELS[name]}
          </a>
        ))}
      </nav>
      <div className="topbar-status">
        <ClipboardPill />
        <VaultIndicator />
      </div>
    </header>
  );
}
