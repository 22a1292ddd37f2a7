/**
 * A titled section: a card on a screen (level 2, with the "card" class) or a part of a view or a
 * card (level 3). Its heading names the region for screen readers. `aside` stands at the end of
 * the heading's row (a count, the section's own action); `subtitle` goes under the title.
 */
import { useId, type ReactNode } from "react";

type SectionProps = { title: ReactNode; subtitle?: ReactNode; aside?: ReactNode; className?: string; level?: 2 | 3; children: ReactNode };

export function Section({ title, subtitle, aside, className, level = 3, children }: SectionProps) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  const heading = (
    <Heading id={id} className={level === 2 ? "card-title" : "section-title"}>
      {title}
    </Heading>
  );
  return (
    <section className={className ?? "details-section"} aria-labelledby={id}>
      {aside ? (
        <div className="card-heading">
          {subtitle ? (
            <div>
              {heading}
              {subtitle}
            </div>
          ) : (
            heading
          )}
          {aside}
        </div>
      ) : (
        <>
          {heading}
          {subtitle}
        </>
      )}
      {children}
    </section>
  );
}
