/** Audit bundle verification: what the desktop app and the command line call. */
export { verifyAuditBundle, type VerifyFileOptions } from "./verify-file";
export { verifyBundleBytes, type VerifyOptions } from "./sequential";
export { verifyBundleReference } from "./reference";
export { toReviewVerification, type BundleProblem, type BundleVerification, type BundleHeader, type ChainProblem } from "./result";
