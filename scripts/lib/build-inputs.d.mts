export const NOT_BUILD_INPUTS: Set<string>;
export function buildInputFiles(root: string, distDir?: string): string[];
export function newestBuildInputMtime(root: string, distDir?: string): number;
