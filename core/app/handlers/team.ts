/** team.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

export function teamHandlers(_core: AppCore): HandlersOf<"team"> {
  return {};
}
