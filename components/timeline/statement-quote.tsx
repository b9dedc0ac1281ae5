import Link from "next/link";
import type { TStatementView } from "@/lib/queries/article-cards";
import { SpeakerName } from "@/components/ui/speaker-name";

/** A speaker line and their words; direct quotes keep quotation marks, reported speech does not. */
export function StatementQuote({ statement, showSource = false }: { statement: TStatementView; showSource?: boolean }) {
  const words = statement.mode === "direct" ? `“${statement.text}”` : statement.text;
  return (
    <div className="min-w-0 space-y-1">
      <SpeakerName speaker={statement.speaker} />
      <blockquote
        className={`border-l-4 pl-3 text-zinc-800 dark:text-zinc-200 ${
          statement.mode === "direct" ? "border-zinc-400 font-serif text-base dark:border-zinc-500" : "border-zinc-300 text-sm italic dark:border-zinc-700"
        }`}
      >
        <p>
          {statement.mode === "direct" ? null : <span className="sr-only">Reported: </span>}
          {words}
        </p>
      </blockquote>
      <p className="flex flex-wrap gap-x-3 text-xs text-zinc-700 dark:text-zinc-300">
        {statement.seenIn > 1 ? <span data-testid="seen-in">Seen in {statement.seenIn} articles</span> : null}
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
