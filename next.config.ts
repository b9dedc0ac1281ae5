import path from "node:path";
import type { NextConfig } from "next";
import { MAX_ACTION_BODY_BYTES } from "./lib/admin-upload-limits";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // "use cache" with tags (lib/cache/*): rendered views are kept until a content change expires
  // them. The store is bounded by CACHE_MAX_MEMORY_MB (default 128) and imported by Next at run
  // time, unbundled, from the project directory.
  cacheComponents: true,
  cacheHandlers: { default: path.resolve("lib/cache/cache-handler.mjs") },
  // Every page renders per request (the root layout waits for the request: CSP nonce), so there is
  // no static app shell for links to prefetch; links keep Cache Components' first behaviour.
  partialPrefetching: false,
  // Server-only packages that must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@prisma/adapter-pg", "linkedom", "@mozilla/readability", "sanitize-html", "rss-parser", "satori", "@resvg/resvg-wasm"],
  // The share image reads its fonts, emoji pictures and renderer from node_modules at run time.
  outputFileTracingIncludes: {
    "/articles/**": [
      "./node_modules/@fontsource/noto-sans*/{400,700}.css",
      "./node_modules/@fontsource/noto-sans*/files/*-{400,700}-normal.woff2",
      "./node_modules/@twemoji/svg/*.svg",
      "./node_modules/@resvg/resvg-wasm/index_bg.wasm",
    ],
  },
  experimental: {
    // The admin paste form takes a .txt file of up to 8 MB (Next's default is 1 MB); proxy.ts
    // refuses bigger posts with a clear message before they get here.
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
    proxyClientMaxBodySize: MAX_ACTION_BODY_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
