/** Which build is running, for support requests and audits. */
import { useEffect, useState } from "react";
import type { OutputOf } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";

export function AboutKeyward() {
  const [info, setInfo] = useState<OutputOf<"app.info"> | null>(null);
  useEffect(() => {
    // Purely informative: if it fails, the section just stays without numbers.
    call(keyward().app.info(undefined))
      .then(setInfo)
      .catch(() => undefined);
  }, []);
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 className="card-title" id="about-title">
        About
      </h2>
      <dl className="about-list">
        <dt>Version</dt>
        <dd>{info?.version ?? "…"}</dd>
        <dt>IPC contract</dt>
        <dd>{info ? `v${info.contractVersion}` : "…"}</dd>
        <dt>Platform</dt>
        <dd>{info?.platform ?? "…"}</dd>
      </dl>
    </section>
  );
}
