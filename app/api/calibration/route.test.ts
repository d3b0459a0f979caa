import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/calibration", () => {
  it("answers the team calibration, here the reason there is none yet", async () => {
    const response = await GET(new Request("http://localhost/api/calibration"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, needed: 3 });
    expect(body.reason).toMatch(/at least 3 real runs with a picked best epoch/);
  });

  it("refuses unknown parameters and a malformed run id, naming them", async () => {
    const unknown = await GET(new Request("http://localhost/api/calibration?learningSpeed=2"));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toEqual({ learningSpeed: "unknown parameter" });
    const malformed = await GET(new Request("http://localhost/api/calibration?exclude=..%2Fruns"));
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.fields).toEqual({ exclude: "expected a run id" });
    const fine = await GET(new Request("http://localhost/api/calibration?exclude=0123456789abcdef"));
    expect(fine.status).toBe(200);
  });
});
