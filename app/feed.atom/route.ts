// The filtered timeline as a feed: same query parameters as the timeline page.
import { errorResponse } from "@/lib/api/app-error";
import { respondWithFeed } from "@/lib/feeds-out";

export async function GET(request: Request): Promise<Response> {
  try {
    return await respondWithFeed(request, "atom");
  } catch (error) {
    return errorResponse(error);
  }
}
