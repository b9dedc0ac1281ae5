import type { TPairGroup } from "@/lib/queries/article-cards";
import { PairGroupView } from "@/components/timeline/pair-group-view";

/** Pair groups in bordered cards; `articleSlug` none, so every quote names its article. */
export function PairGroupList({ groups, empty }: { groups: TPairGroup[]; empty: string }) {
  if (groups.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">{empty}</p>;
  return (
    <ul className="space-y-4">
      {groups.map((group) => (
        <li key={`${group.claim.id}-${group.responses[0]?.pairId ?? 0}`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <PairGroupView group={group} articleSlug="" />
        </li>
      ))}
    </ul>
  );
}
