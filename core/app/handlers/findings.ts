/** findings.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function findingHandlers({ findings }: AppCore): HandlersOf<"findings"> {
  return {
    "findings.list": async () => {
      const { keys: _keys, ...report } = await findings.report();
      return report;
    },
    "findings.dismiss": ({ findingId, note }) => findings.dismiss(findingId, note),
    "findings.restore": async ({ findingId }) => {
      await findings.restore(findingId);
      return null;
    },
  };
}
