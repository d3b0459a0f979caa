// GET /api/images/{sha256}: a stored sample image, or with ?preview=1 its WebP
// preview. The address is the content's hash, so the answer never changes.
import { errorResponse, handle } from "@/lib/server/http";
import { getImage } from "@/lib/server/runs";

type Context = { params: Promise<{ hash: string }> };

export async function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const { hash } = await params;
    const preview = new URL(request.url).searchParams.get("preview") === "1";
    const image = await getImage(hash, preview);
    if (!image) return errorResponse(404, "No image with that hash.");
    return new Response(image.bytes, {
      headers: {
        "Content-Type": image.mime,
        "Content-Length": String(image.bytes.byteLength),
        "Cache-Control": "public, max-age=31536000, immutable",
        ETag: `"${hash}${preview ? "-preview" : ""}"`,
      },
    });
  });
}
