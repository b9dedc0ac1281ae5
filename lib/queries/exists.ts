// Cheap existence checks that run in a route's layout, before its loading skeleton starts
// streaming, so an unknown permalink answers HTTP 404 rather than a 200 "not found" page.
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
