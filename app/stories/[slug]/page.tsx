// A story: every article about the event, with the quotes several of them repeat.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZPathSlug } from "@/lib/queries/exists";
import { getCachedStory } from "@/lib/cache/cached-queries";
import { ArticleCard } from "@/components/timeline/article-card";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { Time } from "@/components/ui/format-time";
import { publicationSpan } from "@/lib/article-dates";

type TParams = Promise<{ slug: string }>;

async function loadStory(params: TParams) {
  const parsed = ZPathSlug.safeParse((await params).slug);
  return parsed.success ? getCachedStory(parsed.data) : null;
}

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const story = await loadStory(params);
  if (!story) return { title: "Story not found" };
  const description = `${story.articles.length} articles: claims and responses.`;
  return { title: story.title, description, alternates: { canonical: `/stories/${story.slug}` }, openGraph: { title: story.title, description } };
}

export default async function StoryPage({ params }: { params: TParams }) {
  const story = await loadStory(params);
  if (!story) notFound();
  // Only stated dates make the span; undated articles are counted, never dated by when they were added.
  const span = publicationSpan(story.articles);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm"><Link href="/" className="underline underline-offset-2">Timeline</Link></nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{story.title}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {story.articles.length} {story.articles.length === 1 ? "article" : "articles"}
          {span.first && span.last ? (
            <>
              , <Time date={span.first} /> – <Time date={span.last} />
            </>
          ) : null}
          {span.undated > 0 ? <span data-testid="story-undated">, {span.undated === story.articles.length ? "date unknown" : `${span.undated} with date unknown`}</span> : null}
        </p>
        <CopyLinkButton />
      </header>
      {story.repeatedQuotes.length > 0 ? (
        <section aria-labelledby="repeated-heading" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="repeated-heading" className="text-lg font-semibold">Reported by several articles</h2>
          <ul className="space-y-2">
            {story.repeatedQuotes.map((q) => (
              <li key={q.text} className="text-sm">
                <span className="font-semibold">{q.speaker ?? "Unattributed"}</span>: “{q.text}”{" "}
                <span className="text-zinc-700 dark:text-zinc-300">— in {q.articleCount} articles</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="story-articles" className="space-y-4">
        <h2 id="story-articles" className="text-lg font-semibold">Articles</h2>
        {story.articles.map((card) => (
          <ArticleCard key={card.id} card={card} headingLevel={3} />
        ))}
      </section>
    </div>
  );
}
