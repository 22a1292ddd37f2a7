/** A titled section inside a view or a card (its heading names the region for screen readers). */
import { useId, type ReactNode } from "react";

export function Section({ title, className, level = 3, children }: { title: string; className?: string; level?: 2 | 3; children: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={className ?? "details-section"} aria-labelledby={id}>
      <Heading id={id} className={level === 2 ? "card-title" : "section-title"}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
