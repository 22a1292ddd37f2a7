/** A row's three-dot menu. Revoking opens one dialog for the whole table, so rows stay light. */
import { DropdownMenu } from "radix-ui";
import type { ApiKey } from "../../../../../shared/api/schemas";
import { DotsIcon } from "../../../ui/icons";
import { useRevokeStore } from "../revoke/revoke-store";

export function KeyRowMenu({ apiKey }: { apiKey: ApiKey }) {
  const openRevoke = useRevokeStore((state) => state.openFor);
  const canRevoke = apiKey.status === "active";
  return (
    // Not modal: a modal menu that hands focus straight to a dialog can leave the page inert.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="icon-button row-menu-trigger" aria-label={`Actions for ${apiKey.name}`}>
          <DotsIcon />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Item className="menu-item menu-item-danger" disabled={!canRevoke} onSelect={() => openRevoke(apiKey.id)}>
            Revoke
          </DropdownMenu.Item>
          {!canRevoke ? <p className="menu-note">This key is already {apiKey.status}.</p> : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
