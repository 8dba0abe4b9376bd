import { NotFoundMessage } from "@/components/not-found-message";

export default function MemberNotFound() {
  return <NotFoundMessage of="member" />;
}
