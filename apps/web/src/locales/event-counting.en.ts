/** English text of held events on an employer's relationship timeline; es has the same keys. */
export const eventCountingEn = {
  timelineType: "Volunteered",
  volunteered_one: "Volunteered at {{event}}: {{count}} volunteer, {{hours}} hours",
  volunteered_other: "Volunteered at {{event}}: {{count}} volunteers, {{hours}} hours",
};
