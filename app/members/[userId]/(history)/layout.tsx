import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasMember } from "@/lib/data/members";
import { parseMemberId } from "@/lib/schemas/member";

export const dynamic = "force-dynamic";

/**
 * Checks the caller, then that some consultation names the member, above loading.tsx: an unknown
 * member answers 404, and a signed-out visitor cannot tell a known member from an unknown one.
 */
export default async function MemberLayout({ children, params }: { children: React.ReactNode; params: Promise<{ userId: string }> }) {
  const text = (await params).userId;
  const caller = await requirePagePermission("members:read", `/members/${text}`);
  const userId = parseMemberId(text);
  if (userId === null || !(await hasMember(caller, userId))) notFound();
  return children;
}
