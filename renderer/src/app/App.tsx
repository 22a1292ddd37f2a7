/** The app: a skip link, the production band, the top bar, then the current screen. Screens are chosen by the URL hash. */
import { hasBridge } from "../ipc/presence";
import { useRouteStore, type Route } from "../navigation/route-store";
import { Spinner } from "../ui/Spinner";
import { TooltipProvider } from "../ui/Tooltip";
import { Suspense, type ComponentType } from "react";
import { AuditScreen } from "../features/audit";
import { FindingsScreen } from "../features/findings";
import { KeysScreen } from "../features/keys";
import { ScanScreen } from "../features/scan";
import { SettingsScreen } from "../features/settings";
import { TeamScreen } from "../features/team";
import { VaultScreen } from "../features/vault";
import { ProductionBand } from "../features/workspaces";
import { KeyDialogs } from "./KeyDialogs";
import { TopBar } from "./TopBar";
import { useActivityTouch } from "./useActivityTouch";
import { useAppEvents } from "./useAppEvents";
import { useKeysLoader } from "./useKeysLoader";

export function App() {
  if (!hasBridge()) return <NoBridge />;
  return (
    <TooltipProvider delayDuration={300}>
      <Shell />
    </TooltipProvider>
  );
}

const SCREENS: Record<Route, ComponentType> = {
  keys: KeysScreen,
  findings: FindingsScreen,
  scan: ScanScreen,
  audit: AuditScreen,
  team: TeamScreen,
  vault: VaultScreen,
  settings: SettingsScreen,
};

const SKIP_TARGETS = { keys: { href: "#keys-table", label: "Skip to the keys table" } } as const;

/**
 * Where the skip link puts focus: the first row's name on the keys screen, else the screen's
 * heading. Never on a focusable ancestor of the content (main, the table's scroll box): a click
 * inside one would move focus there and close any open menu.
 */
function skipTarget(route: string, href: string): HTMLElement | null {
  const firstRow = route === "keys" ? document.querySelector<HTMLElement>(".keys-tbody .key-name-button") : null;
  if (firstRow) return firstRow;
  const target = document.querySelector<HTMLElement>(href === "#main" ? "#main h1" : href);
  if (target && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  return target;
}

function Shell() {
  useAppEvents();
  useActivityTouch();
  useKeysLoader();
  const route = useRouteStore((state) => state.route);
  const Screen = SCREENS[route];
  const skip = route in SKIP_TARGETS ? SKIP_TARGETS[route as keyof typeof SKIP_TARGETS] : { href: "#main", label: "Skip to the content" };
  return (
    <div className="app">
      <a
        className="skip-link"
        href={skip.href}
        onClick={(event) => {
          // The hash is the app's router: move focus instead of navigating.
          event.preventDefault();
          skipTarget(route, skip.href)?.focus();
        }}
      >
        {skip.label}
      </a>
      <ProductionBand />
      <TopBar />
      <main className="main" id="main">
        <Suspense fallback={<Spinner label="Opening…" />}>
          <Screen />
        </Suspense>
      </main>
      <KeyDialogs />
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
