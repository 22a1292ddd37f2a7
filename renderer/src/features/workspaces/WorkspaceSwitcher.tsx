/** The workspace menu in the top bar: which workspace is open and how it is, switch, or add one. */
import { DropdownMenu } from "radix-ui";
import { CheckIcon, ChevronDownIcon, PlusIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { AddWorkspaceDialog } from "./AddWorkspaceDialog";
import { useWorkspaceStore } from "./workspace-store";
import { STATE_LABELS } from "./workspace-labels";

export function WorkspaceSwitcher() {
  const workspaces = useWorkspaceStore((state) => state.workspaces);
  const current = useWorkspaceStore((state) => state.current);
  const switchTo = useWorkspaceStore((state) => state.switchTo);
  const openAdd = useWorkspaceStore((state) => state.setAdding);
  const switching = useAsyncAction();

  const name = current?.workspace?.name ?? "No workspace";
  const state = current?.state ?? "starting";
  const select = (id: string) => {
    if (id !== current?.workspace?.id) void switching.run(() => switchTo(id));
  };

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="workspace-trigger" aria-label={`Workspace: ${name}, ${STATE_LABELS[state]}`}>
            <span className={`state-dot state-${state}`} aria-hidden="true" />
            <span className="workspace-trigger-name truncate">{name}</span>
            <ChevronDownIcon />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu workspace-menu" align="start" sideOffset={6}>
            <DropdownMenu.Label className="menu-label">Workspaces</DropdownMenu.Label>
            {workspaces.map((workspace) => {
              const isCurrent = workspace.id === current?.workspace?.id;
              return (
                <DropdownMenu.Item key={workspace.id} className="menu-item workspace-item" onSelect={() => select(workspace.id)} aria-current={isCurrent || undefined}>
                  <span className="menu-check">{isCurrent ? <CheckIcon /> : null}</span>
                  <span className="workspace-item-text">
                    <span className="truncate">
                      {workspace.name}
                      {workspace.production ? <span className="badge badge-production">Production</span> : null}
                    </span>
                    <span className="muted truncate">{workspace.kind === "local" ? "On this computer" : workspace.url}</span>
                  </span>
                </DropdownMenu.Item>
              );
            })}
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" onSelect={() => openAdd(true)}>
              <span className="menu-check">
                <PlusIcon />
              </span>
              Add workspace…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {switching.error ? (
        <p className="topbar-error" role="alert">
          {switching.error.message}
        </p>
      ) : null}
      <AddWorkspaceDialog />
    </>
  );
}
