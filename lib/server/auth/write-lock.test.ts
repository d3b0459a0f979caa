import { afterEach, describe, expect, it } from "vitest";
import { canWrite, sessionCookieFrom, sessionValue, tokenMatches } from "./write-lock";

const original = process.env.EPOCH_LAB_TOKEN;
afterEach(() => {
  if (original === undefined) delete process.env.EPOCH_LAB_TOKEN;
  else process.env.EPOCH_LAB_TOKEN = original;
});

describe("canWrite", () => {
  it("allows every write when no token is configured", () => {
    delete process.env.EPOCH_LAB_TOKEN;
    expect(canWrite(null, null)).toBe(true);
  });

  it("needs the bearer token or the session cookie when a token is configured", () => {
    process.env.EPOCH_LAB_TOKEN = "s3cret-team-token";
    expect(canWrite(null, null)).toBe(false);
    expect(canWrite("Bearer wrong", null)).toBe(false);
    expect(canWrite("Bearer s3cret-team-token", null)).toBe(true);
    expect(canWrite("bearer   s3cret-team-token ", null)).toBe(true);
    expect(canWrite("Basic s3cret-team-token", null)).toBe(false);
    expect(canWrite(null, sessionValue())).toBe(true);
    expect(canWrite(null, "s3cret-team-token")).toBe(false);
  });

  it("invalidates sessions when the token changes", () => {
    process.env.EPOCH_LAB_TOKEN = "first";
    const session = sessionValue();
    process.env.EPOCH_LAB_TOKEN = "second";
    expect(canWrite(null, session)).toBe(false);
    expect(tokenMatches("first")).toBe(false);
  });
});

describe("sessionCookieFrom", () => {
  it("finds the session cookie among others", () => {
    expect(sessionCookieFrom("a=1; epoch_lab_session=abc%3D; b=2")).toBe("abc=");
    expect(sessionCookieFrom("a=1")).toBeNull();
    expect(sessionCookieFrom(null)).toBeNull();
    expect(sessionCookieFrom("epoch_lab_session=%E0%A4%A")).toBe("%E0%A4%A");
  });
});
