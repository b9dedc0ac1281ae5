// Whether an article's permalink may be shown, read before the page renders (lib/routing/missing-page.ts).
// An article an editor hid is gone for readers; a signed-in admin still reaches it to show it again.
import { getDb } from "@/lib/db";
import { ZPathSlug } from "@/lib/queries/exists";

export type TArticleVisibility = "shown" | "hidden" | "missing";

export async function findArticleVisibility(slug: string): Promise<TArticleVisibility> {
  const parsed = ZPathSlug.safeParse(slug);
  if (!parsed.success) return "missing";
  const article = await getDb().article.findUnique({ where: { slug: parsed.data }, select: { hiddenAt: true } });
  if (!article) return "missing";
  return article.hiddenAt === null ? "shown" : "hidden";
}
