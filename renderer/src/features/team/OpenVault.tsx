/** The open team vault: what a sync brought in, then its entries, members, history, and import and export, as tabs. */
import { useState } from "react";
import type { TeamIdentity, TeamState, TeamVaultView } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { RefreshIcon } from "../../ui/icons";
import { Tabs } from "../../ui/Tabs";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { EntriesTab } from "./EntriesTab";
import { HistoryTab } from "./HistoryTab";
import { MembersTab } from "./MembersTab";
import { MergeNotices } from "./MergeNotices";
import { TransferPanel } from "./TransferPanel";
import { useTeamStore } from "./team-store";

type View = "entries" | "members" | "history" | "transfer";

export function OpenVault({ state, vault, identity }: { state: TeamState; vault: TeamVaultView; identity: TeamIdentity }) {
  const exposureShown = useTeamStore((store) => store.exposure !== null);
  const [chosen, setTab] = useState<View>("entries");
  // The exposure list after a removal is part of the members tab.
  const tab = exposureShown ? "members" : chosen;
  return (
    <div className="team-vault">
      <VaultBar vault={vault} />
      {state.notice ? <Alert tone="warning">{state.notice}</Alert> : null}
      <MergeNotices />
      <Tabs
        label="Team vault"
        value={tab}
        onChange={setTab}
        tabs={[
          { value: "entries", label: "Entries", count: vault.entries.length, panel: <EntriesTab vault={vault} /> },
          { value: "members", label: "Members", count: vault.members.length, panel: <MembersTab vault={vault} identity={identity} /> },
          { value: "history", label: "History", panel: <HistoryTab revision={vault.revision} /> },
          { value: "transfer", label: "Import and export", panel: <TransferPanel teamOpen /> },
        ]}
      />
    </div>
  );
}

function VaultBar({ vault }: { vault: TeamVaultView }) {
  const sync = useTeamStore((store) => store.sync);
  const syncing = useTeamStore((store) => store.syncing);
  const close = useTeamStore((store) => store.close);
  const syncAction = useAsyncAction();
  const closing = useAsyncAction();
  return (
    <div className="card team-vault-bar">
      <div className="team-vault-title">
        <h2 className="card-title">{vault.name}</h2>
        <p className="muted truncate" title={vault.path}>
          {vault.path}
        </p>
        <p className="muted">
          {countOf(vault.members.length, "member")} · {countOf(vault.entries.length, "entry", "entries")} · revision {vault.revision}
        </p>
      </div>
      <div className="card-actions">
        <Button busy={syncAction.busy || syncing} onClick={() => void syncAction.run(() => sync())}>
          {syncAction.busy || syncing ? null : <RefreshIcon />}
          Sync now
        </Button>
        <Button variant="ghost" busy={closing.busy} onClick={() => void closing.run(close)}>
          Close vault
        </Button>
      </div>
      {syncAction.error ? <Alert>{syncAction.error.message}</Alert> : null}
      {closing.error ? <Alert>{closing.error.message}</Alert> : null}
    </div>
  );
}
