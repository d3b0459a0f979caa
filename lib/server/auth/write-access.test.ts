import { afterEach, describe, expect, it } from "vitest";
import { requireWriteAccess, UnauthorizedError } from "./write-access";
import { SESSION_COOKIE, sessionValue } from "./write-lock";

const original = process.env.EPOCH_LAB_TOKEN;
afterEach(() => {
  if (original === undefined) delete process.env.EPOCH_LAB_TOKEN;
  else process.env.EPOCH_LAB_TOKEN = original;
});

const post = (headers: Record<string, string> = {}) => new Request("http://localhost/api/runs", { method: "POST", headers });

describe("requireWriteAccess", () => {
  it("grants every request when no token is configured", () => {
    delete process.env.EPOCH_LAB_TOKEN;
    expect(() => requireWriteAccess(post())).not.toThrow();
  });

  it("refuses a request without the token or a session, from a Request or from headers", () => {
    process.env.EPOCH_LAB_TOKEN = "team-token";
    expect(() => requireWriteAccess(post())).toThrow(UnauthorizedError);
    expect(() => requireWriteAccess(post({ authorization: "Bearer nope", cookie: `${SESSION_COOKIE}=nope` }))).toThrow(UnauthorizedError);
    expect(() => requireWriteAccess(new Headers())).toThrow(UnauthorizedError);
    expect(() => requireWriteAccess(post({ cookie: `${SESSION_COOKIE}=%E0%A4%A` }))).toThrow(UnauthorizedError);
  });

  it("grants the bearer token and the signed-in session cookie", () => {
    process.env.EPOCH_LAB_TOKEN = "team-token";
    expect(() => requireWriteAccess(post({ authorization: "Bearer team-token" }))).not.toThrow();
    expect(() => requireWriteAccess(new Headers({ cookie: `a=1; ${SESSION_COOKIE}=${sessionValue()}` }))).not.toThrow();
  });
});
