/**
 * A small load generator for the fault tests: a few concurrent request loops on loopback, each
 * request with a timeout (a hang is a failure, recorded as such), every answer recorded with when
 * it was sent and answered. Bounded: it stops at `stop()` or after `maxMs`.
 */
export interface Outcome {
  url: string;
  sentAt: number;
  doneAt: number;
  /** The HTTP status, or 0 when no answer came (connection refused or reset). */
  status: number;
  /** The request outlived its timeout: the server hung. */
  timedOut: boolean;
}

export interface Load {
  outcomes: Outcome[];
  /** Stops the loops and waits for the requests in flight. */
  stop(): Promise<Outcome[]>;
}

export function startLoad(urls: string[], headers: Record<string, string>, options: { loopsPerUrl?: number; timeoutMs?: number; maxMs?: number } = {}): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  const deadline = Date.now() + (options.maxMs ?? 30_000);
  const loop = async (url: string) => {
    while (running && Date.now() < deadline) {
      const sentAt = Date.now();
      let status = 0;
      let timedOut = false;
      try {
        const answer = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        status = answer.status;
        await answer.arrayBuffer();
      } catch (error) {
        timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        // Refused or reset: the server is gone; do not spin.
        if (!timedOut) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      outcomes.push({ url, sentAt, doneAt: Date.now(), status, timedOut });
    }
  };
  const loops = urls.flatMap((url) => Array.from({ length: options.loopsPerUrl ?? 8 }, () => loop(url)));
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
