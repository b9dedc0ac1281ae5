"use server";
// The rest of a list of pairs, rendered on the server when a reader asks for them: pages send only
// the first few, and these return the whole list in the same markup (read-only, public data).
import type { ReactNode } from "react";
import { z } from "zod";
import { ZRowId } from "@/lib/api/row-id";
import { listCardPairs } from "@/lib/queries/card-pairs";
import { ZPathSlug } from "@/lib/queries/exists";
import { getSpeakerBySlug } from "@/lib/queries/speakers";
import { PairGroupView } from "@/components/timeline/pair-group-view";
import { PairGroupItem, pairGroupKey } from "@/components/speaker/pair-group-item";

export type TPairsResult = { groups: ReactNode[] } | { error: string };

/** Every pair of an article's card. */
export async function loadCardPairs(articleId: number): Promise<TPairsResult> {
  const id = ZRowId.safeParse(articleId);
  if (!id.success) return { error: "That is not an article." };
  const found = await listCardPairs(id.data);
  if (!found) return { error: "This article is no longer available." };
  return { groups: found.pairs.map((group) => <PairGroupView key={group.claim.id} group={group} articleSlug={found.articleSlug} />) };
}

const ZSpeakerList = z.enum(["claims", "answers"]);

/** Every pair of one of a speaker page's two lists; each quote names its article, as on the page. */
export async function loadSpeakerPairs(slug: string, list: "claims" | "answers"): Promise<TPairsResult> {
  const parsedSlug = ZPathSlug.safeParse(slug);
  const parsedList = ZSpeakerList.safeParse(list);
  if (!parsedSlug.success || !parsedList.success) return { error: "That is not a speaker's list." };
  const speaker = await getSpeakerBySlug(parsedSlug.data);
  if (!speaker) return { error: "This speaker is no longer available." };
  return {
    groups: speaker[parsedList.data].map((group) => <PairGroupItem key={pairGroupKey(group)} group={group} />),
  };
}
