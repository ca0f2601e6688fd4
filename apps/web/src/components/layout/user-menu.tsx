import type { Me } from "@bridgework/domain";
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { logout } from "../../lib/auth.ts";

/** Logging out ends the session; the auth guard then shows the login page and the cache is cleared. */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);

  const onLogout = async () => {
    setLeaving(true);
    // The local session ends even when the server cannot be told; its token then expires on its own.
    await logout().catch(() => undefined);
  };

  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" visibleFrom="sm" c="dimmed">
        {t("auth.signedInAs", { name: user.name })}
      </Text>
      <Button variant="default" size="xs" onClick={() => void onLogout()} loading={leaving}>
        {t("auth.logout")}
      </Button>
    </Group>
  );
}
