/** scan.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

export function scanHandlers(_core: AppCore): HandlersOf<"scan"> {
  return {};
}
