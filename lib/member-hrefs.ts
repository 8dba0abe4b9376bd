// The addresses of a member's page and a policy's member list. Apart from lib/schemas/member.ts so
// that client components (the list's rows) can build them without loading zod.

/** A member page's address. */
export const memberHref = (userId: string) => `/members/${userId}`;
/** A policy's member list. */
export const policyHref = (policyNumber: string) => `/members?${new URLSearchParams({ policy: policyNumber })}`;
