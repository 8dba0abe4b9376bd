// A delivery's body: /deliveries/[id] shows its first 64 KB pretty-printed, and
// /deliveries/[id]/body downloads the whole of it, byte for byte.
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/deliveries/[id]/body/route";
import { POST } from "@/app/api/webhooks/route";
import { previewBytes, previewJson } from "@/lib/pretty-json";
import { recommendation, recommendationData, sampleDatetime, uniqueId } from "../support/payloads";
import { bearerFor } from "../support/users";
import { webhookRequest } from "../support/webhooks";

// Raw bodies are for admins: an admin's API token (auth-route-manifest covers the refusals).
let authorization = "";
beforeAll(async () => {
  authorization = await bearerFor("admin");
});
const download = (id: string) => GET(new Request(`http://localhost/deliveries/${id}/body`, { headers: { authorization } }), { params: Promise.resolve({ id }) });

describe("a delivery's whole body", () => {
  it("downloads a body of almost 1 MiB byte for byte, while the page's preview is 64 KB", async () => {
    const sample = recommendationData();
    const note = "ملاحظة طويلة — long note. ".repeat(26_000);
    const text = JSON.stringify(recommendation(uniqueId(), sampleDatetime("recommendation_data"), { ...sample, postCallAnswer: [{ question: "doctor_notes", answer: note }] }));
    expect(Buffer.byteLength(text)).toBeGreaterThan(900_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
    const response = await POST(webhookRequest(text));
    expect(response.status).toBe(200);
    const { delivery_id } = await response.json();

    const downloaded = await download(String(delivery_id));
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("content-disposition")).toBe(`attachment; filename="delivery-${delivery_id}.json"`);
    expect(downloaded.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await downloaded.text()).toBe(text);

    const preview = previewJson(text);
    expect(preview.truncated).toBe(true);
    expect(Buffer.byteLength(preview.text)).toBeLessThanOrEqual(previewBytes);
    expect(preview.text).not.toContain("\uFFFD");
  });

  it("answers 404 with the common body for an unknown delivery or a malformed id", async () => {
    for (const id of ["2000000000", "abc", "-1"]) {
      const response = await download(id);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
