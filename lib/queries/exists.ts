// Cheap existence checks for permalinks. proxy.ts asks them before a page renders, so an unknown
// permalink answers HTTP 404 (lib/routing/missing-page.ts); the routes' layouts ask them again so
// a page never renders for something that vanished in between.
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";

/** A slug as it appears in a permalink path (articles, speakers, stories). */
export const ZPathSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);

export const articleExists = cache(async (slug: string): Promise<boolean> => {
  const parsed = ZPathSlug.safeParse(slug);
  return parsed.success && (await getDb().article.count({ where: { slug: parsed.data } })) > 0;
});

export const speakerExists = cache(async (slug: string): Promise<boolean> => {
  const parsed = ZPathSlug.safeParse(slug);
  return parsed.success && (await getDb().speaker.count({ where: { slug: parsed.data } })) > 0;
});

export const storyExists = cache(async (slug: string): Promise<boolean> => {
  const parsed = ZPathSlug.safeParse(slug);
  return parsed.success && (await getDb().story.count({ where: { slug: parsed.data } })) > 0;
});
