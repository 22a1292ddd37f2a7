/*
 * team.*: the team vault, on the app core's TeamService.
 * Protects against: secrets crossing to the renderer (every answer is a view without secrets;
 * copies go from the main process to the clipboard by entry id). Does not protect against: a
 * secret or passphrase the user types, which comes in through these channels, as it must.
 */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function teamHandlers({ team }: AppCore): HandlersOf<"team"> {
  return {
    "team.state": () => team.state(),
    "team.createIdentity": ({ name }) => team.createIdentity(name),
    "team.create": ({ name }) => team.create(name),
    "team.open": ({ path }) => team.open(path),
    "team.close": () => team.close(),
    "team.forget": ({ path }) => team.forget(path),
    "team.sync": () => team.sync(),
    "team.addEntry": (input) => team.addEntry(input),
    "team.removeEntries": ({ ids }) => team.removeEntries(ids),
    "team.copySecret": ({ entryId }) => team.copySecret(entryId),
    "team.copyCard": () => team.copyCard(),
    "team.readCard": ({ card }) => team.readCard(card),
    "team.addMember": ({ card }) => team.addMember(card),
    "team.removeMember": ({ memberId }) => team.removeMember(memberId),
    "team.exposure": ({ memberId }) => team.exposure(memberId),
    "team.history": () => team.history(),
    "team.envChooseFile": ({ target }) => team.envChooseFile(target),
    "team.envSetTarget": ({ target }) => team.envSetTarget(target),
    "team.envWrite": ({ refs }) => team.envWrite(refs),
    "team.envDiscard": async () => team.envDiscard(),
    "team.exportVault": (input) => team.exportVault(input),
    "team.importVault": (input) => team.importVault(input),
  };
}
