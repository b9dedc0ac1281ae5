"use client";

// A list's first pairs, and a button that loads the whole list in place (rendered on the server by
// a server action, see load-pairs.tsx). Focus moves to the first pair that was not shown before,
// so a keyboard or screen-reader user lands where the new content starts.
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import type { TPairsResult } from "@/components/timeline/load-pairs";

export function MorePairs({
  as: List = "div",
  load,
  shown,
  label,
  fallbackHref,
  children,
}: {
  /** The list's element: "ul" when `children` (and the loaded pairs) are list items. */
  as?: "div" | "ul";
  /** A server action returning every pair of the list, rendered. */
  load: () => Promise<TPairsResult>;
  /** How many of the list's pairs `children` already shows in full. */
  shown: number;
  label: string;
  /** Where the same pairs can be read if loading fails. */
  fallbackHref: string;
  children: ReactNode;
}) {
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

  function loadAll() {
    setFailure(null);
    startTransition(async () => {
      try {
        const result = await load();
        if ("error" in result) setFailure(result.error);
        else setGroups(result.groups);
      } catch {
        setFailure("The pairs could not be loaded.");
      }
    });
  }

  return (
    <div ref={list} className="space-y-5">
      <List className="space-y-5">{groups ?? children}</List>
      {groups ? null : (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <button
            type="button"
            onClick={loadAll}
            disabled={pending}
            className="rounded-md border border-zinc-400 px-2 py-1 font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-70 dark:border-zinc-500 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            {pending ? "Loading…" : label}
          </button>
          <span role="status">
            {failure ? (
              <>
                {failure}{" "}
                <Link href={fallbackHref} className="underline underline-offset-2">
                  Read them here instead
                </Link>
              </>
            ) : null}
          </span>
        </p>
      )}
    </div>
  );
}
