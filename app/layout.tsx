import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getSiteOrigin } from "@/lib/site-url";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await getSiteOrigin()),
    title: { default: "Counterpoint", template: "%s · Counterpoint" },
    description: "Who claimed what in the news, and who answered whom.",
    applicationName: "Counterpoint",
    manifest: "/manifest.webmanifest",
    icons: { apple: "/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

const navLink = "rounded px-2 py-1 text-sm font-medium text-zinc-800 hover:bg-zinc-200 dark:text-zinc-200 dark:hover:bg-zinc-800";

// Every page carries a fresh CSP nonce (proxy.ts), so none may come from a prerendered shell:
// the whole route renders per request, and "use cache" keeps the expensive parts (lib/cache).
export const instant = false;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight">
              Counter<span className="text-sky-800 dark:text-sky-300">point</span>
            </Link>
            <nav aria-label="Main">
              <ul className="flex items-center gap-1">
                <li><Link href="/" className={navLink}>Timeline</Link></li>
                <li><a href="/feed.xml" className={navLink}>RSS</a></li>
                <li><Link href="/admin" className={navLink} prefetch={false}>Admin</Link></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="mx-auto max-w-7xl px-4 py-8 text-sm text-zinc-700 dark:text-zinc-300">
          Counterpoint — statements and responses found automatically in news text; check the source before quoting.
        </footer>
      </body>
    </html>
  );
}
