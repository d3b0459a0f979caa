// Runs before every request: enforces the optional write lock (EPOCH_LAB_TOKEN)
// on API writes and server actions. Route handlers check again themselves.
import { NextResponse, type NextRequest } from "next/server";
import { canWrite, isGuardedWrite, SESSION_COOKIE } from "@/lib/auth/write-lock";

export function proxy(request: NextRequest) {
  const isServerAction = request.headers.has("next-action");
  if (!isGuardedWrite(request.method, request.nextUrl.pathname, isServerAction)) return NextResponse.next();
  if (canWrite(request.headers.get("authorization"), request.cookies.get(SESSION_COOKIE)?.value)) return NextResponse.next();
  return NextResponse.json(
    { error: { message: "This server is write-protected: sign in, or send Authorization: Bearer <token>.", fields: {} } },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="epoch-lab"' } },
  );
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
