/** The open team vault: what a sync brought in, then its entries, members, history, and import and export, as tabs. */
import { useState } from "react";
import { Tabs } from "radix-ui";
import type { TeamIdentity, TeamState, TeamVaultView } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { RefreshIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { EntriesTab } from "./EntriesTab";
import { HistoryTab } from "./HistoryTab";
import { MembersTab } from "./MembersTab";
import { MergeNotices } from "./MergeNotices";
import { TransferPanel } from "./TransferPanel";
import { useTeamStore } from "./team-store";

type Tab = "entries" | "members" | "history" | "transfer";

export function OpenVault({ state, vault, identity }: { state: TeamState; vault: TeamVaultView; identity: TeamIdentity }) {
  const exposureShown = useTeamStore((store) => store.exposure !== null);
  const [chosen, setTab] = useState<Tab>("entries");
  // The exposure list after a removal is part of the members tab.
  const tab = exposureShown ? "members" : chosen;
  return (
    <div className="team-vault">
      <VaultBar vault={vault} />
      {state.notice ? <Alert tone="warning">{state.notice}</Alert> : null}
      <MergeNotices />
      <Tabs.Root value={tab} onValueChange={(value) => setTab(value as Tab)} className="team-tabs">
        <Tabs.List className="tab-list" aria-label="Team vault">
          <Tabs.Trigger className="tab" value="entries">
            Entries <span className="tab-count">{vault.entries.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger className="tab" value="members">
            Members <span className="tab-count">{vault.members.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger className="tab" value="history">
            History
          </Tabs.Trigger>
          <Tabs.Trigger className="tab" value="transfer">
            Import and export
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="entries" className="tab-panel">
          <EntriesTab vault={vault} />
        </Tabs.Content>
        <Tabs.Content value="members" className="tab-panel">
          <MembersTab vault={vault} identity={identity} />
        </Tabs.Content>
        <Tabs.Content value="history" className="tab-panel">
          <HistoryTab revision={vault.revision} />
        </Tabs.Content>
        <Tabs.Content value="transfer" className="tab-panel">
          <TransferPanel teamOpen />
        </Tabs.Content>
      </Tabs.Root>
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
