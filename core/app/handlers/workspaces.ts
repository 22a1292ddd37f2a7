/** workspaces.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

export function workspaceHandlers({ workspaces }: AppCore): HandlersOf<"workspaces"> {
  return {
    "workspaces.list": async () => workspaces.list(),
    "workspaces.current": async () => workspaces.current(),
    "workspaces.add": (input) => workspaces.add(input),
    "workspaces.switch": ({ id }) => workspaces.switch(id),
    "workspaces.update": ({ id, production }) => workspaces.update(id, { production }),
    "workspaces.remove": ({ id }) => workspaces.remove(id),
  };
}
