import type { TPairGroup } from "@/lib/queries/article-cards";
import { RelationBadge } from "@/components/ui/relation-badge";
import { StatementQuote } from "@/components/timeline/statement-quote";

/** A claim and, indented under it, each response with its relation badge (the first `maxResponses` when given). */
export function PairGroupView({ group, articleSlug, maxResponses }: { group: TPairGroup; articleSlug: string; maxResponses?: number }) {
  return (
    <div className="space-y-3" data-testid="pair-group">
      <StatementQuote statement={group.claim} showSource={group.claim.article.slug !== articleSlug} />
      <ul className="responses" aria-label="Responses">
        {group.responses.slice(0, maxResponses).map((response) => (
          <li key={response.pairId} className="space-y-1" data-testid="response">
            <RelationBadge relation={response.relation} />
            <StatementQuote statement={response.statement} showSource={response.statement.article.slug !== articleSlug} />
          </li>
        ))}
      </ul>
    </div>
  );
}
