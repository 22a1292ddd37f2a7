/**
 * The connected workspace's audit signing key, by its fingerprint (SHA-256 of the Ed25519 public
 * key), in groups of four to read aloud: an officer compares it, out of band, with the one an audit
 * bundle names. A valid signature by a key nobody compared proves nothing.
 */
import { useEffect } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useConnectedWorkspace } from "./workspace-store";
import { useSigningKeyStore } from "./signing-key-store";

export function SigningKeyFingerprint() {
  const workspace = useConnectedWorkspace();
  const state = useSigningKeyStore();
  const workspaceId = workspace?.id ?? null;
  useEffect(() => {
    if (workspaceId) void useSigningKeyStore.getState().load(workspaceId);
  }, [workspaceId]);
  if (!workspace) return null;
  const current = state.workspaceId === workspace.id;
  return (
    <div className="signing-key" role="group" aria-labelledby="signing-key-title">
      <h3 className="section-title" id="signing-key-title">
        Audit signing key of {workspace.name}
      </h3>
      {current && state.error ? (
        <Alert action={<Button onClick={() => void state.load(workspace.id)}>Retry</Button>}>{state.error}</Alert>
      ) : current && state.key ? (
        <>
          <p className="muted">The workspace signs its audit bundles with this Ed25519 key. Compare the fingerprint with the one a bundle names, over a channel you trust (a call, in person).</p>
          <p className="signing-key-line">
            <span className="signing-key-label">Fingerprint (SHA-256)</span>
            <code className="signing-key-fingerprint" aria-label={`Fingerprint ${state.key.fingerprint}`}>
              {state.key.fingerprint.match(/.{1,4}/g)?.join(" ")}
            </code>
          </p>
          <p className="muted signing-key-id">Workspace id {state.key.workspaceId}</p>
        </>
      ) : (
        <p className="muted">Reading the signing key…</p>
      )}
    </div>
  );
}
