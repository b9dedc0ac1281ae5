// The share image: headline plus the main claim and its first response, drawn from fonts and emoji
// shipped in node_modules (lib/share-image), so it renders the same with no network at all.
import { getArticleBySlug, summarizeForShare } from "@/lib/queries/articles";
import { ZPathSlug } from "@/lib/queries/exists";
import { SHARE_IMAGE_SIZE, renderShareImage } from "@/lib/share-image/render-share-image";

export const alt = "Counterpoint: a claim and the response to it";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = ZPathSlug.safeParse((await params).slug);
  const article = parsed.success ? await getArticleBySlug(parsed.data) : null;
  // proxy.ts answers 404 for an unknown or hidden article's image, as for its permalink
  // (lib/routing/missing-page.ts); null here means the row vanished in between.
  if (!article) return new Response("Article not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const png = await renderShareImage({ title: article.title, ...summarizeForShare(article) });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" } });
}
