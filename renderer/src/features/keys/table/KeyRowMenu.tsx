/**
 * A row's three-dot menu. Rotating, rescoping and revoking open one dialog for the whole table, so
 * rows stay light. A key can be rotated while it is active and nothing has replaced it yet.
 *
 * The Radix menu (providers, popper, its anchor's effects) is the heaviest part of a row, and
 * searching mounts a whole screen of new rows at once. So a row starts with a plain button that
 * looks and is named the same, and mounts the real menu, open, on the first press (pointer down,
 * or Enter, Space, ArrowDown, as Radix's own trigger opens). From then on it is Radix's trigger.
 */
import { useState, type KeyboardEvent, type PointerEvent } from "react";
import { DropdownMenu } from "radix-ui";
import type { ApiKey } from "../../../../../shared/api/schemas";
import { DotsIcon } from "../../../ui/icons";
import { useRotationStore } from "../../rotation/rotation-store";
import { useRevokeStore } from "../revoke/revoke-store";

const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown"]);

export function KeyRowMenu({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState<boolean | null>(null);
  const label = `Actions for ${apiKey.name}`;
  if (open === null) {
    const activate = () => setOpen(true);
    return (
      <button
        type="button"
        className="icon-button row-menu-trigger"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerDown={(event: PointerEvent) => {
          if (event.button === 0 && !event.ctrlKey) activate();
        }}
        onKeyDown={(event: KeyboardEvent) => {
          if (!OPENING_KEYS.has(event.key)) return;
          event.preventDefault();
          activate();
        }}
        // Assistive technologies may send a click alone.
        onClick={activate}
      >
        <DotsIcon />
      </button>
    );
  }
  return (
    // Not modal: a modal menu that hands focus straight to a dialog can leave the page inert.
    <DropdownMenu.Root modal={false} open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="icon-button row-menu-trigger" aria-label={label}>
          <DotsIcon />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <KeyRowMenuContent apiKey={apiKey} />
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function rotateBlocker(apiKey: ApiKey, rotating: boolean, isSuccessor: boolean): string | null {
  if (apiKey.status !== "active") return `This key is already ${apiKey.status}.`;
  if (rotating) return "A rotation of this key is in progress.";
  if (isSuccessor) return "This key replaces another in a rotation in progress: finish that one first.";
  if (apiKey.replacedById !== null) return "A newer key already replaces this one.";
  return null;
}

function KeyRowMenuContent({ apiKey }: { apiKey: ApiKey }) {
  const openRevoke = useRevokeStore((state) => state.openFor);
  const openWizard = useRotationStore((state) => state.openWizard);
  const rotating = useRotationStore((state) => state.byOldKeyId.has(apiKey.id));
  const isSuccessor = useRotationStore((state) => state.byNewKeyId.has(apiKey.id));
  const canRevoke = apiKey.status === "active";
  const blocker = rotateBlocker(apiKey, rotating, isSuccessor);
  return (
    <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
      {rotating ? (
        <DropdownMenu.Item className="menu-item" onSelect={() => openWizard(apiKey.id, "rotate")}>
          Resume rotation
        </DropdownMenu.Item>
      ) : null}
      <DropdownMenu.Item className="menu-item" disabled={blocker !== null} onSelect={() => openWizard(apiKey.id, "rotate")}>
        Rotate…
      </DropdownMenu.Item>
      <DropdownMenu.Item className="menu-item" disabled={blocker !== null} onSelect={() => openWizard(apiKey.id, "rescope")}>
        Rescope…
      </DropdownMenu.Item>
      {blocker && canRevoke ? <p className="menu-note">{blocker}</p> : null}
      <DropdownMenu.Separator className="menu-separator" />
      <DropdownMenu.Item className="menu-item menu-item-danger" disabled={!canRevoke} onSelect={() => openRevoke(apiKey.id)}>
        Revoke
      </DropdownMenu.Item>
      {!canRevoke ? <p className="menu-note">This key is already {apiKey.status}.</p> : null}
    </DropdownMenu.Content>
  );
}
