/**
 * What verifying a bundle (or a log) found wrong, one item per problem, each named for what it is
 * (an event missing, altered, inserted or out of order, the signature) with the event's number,
 * then the verifier's own words.
 */
import type { BundleProblemView } from "../../../../shared/ipc/contract";

const TITLES: Record<BundleProblemView["kind"], string> = {
  malformed: "Not an audit bundle",
  missing: "Event missing",
  altered: "Event altered",
  inserted: "Event inserted",
  out_of_order: "Events out of order",
  broken_link: "Chain broken",
  head_mismatch: "Head does not match the chain",
  signature_mismatch: "Signature does not match",
  unexpected_signer: "Signed by another key",
};

export function problemTitle(problem: Pick<BundleProblemView, "kind" | "seq">): string {
  const title = TITLES[problem.kind];
  return problem.seq !== null && ["missing", "altered", "inserted", "broken_link"].includes(problem.kind) ? `${title}: event ${problem.seq}` : title;
}

export function VerificationProblems({ problems }: { problems: BundleProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="audit-problems" aria-label="What was found">
      {problems.map((problem, index) => (
        <li key={`${problem.kind}-${index}`} className="audit-problem">
          <strong>{problemTitle(problem)}.</strong> {problem.message}
          {problem.hints.length > 0 ? (
            <ul className="audit-hints">
              {problem.hints.map((hint) => (
                <li key={hint}>{hint}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
