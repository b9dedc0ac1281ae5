// Answers 404 for a code that is not a country before the page's loading skeleton streams.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ZCountryFilter } from "@/lib/filters";

export default async function CountryLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  if (!ZCountryFilter.safeParse((await params).code).success) notFound();
  return children;
}
