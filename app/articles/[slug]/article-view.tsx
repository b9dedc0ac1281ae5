// The reader's permalink, rendered once per article and kept in the "use cache" store until a
// change to the article, its story or a statement or speaker it shows expires it (lib/cache).
// What only an admin sees comes in as `children` and is never part of the cached render.
import Link from "next/link";
import type { ReactNode } from "react";
import { getCachedArticle } from "@/lib/cache/cached-queries";
import { cacheContent } from "@/lib/cache/content-tags";
import { ArticlePairs } from "@/components/article/article-pairs";
import { HighlightedText, HighlightLegend } from "@/components/article/highlighted-text";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { CountryTag } from "@/components/ui/country-tag";
import { ArticleDate } from "@/components/ui/format-time";
import { SpeakerName } from "@/components/ui/speaker-name";
import { ReviewMark } from "@/components/review/review-mark";

export async function ArticleView({ slug, children }: { slug: string; children?: ReactNode }) {
  "use cache";
  // The tags come from getCachedArticle's own cached scope; this only sets the lifetime.
  cacheContent([]);
  const article = await getCachedArticle(slug);
  if (!article) return null;
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
      {children}
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
