/**
 * What verifying an opened bundle found, said plainly first: valid, or which event is missing,
 * altered, inserted or out of order, or that the signature does not match, or that the file is not
 * a bundle at all. Then the facts an officer writes down: the workspace, when it was exported, the
 * signing key's fingerprint (to compare with the workspace's settings), the chain head, the file's hash.
 */
import type { OpenedBundleView } from "../../../../shared/ipc/contract";
import { countOf, formatBytes } from "../../ui/format";
import { Section } from "../../ui/Section";
import { formatEventTime } from "./audit-text";
import { VerificationProblems } from "./VerificationProblems";

export function BundleVerdict({ opened }: { opened: OpenedBundleView }) {
  const { verification } = opened;
  const header = verification.header;
  const valid = verification.valid;
  return (
    <Section
      level={2}
      className={`card audit-verdict-card ${valid ? "audit-verdict-valid" : "audit-verdict-invalid"}`}
      title={
        <>
          <span className={`badge ${valid ? "audit-badge-valid" : "audit-badge-invalid"}`}>{valid ? "Valid" : "Not valid"}</span> {opened.fileName}
        </>
      }
    >
      <p className="audit-statement" role="status">
        {valid
          ? `Valid: the signature matches the key the bundle names, and all ${countOf(verification.events, "event")} chain from the first to the signed head. Nothing in it was changed after it was signed.`
          : header === null
            ? "This file is not an audit bundle, or it is damaged: nothing in it can be trusted."
            : "Not valid: this bundle was changed after it was signed, or is not what the workspace signed. What was found:"}
      </p>
      {valid ? <p className="muted audit-summary">{verification.summary}</p> : <VerificationProblems problems={verification.problems} />}
      <dl className="facts audit-facts">
        {header ? (
          <>
            <div className="fact">
              <dt>Workspace</dt>
              <dd>
                {header.workspaceName} <span className="muted mono">{header.workspaceId}</span>
              </dd>
            </div>
            <div className="fact">
              <dt>Exported</dt>
              <dd>{formatEventTime(header.generatedAt)}</dd>
            </div>
            <div className="fact">
              <dt>Contents</dt>
              <dd>
                {countOf(header.keyCount, "key")}, {countOf(verification.events, "event")}
              </dd>
            </div>
            <div className="fact">
              <dt>Signing key</dt>
              <dd>
                <code className="audit-fingerprint">{header.fingerprint}</code>
                <span className="muted audit-fact-hint">Compare it with the fingerprint in the workspace's settings, out of band.</span>
              </dd>
            </div>
            <div className="fact">
              <dt>Chain head</dt>
              <dd>
                event {header.head.seq}, <code className="audit-hash">{header.head.hash}</code>
              </dd>
            </div>
          </>
        ) : null}
        <div className="fact">
          <dt>File</dt>
          <dd>
            <span className="audit-path">{opened.path}</span> <span className="muted">({formatBytes(opened.bytes)})</span>
          </dd>
        </div>
        {opened.sha256 ? (
          <div className="fact">
            <dt>File SHA-256</dt>
            <dd>
              <code className="audit-hash">{opened.sha256}</code>
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}
