"use client";

// The card's first pairs, and a button that loads the rest in place (the server renders them, see
// load-card-pairs.tsx). Focus moves to the first pair that was not shown before, so a keyboard or
// screen-reader user lands where the new content starts.
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { loadCardPairs } from "@/components/timeline/load-card-pairs";

export function MorePairs({ articleId, articleSlug, shown, label, children }: { articleId: number; articleSlug: string; shown: number; label: string; children: ReactNode }) {
  const [groups, setGroups] = useState<ReactNode[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!groups) return;
    const all = list.current?.querySelectorAll<HTMLElement>('[data-testid="pair-group"]');
    const first = all?.[Math.min(shown, all.length - 1)];
    if (!first) return;
    first.tabIndex = -1;
    first.focus();
  }, [groups, shown]);

  function load() {
    setFailure(null);
    startTransition(async () => {
      try {
        const result = await loadCardPairs(articleId);
        if ("error" in result) setFailure(result.error);
        else setGroups(result.groups);
      } catch {
        setFailure("The pairs could not be loaded.");
      }
    });
  }

  return (
    <div ref={list} className="space-y-5">
      {groups ?? children}
      {groups ? null : (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <button
            type="button"
            onClick={load}
            disabled={pending}
            aria-describedby={failure ? `pairs-${articleId}-failure` : undefined}
            className="rounded-md border border-zinc-400 px-2 py-1 font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-70 dark:border-zinc-500 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            {pending ? "Loading…" : label}
          </button>
          <span role="status" id={`pairs-${articleId}-failure`}>
            {failure ? (
              <>
                {failure}{" "}
                <Link href={`/articles/${articleSlug}`} className="underline underline-offset-2">
                  Read them on the article page
                </Link>
              </>
            ) : null}
          </span>
        </p>
      )}
    </div>
  );
}
