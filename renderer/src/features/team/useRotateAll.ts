/**
 * "Rotate all": runs the app's rotation wizard for each key of a list, one after the other. The
 * wizard is the shell's (features/rotation); this watches it: when the wizard of the current key
 * closes (rotation finished, or the user closed it), the statuses are read again and the next
 * key's wizard opens. `done` counts the keys of the run that no longer need rotating.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExposureRow } from "../../../../shared/ipc/contract";
import { useKeysStore } from "../inventory";
import { useRotationStore } from "../rotation";
import { useTeamStore } from "./team-store";

type Run = { queue: string[]; index: number; opened: boolean; finished: boolean };

/** A key still to rotate: it works and has no successor yet, or its rotation was left unfinished. */
export function needsRotation(row: ExposureRow, inProgress: (keyId: string) => boolean): boolean {
  if (!row.keyId) return false;
  return row.status === "active" || inProgress(row.keyId);
}

export function useRotateAll(rows: readonly ExposureRow[]) {
  const wizard = useRotationStore((state) => state.wizard);
  const byOldKeyId = useRotationStore((state) => state.byOldKeyId);
  const [run, setRun] = useState<Run | null>(null);
  // Any wizard closing (one key's Rotate, or the run's) may have changed a status: read them again.
  const wasOpen = useRef(wizard !== null);
  useEffect(() => {
    if (wasOpen.current && wizard === null) void useTeamStore.getState().refreshExposure();
    wasOpen.current = wizard !== null;
  }, [wizard]);
  const inProgress = useCallback((keyId: string) => byOldKeyId.has(keyId), [byOldKeyId]);

  const toRotate = [...new Set(rows.filter((row) => needsRotation(row, inProgress)).map((row) => row.keyId!))];

  const start = useCallback(
    (keyIds: string[]) => {
      if (keyIds.length === 0) return;
      void useKeysStore.getState().refresh();
      setRun({ queue: keyIds, index: 0, opened: false, finished: false });
      useRotationStore.getState().openWizard(keyIds[0]!, "rotate");
    },
    [],
  );
  const stop = useCallback(() => setRun((current) => (current ? { ...current, finished: true } : null)), []);

  useEffect(() => {
    if (!run || run.finished) return;
    const current = run.queue[run.index];
    if (wizard?.keyId === current) {
      if (!run.opened) setRun({ ...run, opened: true });
      return;
    }
    if (wizard || !run.opened) return;
    // The current key's wizard closed: on to the next key.
    const next = run.index + 1;
    if (next >= run.queue.length) {
      setRun({ ...run, finished: true });
      return;
    }
    setRun({ ...run, index: next, opened: false });
    useRotationStore.getState().openWizard(run.queue[next]!, "rotate");
  }, [wizard, run]);

  const statusOf = new Map(rows.filter((row) => row.keyId).map((row) => [row.keyId!, row.status]));
  const done = run ? run.queue.filter((keyId) => !inProgress(keyId) && statusOf.get(keyId) !== "active").length : 0;
  return {
    toRotate,
    inProgress,
    start,
    stop,
    running: run !== null && !run.finished,
    progress: run ? { done, total: run.queue.length, current: run.finished ? null : (run.queue[run.index] ?? null) } : null,
  };
}
