import Link from "next/link";
import type { TArticleCard } from "@/lib/queries/article-cards";
import { ArticleDate, Time } from "@/components/ui/format-time";
import { PairGroupView } from "@/components/timeline/pair-group-view";
import { MorePairs } from "@/components/timeline/more-pairs";
import { loadCardPairs } from "@/components/timeline/load-pairs";
import { StatementQuote } from "@/components/timeline/statement-quote";

// Enough to see the dispute at a glance; the rest load on demand, and the permalink has them all.
const CLAIMS_PER_CARD = 2;

/** A card on the timeline or a story page: its first claims, the rest on demand (the permalink shows every pair). */
export function ArticleCard({ card, headingLevel = 4 }: { card: TArticleCard; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const source = card.outlet?.name ?? (card.kind === "comment" ? `Comment${card.author ? ` by ${card.author}` : ""}` : "Unknown outlet");
  return (
    <article
      className="card"
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
        <CardPairs card={card} />
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

// A shown claim keeps its first responses; any beyond them come with the rest of the card's pairs.
const RESPONSES_PER_CLAIM = 2;

const plural = (n: number, one: string, many: string) => `${n} more ${n === 1 ? one : many}`;

/** The card's first pairs, and a control that loads the others when there are more. */
function CardPairs({ card }: { card: TArticleCard }) {
  const shown = card.pairs.slice(0, CLAIMS_PER_CARD);
  const hiddenClaims = card.pairs.length - shown.length;
  const hiddenResponses = shown.reduce((sum, group) => sum + Math.max(0, group.responses.length - RESPONSES_PER_CLAIM), 0);
  const groups = shown.map((group) => <PairGroupView key={group.claim.id} group={group} articleSlug={card.slug} maxResponses={RESPONSES_PER_CLAIM} />);
  if (hiddenClaims === 0 && hiddenResponses === 0) return <div className="space-y-5">{groups}</div>;
  const label = hiddenClaims > 0 ? `Show ${plural(hiddenClaims, "claim", "claims")} with responses` : `Show ${plural(hiddenResponses, "response", "responses")}`;
  return (
    <MorePairs load={loadCardPairs.bind(null, card.id)} shown={hiddenClaims > 0 ? shown.length : 0} label={label} fallbackHref={`/articles/${card.slug}`}>
      {groups}
    </MorePairs>
  );
}
