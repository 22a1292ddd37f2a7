/** The Findings screen. */
import { ScreenHeader } from "../../ui/ScreenHeader";

export function FindingsScreen() {
  return (
    <section aria-labelledby="findings-title">
      <ScreenHeader id="findings-title" title="Findings" subtitle="What monitoring found: keys to revoke, rotate or narrow." />
    </section>
  );
}
