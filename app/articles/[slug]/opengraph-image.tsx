// The share image: headline plus the main claim and its first response. Rendered by next/og with
// its bundled font, so it makes no network requests.
import { ImageResponse } from "next/og";
import { getArticleBySlug, summarizeForShare } from "@/lib/queries/articles";

export const alt = "Counterpoint: a claim and the response to it";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = /^[a-z0-9-]{1,200}$/.test(slug) ? await getArticleBySlug(slug) : null;
  const share = article ? summarizeForShare(article) : { claim: null, response: null };
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#0f172a", color: "#f8fafc", padding: 56, fontSize: 28 }}>
        <div style={{ display: "flex", fontSize: 26, color: "#7dd3fc", marginBottom: 20 }}>Counterpoint</div>
        <div style={{ display: "flex", fontSize: 46, fontWeight: 700, lineHeight: 1.15, marginBottom: 28 }}>
          {clip(article?.title ?? "Article not found", 110)}
        </div>
        {share.claim ? (
          <div style={{ display: "flex", flexDirection: "column", borderLeft: "8px solid #fbbf24", paddingLeft: 20, marginBottom: 22 }}>
            <div style={{ display: "flex", color: "#fcd34d", fontSize: 24 }}>{share.claim.speaker} claimed</div>
            <div style={{ display: "flex", fontSize: 30 }}>“{clip(share.claim.text, 150)}”</div>
          </div>
        ) : null}
        {share.response ? (
          <div style={{ display: "flex", flexDirection: "column", borderLeft: "8px solid #38bdf8", paddingLeft: 20 }}>
            <div style={{ display: "flex", color: "#7dd3fc", fontSize: 24 }}>
              {share.response.speaker} {share.response.relation}
            </div>
            <div style={{ display: "flex", fontSize: 30 }}>“{clip(share.response.text, 150)}”</div>
          </div>
        ) : null}
      </div>
    ),
    size,
  );
}
