// An article's permalink: the text with statements highlighted, its pairs beside it, and
// metadata (canonical URL, OpenGraph, Twitter card) so a pasted link previews well.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZPathSlug } from "@/lib/queries/exists";
import { getArticleBySlug, summarizeForShare } from "@/lib/queries/articles";
import { getSiteOrigin } from "@/lib/site-url";
import { ArticlePairs } from "@/components/article/article-pairs";
import { HighlightedText, HighlightLegend } from "@/components/article/highlighted-text";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { CountryTag } from "@/components/ui/country-tag";
import { ArticleDate } from "@/components/ui/format-time";
import { SpeakerName } from "@/components/ui/speaker-name";
import { ReviewMark } from "@/components/review/review-mark";
import { ReviewPanel } from "@/components/review/review-panel";
import { isAdmin } from "@/lib/auth/require-admin";
import { getArticleReview } from "@/lib/queries/article-review";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

type TParams = Promise<{ slug: string }>;

async function loadArticle(params: TParams) {
  const parsed = ZPathSlug.safeParse((await params).slug);
  return parsed.success ? getArticleBySlug(parsed.data) : null;
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
  if (!article) notFound();
  const admin = await isAdmin();
  // An article an editor hid is gone for readers; the admin still reaches it to show it again.
  if (article.review.hidden && !admin) notFound();
  const query = await searchParams;
  const notice = admin ? firstOf(query.notice) : undefined;
  const problem = admin ? firstOf(query.error) : undefined;
  const review = admin ? await getArticleReview(article.id, article.story.id) : null;
  const source = article.outlet?.name ?? (article.kind === "comment" ? `Comment${article.author ? ` by ${article.author}` : ""}` : null);
  return (
    <article className="space-y-6" aria-labelledby="article-title">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-700 dark:text-zinc-300">
        <ol className="flex flex-wrap gap-1">
          <li><Link href="/" className="underline underline-offset-2">Timeline</Link><span aria-hidden="true"> / </span></li>
          <li><Link href={`/stories/${article.story.slug}`} className="underline underline-offset-2">{article.story.title}</Link></li>
        </ol>
      </nav>
      <header className="space-y-3">
        <h1 id="article-title" className="text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{article.title}</h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
          {source ? <span className="font-medium">{source}</span> : null}
          {source ? <span aria-hidden="true">·</span> : null}
          <ArticleDate publishedAt={article.publishedAt} ingestedAt={article.ingestedAt} />
          {article.author && article.kind !== "comment" ? <span>by {article.author}</span> : null}
          {article.sourceUrl ? (
            <>
              <span aria-hidden="true">·</span>
              <a href={article.sourceUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline underline-offset-2">
                Original source<span className="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          ) : null}
        </p>
        <ReviewMark review={article.review} />
        {article.textNote ? (
          <p data-testid="text-note" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {article.textNote}
          </p>
        ) : null}
        <CopyLinkButton label="Copy link to this article" />
      </header>
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

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="text-heading" className="min-w-0 space-y-4">
          <h2 id="text-heading" className="sr-only">Article text</h2>
          <HighlightLegend />
          <HighlightedText text={article.text} highlights={article.highlights} />
        </section>
        <aside aria-label="Claims, speakers and countries" className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <section aria-labelledby="pairs-heading" className="space-y-3">
            <h2 id="pairs-heading" className="text-lg font-semibold">Claims and responses</h2>
            <ArticlePairs pairs={article.pairs} articleSlug={article.slug} />
          </section>
          {article.speakers.length > 0 ? (
            <section aria-labelledby="speakers-heading" className="space-y-2">
              <h2 id="speakers-heading" className="text-lg font-semibold">Speakers</h2>
              <ul className="space-y-1.5">
                {article.speakers.map((speaker) => (
                  <li key={speaker.slug}><SpeakerName speaker={speaker} /></li>
                ))}
              </ul>
            </section>
          ) : null}
          {article.countries.length > 0 ? (
            <section aria-labelledby="countries-heading" className="space-y-2">
              <h2 id="countries-heading" className="text-lg font-semibold">Countries mentioned</h2>
              <ul className="flex flex-wrap gap-1.5">
                {article.countries.map((country) => (
                  <li key={country.code}><CountryTag code={country.code} link /></li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>

      {article.storyArticles.length > 0 ? (
        <section aria-labelledby="story-heading" className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="story-heading" className="text-lg font-semibold">More in this story</h2>
          <ul className="space-y-2">
            {article.storyArticles.map((other) => (
              <li key={other.slug} className="text-sm">
                <Link href={`/articles/${other.slug}`} className="font-medium underline underline-offset-2">{other.title}</Link>
                <span className="text-zinc-700 dark:text-zinc-300">
                  {" "}— {other.outlet?.name ?? (other.kind === "comment" ? `comment${other.author ? ` by ${other.author}` : ""}` : "unknown outlet")}, <ArticleDate publishedAt={other.publishedAt} ingestedAt={other.ingestedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
