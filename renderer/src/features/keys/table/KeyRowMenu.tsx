/**
 * A row's three-dot menu: details (always, a revoked key's record included), edit, rotate, rescope,
 * revoke. They open one dialog for the whole table, so rows stay light. A key can be rotated while
 * it is active and no active successor replaces it.
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
import { useKeyDetailsStore } from "../../key-details";
import { useRevokeStore } from "../../revoke";
import { useRotationStore } from "../../rotation";

const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown"]);

export function KeyRowMenu({ apiKey, rotatable }: { apiKey: ApiKey; rotatable: boolean }) {
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
      {/* Portalled into the main landmark, so the popup sits inside a landmark like everything else. */}
      <DropdownMenu.Portal container={document.getElementById("main")}>
        <KeyRowMenuContent apiKey={apiKey} rotatable={rotatable} />
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function rotateBlocker(apiKey: ApiKey, rotatable: boolean, rotating: boolean, isSuccessor: boolean): string | null {
  if (apiKey.status !== "active") return `This key is already ${apiKey.status}.`;
  if (rotating) return "A rotation of this key is in progress.";
  if (isSuccessor) return "This key replaces another in a rotation in progress: finish that one first.";
  if (!rotatable) return "A newer key already replaces this one.";
  return null;
}

function KeyRowMenuContent({ apiKey, rotatable }: { apiKey: ApiKey; rotatable: boolean }) {
  const openRevoke = useRevokeStore((state) => state.openFor);
  const openWizard = useRotationStore((state) => state.openWizard);
  const openDetails = useKeyDetailsStore((state) => state.open);
  const rotating = useRotationStore((state) => state.byOldKeyId.has(apiKey.id));
  const isSuccessor = useRotationStore((state) => state.byNewKeyId.has(apiKey.id));
  const active = apiKey.status === "active";
  const blocker = rotateBlocker(apiKey, rotatable, rotating, isSuccessor);
  return (
    <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
      <DropdownMenu.Item className="menu-item" onSelect={() => openDetails(apiKey.id)}>
        {active ? "Details" : apiKey.status === "revoked" ? "Details and revocation" : "Details"}
      </DropdownMenu.Item>
      {active ? (
        <DropdownMenu.Item className="menu-item" onSelect={() => openDetails(apiKey.id, { editing: true })}>
          Edit name and description…
        </DropdownMenu.Item>
      ) : null}
      {rotating ? (
        <DropdownMenu.Item className="menu-item" onSelect={() => openWizard(apiKey.id, "rotate")}>
          Resume rotation
        </DropdownMenu.Item>
      ) : null}
      {active ? (
        <>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" disabled={blocker !== null} onSelect={() => openWizard(apiKey.id, "rotate")}>
            Rotate…
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" disabled={blocker !== null} onSelect={() => openWizard(apiKey.id, "rescope")}>
            Rescope…
          </DropdownMenu.Item>
          {blocker ? <p className="menu-note">{blocker}</p> : null}
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item menu-item-danger" onSelect={() => openRevoke([apiKey.id])}>
            Revoke…
          </DropdownMenu.Item>
        </>
      ) : (
        <p className="menu-note">This key is {apiKey.status}: it cannot be used, rotated or revoked again.</p>
      )}
    </DropdownMenu.Content>
  );
}
