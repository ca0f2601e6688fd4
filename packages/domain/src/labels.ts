import type { DocumentKind, SignerRole } from "./placements/placements.ts";
import type { GuardianLanguage } from "./placements/students.ts";
import { KIND_LABELS, type Kind, LEVEL_LABELS, type Level, type Modality, type Sector } from "./enums.ts";

/**
 * Words people read for the product's codes, in each language: kinds, continuum levels, sectors
 * and modalities. One source for the web app and the emails (sector codes are their English names).
 */
export interface Labels {
  kinds: Record<Kind, string>;
  levels: Record<Level, string>;
  sectors: Record<Sector, string>;
  modalities: Record<Modality, string>;
  /** Paperwork titles, as the signer reads them. */
  documents: Record<DocumentKind, string>;
  /** Who signs, as a phrase ("the parent or guardian"). */
  signers: Record<SignerRole, string>;
}

const SECTORS_EN = {
  "Agriculture and Natural Resources": "Agriculture and Natural Resources",
  "Arts, Media, and Entertainment": "Arts, Media, and Entertainment",
  "Building and Construction Trades": "Building and Construction Trades",
  "Business and Finance": "Business and Finance",
  "Education, Child Development, and Family Services": "Education, Child Development, and Family Services",
  "Energy, Environment, and Utilities": "Energy, Environment, and Utilities",
  "Engineering and Architecture": "Engineering and Architecture",
  "Fashion and Interior Design": "Fashion and Interior Design",
  "Health Science and Medical Technology": "Health Science and Medical Technology",
  "Hospitality, Tourism, and Recreation": "Hospitality, Tourism, and Recreation",
  "Information and Communication Technologies": "Information and Communication Technologies",
  "Manufacturing and Product Development": "Manufacturing and Product Development",
  "Marketing, Sales, and Service": "Marketing, Sales, and Service",
  "Public Services": "Public Services",
  Transportation: "Transportation",
} satisfies Record<Sector, string>;

export const LABELS: Record<GuardianLanguage, Labels> = {
  en: {
    kinds: KIND_LABELS,
    levels: LEVEL_LABELS,
    sectors: SECTORS_EN,
    modalities: { in_person: "In person", virtual: "Virtual", hybrid: "Hybrid" },
    documents: {
      guardian_consent: "Parent or guardian consent",
      liability_waiver: "Acknowledgement of risk and release",
      worksite_agreement: "Worksite agreement",
      emergency_contact: "Emergency contact and medical authorization",
    },
    signers: { guardian: "the parent or guardian", student: "the student", supervisor: "the worksite supervisor" },
  },
  es: {
    kinds: {
      guest_speaker: "Charla de un profesional",
      career_fair: "Feria de carreras",
      industry_tour: "Visita a la empresa",
      job_shadow: "Observación en el trabajo",
      informational_interview: "Entrevista informativa",
      mock_interview: "Entrevista de práctica",
      mentoring: "Mentoría",
      industry_project: "Proyecto con la empresa",
      student_enterprise: "Empresa estudiantil",
      simulated_work: "Trabajo simulado",
      internship: "Pasantía",
      pre_apprenticeship: "Preaprendizaje",
      apprenticeship: "Aprendizaje de oficio",
      paid_work_experience: "Experiencia laboral pagada",
      teacher_externship: "Estancia para docentes",
      advisory_board: "Consejo asesor",
    },
    levels: {
      exposure: "Exploración de carreras",
      engagement: "Participación en carreras",
      experience: "Experiencia laboral",
      educator: "Docentes",
    },
    sectors: {
      "Agriculture and Natural Resources": "Agricultura y recursos naturales",
      "Arts, Media, and Entertainment": "Artes, medios y entretenimiento",
      "Building and Construction Trades": "Construcción y oficios de la construcción",
      "Business and Finance": "Negocios y finanzas",
      "Education, Child Development, and Family Services": "Educación, desarrollo infantil y servicios a la familia",
      "Energy, Environment, and Utilities": "Energía, medio ambiente y servicios básicos",
      "Engineering and Architecture": "Ingeniería y arquitectura",
      "Fashion and Interior Design": "Moda y diseño de interiores",
      "Health Science and Medical Technology": "Ciencias de la salud y tecnología médica",
      "Hospitality, Tourism, and Recreation": "Hotelería, turismo y recreación",
      "Information and Communication Technologies": "Tecnologías de la información y la comunicación",
      "Manufacturing and Product Development": "Manufactura y desarrollo de productos",
      "Marketing, Sales, and Service": "Mercadotecnia, ventas y servicio",
      "Public Services": "Servicios públicos",
      Transportation: "Transporte",
    },
    modalities: { in_person: "Presencial", virtual: "Virtual", hybrid: "Híbrido" },
    documents: {
      guardian_consent: "Consentimiento del padre, madre o tutor",
      liability_waiver: "Reconocimiento de riesgos y exención de responsabilidad",
      worksite_agreement: "Acuerdo del lugar de trabajo",
      emergency_contact: "Contacto de emergencia y autorización médica",
    },
    signers: {
      guardian: "el padre, la madre o el tutor",
      student: "el estudiante",
      supervisor: "el supervisor del lugar de trabajo",
    },
  },
};

/** A sector's name in a language; an unknown sector (free text from older data) as it was written. */
export function sectorLabel(sector: string, language: GuardianLanguage): string {
  return (LABELS[language].sectors as Record<string, string>)[sector] ?? sector;
}
