// Every claim → response group of one visible article, for the card's "show more" control: the
// timeline and story cards send only their first pairs with the page and load the rest on demand.
import "server-only";
import { getDb } from "@/lib/db";
import { loadArticleCards, type TPairGroup } from "@/lib/queries/article-cards";

/** Null when no visible article has this id (a hidden article's pairs stay hidden here too). */
export async function listCardPairs(articleId: number): Promise<{ articleSlug: string; pairs: TPairGroup[] } | null> {
  const visible = await getDb().article.findFirst({ where: { id: articleId, hiddenAt: null }, select: { id: true } });
  if (!visible) return null;
  const [card] = await loadArticleCards([visible.id]);
  return card ? { articleSlug: card.slug, pairs: card.pairs } : null;
}
