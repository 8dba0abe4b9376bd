import { NotFoundMessage } from "@/components/not-found-message";

export default function DeliveryNotFound() {
  return (
    <NotFoundMessage title="Delivery not found" back={{ href: "/deliveries", label: "Back to webhook deliveries" }}>
      <p>No request with this number was received.</p>
    </NotFoundMessage>
  );
}
