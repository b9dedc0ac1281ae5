// Answers 404 for an unknown slug before the page's loading skeleton streams (see lib/queries/exists.ts).
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { storyExists } from "@/lib/queries/exists";

export default async function StoryLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  if (!(await storyExists((await params).slug))) notFound();
  return children;
}
