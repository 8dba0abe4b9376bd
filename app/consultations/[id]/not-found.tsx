import { NotFoundMessage } from "@/components/not-found-message";

export default function ConsultationNotFound() {
  return <NotFoundMessage of="consultation" />;
}
