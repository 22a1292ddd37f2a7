/** audit.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

export function auditHandlers(_core: AppCore): HandlersOf<"audit"> {
  return {};
}
