/** workspaces.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function workspaceHandlers({ workspaces, activity }: AppCore): HandlersOf<"workspaces"> {
  return {
    "workspaces.list": async () => workspaces.list(),
    "workspaces.current": async () => workspaces.current(),
    "workspaces.add": async (input) => {
      const state = await workspaces.add(input);
      void activity.record("workspace.added", { workspace: input.name, url: state.workspace?.url ?? input.url });
      return state;
    },
    "workspaces.switch": ({ id }) => workspaces.switch(id),
    "workspaces.update": ({ id, production }) => workspaces.update(id, { production }),
    "workspaces.remove": async ({ id }) => {
      const removed = workspaces.list().find((workspace) => workspace.id === id);
      const list = await workspaces.remove(id);
      if (removed) void activity.record("workspace.removed", { workspace: removed.name, url: removed.url });
      return list;
    },
  };
}
