// @ts-check
const isDev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy: scripts only from this origin (Next's inline bootstrap
 * needs 'unsafe-inline'; never 'unsafe-eval' in production), no framing.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Database drivers (better-sqlite3 is a native module): load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  // Parallel builds (several test servers on one machine) each get their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  turbopack: {
    // protobufjs/minimal (the import page's event-file decoder) loads `long` if present, which compiles WebAssembly
    // at load: a CSP violation here. Without it protobufjs reads int64 as numbers, all the import needs.
    resolveAlias: { long: { browser: "./lib/import/proto/long-unavailable.ts" } },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
