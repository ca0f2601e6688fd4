import { Title } from "@mantine/core";

/** Placeholder of the events base commit; replaced by the page itself. */
export function EventsPage() {
  return <Title order={1}>Events</Title>;
}
