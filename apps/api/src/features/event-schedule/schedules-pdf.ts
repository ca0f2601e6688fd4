import type { GuardianLanguage, ScheduleGroup, ScheduleGrouping } from "@bridgework/domain";
import { dayFormat, Flow, newDocument, timeFormat } from "./pdf-writer.ts";
import { PRINT_TEXT } from "./printable-text.ts";

export interface SchedulesPdfInput {
  language: GuardianLanguage;
  timeZone: string;
  eventTitle: string;
  startsAt: Date;
  location: string | null;
  by: ScheduleGrouping;
  groups: readonly ScheduleGroup[];
}

/** One page per student, interviewer or table: who is where, when (times in the region's zone). */
export async function renderSchedulesPdf(input: SchedulesPdfInput): Promise<Buffer> {
  const t = PRINT_TEXT[input.language];
  const { doc, fonts } = await newDocument(`${input.eventTitle} - ${t.scheduleFor[input.by]}`, input.language);
  const time = timeFormat(input.language, input.timeZone);
  const day = dayFormat(input.language, input.timeZone)(input.startsAt);
  const heading = (flow: Flow) => {
    flow.text(input.eventTitle, { size: 10, bold: true });
    flow.text([day, input.location].filter(Boolean).join(" · "), { size: 10 });
    flow.gap(10);
  };
  if (input.groups.length === 0) {
    const flow = new Flow(doc, fonts, heading);
    flow.text(t.empty, { size: 12 });
    return Buffer.from(await doc.save());
  }
  const xs = { student: [0, 110, 180, 340], volunteer: [0, 110, 320, 503], station: [0, 110, 250, 400] }[input.by];
  for (const group of input.groups) {
    const flow = new Flow(doc, fonts, heading);
    flow.text(t.scheduleFor[input.by], { size: 11 });
    flow.text(input.by === "station" ? t.table(group.title) : group.title, { size: 20, bold: true });
    const sub = [group.subtitle, group.station && input.by === "volunteer" ? t.table(group.station) : null]
      .filter(Boolean)
      .join(" · ");
    if (sub) flow.text(sub, { size: 12 });
    flow.gap(12);
    flow.row(t.columns[input.by], xs, { bold: true });
    for (const slot of group.slots) {
      const when = `${time(slot.startsAt)} - ${time(slot.endsAt)}`;
      const table = slot.station ? t.table(slot.station) : "";
      flow.row(
        input.by === "student"
          ? [when, table, slot.volunteerName, slot.employerName]
          : input.by === "volunteer"
            ? [when, slot.studentName, slot.schoolName, ""]
            : [when, slot.volunteerName, slot.studentName, slot.schoolName],
        xs,
        { size: 11 },
      );
    }
  }
  return Buffer.from(await doc.save());
}
