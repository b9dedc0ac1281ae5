import Link from "next/link";
import type { TPairGroup, TStatementView } from "@/lib/queries/article-cards";
import { RelationBadge } from "@/components/ui/relation-badge";
import { SpeakerName } from "@/components/ui/speaker-name";
import { formatSeenIn } from "@/lib/seen-in";

function Quote({ statement, articleSlug }: { statement: TStatementView; articleSlug: string }) {
  const here = statement.article.slug === articleSlug;
  const words = statement.mode === "direct" ? `“${statement.text}”` : statement.text;
  return (
    <div className="min-w-0 space-y-1">
      <SpeakerName speaker={statement.speaker} />
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        {here ? (
          <a href={`#s-${statement.id}`} className="underline decoration-zinc-400 underline-offset-2 hover:decoration-current">
            {words}
          </a>
        ) : (
          words
        )}
      </p>
      {!here ? (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          in{" "}
          <Link href={`/articles/${statement.article.slug}`} className="underline underline-offset-2">
            {statement.article.title}
          </Link>
        </p>
      ) : null}
      {statement.seenIn > 1 ? <p className="text-xs text-zinc-700 dark:text-zinc-300">Seen in {formatSeenIn(statement.seenIn)} articles</p> : null}
    </div>
  );
}

/** Claim → response pairs; quotes in this article link to their highlight in the text. */
export function ArticlePairs({ pairs, articleSlug }: { pairs: TPairGroup[]; articleSlug: string }) {
  if (pairs.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">No claim and response pairs found in this article.</p>;
  return (
    <ol className="space-y-5" data-testid="article-pairs">
      {pairs.map((group) => (
        <li key={group.claim.id} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" data-testid="pair-group">
          <p className="text-xs font-semibold uppercase tracking-wide text-zinc-700 dark:text-zinc-300">Claim</p>
          <Quote statement={group.claim} articleSlug={articleSlug} />
          <ul className="space-y-3 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700" aria-label="Responses">
            {group.responses.map((response) => (
              <li key={response.pairId} className="space-y-1" data-testid="response">
                <RelationBadge relation={response.relation} />
                <Quote statement={response.statement} articleSlug={articleSlug} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
