import { ReasonInput } from "@bridgework/domain";
import { useTranslation } from "react-i18next";
import { ReasonDialog as SharedReasonDialog } from "../../../components/ui/reason-dialog.tsx";

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (input: ReasonInput) => Promise<unknown>;
}

/** Declining or cancelling a match always says why (the other side reads it). */
export function ReasonDialog({ opened, title, onClose, onConfirm }: ReasonDialogProps) {
  const { t } = useTranslation();
  return (
    <SharedReasonDialog
      opened={opened}
      title={title}
      schema={ReasonInput}
      required
      label={t("brokering.matches.reason")}
      hint={t("brokering.matches.reasonHint")}
      keepLabel={t("brokering.cancel")}
      confirmLabel={t("brokering.matches.confirm")}
      onClose={onClose}
      onConfirm={onConfirm}
    />
  );
}
