import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import type { Caller, Permission } from "@/lib/auth/permissions";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

type RecordRoute = {
  /** What the caller must be allowed to do to open the record at all. */
  permission: Permission;
  /** The page's own path for an id as written in the URL (where sign-in sends the user back). */
  path: (id: string) => string;
  parseId: (text: string) => number | null;
  exists: (caller: Caller, id: number) => Promise<boolean>;
};

/**
 * The layout of a detail route (`[id]`): it checks the caller, then that the record exists,
 * before anything streams. The page renders behind loading.tsx, and once that fallback is sent
 * the status is fixed at 200; checked here, above the loading boundary, an unknown id answers
 * 404 (with the segment's not-found.tsx). The caller comes first, so that a signed-out visitor
 * cannot tell a known id from an unknown one.
 */
export function recordLayout({ permission, path, parseId, exists }: RecordRoute) {
  return async function RecordLayout({ children, params }: Props) {
    const text = (await params).id;
    const caller = await requirePagePermission(permission, path(text));
    const id = parseId(text);
    if (id === null || !(await exists(caller, id))) notFound();
    return children;
  };
}
