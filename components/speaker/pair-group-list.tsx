import type { TPairGroup } from "@/lib/queries/article-cards";
import { PairGroupItem, pairGroupKey } from "@/components/speaker/pair-group-item";
import { MorePairs } from "@/components/timeline/more-pairs";
import { loadSpeakerPairs } from "@/components/timeline/load-pairs";

// A speaker page opens with this many of each list; the rest load on demand.
const GROUPS_SHOWN = 20;

/** A speaker's claims or answers: the first few, and a control that loads the rest. */
export function PairGroupList({ groups, empty, speakerSlug, list }: { groups: TPairGroup[]; empty: string; speakerSlug: string; list: "claims" | "answers" }) {
  if (groups.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">{empty}</p>;
  const items = groups.slice(0, GROUPS_SHOWN).map((group) => <PairGroupItem key={pairGroupKey(group)} group={group} />);
  if (groups.length <= GROUPS_SHOWN) return <ul className="space-y-4">{items}</ul>;
  const hidden = groups.length - GROUPS_SHOWN;
  return (
    <MorePairs as="ul" load={loadSpeakerPairs.bind(null, speakerSlug, list)} shown={GROUPS_SHOWN} label={`Show ${hidden} more`} fallbackHref={`/?speaker=${speakerSlug}`}>
      {items}
    </MorePairs>
  );
}
