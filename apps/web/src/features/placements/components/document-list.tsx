import type { PlacementDocument } from "@bridgework/domain";
import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface DocumentListProps {
  documents: PlacementDocument[];
  /** Absent when the placement no longer takes signatures. */
  onResend?: (doc: PlacementDocument) => void;
  busy: boolean;
}

/** Each document's state in words (the colour is a second cue), with a Resend for unsigned ones. */
export function DocumentList({ documents, onResend, busy }: DocumentListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {documents.map((doc) => {
        const kind = t(`placements.placements.documentKinds.${doc.kind}`);
        return (
          <Group key={doc.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text size="sm" fw={600}>
                {kind}
              </Text>
              <Text size="xs" c="dimmed">
                {t("placements.placements.signedBy", { name: doc.signer.name, role: t(`placements.placements.signerRoles.${doc.signer.role}`) })}
              </Text>
            </div>
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" color={doc.status === "signed" ? "green" : doc.status === "void" ? "gray" : "orange"} radius="sm" tt="none" fw={600}>
                {t(`placements.placements.documentStatus.${doc.status}`)}
              </Badge>
              {doc.status === "pending" && onResend ? (
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={busy}
                  onClick={() => onResend(doc)}
                  aria-label={t("placements.placements.resendLabel", { document: kind, name: doc.signer.name })}
                >
                  {t("placements.placements.resend")}
                </Button>
              ) : null}
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
