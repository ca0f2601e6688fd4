import type { GuardianLanguage } from "../placements/students.ts";

/** The ConnectEd Community Framework's work-based learning indicators (domain C6). */
export const C6_INDICATOR_IDS = ["C6.1", "C6.2", "C6.3"] as const;
export type C6IndicatorId = (typeof C6_INDICATOR_IDS)[number];

/** The four stages' English names, which the API also uses as their codes. */
export const C6_STAGE_LABELS = ["Emerging", "Developing", "Advancing", "Transforming"] as const;

type FourStages = readonly [string, string, string, string];

export interface C6Rubric {
  /** Stage names, stage 1 first. */
  stages: FourStages;
  /** Each indicator's title and the description of its four stages, stage 1 first. */
  indicators: Record<C6IndicatorId, { title: string; stages: FourStages }>;
}

/**
 * The C6 rubric as the framework words it (shared/seeds/001_*.txt, section "C6. Work-Based
 * Learning"), with a Spanish translation: one source for the API's answer and the web app's page.
 */
export const C6_RUBRIC: Record<GuardianLanguage, C6Rubric> = {
  en: {
    stages: C6_STAGE_LABELS,
    indicators: {
      "C6.1": {
        title: "WBL Leadership",
        stages: [
          "Perhaps by default, one or more organizations are thrust into a WBL intermediary role.",
          "With intention and some resources, one or more organizations assume responsibility for creating a WBL infrastructure and building regional capacity to manage the system.",
          "Fully resourced and qualified, one or more organizations continue to build their capacity to manage a WBL system and offer WBL opportunities to a growing percentage of youth.",
          "Ongoing management of the WBL system becomes a core function of one or more long-standing organizations, supported by a sustainable funding mechanism.",
        ],
      },
      "C6.2": {
        title: "Employer Engagement",
        stages: [
          "Employers are engaged informally in early WBL experiences (guest speakers, career days, etc.). Limited processes and tools are in place to support the development of relationships between educators and employers. A simple database is used to track employer participation and/or interest in providing WBL opportunities.",
          "Partially formalized processes and tools are used to recruit and engage employers to create, design, and implement opportunities along the WBL continuum. Processes and tools support the development of relationships between educators and employers. A database is used to connect educators and employers and to gather data on WBL experiences.",
          "Formalized processes, protocols, and tools are used to recruit employers, based on pathway needs aligned to regional labor/workforce data analysis. Processes and tools support the management of relationships between educators and employers. A well-established database is used to foster relationships between educators and employers and to improve the quality of WBL experiences.",
          "Regional businesses or economic development organizations routinely recruit and engage employers (i.e., embedded into their membership structure) to ensure a sustained flow of WBL opportunities. Processes and tools are in place to sustain high-quality partnerships between educators and employers. A well-established and refined database is used to improve employer engagement and ensure high-quality WBL experiences.",
        ],
      },
      "C6.3": {
        title: "WBL Continuous Improvement",
        stages: [
          "Anecdotal feedback about student and employer WBL experiences informs improvement. WBL student outcomes are defined, but progress toward outcomes is not yet monitored.",
          "Evaluation criteria are established to measure the effectiveness of student and employer WBL experiences; data collection is not systematic. Efforts are made to improve WBL student outcomes and employer expectations.",
          "Established metrics inform a system for regularly tracking data that can inform program improvement. Data are used to inform program improvement with regard to improving student outcomes and employer expectations.",
          "Progress monitoring and data review are systematized to inform program improvement. Data are used to enhance employers' return on investment, students' skill attainment and certifications, and system design.",
        ],
      },
    },
  },
  es: {
    stages: ["Emergente", "En desarrollo", "En avance", "Transformadora"],
    indicators: {
      "C6.1": {
        title: "Liderazgo del aprendizaje basado en el trabajo",
        stages: [
          "Quizás por defecto, una o más organizaciones se ven empujadas a asumir el papel de intermediario del aprendizaje basado en el trabajo.",
          "Con intención y algunos recursos, una o más organizaciones asumen la responsabilidad de crear una infraestructura de aprendizaje basado en el trabajo y de desarrollar la capacidad regional para gestionar el sistema.",
          "Con recursos suficientes y personal calificado, una o más organizaciones siguen desarrollando su capacidad para gestionar un sistema de aprendizaje basado en el trabajo y ofrecen oportunidades a un porcentaje creciente de jóvenes.",
          "La gestión continua del sistema de aprendizaje basado en el trabajo se convierte en una función central de una o más organizaciones consolidadas, respaldada por un mecanismo de financiamiento sostenible.",
        ],
      },
      "C6.2": {
        title: "Participación de los empleadores",
        stages: [
          "Los empleadores participan de manera informal en las primeras experiencias de aprendizaje basado en el trabajo (charlas de profesionales, días de carreras, etc.). Hay pocos procesos y herramientas para apoyar las relaciones entre docentes y empleadores. Se usa una base de datos sencilla para registrar la participación o el interés de los empleadores en ofrecer oportunidades.",
          "Se usan procesos y herramientas parcialmente formalizados para reclutar a los empleadores e involucrarlos en la creación, el diseño y la realización de oportunidades a lo largo del continuo del aprendizaje basado en el trabajo. Los procesos y herramientas apoyan las relaciones entre docentes y empleadores. Se usa una base de datos para conectar a docentes y empleadores y para reunir datos sobre las experiencias.",
          "Se usan procesos, protocolos y herramientas formalizados para reclutar empleadores según las necesidades de las trayectorias, en consonancia con el análisis de datos regionales del mercado laboral. Los procesos y herramientas apoyan la gestión de las relaciones entre docentes y empleadores. Una base de datos bien establecida sirve para fomentar esas relaciones y mejorar la calidad de las experiencias.",
          "Las empresas de la región o las organizaciones de desarrollo económico reclutan e involucran habitualmente a los empleadores (es decir, como parte de su estructura de membresía) para asegurar un flujo constante de oportunidades. Hay procesos y herramientas para sostener alianzas de alta calidad entre docentes y empleadores. Una base de datos bien establecida y depurada sirve para mejorar la participación de los empleadores y asegurar experiencias de alta calidad.",
        ],
      },
      "C6.3": {
        title: "Mejora continua del aprendizaje basado en el trabajo",
        stages: [
          "Los comentarios informales sobre las experiencias de estudiantes y empleadores orientan la mejora. Los resultados esperados para los estudiantes están definidos, pero todavía no se da seguimiento al avance hacia ellos.",
          "Hay criterios de evaluación para medir la eficacia de las experiencias de estudiantes y empleadores; la recolección de datos no es sistemática. Se hacen esfuerzos para mejorar los resultados de los estudiantes y responder a las expectativas de los empleadores.",
          "Indicadores establecidos sustentan un sistema de seguimiento periódico de datos que puede orientar la mejora del programa. Los datos se usan para mejorar el programa en cuanto a los resultados de los estudiantes y las expectativas de los empleadores.",
          "El seguimiento del avance y la revisión de datos están sistematizados para orientar la mejora del programa. Los datos se usan para aumentar el retorno de la inversión de los empleadores, la adquisición de competencias y certificaciones de los estudiantes, y el diseño del sistema.",
        ],
      },
    },
  },
};
