// A member's history (/members/[userId]) and a policy's members (/members?policy=…): the URL
// queries and the DTOs lib/data/members.ts returns. Member ids are Altibbi's user_id, which the
// webhook schema only accepts as digits; policy numbers and insurance ids are any text.
import { z } from "zod";
import { decodeCursor, type KeysetCursor } from "../keyset-cursor";
import { consultationSummaryDto, eventTimeDto } from "./consultation";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";

/** Altibbi's user_id as it appears in a URL segment: 1–20 digits (as the webhook schema accepts it). */
export function parseMemberId(text: string): string | null {
  return /^\d{1,20}$/.test(text) ? text : null;
}

export const defaultMemberPageLimit = 25;
export const maxMemberPageLimit = 100;

const cursor = z.string().refine((value) => decodeCursor(value) !== null && decodeCursor(value)!.key !== null, { error: "is not a cursor from this page" });

const memberQuerySchema = z
  .object({
    after: single(cursor),
    before: single(cursor),
    limit: single(
      z.coerce
        .number({ error: "must be a number" })
        .int({ error: "must be a whole number" })
        .min(1, { error: "must be at least 1" })
        .max(maxMemberPageLimit, { error: `must be at most ${maxMemberPageLimit}` }),
    ),
  })
  .refine((query) => !(query.after && query.before), { error: "give after or before, not both", path: ["before"] });

/** Which page of a member's consultations (newest first, keyset cursors on last event time and id). */
export type MemberPageQuery = { after?: KeysetCursor; before?: KeysetCursor; limit: number };

export function parseMemberPageQuery(input: SearchParamsInput): ParsedQuery<MemberPageQuery> {
  const parsed = parseQueryWith(memberQuerySchema, input);
  if (!parsed.ok) return parsed;
  const { after, before, limit } = parsed.query;
  return {
    ok: true,
    query: {
      after: after ? decodeCursor(after)! : undefined,
      before: before ? decodeCursor(before)! : undefined,
      limit: limit ?? defaultMemberPageLimit,
    },
  };
}

/** The policy list's query: the policy number, as typed (any text Altibbi may send, at most 256 characters). */
const policyQuerySchema = z.object({
  policy: single(
    z
      .string()
      .trim()
      .max(256, { error: "must be at most 256 characters" })
      .refine((text) => !text.includes("\u0000"), { error: "must not contain NUL characters" }),
  ),
});

export function parsePolicyQuery(input: SearchParamsInput): ParsedQuery<{ policy?: string }> {
  return parseQueryWith(policyQuerySchema, input);
}

/** An insurance id or policy number as it was sent, with when it was last sent (UTC, ISO) and in how many consultations. */
export const memberIdValueDto = z.object({ value: z.string(), latest: z.boolean(), lastSeen: z.string(), consultations: z.number().int() });

export const memberIdentityDto = z.object({
  userId: z.string(),
  consultations: z.number().int(),
  /** Latest first; more than one when Altibbi sent another one for a later consultation. */
  insuranceIds: z.array(memberIdValueDto),
  policyNumbers: z.array(memberIdValueDto),
});

export const memberDrugDto = z.object({ name: z.string().nullable(), tradeName: z.string().nullable() });

/** One consultation of the member, with the drugs of its current recommendation. */
export const memberConsultationDto = consultationSummaryDto.extend({ drugs: z.array(memberDrugDto) });

/** The other prescription of a repeat: where and when, and how many whole days apart. */
export const repeatLinkDto = z.object({ consultationId: z.number().int(), prescribedAt: eventTimeDto, gapDays: z.number().int() });

/** One drug of a consultation's current recommendation. */
export const memberPrescriptionDto = z.object({
  consultationId: z.number().int(),
  recommendationId: z.number().int(),
  position: z.number().int(),
  name: z.string().nullable(),
  tradeName: z.string().nullable(),
  strengthValue: z.string().nullable(),
  frequency: z.string().nullable(),
  duration: z.string().nullable(),
  prescribedAt: eventTimeDto,
  /** The same generic drug prescribed earlier, within the repeat window. */
  repeatOf: repeatLinkDto.nullable(),
  /** The same generic drug prescribed again later, within the repeat window. */
  repeatedBy: repeatLinkDto.nullable(),
});

export const memberHistoryDto = z.object({
  member: memberIdentityDto,
  /** One page of the member's consultations, newest first. */
  consultations: z.array(memberConsultationDto),
  page: z.object({ limit: z.number().int(), next: z.string().nullable(), prev: z.string().nullable() }),
  /** Every drug prescribed, newest first (at most `prescriptionLimit`). */
  prescriptions: z.array(memberPrescriptionDto),
  /** More drugs were prescribed than are listed (the oldest were left out). */
  prescriptionsTruncated: z.boolean(),
  repeatWindowDays: z.number().int(),
});

/** One member seen with a policy number. */
export const policyMemberDto = z.object({ userId: z.string(), consultations: z.number().int(), lastEvent: z.string() });

export const policyMembersDto = z.object({
  policyNumber: z.string(),
  members: z.array(policyMemberDto),
  /** More members than are listed. */
  truncated: z.boolean(),
  /** Consultations with this policy number that carried no member id. */
  withoutMember: z.number().int(),
});

/** Where a list search for an exact id lands: one member's page, a policy's members, or the list (null). */
export type MemberSearchTarget = { kind: "member"; userId: string } | { kind: "policy"; policyNumber: string };

export type MemberIdValueDto = z.infer<typeof memberIdValueDto>;
export type MemberIdentityDto = z.infer<typeof memberIdentityDto>;
export type MemberConsultationDto = z.infer<typeof memberConsultationDto>;
export type MemberPrescriptionDto = z.infer<typeof memberPrescriptionDto>;
export type RepeatLinkDto = z.infer<typeof repeatLinkDto>;
export type MemberHistoryDto = z.infer<typeof memberHistoryDto>;
export type PolicyMembersDto = z.infer<typeof policyMembersDto>;
