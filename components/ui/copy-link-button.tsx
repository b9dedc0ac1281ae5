"use client";

import { useState } from "react";

/** Copies the given URL (or the current page's) and says so in a live region. */
export function CopyLinkButton({ url, label = "Copy link" }: { url?: string; label?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    const target = url ?? window.location.href;
    try {
      await navigator.clipboard.writeText(target);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 2500);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
        {status === "copied" ? "Link copied" : status === "failed" ? "Could not copy; use the address bar" : ""}
      </span>
    </span>
  );
}
