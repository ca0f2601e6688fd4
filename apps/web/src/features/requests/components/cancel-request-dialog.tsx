import { CancelRequestInput } from "@bridgework/domain";
import { useTranslation } from "react-i18next";
import { ReasonDialog } from "../../../components/ui/reason-dialog.tsx";

interface CancelRequestDialogProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: (input: CancelRequestInput) => Promise<unknown>;
}

/** "Cancel this request?": says what it undoes and takes an optional reason. */
export function CancelRequestDialog({ opened, onClose, onConfirm }: CancelRequestDialogProps) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      opened={opened}
      title={t("asks.cancel.title")}
      body={t("asks.cancel.body")}
      schema={CancelRequestInput}
      required={false}
      label={t("asks.cancel.reason")}
      hint={t("asks.cancel.reasonHint")}
      keepLabel={t("asks.cancel.keep")}
      confirmLabel={t("asks.cancel.confirm")}
      onClose={onClose}
      onConfirm={onConfirm}
    />
  );
}
