import { NotFoundMessage } from "@/components/not-found-message";

export default function PrescriptionNotFound() {
  return <NotFoundMessage of="prescription" />;
}
