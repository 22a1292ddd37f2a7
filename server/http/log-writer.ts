/**
 * A buffered, asynchronous line writer for the request log: lines gather in memory and go out in
 * one write every 250 ms (or sooner past 64 KiB), off the request path. close() writes what is
 * left synchronously, so SIGTERM loses no line. If the reader cannot keep up, lines beyond 16 MiB
 * are dropped and counted rather than growing memory without bound.
 */
import fs from "node:fs";

const FLUSH_BYTES = 64 * 1024;
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const INTERVAL_MS = 250;

export class BufferedLogWriter {
  private chunks: string[] = [];
  private size = 0;
  private inFlight: Promise<void> | null = null;
  private dropped = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly fd: number,
    private readonly ownsFd = false,
  ) {
    this.timer = setInterval(() => this.flush(), INTERVAL_MS);
    this.timer.unref();
  }

  static toFile(file: string): BufferedLogWriter {
    return new BufferedLogWriter(fs.openSync(file, "a", 0o600), true);
  }

  write(line: string): void {
    if (this.size > MAX_BUFFERED_BYTES) {
      this.dropped++;
      return;
    }
    this.chunks.push(line);
    this.size += line.length;
    if (this.size >= FLUSH_BYTES && !this.inFlight) this.flush();
  }

  private take(): Buffer | null {
    if (this.dropped > 0) {
      this.chunks.push(`{"level":"warn","msg":"request log fell behind; ${this.dropped} lines dropped"}\n`);
      this.dropped = 0;
    }
    if (this.chunks.length === 0) return null;
    const data = Buffer.from(this.chunks.join(""), "utf8");
    this.chunks = [];
    this.size = 0;
    return data;
  }

  private flush(): void {
    if (this.inFlight) return;
    const data = this.take();
    if (!data) return;
    this.inFlight = writeAll(this.fd, data).finally(() => {
      this.inFlight = null;
    });
  }

  /** Writes everything still buffered, then stops. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
    const data = this.take();
    if (data) writeAllSync(this.fd, data);
    if (this.ownsFd) fs.closeSync(this.fd);
  }
}

function writeAll(fd: number, data: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const step = (offset: number) => {
      fs.write(fd, data, offset, data.length - offset, null, (error, written) => {
        // A non-blocking pipe that is full: try again shortly rather than drop the batch.
        if (error && (error as NodeJS.ErrnoException).code === "EAGAIN") return void setTimeout(() => step(offset), 5);
        if (error || offset + written >= data.length) return resolve();
        step(offset + written);
      });
    };
    step(0);
  });
}

function writeAllSync(fd: number, data: Buffer): void {
  let offset = 0;
  for (let attempts = 0; offset < data.length && attempts < 10_000; attempts++) {
    try {
      offset += fs.writeSync(fd, data, offset, data.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
    }
  }
}
