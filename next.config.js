// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native module: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  // Parallel builds (several test servers on one machine) each get their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
