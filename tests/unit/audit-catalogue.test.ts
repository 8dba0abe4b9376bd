// The audit trail's pure parts: its action catalogue (including the actions of features still
// being built, recordable with one call when they land), the chain's canonical JSON and hash, and
// the CSV export's formula-injection guard.
import { describe, expect, it } from "vitest";
import { auditActionLabels, auditActions, isAuditAction, type AuditEventInput } from "@/lib/audit/catalogue";
import { parse } from "csv-parse/sync";
import { auditCsvColumns, auditCsvHeader, auditCsvRows } from "@/lib/audit/csv";
import { canonicalJson, genesisHash, hashRow, storableText, type AuditRowFields } from "@/lib/audit/hash";
import type { AuditEventDto } from "@/lib/schemas/audit-query";

const row: AuditRowFields = {
  seq: 42n,
  at: new Date("2026-12-01T10:00:00.123Z"),
  actorKind: "user",
  actorId: "u1",
  actorLabel: "c@example.test",
  role: "coordinator",
  ip: "203.0.113.5",
  userAgent: "UA",
  action: "consultation.viewed",
  outcome: "allowed",
  consultationId: 9_007_199_254_740_991n,
  recommendationId: 7,
  deliveryId: null,
  subjectUserId: null,
  subjectTokenId: null,
  detail: '{"via":"page","versions":1}',
};

describe("the action catalogue", () => {
  it("names every action recorded today and those of the features being built", () => {
    for (const action of [
      "consultation.viewed", "consultations.listed", "print.viewed", "passcode.revealed", "delivery.body_viewed",
      "sign_in.succeeded", "sign_in.failed", "sign_in.locked", "sign_out", "two_factor.enrolled", "two_factor.removed",
      "user.created", "user.changed", "user.disabled", "user.role_changed", "token.created", "token.revoked",
      "setting.changed", "audit.exported", "permission.denied",
      "alert_rule.changed", "alert.acknowledged", "deliveries.reprocessed", "consultation.erased", "member.viewed", "export.downloaded",
    ]) {
      expect(isAuditAction(action), action).toBe(true);
      expect(auditActionLabels[action as keyof typeof auditActionLabels], action).toMatch(/\S/);
    }
    expect(new Set(auditActions).size).toBe(auditActions.length);
    expect(isAuditAction("consultation.deleted")).toBe(false);
  });

  it("types each action's detail (identifiers and counts)", () => {
    const later: AuditEventInput[] = [
      { action: "member.viewed", detail: { memberId: "m-1", consultations: 3 } },
      { action: "export.downloaded", detail: { query: "status=closed", rows: 12, format: "csv" } },
    ];
    expect(later.map((event) => event.action)).toEqual(["member.viewed", "export.downloaded"]);
  });
});

describe("the chain's hash", () => {
  it("is SHA-256 of the previous hash and the row's canonical JSON (sorted keys, BIGINTs as text)", () => {
    const json = canonicalJson(row);
    expect(json.startsWith('{"action":"consultation.viewed","actorId":"u1"')).toBe(true);
    expect(json).toContain('"consultationId":"9007199254740991"');
    expect(json).toContain('"at":"2026-12-01T10:00:00.123Z"');
    expect(json).toContain('"seq":"42"');
    expect(hashRow(genesisHash, row)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRow(genesisHash, row)).toBe(hashRow(genesisHash, { ...row }));
  });

  it("changes with any field and with the previous hash", () => {
    const base = hashRow(genesisHash, row);
    expect(hashRow(genesisHash, { ...row, detail: '{"via":"api","versions":1}' })).not.toBe(base);
    expect(hashRow(genesisHash, { ...row, seq: 43n })).not.toBe(base);
    expect(hashRow(genesisHash, { ...row, at: new Date("2026-12-01T10:00:00.124Z") })).not.toBe(base);
    expect(hashRow("f".repeat(64), row)).not.toBe(base);
  });

  it("stores text both databases give back unchanged", () => {
    expect(storableText("a\u0000b", 10)).toBe("ab");
    expect(storableText("x\ud800y", 10)).toBe("x\ufffdy");
    expect(storableText("😀😀", 3)).toBe("😀\ufffd");
    expect(storableText(null, 3)).toBeNull();
  });
});

describe("the CSV export", () => {
  const event: AuditEventDto = { ...row, seq: 42, at: row.at.toISOString(), consultationId: 5, actorLabel: '=HYPERLINK("x")', detail: '{"query":"q=a,b"}' };

  it("prefixes cells a spreadsheet would run as a formula", () => {
    const cells = (actorLabel: string) => (parse(auditCsvRows([{ ...event, actorLabel }])) as string[][])[0]![auditCsvColumns.indexOf("actorLabel")];
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(cells(text)).toBe(`'${text}`);
    expect(cells("plain")).toBe("plain");
    const line = (parse(auditCsvRows([{ ...event, seq: 12, consultationId: null }])) as string[][])[0]!;
    expect(line[auditCsvColumns.indexOf("seq")]).toBe("12");
    expect(line[auditCsvColumns.indexOf("consultationId")]).toBe("");
  });

  it("writes one quoted line per event under a header", () => {
    expect(auditCsvHeader()).toBe("seq,at,actorKind,actorId,actorLabel,role,ip,userAgent,action,outcome,consultationId,recommendationId,deliveryId,subjectUserId,subjectTokenId,detail\n");
    const line = auditCsvRows([event]);
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"{""query"":""q=a,b""}"');
  });
});
