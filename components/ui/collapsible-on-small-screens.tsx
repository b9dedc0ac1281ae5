"use client";

// On phones and tablets the filter panel starts folded behind one button, so the timeline is
// the first thing on screen; from the two-column layout up it is always open.
import { useState, type ReactNode } from "react";

export function CollapsibleOnSmallScreens({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="w-full rounded-md border border-zinc-400 px-3 py-2 text-left font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 lg:hidden dark:border-zinc-600"
      >
        {open ? "Hide filters" : label}
      </button>
      <div id={id} className={open ? "mt-4 block" : "hidden lg:block"}>
        {children}
      </div>
    </div>
  );
}
