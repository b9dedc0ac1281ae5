// Unknown slugs get their real 404 from proxy.ts (lib/routing/missing-page.ts); this check catches what vanished since.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { articleExists } from "@/lib/queries/exists";

export default async function ArticleLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  if (!(await articleExists((await params).slug))) notFound();
  return children;
}
