// Cheap existence checks for permalinks. proxy.ts asks them before a page renders, so an unknown
// permalink answers HTTP 404 (lib/routing/missing-page.ts); a page that finds its row gone in
// between still calls notFound() itself.
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";

/** A slug as it appears in a permalink path (articles, speakers, stories). */
export const ZPathSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);

export type TArticleVisibility = "shown" | "hidden" | "missing";

/** An article an editor hid is gone for readers; a signed-in admin still reaches it to show it again. */
export async function findArticleVisibility(slug: string): Promise<TArticleVisibility> {
  const parsed = ZPathSlug.safeParse(slug);
  if (!parsed.success) return "missing";
  const article = await getDb().article.findUnique({ where: { slug: parsed.data }, select: { hiddenAt: true } });
  if (!article) return "missing";
  return article.hiddenAt === null ? "shown" : "hidden";
}

export const speakerExists = cache(async (slug: string): Promise<boolean> => {
  const parsed = ZPathSlug.safeParse(slug);
  return parsed.success && (await getDb().speaker.count({ where: { slug: parsed.data } })) > 0;
});

export const storyExists = cache(async (slug: string): Promise<boolean> => {
  const parsed = ZPathSlug.safeParse(slug);
  return parsed.success && (await getDb().story.count({ where: { slug: parsed.data } })) > 0;
});
