// Unknown slugs get their real 404 from proxy.ts (lib/routing/missing-page.ts); this check catches what vanished since.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ZCountryFilter } from "@/lib/filters";

export default async function CountryLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  if (!ZCountryFilter.safeParse((await params).code).success) notFound();
  return children;
}
