import type { Relation } from "@/lib/generated/prisma/client";

// Each relation differs in word, symbol and border style as well as colour.
const STYLES: Record<Relation, { label: string; symbol: string; className: string }> = {
  rebuts: {
    label: "Rebuts",
    symbol: "✕",
    className: "border-2 border-red-700 bg-red-50 text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200",
  },
  supports: {
    label: "Supports",
    symbol: "✓",
    className: "border-2 border-dashed border-emerald-700 bg-emerald-50 text-emerald-800 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-200",
  },
  responds: {
    label: "Responds",
    symbol: "↩",
    className: "border border-dotted border-sky-700 bg-sky-50 text-sky-800 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-200",
  },
};

export function RelationBadge({ relation }: { relation: Relation }) {
  const style = STYLES[relation];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${style.className}`}
      data-relation={relation}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {style.label}
    </span>
  );
}
