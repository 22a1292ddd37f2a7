/** The Team vault screen. */
import { ScreenHeader } from "../../ui/ScreenHeader";

export function TeamScreen() {
  return (
    <section aria-labelledby="team-title">
      <ScreenHeader id="team-title" title="Team vault" subtitle="Share keys with your team, end-to-end encrypted." />
    </section>
  );
}
