/**
 * The Team vault screen: what the user needs first (a personal vault, unlocked, holding their team
 * identity), then a team vault to create or open, then the open vault. It syncs when the window
 * regains focus, and reloads when the personal vault or the workspace changes, and when a rotation
 * starts or ends (the main process gives the team vault's entry the new key, or the old one back).
 */
import { useEffect } from "react";
import { hrefFor } from "../../navigation/route-store";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { LockIcon } from "../../ui/icons";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { Spinner } from "../../ui/Spinner";
import { useRotationStore } from "../rotation";
import { useVaultStore } from "../vault";
import { useConnectedWorkspace } from "../workspaces";
import { IdentitySetup } from "./IdentitySetup";
import { OpenVault } from "./OpenVault";
import { TeamStart } from "./TeamStart";
import { TeamUnlock } from "./TeamUnlock";
import { useTeamStore } from "./team-store";
import { useSyncOnFocus } from "./useSyncOnFocus";

export function TeamScreen() {
  const state = useTeamStore((store) => store.state);
  const loadError = useTeamStore((store) => store.loadError);
  const load = useTeamStore((store) => store.load);
  const unlocked = useVaultStore((store) => store.status?.unlocked ?? null);
  const workspaceId = useConnectedWorkspace()?.id ?? null;
  // Which rotations are under way (not their steps): one starting or ending changes what entries hold.
  const rotating = useRotationStore((store) => store.rotations.map((rotation) => `${rotation.oldKeyId}>${rotation.newKeyId}`).join(" "));

  // The identity lives in the personal vault, and links come from the workspace's keys: either changing means a new state.
  useEffect(() => {
    void load();
  }, [load, unlocked, workspaceId, rotating]);
  useSyncOnFocus(state?.vault !== null && state?.vault !== undefined);

  return (
    <section className="screen team-screen" aria-labelledby="team-title">
      <ScreenHeader id="team-title" title="Team vault" subtitle="One encrypted file your team syncs. Each member opens it with their own key: no shared password." />
      {loadError && !state ? (
        <Alert action={<Button onClick={() => void load()}>Retry</Button>}>{loadError}</Alert>
      ) : !state ? (
        <Spinner label="Opening the team vault…" />
      ) : state.identity.personalVault === "missing" ? (
        <EmptyState icon={<LockIcon width={28} height={28} />} title="Set up your vault first" action={<a className="btn btn-primary" href={hrefFor("vault")}>Set up the vault</a>}>
          <p>Your team identity, the key that opens team vaults, is kept in your personal vault.</p>
        </EmptyState>
      ) : state.identity.personalVault === "locked" ? (
        <TeamUnlock notice={state.notice} />
      ) : !state.identity.identity ? (
        <IdentitySetup />
      ) : state.vault ? (
        <OpenVault state={state} vault={state.vault} identity={state.identity.identity} />
      ) : (
        <TeamStart state={state} identity={state.identity.identity} />
      )}
    </section>
  );
}
