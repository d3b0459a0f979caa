// POST /api/session: sign in to a write-protected server (form or JSON { token }).
// DELETE /api/session (or POST with _action=sign-out): sign out.
import { errorResponse, handle } from "@/lib/server/http";
import { safeInSitePath } from "@/lib/server/auth/safe-path";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sessionValue, tokenMatches, writeLockEnabled } from "@/lib/server/auth/write-lock";

function cookieAttributes(request: Request, maxAge: number): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export async function POST(request: Request) {
  return handle(async () => {
    const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
    let token: unknown;
    let next = "/";
    let action: unknown;
    if (isForm) {
      const form = await request.formData();
      token = form.get("token");
      next = safeInSitePath(form.get("next"));
      action = form.get("_action");
    } else {
      const body: unknown = await request.json().catch(() => null);
      token = body && typeof body === "object" ? (body as Record<string, unknown>).token : undefined;
    }

    if (action === "sign-out") return signOut(request, isForm ? next : null);
    if (!writeLockEnabled()) {
      return isForm ? redirect(next) : Response.json({ signedIn: true, writeLock: false });
    }
    if (typeof token !== "string" || !tokenMatches(token)) {
      await new Promise((resolve) => setTimeout(resolve, 400)); // slows guessing
      if (isForm) return redirect(`/sign-in?error=1&next=${encodeURIComponent(next)}`);
      return errorResponse(401, "That token is not valid.", { token: "token is not valid" });
    }
    const cookie = `${SESSION_COOKIE}=${sessionValue()}; ${cookieAttributes(request, SESSION_MAX_AGE_SECONDS)}`;
    if (isForm) return redirect(next, cookie);
    return Response.json({ signedIn: true, writeLock: true }, { headers: { "Set-Cookie": cookie } });
  });
}

export async function DELETE(request: Request) {
  return signOut(request, null);
}

function signOut(request: Request, next: string | null): Response {
  const cookie = `${SESSION_COOKIE}=; ${cookieAttributes(request, 0)}`;
  if (next) return redirect(next, cookie);
  return new Response(null, { status: 204, headers: { "Set-Cookie": cookie } });
}

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location });
  if (cookie) headers.set("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
