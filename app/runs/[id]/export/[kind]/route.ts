// GET /runs/{id}/export/{kind}: a run as a download (json, csv, dataset, training, script); 404 for unknown runs or kinds.
import { getRun } from "@/lib/server/runs";
import { buildExport, EXPORT_FILES, EXPORT_KINDS, exportableRun, exportFileName, type ExportKind } from "@/lib/export";

type Context = { params: Promise<{ id: string; kind: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id, kind } = await params;
  if (!(EXPORT_KINDS as string[]).includes(kind)) return new Response("No such export.", { status: 404 });
  const run = await getRun(id);
  if (!run) return new Response("No run with that id.", { status: 404 });
  const exportKind = kind as ExportKind;
  const exportable = exportableRun(run);
  return new Response(buildExport(exportable, exportKind), {
    headers: {
      "content-type": EXPORT_FILES[exportKind].contentType,
      "content-disposition": `attachment; filename="${exportFileName(exportable, exportKind)}"`,
      "cache-control": "no-store",
    },
  });
}
