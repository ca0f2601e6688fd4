import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadFile } from "../../../lib/download.ts";
import { problemMessage } from "../../../lib/problem-message.ts";
import { useLabels } from "../../../lib/labels.ts";
import { type PlacementDocumentView, withSigner } from "../api/get-placements.ts";

interface DocumentListProps {
  documents: PlacementDocumentView[];
  /** Absent when the placement no longer takes signatures. */
  onResend?: (doc: PlacementDocumentView & { signer: { name: string } }) => void;
  busy: boolean;
}

/**
 * Each document's state in words (the colour is a second cue), with a Resend for unsigned ones
 * and the signed PDF copy (signature block, hash) for signed ones. Who signs is named only to
 * those who may read it (coordinators, intermediaries); teachers and employers see the role.
 */
export function DocumentList({ documents, onResend, busy }: DocumentListProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [failure, setFailure] = useState<string | null>(null);
  const download = (doc: PlacementDocumentView & { signer: { name: string } }, kind: string) => {
    setFailure(null);
    downloadFile(`/api/documents/${doc.id}/pdf`, {
      accept: "application/pdf",
      filename: `${kind} - ${doc.signer.name}.pdf`,
    }).catch((error: unknown) => setFailure(problemMessage(t, error)));
  };
  return (
    <>
      {failure ? (
        <Text role="alert" size="xs" c="red.8">
          {failure}
        </Text>
      ) : null}
      <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {documents.map((doc) => {
          const kind = labels.document(doc.kind);
          return (
            <Group key={doc.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {kind}
                </Text>
                <Text size="xs" c="dimmed">
                  {withSigner(doc)
                    ? t("placements.placements.signedBy", {
                        name: doc.signer.name,
                        role: t(`placements.placements.signerRoles.${doc.signer.role}`),
                      })
                    : t("placements.placements.signerOnly", {
                        role: t(`placements.placements.signerRoles.${doc.signer.role}`),
                      })}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                <Badge
                  variant="light"
                  color={doc.status === "signed" ? "green" : doc.status === "void" ? "gray" : "orange"}
                  radius="sm"
                  tt="none"
                  fw={600}
                >
                  {t(`placements.placements.documentStatus.${doc.status}`)}
                </Badge>
                {doc.status === "pending" && onResend && withSigner(doc) ? (
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
                {doc.status === "signed" && withSigner(doc) ? (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => download(doc, kind)}
                    aria-label={t("placements.placements.downloadPdfLabel", { document: kind, name: doc.signer.name })}
                  >
                    {t("placements.placements.downloadPdf")}
                  </Button>
                ) : null}
              </Group>
            </Group>
          );
        })}
      </Stack>
    </>
  );
}
