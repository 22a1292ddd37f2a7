/**
 * The quarterly reviews the app keeps: one versioned file per review in the data folder's reviews/
 * (reviews/<id>.json), so saving a decision rewrites that review only, whatever the others weigh.
 * Each is written with the vault's atomic write and read back on the next start, so a review
 * resumes where it was left. A file that is not a review is left where it is and skipped. Never
 * holds a secret (shared/domain/review.ts holds keys' ids, names and display forms).
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Review } from "../../../shared/domain/review";
import { IpcError } from "../../../shared/ipc/errors";
import { createLog } from "../../log";
import { VersionedFile } from "../../persist/versioned-file";

const log = createLog("reviews");

export const REVIEWS_FOLDER = "reviews";
const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

/** A review that no longer parses reads as null (its file stays as it was, for a person to look at). */
export const ReviewFileContent = z.object({ review: Review.nullable().catch(null) });
export type ReviewFileContent = z.infer<typeof ReviewFileContent>;

export class ReviewsFolder {
  private readonly files = new Map<string, VersionedFile<ReviewFileContent>>();
  private readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, REVIEWS_FOLDER);
  }

  /** Every readable review, newest first. */
  list(): Review[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return [];
    }
    const reviews: Review[] = [];
    for (const name of names) {
      const id = FILE_NAME.exec(name)?.[1];
      if (!id) continue;
      const review = this.file(id).get().review;
      if (review) reviews.push(review);
      else log.warn(`${name} is not a review this Keyward reads; it is skipped`);
    }
    return reviews.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
  }

  get(id: string): Review {
    const review = FILE_NAME.test(`${id}.json`) ? this.file(id).get().review : null;
    if (!review) throw new IpcError("not_found", "There is no such review. It may have been deleted from the data folder.");
    return review;
  }

  /** Saves a new review. */
  async create(review: Review): Promise<Review> {
    if (!FILE_NAME.test(`${review.id}.json`)) throw new IpcError("invalid_input", "That is not a review id of this app.");
    // Checked here: the file's schema would turn a review that does not parse into null.
    const saved = await this.file(review.id).update(() => ({ review: Review.parse(review) }));
    return saved.review!;
  }

  /** Applies a change to a review and saves it before answering. */
  async update(id: string, change: (review: Review) => Review): Promise<Review> {
    this.get(id);
    const saved = await this.file(id).update((current) => {
      if (!current.review) throw new IpcError("not_found", "There is no such review.");
      return { review: Review.parse(change(current.review)) };
    });
    return saved.review!;
  }

  private file(id: string): VersionedFile<ReviewFileContent> {
    let file = this.files.get(id);
    if (!file) {
      file = new VersionedFile({
        what: "the review",
        file: path.join(this.folder, `${id}.json`),
        version: 1,
        schema: ReviewFileContent,
        defaults: () => ({ review: null }),
      });
      this.files.set(id, file);
    }
    return file;
  }
}
