// The share image: headline plus the main claim and its first response, drawn from fonts and emoji
// shipped in node_modules (lib/share-image), so it renders the same with no network at all.
import { getArticleBySlug, summarizeForShare } from "@/lib/queries/articles";
import { SHARE_IMAGE_SIZE, renderShareImage } from "@/lib/share-image/render-share-image";

export const alt = "Counterpoint: a claim and the response to it";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = /^[a-z0-9-]{1,200}$/.test(slug) ? await getArticleBySlug(slug) : null;
  const share = article ? summarizeForShare(article) : { claim: null, response: null };
  const png = await renderShareImage({ title: article?.title ?? "Article not found", ...share });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" } });
}
