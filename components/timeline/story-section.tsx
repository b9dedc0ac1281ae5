import Link from "next/link";
import type { TTimelineStory } from "@/lib/queries/timeline";
import { ArticleCard } from "@/components/timeline/article-card";

export function StorySection({ story }: { story: TTimelineStory }) {
  const hidden = story.articleCount - story.articles.length;
  return (
    <section aria-labelledby={`story-${story.id}`} className="space-y-3" data-testid="story">
      <h3 id={`story-${story.id}`} className="text-base font-semibold text-zinc-800 dark:text-zinc-200">
        <span className="sr-only">Story: </span>
        <Link href={`/stories/${story.slug}`} className="underline-offset-2 hover:underline">
          {story.title}
        </Link>{" "}
        <span className="ml-1 text-sm font-normal text-zinc-700 dark:text-zinc-300">
          {story.articleCount} {story.articleCount === 1 ? "article" : "articles"}
        </span>
      </h3>
      <div className="space-y-4">
        {story.articles.map((card) => (
          <ArticleCard key={card.id} card={card} />
        ))}
      </div>
      {hidden > 0 ? (
        <p className="text-sm">
          <Link href={`/stories/${story.slug}`} className="underline underline-offset-2">
            {hidden} more {hidden === 1 ? "article" : "articles"} in this story
          </Link>
        </p>
      ) : null}
    </section>
  );
}
