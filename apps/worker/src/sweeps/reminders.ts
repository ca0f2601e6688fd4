import type { SweepConfig, Sweeps } from "../sweeps.ts";
import { engagementReminders } from "./reminder-engagements.ts";
import { feedbackRequests } from "./reminder-feedback.ts";
import { weeklyHoursReminders } from "./reminder-hours.ts";
import { insuranceReminders } from "./reminder-insurance.ts";
import { paperworkEscalations } from "./reminder-paperwork-escalation.ts";
import { paperworkReminders } from "./reminder-paperwork.ts";

/** The reminders of domain.md ("Reminders the system sends by itself"), each a SQL pass over state. */
export function reminderSweeps({ publicUrl }: SweepConfig): Sweeps {
  return {
    "reminder-paperwork": paperworkReminders({ publicUrl }),
    "reminder-paperwork-escalation": paperworkEscalations({ publicUrl }),
    "reminder-engagement-tomorrow": engagementReminders({ publicUrl }),
    "reminder-insurance-expiring": insuranceReminders({ publicUrl }),
    "reminder-hours-weekly": weeklyHoursReminders({ publicUrl }),
    "reminder-feedback": feedbackRequests({ publicUrl }),
  };
}
