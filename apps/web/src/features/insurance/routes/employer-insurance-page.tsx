import { Anchor, Text } from "@mantine/core";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { employerInsuranceQueryOptions } from "../api/employer-insurance.ts";
import { EmployerInsurancePanel } from "../components/employer-insurance-panel.tsx";

const route = getRouteApi("/_app/insurance/$employerId");

/** `/insurance/:employerId`: one employer's certificates; the intermediary files one on the employer's behalf. */
export function EmployerInsurancePage() {
  const { t } = useTranslation();
  const { employerId } = route.useParams();
  const user = useCurrentUser();
  const insurance = useQuery(employerInsuranceQueryOptions(employerId));
  const canFile = user.role === "intermediary" || (user.role === "employer" && user.organizationId === employerId);
  return (
    <>
      <Text size="sm" mb="xs">
        <Anchor component={Link} to="/insurance">
          ← {t("insurance.back")}
        </Anchor>
      </Text>
      <PageHeader
        title={
          insurance.data
            ? t("insurance.employerTitle", { employer: insurance.data.employerName })
            : t("insurance.title")
        }
      />
      <EmployerInsurancePanel employerId={employerId} canFile={canFile} />
    </>
  );
}
