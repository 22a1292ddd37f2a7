/** The Leak scan screen. */
import { ScreenHeader } from "../../ui/ScreenHeader";

export function ScanScreen() {
  return (
    <section aria-labelledby="scan-title">
      <ScreenHeader id="scan-title" title="Leak scan" subtitle="Find this workspace's keys in source code and its git history." />
    </section>
  );
}
