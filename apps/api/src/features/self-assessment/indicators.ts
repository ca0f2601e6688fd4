/**
 * ConnectEd Community Framework, domain C6 (Work-Based Learning): the three indicators and the
 * rubric text of their four stages, as the framework words them
 * (shared/seeds/001_*.txt, section "C6. Work-Based Learning").
 */
export const STAGE_LABELS = ["Emerging", "Developing", "Advancing", "Transforming"] as const;

export const C6_INDICATORS = [
  {
    indicator: "C6.1",
    title: "WBL Leadership",
    stages: [
      "Perhaps by default, one or more organizations are thrust into a WBL intermediary role.",
      "With intention and some resources, one or more organizations assume responsibility for creating a WBL infrastructure and building regional capacity to manage the system.",
      "Fully resourced and qualified, one or more organizations continue to build their capacity to manage a WBL system and offer WBL opportunities to a growing percentage of youth.",
      "Ongoing management of the WBL system becomes a core function of one or more long-standing organizations, supported by a sustainable funding mechanism.",
    ],
  },
  {
    indicator: "C6.2",
    title: "Employer Engagement",
    stages: [
      "Employers are engaged informally in early WBL experiences (guest speakers, career days, etc.). Limited processes and tools are in place to support the development of relationships between educators and employers. A simple database is used to track employer participation and/or interest in providing WBL opportunities.",
      "Partially formalized processes and tools are used to recruit and engage employers to create, design, and implement opportunities along the WBL continuum. Processes and tools support the development of relationships between educators and employers. A database is used to connect educators and employers and to gather data on WBL experiences.",
      "Formalized processes, protocols, and tools are used to recruit employers, based on pathway needs aligned to regional labor/workforce data analysis. Processes and tools support the management of relationships between educators and employers. A well-established database is used to foster relationships between educators and employers and to improve the quality of WBL experiences.",
      "Regional businesses or economic development organizations routinely recruit and engage employers (i.e., embedded into their membership structure) to ensure a sustained flow of WBL opportunities. Processes and tools are in place to sustain high-quality partnerships between educators and employers. A well-established and refined database is used to improve employer engagement and ensure high-quality WBL experiences.",
    ],
  },
  {
    indicator: "C6.3",
    title: "WBL Continuous Improvement",
    stages: [
      "Anecdotal feedback about student and employer WBL experiences informs improvement. WBL student outcomes are defined, but progress toward outcomes is not yet monitored.",
      "Evaluation criteria are established to measure the effectiveness of student and employer WBL experiences; data collection is not systematic. Efforts are made to improve WBL student outcomes and employer expectations.",
      "Established metrics inform a system for regularly tracking data that can inform program improvement. Data are used to inform program improvement with regard to improving student outcomes and employer expectations.",
      "Progress monitoring and data review are systematized to inform program improvement. Data are used to enhance employers' return on investment, students' skill attainment and certifications, and system design.",
    ],
  },
] as const;

export const INDICATOR_IDS = ["C6.1", "C6.2", "C6.3"] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];
