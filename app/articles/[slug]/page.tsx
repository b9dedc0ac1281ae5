// An article's permalink: the text with statements highlighted, its pairs beside it, and
// metadata (canonical URL, OpenGraph, Twitter card) so a pasted link previews well.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZPathSlug } from "@/lib/queries/exists";
import { summarizeForShare } from "@/lib/queries/articles";
import { getCachedArticle } from "@/lib/cache/cached-queries";
import { getSiteOrigin } from "@/lib/site-url";
import { ReviewPanel } from "@/components/review/review-panel";
import { ArticleView } from "./article-view";
import { isAdmin } from "@/lib/auth/require-admin";
import { getArticleReview } from "@/lib/queries/article-review";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

type TParams = Promise<{ slug: string }>;

async function loadArticle(params: TParams) {
  const parsed = ZPathSlug.safeParse((await params).slug);
  return parsed.success ? getCachedArticle(parsed.data) : null;
}

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const article = await loadArticle(params);
  if (!article) return { title: "Article not found" };
  const share = summarizeForShare(article);
  const description =
    article.description ??
    (share.claim
      ? `${share.claim.speaker}: “${clip(share.claim.text, 140)}”${share.response ? ` — ${share.response.speaker} ${share.response.relation}` : ""}`
      : clip(article.text, 160));
  const origin = await getSiteOrigin();
  const url = `${origin}/articles/${article.slug}`;
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description,
      siteName: "Counterpoint",
      // No date stated: no publishedTime, rather than the time it was added here.
      ...(article.publishedAt ? { publishedTime: article.publishedAt.toISOString() } : {}),
    },
    twitter: { card: "summary_large_image", title: article.title, description },
  };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 500);

export default async function ArticlePage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const article = await loadArticle(params);
  // proxy.ts already answered 404 for an unknown slug, or a hidden article to a reader
  // (lib/routing/missing-page.ts); null here means the row vanished in between.
  if (!article) notFound();
  const admin = await isAdmin();
  const query = await searchParams;
  const notice = admin ? firstOf(query.notice) : undefined;
  const problem = admin ? firstOf(query.error) : undefined;
  const review = admin ? await getArticleReview(article.id, article.story.id) : null;
  return (
    <ArticleView slug={article.slug}>
      <div id="review-status">
        {notice ? <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{notice}</p> : null}
        {problem ? <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">{problem}</p> : null}
      </div>
      {review ? (
        <ReviewPanel
          article={{ id: article.id, slug: article.slug, text: article.text, title: article.title, outlet: article.outlet?.name ?? null, publishedAt: article.publishedAt }}
          review={review}
        />
      ) : null}
    </ArticleView>
  );
}
