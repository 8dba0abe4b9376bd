// The JSON log lines carry no secret, cookie, token or body, wherever it sits in what is logged,
// and a wrapped route handler writes one line per request with its id, route, outcome and duration.
import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/observability/log";

/** A destination that keeps every line written to it. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter((line) => line !== ""));
      done();
    },
  });
  return { lines, stream, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const secrets = {
  bearer: "Bearer cdk_live_SECRET_TOKEN_1234567890",
  cookie: "care-desk.session_token=SESSION_COOKIE_VALUE",
  setCookie: "care-desk.session_token=SET_COOKIE_VALUE; HttpOnly",
  signature: "v1,SIGNATURE_VALUE_BASE64=",
  password: "PASSWORD_VALUE_correct horse",
  secret: "whsec_SECRET_VALUE_AAAAAAAAAAAA",
  body: '{"consultation_id":1,"member":"BODY_VALUE"}',
};

describe("the logger", () => {
  it("redacts authorization, cookies, signatures, passwords, secrets, tokens and bodies at any of three levels", () => {
    const { lines, stream, parsed } = capture();
    const logger = createLogger(stream);
    logger.info(
      {
        authorization: secrets.bearer,
        cookie: secrets.cookie,
        token: secrets.bearer,
        headers: { authorization: secrets.bearer, cookie: secrets.cookie, "set-cookie": secrets.setCookie, "webhook-signature": secrets.signature },
        request: { headers: { authorization: secrets.bearer, cookie: secrets.cookie }, body: secrets.body, password: secrets.password },
        config: { secret: secrets.secret, rawBody: secrets.body },
        body: secrets.body,
        consultationId: 42,
      },
      "something happened",
    );
    expect(lines).toHaveLength(1);
    for (const value of Object.values(secrets)) expect(lines[0]).not.toContain(value.slice(-12));
    const [line] = parsed();
    expect(line).toMatchObject({ level: "info", msg: "something happened", consultationId: 42, service: "care-desk", body: "[redacted]" });
    expect(line!.headers).toEqual({ authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]", "webhook-signature": "[redacted]" });
    expect(typeof line!.time).toBe("string");
    expect(typeof line!.instance).toBe("string");
  });

  it("writes an error's message and stack under err", () => {
    const { stream, parsed } = capture();
    createLogger(stream).error({ err: new Error("the database went away") }, "health check failed");
    const [line] = parsed();
    expect(line).toMatchObject({ level: "error", msg: "health check failed", err: { message: "the database went away", type: "Error" } });
  });
});

describe("the request log of a route handler", () => {
  it("is one line per request with the request id, route, method, status, outcome and duration, and no header value", async () => {
    const { stream, parsed, lines } = capture();
    // The process's logger is kept on globalThis: fresh modules pick up this one.
    (globalThis as { careDeskLogger?: unknown }).careDeskLogger = createLogger(stream);
    vi.resetModules();
    const { noteOutcome, withRequestLog } = await import("@/lib/observability/request-log");
    const handler = withRequestLog("POST /api/example", async () => noteOutcome(Response.json({ ok: true }), "processed"));
    const response = await handler(
      new Request("http://localhost/api/example", {
        method: "POST",
        headers: { authorization: secrets.bearer, cookie: secrets.cookie, "x-request-id": "req-123", "content-type": "application/json" },
        body: secrets.body,
      }),
    );
    expect(response.headers.get("x-request-id")).toBe("req-123");
    const failing = withRequestLog("GET /api/broken", async () => {
      throw new Error("boom");
    });
    await expect(failing(new Request("http://localhost/api/broken", { headers: { "x-request-id": "not a sane id!" } }))).rejects.toThrow("boom");

    const [ok, failed] = parsed();
    expect(ok).toMatchObject({ msg: "request", requestId: "req-123", route: "POST /api/example", method: "POST", status: 200, outcome: "processed" });
    expect(typeof ok!.durationMs).toBe("number");
    expect(failed).toMatchObject({ level: "error", route: "GET /api/broken", status: 500, outcome: "error", err: { message: "boom" } });
    expect(failed!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const line of lines) for (const value of Object.values(secrets)) expect(line).not.toContain(value.slice(-12));
  });
});
