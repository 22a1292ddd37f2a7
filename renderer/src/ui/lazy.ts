/**
 * A component loaded when first drawn, from its own chunk: screens a user may never open, and the
 * charting library, stay out of the code that runs at start. Wrap uses in <Suspense>.
 */
import { lazy, type ComponentType } from "react";

/** `lazyNamed(() => import("./Screen"), "Screen")` is typed as the module's `Screen` itself. */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<object> })) as M[K];
}
