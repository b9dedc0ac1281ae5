"use server";
// The rest of a card's pairs, rendered on the server when a reader asks for them: the page itself
// carries only the first few, and this returns the card's full list in the same markup.
import type { ReactNode } from "react";
import { ZRowId } from "@/lib/api/row-id";
import { listCardPairs } from "@/lib/queries/card-pairs";
import { PairGroupView } from "@/components/timeline/pair-group-view";

export type TCardPairsResult = { groups: ReactNode[] } | { error: string };

export async function loadCardPairs(articleId: number): Promise<TCardPairsResult> {
  const id = ZRowId.safeParse(articleId);
  if (!id.success) return { error: "That is not an article." };
  const found = await listCardPairs(id.data);
  if (!found) return { error: "This article is no longer available." };
  return { groups: found.pairs.map((group) => <PairGroupView key={group.claim.id} group={group} articleSlug={found.articleSlug} />) };
}
