import Link from "next/link";
import type { TStatementView } from "@/lib/queries/article-cards";
import { SpeakerName } from "@/components/ui/speaker-name";
import { formatSeenIn } from "@/lib/seen-in";

/** A speaker line and their words; direct quotes keep quotation marks, reported speech does not. */
export function StatementQuote({ statement, showSource = false }: { statement: TStatementView; showSource?: boolean }) {
  const words = statement.mode === "direct" ? `“${statement.text}”` : statement.text;
  return (
    <div className="min-w-0 space-y-1">
      <SpeakerName speaker={statement.speaker} />
      <blockquote
        className={`quote ${statement.mode === "direct" ? "quote-direct" : "quote-reported"}`}
      >
        <p>
          {statement.mode === "direct" ? null : <span className="sr-only">Reported: </span>}
          {words}
        </p>
      </blockquote>
      <p className="quote-meta">
        {statement.seenIn > 1 ? <span data-testid="seen-in">Seen in {formatSeenIn(statement.seenIn)} articles</span> : null}
        {showSource ? (
          <span>
            in{" "}
            <Link href={`/articles/${statement.article.slug}`} className="underline underline-offset-2">
              {statement.article.title}
            </Link>
          </span>
        ) : null}
      </p>
    </div>
  );
}
