/** The team vault's history: who changed what and when, newest first (each change signed by its author). */
import { useEffect, useState } from "react";
import type { TeamChangeView } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { RelativeTime } from "../../ui/RelativeTime";
import { Spinner } from "../../ui/Spinner";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { changeLine } from "./team-text";
import { useTeamStore } from "./team-store";

export function HistoryTab({ revision }: { revision: number }) {
  const history = useTeamStore((store) => store.history);
  const [changes, setChanges] = useState<TeamChangeView[] | null>(null);
  const loading = useAsyncAction();
  const { run } = loading;

  // Read again whenever the vault changed (a save or a sync gives it a new revision).
  useEffect(() => {
    void run(async () => setChanges(await history()));
  }, [history, revision, run]);

  if (loading.error) return <Alert action={<Button onClick={() => void run(async () => setChanges(await history()))}>Retry</Button>}>{loading.error.message}</Alert>;
  if (!changes) return <Spinner label="Reading the history…" />;
  return (
    <div className="team-panel">
      <p className="muted">Every change is signed by the member who made it and chained to the ones before it.</p>
      <ol className="stack-list boxed-list history-list" aria-label="Team vault history">
        {changes.map((change, index) => (
          <li key={`${change.revision}-${index}`} className="history-item">
            <span className="history-line">{changeLine(change)}</span>
            <span className="muted history-when">
              <RelativeTime iso={change.at} /> · revision {change.revision}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
