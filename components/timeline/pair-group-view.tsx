import type { TPairGroup } from "@/lib/queries/article-cards";
import { RelationBadge } from "@/components/ui/relation-badge";
import { StatementQuote } from "@/components/timeline/statement-quote";

/** A claim and, indented under it, each response with its relation badge. */
export function PairGroupView({ group, articleSlug }: { group: TPairGroup; articleSlug: string }) {
  return (
    <div className="space-y-3" data-testid="pair-group">
      <StatementQuote statement={group.claim} showSource={group.claim.article.slug !== articleSlug} />
      <ul className="space-y-3 border-l-2 border-zinc-200 pl-3 sm:ml-4 sm:pl-4 dark:border-zinc-700" aria-label="Responses">
        {group.responses.map((response) => (
          <li key={response.pairId} className="space-y-1" data-testid="response">
            <RelationBadge relation={response.relation} />
            <StatementQuote statement={response.statement} showSource={response.statement.article.slug !== articleSlug} />
          </li>
        ))}
      </ul>
    </div>
  );
}
