import { registerSweep } from "../sweeps.ts";
import { engagementReminders } from "./reminder-engagements.ts";
import { feedbackRequests } from "./reminder-feedback.ts";
import { weeklyHoursReminders } from "./reminder-hours.ts";
import { insuranceReminders } from "./reminder-insurance.ts";
import { paperworkEscalations } from "./reminder-paperwork-escalation.ts";
import { paperworkReminders } from "./reminder-paperwork.ts";

/** Links in reminder emails point at the SPA; the worker reads the same PUBLIC_URL as the API. */
const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

/** The reminders of domain.md ("Reminders the system sends by itself"), each a SQL pass over state. */
registerSweep("reminder-paperwork", paperworkReminders({ publicUrl }));
registerSweep("reminder-paperwork-escalation", paperworkEscalations({ publicUrl }));
registerSweep("reminder-engagement-tomorrow", engagementReminders({ publicUrl }));
registerSweep("reminder-insurance-expiring", insuranceReminders({ publicUrl }));
registerSweep("reminder-hours-weekly", weeklyHoursReminders({ publicUrl }));
registerSweep("reminder-feedback", feedbackRequests({ publicUrl }));
