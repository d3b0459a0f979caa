export function postgresBinDir(): string | null;
export function startPostgresCluster(options?: { port?: number }): Promise<{ url: string; port: number; stop: () => void }>;
