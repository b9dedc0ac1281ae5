// What every reader sees of an article's review: reviewed or disputed (with when), and how many
// items editors corrected.
import { Time } from "@/components/ui/format-time";

type TReview = { state: "machine" | "reviewed" | "disputed"; at: Date | null; correctedItems: number; lastCorrectedAt: Date | null };

export function ReviewMark({ review }: { review: TReview }) {
  if (review.state === "machine" && review.correctedItems === 0) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="review-mark">
      {review.state === "reviewed" ? (
        <span className="rounded-full border border-emerald-800 bg-emerald-50 px-2 py-0.5 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ Reviewed by editors{review.at ? <>, <Time date={review.at} /></> : null}
        </span>
      ) : null}
      {review.state === "disputed" ? (
        <span className="rounded-full border border-amber-800 bg-amber-50 px-2 py-0.5 font-semibold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          Disputed: editors question this extraction{review.at ? <>, <Time date={review.at} /></> : null}
        </span>
      ) : null}
      {review.correctedItems > 0 && review.lastCorrectedAt ? (
        <span className="text-zinc-700 dark:text-zinc-300">
          {review.correctedItems} {review.correctedItems === 1 ? "item" : "items"} corrected by editors, last <Time date={review.lastCorrectedAt} />
        </span>
      ) : null}
    </p>
  );
}
