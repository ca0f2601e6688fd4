import { Title } from "@mantine/core";

/** Placeholder of the events base commit; replaced by the page itself. */
export function EventPage() {
  return <Title order={1}>Event</Title>;
}
