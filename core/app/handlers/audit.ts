/** audit.* */
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function auditHandlers({ audits }: AppCore): HandlersOf<"audit"> {
  const { reviews } = audits;
  return {
    "audit.log": (query) => audits.log(query),
    "audit.verifyWorkspaceChain": () => audits.verifyWorkspaceChain(),
    "audit.verifyAppLog": () => audits.verifyAppLog(),
    "audit.saveBundle": () => audits.saveBundle(),
    "audit.openBundle": () => audits.openBundle(),
    "audit.bundle": async () => audits.bundle(),
    "audit.closeBundle": async () => {
      audits.closeBundle();
      return null;
    },
    "audit.bundleEvents": async (query) => audits.bundleEvents(query),

    "audit.reviews": async () => reviews.list(),
    "audit.startReview": (input) => reviews.start(input),
    "audit.review": async ({ id }) => reviews.get(id),
    "audit.decide": (input) => reviews.decide(input),
    "audit.signOff": (input) => reviews.signOff(input),
    "audit.refreshCarriedOut": ({ reviewId }) => reviews.refreshCarriedOut(reviewId),
    "audit.exportReport": async ({ reviewId, format }) => ({ path: await reviews.exportReport(reviewId, format) }),

    "audit.signingKey": () => audits.signingKey(),
  };
}
