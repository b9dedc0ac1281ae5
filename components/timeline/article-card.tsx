import Link from "next/link";
import type { TArticleCard } from "@/lib/queries/article-cards";
import { ArticleDate, Time } from "@/components/ui/format-time";
import { PairGroupView } from "@/components/timeline/pair-group-view";
import { StatementQuote } from "@/components/timeline/statement-quote";

/** `maxClaims` keeps a timeline card short; the permalink always shows every pair. */
export function ArticleCard({ card, headingLevel = 4, maxClaims }: { card: TArticleCard; headingLevel?: 3 | 4; maxClaims?: number }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const source = card.outlet?.name ?? (card.kind === "comment" ? `Comment${card.author ? ` by ${card.author}` : ""}` : "Unknown outlet");
  return (
    <article
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      aria-labelledby={`article-${card.id}-title`}
      data-testid="article-card"
    >
      <header className="space-y-1">
        <p className="flex flex-wrap items-center gap-x-2 text-sm text-zinc-700 dark:text-zinc-300">
          {card.outlet ? (
            <Link href={`/?outlet=${card.outlet.slug}`} className="font-medium underline-offset-2 hover:underline">
              {source}
            </Link>
          ) : (
            <span className="font-medium">{source}</span>
          )}
          <span aria-hidden="true">·</span>
          <ArticleDate publishedAt={card.publishedAt} ingestedAt={card.ingestedAt} />
          {card.review.state === "reviewed" ? (
            <span data-testid="card-review-mark" className="rounded-full border border-emerald-800 px-2 text-xs font-semibold text-emerald-900 dark:text-emerald-100">
              ✓ Reviewed{card.review.at ? <>, <Time date={card.review.at} /></> : null}
            </span>
          ) : card.review.state === "disputed" ? (
            <span data-testid="card-review-mark" className="rounded-full border border-amber-800 px-2 text-xs font-semibold text-amber-950 dark:text-amber-100">
              Disputed
            </span>
          ) : null}
        </p>
        <Heading id={`article-${card.id}-title`} className="text-lg font-semibold leading-snug">
          <Link href={`/articles/${card.slug}`} className="underline-offset-2 hover:underline">
            {card.title}
          </Link>
        </Heading>
      </header>
      {card.pairs.length > 0 ? (
        <div className="space-y-5">
          {card.pairs.slice(0, maxClaims).map((group) => (
            <PairGroupView key={group.claim.id} group={group} articleSlug={card.slug} />
          ))}
          {maxClaims !== undefined && card.pairs.length > maxClaims ? (
            <p className="text-sm">
              <Link href={`/articles/${card.slug}`} className="underline underline-offset-2">
                {card.pairs.length - maxClaims} more {card.pairs.length - maxClaims === 1 ? "claim" : "claims"} with responses in this article
              </Link>
            </p>
          ) : null}
        </div>
      ) : card.keyClaims.length > 0 ? (
        <section aria-label="Key claims" className="space-y-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-zinc-700 dark:text-zinc-300">Key claims</p>
          {card.keyClaims.map((statement) => (
            <StatementQuote key={statement.id} statement={statement} />
          ))}
        </section>
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">No statements found in this article.</p>
      )}
    </article>
  );
}
