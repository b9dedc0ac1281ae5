import type { TPairGroup } from "@/lib/queries/article-cards";
import { PairGroupView } from "@/components/timeline/pair-group-view";

/** One pair group in a bordered card; `articleSlug` none, so every quote names its article. */
export function PairGroupItem({ group }: { group: TPairGroup }) {
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <PairGroupView group={group} articleSlug="" />
    </li>
  );
}

export const pairGroupKey = (group: TPairGroup) => `${group.claim.id}-${group.responses[0]?.pairId ?? 0}`;
