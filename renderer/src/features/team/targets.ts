/** Which vault an import or export goes to, as choice cards. */
import type { ImportTarget } from "../../../../shared/ipc/contract";
import type { Choice } from "../../ui/ChoiceCards";

export function targetChoices(teamOpen: boolean, verb: "into" | "of"): Choice<ImportTarget>[] {
  const team: Choice<ImportTarget> = { value: "team", title: "The team vault", hint: verb === "into" ? "Every member can read what is added." : "Every shared entry." };
  const personal: Choice<ImportTarget> = { value: "personal", title: "Your personal vault", hint: verb === "into" ? "Only on this computer, for you." : "Every entry, your team identity included." };
  return teamOpen ? [team, personal] : [personal];
}
