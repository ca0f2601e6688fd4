import { Title } from "@mantine/core";

/** Placeholder of the events base commit; replaced by the page itself. */
export function EventDayPage() {
  return <Title order={1}>Day of the event</Title>;
}
