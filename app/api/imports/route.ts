// POST /api/imports: a trainer's output folder as multipart/form-data (one part
// named "files" per file, its filename the path inside the folder; LoRA files
// may be just their header). Answers 201 with the stored run, or a 4xx whose
// `fields` name each refused file by its path, with nothing stored. The body is
// read as it streams in: sample images wait on disk (only their headers stay in
// memory for the plan) and are stored one at a time, never all held at once.
import { errorResponse, handle } from "@/lib/server/http";
import { requireWriteAccess } from "@/lib/server/auth/write-access";
import { planImport, problemFields } from "@/lib/import";
import { receiveImportUpload, UploadError } from "@/lib/import/multipart";
import { createImportStaging, importRun, logImportMemory } from "@/lib/server/runs";

export async function POST(request: Request) {
  return handle(async () => {
    const access = requireWriteAccess(request);
    const staging = await createImportStaging();
    try {
      let upload;
      try {
        upload = await receiveImportUpload(request, { onFile: staging.keep });
      } catch (error) {
        if (error instanceof UploadError) return errorResponse(error.status, error.message, error.fields);
        throw error;
      }
      logImportMemory("received");
      const plan = planImport(upload.files);
      logImportMemory("planned");
      if (!plan.ok) {
        const fields = problemFields(plan.problems);
        const count = Object.keys(fields).length;
        return errorResponse(422, `The folder cannot be imported: ${count === 1 ? "1 file has a problem" : `${count} files have problems`}. Nothing was stored.`, fields);
      }
      const run = await importRun(access, plan, upload.files, { name: upload.name, read: staging.read });
      return Response.json(run, { status: 201, headers: { Location: `/api/runs/${run.id}` } });
    } finally {
      await staging.dispose();
    }
  });
}
