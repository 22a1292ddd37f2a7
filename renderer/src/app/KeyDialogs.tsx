/**
 * The dialogs that act on keys, mounted once for every screen: a finding, a leak or a team vault's
 * exposure list opens the same create, revoke, details and rotation dialogs as the keys table; a
 * finding's dismissal has its dialog here too.
 */
import { CreateKeyDialog, useCreateKeyStore } from "../features/create-key";
import { DismissFindingDialog, KeyFindings } from "../features/findings";
import { KeyDetailsDialog, type KeyDetailsExtra } from "../features/key-details";
import { RevokeDialog } from "../features/revoke";
import { RotationWizard } from "../features/rotation";

// Monitoring's findings of the key, in its details view (key-details cannot import findings, which opens details).
const findingsSection: KeyDetailsExtra = (apiKey, close) => <KeyFindings apiKey={apiKey} onBeforeAction={close} />;

export function KeyDialogs() {
  const createOpen = useCreateKeyStore((state) => state.open);
  return (
    <>
      <CreateKeyDialog />
      <RevokeDialog />
      <KeyDetailsDialog extra={findingsSection} />
      <DismissFindingDialog />
      <RotationWizard blocked={createOpen} />
    </>
  );
}
