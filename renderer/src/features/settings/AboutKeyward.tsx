/** Which build is running, for support requests and audits. */
import { useEffect } from "react";
import { Section } from "../../ui/Section";
import { useSettingsStore } from "./settings-store";

export function AboutKeyward() {
  const info = useSettingsStore((state) => state.info);
  const loadInfo = useSettingsStore((state) => state.loadInfo);
  useEffect(() => void loadInfo(), [loadInfo]);
  return (
    <Section title="About" level={2} className="card">
      <dl className="about-list">
        <dt>Version</dt>
        <dd>{info?.version ?? "…"}</dd>
        <dt>IPC contract</dt>
        <dd>{info ? `v${info.contractVersion}` : "…"}</dd>
        <dt>Platform</dt>
        <dd>{info?.platform ?? "…"}</dd>
      </dl>
    </Section>
  );
}
