// Extra production servers for tests that need their own (write lock, crash).
export { startServer, type TestServer } from "../../scripts/lib/server";
