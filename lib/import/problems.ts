// What the import found wrong, always naming the file it is about. An "error"
// refuses the whole import (nothing is stored); a "warning" is shown beside
// the plan and the import goes ahead with what could be read.

export type ProblemSeverity = "error" | "warning";

export interface ImportProblem {
  /** Path of the file relative to the chosen folder, or "" for the folder as a whole. */
  file: string;
  message: string;
  severity: ProblemSeverity;
}

export function importError(file: string, message: string): ImportProblem {
  return { file, message, severity: "error" };
}

export function importWarning(file: string, message: string): ImportProblem {
  return { file, message, severity: "warning" };
}

/**
 * Problems as the API's error body wants them: `{ [path]: message }`, the
 * first error of each file winning. Warnings are left out.
 */
export function problemFields(problems: readonly ImportProblem[]): Record<string, string> {
  const fields = new Map<string, string>();
  for (const problem of problems) {
    if (problem.severity !== "error") continue;
    const key = problem.file === "" ? "_" : problem.file;
    if (!fields.has(key)) fields.set(key, problem.message);
  }
  return Object.fromEntries(fields);
}
