import type { eventCountingEn } from "./event-counting.en.ts";

/** Spanish text of held events on an employer's relationship timeline; the same keys as event-counting.en.ts. */
export const eventCountingEs: typeof eventCountingEn = {
  timelineType: "Voluntariado",
  volunteered_one: "Voluntariado en {{event}}: {{count}} persona voluntaria, {{hours}} horas",
  volunteered_other: "Voluntariado en {{event}}: {{count}} personas voluntarias, {{hours}} horas",
};
