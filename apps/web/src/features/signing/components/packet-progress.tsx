import { List, Progress, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import type { SignView } from "../api/get-sign-document.ts";

/** "Document 2 of 3" with the packet's titles and where each stands; nothing for a single document. */
export function PacketProgress({ view, t }: { view: SignView; t: TFunction }) {
  const { position, total, signed, documents } = view.packet;
  if (total < 2) return null;
  const label = t("placements.sign.progress", { position, total });
  return (
    <Stack gap={6}>
      <Text fw={600}>{label}</Text>
      <Progress value={(signed / total) * 100} aria-label={label} size="sm" />
      <section aria-labelledby="packet-list-heading">
        <Text id="packet-list-heading" size="sm" c="dimmed">
          {t("placements.sign.packetList")}
        </Text>
        <List type="ordered" size="sm" spacing={2}>
          {documents.map((d) => (
            <List.Item key={d.id} aria-current={d.id === view.documentId ? "step" : undefined}>
              <span lang={view.language}>{d.title}</span>
              {" — "}
              {d.status === "signed"
                ? t("placements.sign.statusSigned")
                : d.id === view.documentId
                  ? t("placements.sign.statusCurrent")
                  : t("placements.sign.statusPending")}
            </List.Item>
          ))}
        </List>
      </section>
    </Stack>
  );
}
