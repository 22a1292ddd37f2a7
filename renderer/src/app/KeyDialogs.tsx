/**
 * The dialogs that act on keys, mounted once for every screen: a finding, a leak or a team vault's
 * exposure list opens the same create, revoke, details and rotation dialogs as the keys table.
 */
import { CreateKeyDialog, useCreateKeyStore } from "../features/create-key";
import { KeyDetailsDialog } from "../features/key-details";
import { RevokeDialog } from "../features/revoke";
import { RotationWizard } from "../features/rotation";

export function KeyDialogs() {
  const createOpen = useCreateKeyStore((state) => state.open);
  return (
    <>
      <CreateKeyDialog />
      <RevokeDialog />
      <KeyDetailsDialog />
      <RotationWizard blocked={createOpen} />
    </>
  );
}
