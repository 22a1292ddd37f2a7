/** rotation.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function rotationHandlers({ rotations, preferences }: AppCore): HandlersOf<"rotation"> {
  return {
    "rotation.list": async () => rotations.list(),
    "rotation.start": ({ keyId, scope }) => rotations.start(keyId, scope),
    "rotation.move": ({ oldKeyId, to }) => rotations.move(oldKeyId, to),
    "rotation.keepNewKey": ({ oldKeyId }) => rotations.keepNewKey(oldKeyId),
    "rotation.copyNewKey": ({ oldKeyId }) => rotations.copyNewKey(oldKeyId, preferences.values().clipboardClearSeconds),
    "rotation.testNewKey": ({ oldKeyId }) => rotations.testNewKey(oldKeyId),
    "rotation.usage": ({ oldKeyId }) => rotations.usage(oldKeyId),
    "rotation.finish": ({ oldKeyId, revoke, confirmRecentUse }) => rotations.finish(oldKeyId, revoke, confirmRecentUse),
    "rotation.cancel": ({ oldKeyId, revokeNewKey }) => rotations.cancel(oldKeyId, revokeNewKey),
  };
}
