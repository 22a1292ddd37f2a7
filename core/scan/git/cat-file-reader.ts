/**
 * Reads blobs from a `git cat-file --batch` process and scans each as it arrives, in the thread
 * that owns the process (a scan worker): a blob that lies whole in one chunk of git's output is
 * scanned where it is, a larger one is gathered into one reused buffer first. Answers come per
 * batch of ids, in order. Memory is that buffer (at most the size limit), whatever the history.
 * Protects against: blob contents (secrets among them) leaving this thread; only object ids and
 * sizes are read as text, and answers carry hashes, display forms and positions.
 */
import { scanBlob } from "../engine/blob-scan";
import { toWorkerFind, type BlobIdsAnswer, type BlobSource } from "../worker/protocol";
import { spawnGit, type GitProcess } from "./git";

interface Batch {
  remaining: number;
  answer: BlobIdsAnswer;
}

type State = "header" | "body" | "trailer";

export class CatFileReader {
  private readonly child: GitProcess;
  private readonly batches: Batch[] = [];
  private state: State = "header";
  private header = "";
  private id = "";
  private size = 0;
  private remaining = 0;
  private keep = false;
  /** A blob that spans chunks of git's output, gathered. */
  private gathered = Buffer.alloc(0);
  private gatheredLength = 0;
  private failure: Error | null = null;
  private readonly closed: Promise<void>;

  constructor(
    private readonly source: BlobSource,
    private readonly onBatch: (answer: BlobIdsAnswer) => void,
    onFailure: (error: Error) => void,
    signal?: AbortSignal,
  ) {
    // No --buffer: answers are awaited before more ids are sent, so git must not hold output back.
    this.child = spawnGit(source.git, ["cat-file", "--batch"], source.cwd, signal, (error) => {
      this.failure ??= error;
      onFailure(error);
    });
    this.child.stdout.on("data", (chunk: Buffer) => this.read(chunk));
    this.closed = new Promise((resolve) => this.child.on("close", () => resolve()));
  }

  request(batch: number, ids: string[]): void {
    const answer: BlobIdsAnswer = { type: "blob-ids", batch, scanned: 0, bytes: 0, binary: 0, tooLarge: 0, finds: [] };
    if (ids.length === 0) return this.onBatch(answer);
    this.batches.push({ remaining: ids.length, answer });
    this.child.stdin.write(ids.join("\n") + "\n");
  }

  /** Stops git at once; resolves once it has exited. */
  async kill(): Promise<void> {
    this.child.kill();
    await this.closed;
  }

  /** No more ids: resolves once git has answered them all and exited. */
  async end(): Promise<void> {
    this.child.stdin.end();
    await this.closed;
    if (this.failure) throw this.failure;
  }

  private read(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === "header") {
        const newline = chunk.indexOf(10, at);
        this.header += chunk.toString("latin1", at, newline === -1 ? chunk.length : newline);
        if (newline === -1) return;
        at = newline + 1;
        this.startObject();
      } else if (this.state === "body") {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.keep && take === this.size) {
          // The whole blob is in this chunk: scan it in place.
          this.scan(chunk.subarray(at, at + take));
        } else if (this.keep) {
          chunk.copy(this.gathered, this.gatheredLength, at, at + take);
          this.gatheredLength += take;
          if (take === this.remaining) this.scan(this.gathered.subarray(0, this.gatheredLength));
        }
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = "trailer";
      } else {
        at++; // the newline after each object
        this.state = "header";
        this.objectDone();
      }
    }
  }

  private startObject(): void {
    const [id, type, size] = this.header.split(" ");
    this.header = "";
    if (type === "missing" || size === undefined) return this.objectDone(); // no content follows
    this.id = id!;
    this.size = Number(size);
    this.remaining = this.size;
    this.keep = type === "blob" && this.size <= this.source.maxBytes;
    if (type === "blob" && !this.keep) this.batches[0]!.answer.tooLarge++;
    this.gatheredLength = 0;
    if (this.keep && this.gathered.length < this.size) this.gathered = Buffer.allocUnsafe(Math.min(this.source.maxBytes, Math.max(this.size, this.gathered.length * 2)));
    this.state = "body";
    if (this.size === 0) {
      if (this.keep) this.scan(Buffer.alloc(0));
      this.state = "trailer";
    }
  }

  private scan(blob: Buffer): void {
    const answer = this.batches[0]!.answer;
    const outcome = scanBlob(blob);
    if (!outcome.scanned) {
      answer.binary++;
      return;
    }
    answer.scanned++;
    answer.bytes += blob.length;
    for (const find of outcome.finds) answer.finds.push({ id: this.id, find: toWorkerFind(find) });
  }

  private objectDone(): void {
    const batch = this.batches[0]!;
    if (--batch.remaining > 0) return;
    this.batches.shift();
    this.onBatch(batch.answer);
  }
}
