import type { Relation } from "@/lib/generated/prisma/client";

// Each relation differs in word, symbol and border style as well as colour (the styles are keyed
// by data-relation in globals.css).
const LABELS: Record<Relation, { label: string; symbol: string }> = {
  rebuts: { label: "Rebuts", symbol: "✕" },
  supports: { label: "Supports", symbol: "✓" },
  responds: { label: "Responds", symbol: "↩" },
};

export function RelationBadge({ relation }: { relation: Relation }) {
  const { label, symbol } = LABELS[relation];
  return (
    <span className="relation-badge" data-relation={relation}>
      <span aria-hidden="true">{symbol}</span>
      {label}
    </span>
  );
}
