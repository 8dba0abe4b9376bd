// Against the real server (`next start`): proxy.ts's Host allowlist (421 on pages and on
// webhooks), the allowed hosts, HSTS only for an https public URL, the security headers on a
// page, public/robots.txt, and the convenience redirect to /sign-in.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startNextServer, type RunningServer } from "../support/next-server";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request with a Host of our choosing (fetch cannot set Host). */
function send(server: RunningServer, path: string, { host, method = "GET", headers = {}, body }: { host?: string; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { ...(host ? { host } : {}), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

const baseEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL!, NODE_ENV: "production", WEBHOOK_BEARER_TOKEN: "proxy-surface-test-token" });
const webhook = { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer proxy-surface-test-token" }, body: "{}" };

describe("proxy.ts without CARE_DESK_PUBLIC_URL", () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await startNextServer(baseEnv(), port);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("answers 421 with a page naming CARE_DESK_PUBLIC_URL to a foreign Host", async () => {
    const answer = await send(server, "/consultations", { host: "evil.example", headers: { accept: "text/html" } });
    expect(answer.status).toBe(421);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.body).toContain("CARE_DESK_PUBLIC_URL");
    expect(answer.body).toContain("evil.example");
    expect(answer.body).not.toContain("Consultations ·");
  });

  it("answers 421 with the error body on /api/webhooks before the webhook is looked at", async () => {
    const answer = await send(server, "/api/webhooks", { ...webhook, host: `evil.example:${port}` });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "misdirected_request", message: expect.stringContaining("CARE_DESK_PUBLIC_URL") } });
  });

  it("serves localhost, 127.0.0.1 and [::1] on any port", async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "localhost"]) {
      const answer = await send(server, "/api/health", { host });
      expect(answer.status, host).toBe(200);
    }
    // The webhook itself is then judged on its own merits (an empty object is not an event).
    expect((await send(server, "/api/webhooks", { ...webhook, host: `localhost:${port}` })).status).toBe(400);
  });

  it("does not let a client's X-Forwarded-Host stand in for Host", async () => {
    expect((await send(server, "/api/health", { host: "evil.example", headers: { "x-forwarded-host": `127.0.0.1:${port}` } })).status).toBe(421);
    expect((await send(server, "/api/health", { headers: { "x-forwarded-host": "evil.example" } })).status).toBe(200);
  });

  it("sends the security headers and a nonce that Next.js puts on its scripts", async () => {
    // The sign-in page: a real page with Next's scripts that anyone may open.
    const answer = await send(server, "/sign-in", { headers: { accept: "text/html" } });
    expect(answer.status).toBe(200);
    const csp = String(answer.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(answer.body).toContain(`<script src="/_next/static/`);
    const scripts = [...answer.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(answer.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    expect(answer.headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(answer.headers["cache-control"]).toContain("no-store");
    expect(answer.headers["strict-transport-security"]).toBeUndefined();

    const again = await send(server, "/sign-in", { headers: { accept: "text/html" } });
    expect(again.headers["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  });

  it("keeps the medical API no-store", async () => {
    const answer = await send(server, "/api/consultations");
    expect(answer.headers["cache-control"]).toContain("no-store");
    expect(answer.headers["x-robots-tag"]).toBe("noindex, nofollow");
  });

  it("serves public/robots.txt, which disallows everything", async () => {
    const answer = await send(server, "/robots.txt");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^User-agent: \*\nDisallow: \/\n$/);
  });

  it("sends a browser without a session cookie to /sign-in, keeping only a path on this host", async () => {
    const answer = await send(server, "/consultations/72/print?paper=a5", { headers: { accept: "text/html" } });
    expect(answer.status).toBe(307);
    expect(answer.headers.location).toBe("/sign-in?next=%2Fconsultations%2F72%2Fprint%3Fpaper%3Da5");
    const api = await send(server, "/api/consultations", { headers: { accept: "text/html" } });
    expect(api.status).not.toBe(307);
  });
});

describe("proxy.ts with an https CARE_DESK_PUBLIC_URL", () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await startNextServer({ ...baseEnv(), CARE_DESK_PUBLIC_URL: "https://care-desk.example.com", CARE_DESK_ALLOWED_HOSTS: `127.0.0.1:${port}, desk.internal` }, port);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("serves the public host and the allowed hosts, with HSTS", async () => {
    for (const host of ["care-desk.example.com", `127.0.0.1:${port}`, "desk.internal:9000"]) {
      const answer = await send(server, "/api/health", { host });
      expect(answer.status, host).toBe(200);
      expect(answer.headers["strict-transport-security"], host).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(answer.headers["content-security-policy"], host).toContain("upgrade-insecure-requests");
    }
  });

  it("no longer serves localhost, nor any other name", async () => {
    for (const host of [`localhost:${port}`, "care-desk.example.com.evil.example", "evil.example"]) {
      expect((await send(server, "/api/webhooks", { ...webhook, host })).status, host).toBe(421);
    }
  });
});

describe("proxy.ts behind a trusted reverse proxy with an http public URL", () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await startNextServer(
      { ...baseEnv(), CARE_DESK_PUBLIC_URL: "http://care-desk.internal:8080", CARE_DESK_TRUSTED_PROXIES: "127.0.0.1", CARE_DESK_ALLOWED_HOSTS: `127.0.0.1:${port}` },
      port,
    );
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("judges the forwarded host, and sends no HSTS", async () => {
    const forwarded = await send(server, "/api/health", { host: "upstream:3000", headers: { "x-forwarded-host": "care-desk.internal:8080", "x-forwarded-proto": "http" } });
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers["strict-transport-security"]).toBeUndefined();
    expect((await send(server, "/api/health", { host: "upstream:3000", headers: { "x-forwarded-host": "evil.example" } })).status).toBe(421);
  });
});
