// GET /api/runs/{id}/tags: the run's tags. PUT { tags: [...] }: replace them.
// POST { tag }: add one. DELETE ?tag=x: remove one.
import { handle, readJsonBody } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { addRunTag, getRunOrThrow, getRunTags, removeRunTag, setRunTags } from "@/lib/server/runs";
import { InputError } from "@/lib/errors";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await getRunOrThrow(id);
    return Response.json({ tags: await getRunTags(id) });
  });
}

export async function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return Response.json({ tags: await setRunTags(access, id, body) });
  });
}

export async function POST(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const body = (await readJsonBody(request)) as Record<string, unknown>;
    const extra = Object.keys(body).filter((key) => key !== "tag");
    if (extra.length > 0) throw new InputError(`Unknown field ${extra[0]}: send { "tag": "…" }`, { [extra[0]]: "unknown field" }, 400);
    return Response.json({ tags: await addRunTag(access, id, body.tag) }, { status: 201 });
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const { id } = await params;
    const tag = new URL(request.url).searchParams.get("tag");
    if (tag === null) throw new InputError("Name the tag to remove: DELETE …/tags?tag=x", { tag: "tag is required" }, 400);
    return Response.json({ tags: await removeRunTag(access, id, tag) });
  });
}
