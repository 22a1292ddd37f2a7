/**
 * Quarterly reviews: the list kept by the main process, the review open now, and every change to
 * it (decisions, sign-off, carried-out checks, reports). A review holds keys' names, display forms
 * and findings, never a secret. The connected workspace's own id tells whether a review's
 * decisions can be carried out from here.
 */
import { create } from "zustand";
import type { Review, ReviewDecisionKind } from "../../../../shared/domain/review";
import type { ReportFormat, ReviewSummary, SigningKeyView } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type ReviewStore = {
  reviews: ReviewSummary[];
  listError: string | null;
  review: Review | null;
  /** The connected workspace's signing key and own id; null when none is connected. */
  signing: SigningKeyView | null;
  loadList: () => Promise<void>;
  loadSigning: (connected: boolean) => Promise<void>;
  start: (of: "workspace" | "bundle") => Promise<void>;
  open: (id: string) => Promise<void>;
  close: () => void;
  decide: (keyId: string, decision: ReviewDecisionKind, note: string) => Promise<void>;
  signOff: (reviewer: string) => Promise<void>;
  /** Marks what the workspace shows done as carried out; the keys that changed. */
  refreshCarriedOut: () => Promise<string[]>;
  exportReport: (format: ReportFormat) => Promise<string | null>;
};

export const useReviewStore = create<ReviewStore>()((set, get) => {
  const replace = (review: Review) => {
    set({ review, reviews: get().reviews.map((summary) => (summary.id === review.id ? { ...summary, decided: review.keys.filter((key) => review.decisions[key.id]).length, signOff: review.signOff } : summary)) });
  };
  return {
    reviews: [],
    listError: null,
    review: null,
    signing: null,

    loadList: async () => {
      try {
        set({ reviews: await call(keyward().audit.reviews(undefined)), listError: null });
      } catch (error) {
        set({ listError: errorMessage(error) });
      }
    },

    loadSigning: async (connected) => {
      if (!connected) {
        set({ signing: null });
        return;
      }
      try {
        set({ signing: await call(keyward().audit.signingKey(undefined)) });
      } catch {
        set({ signing: null });
      }
    },

    start: async (of) => {
      const review = await call(keyward().audit.startReview({ of }));
      set({ review });
      await get().loadList();
    },

    open: async (id) => set({ review: await call(keyward().audit.review({ id })) }),
    close: () => set({ review: null }),

    decide: async (keyId, decision, note) => {
      const review = get().review;
      if (review) replace(await call(keyward().audit.decide({ reviewId: review.id, keyId, decision, note })));
    },

    signOff: async (reviewer) => {
      const review = get().review;
      if (review) replace(await call(keyward().audit.signOff({ reviewId: review.id, reviewer })));
    },

    refreshCarriedOut: async () => {
      const review = get().review;
      if (!review) return [];
      const result = await call(keyward().audit.refreshCarriedOut({ reviewId: review.id }));
      if (get().review?.id === review.id) replace(result.review);
      return result.changed;
    },

    exportReport: async (format) => {
      const review = get().review;
      if (!review) return null;
      return (await call(keyward().audit.exportReport({ reviewId: review.id, format }))).path;
    },
  };
});
