import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Scope = "opportunityStatus" | "requestStatus" | "matchStatus";

// Dark shades only: badge text is small, and each must keep 4.5:1 contrast on white (axe checks it).
const COLORS: Record<string, string> = {
  draft: "gray.7",
  published: "teal.9",
  paused: "violet.9",
  closed: "gray.7",
  archived: "gray.7",
  open: "blue.8",
  matched: "teal.9",
  fulfilled: "teal.9",
  expired: "gray.7",
  proposed: "blue.8",
  approved: "indigo.8",
  accepted: "teal.9",
  scheduled: "teal.9",
  completed: "gray.7",
  declined: "red.9",
  cancelled: "gray.7",
};

/** A state as a word, never only a color (the color is a second cue). */
export function StatusBadge({ scope, status }: { scope: Scope; status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status] ?? "gray.7"} radius="sm" tt="none" fw={600}>
      {t(`brokering.${scope}.${status}` as "brokering.matchStatus.proposed")}
    </Badge>
  );
}
