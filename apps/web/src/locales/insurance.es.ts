import type { insuranceEn } from "./insurance.en.ts";

/** Spanish text of the insurance pages; the type keeps the keys in step with English. */
export const insuranceEs: typeof insuranceEn = {
  title: "Seguros",
  employerIntro:
    "El certificado de seguro de su organización. Las prácticas de estudiantes en su lugar de trabajo solo pueden empezar mientras haya un certificado vigente registrado.",
  staffIntro: "Qué empleadores detienen prácticas por el seguro, y el certificado de cada empleador.",
  employerTitle: "Seguro de {{employer}}",
  back: "Volver a seguros",
  statuses: { valid: "Vigente", expiring: "Vence en 30 días o menos", expired: "Vencido", missing: "Ninguno" },
  status: {
    heading: "Estado del certificado",
    valid: "Vigente hasta el {{date}}: {{carrier}}, póliza {{policy}}.",
    expiring:
      "Vence el {{date}} ({{carrier}}, póliza {{policy}}). Registre el certificado renovado antes de esa fecha.",
    expired:
      "Venció el {{date}} ({{carrier}}, póliza {{policy}}). Registre un certificado vigente para que las prácticas puedan empezar.",
    missing: "No hay ningún certificado registrado. Registre uno para que las prácticas puedan empezar.",
  },
  form: {
    title: "Registrar un certificado",
    carrier: "Aseguradora",
    policyNumber: "Número de póliza",
    coverageAmount: "Monto de cobertura (dólares estadounidenses)",
    expiresOn: "Fecha de vencimiento",
    file: "Archivo del certificado",
    fileHint: "Un PDF, PNG o JPEG del certificado, de hasta 5 MB.",
    submit: "Registrar certificado",
    filed: "Certificado registrado. Su estado ahora es «{{status}}».",
    fileRequired: "Elija el archivo del certificado (PDF, PNG o JPEG).",
    fileTooLarge: "El archivo pesa más de 5 MB. Elija un PDF, PNG o JPEG más pequeño.",
    fileType: "El archivo debe ser un PDF, PNG o JPEG.",
    fileUnreadable: "No se pudo leer el archivo. Elíjalo de nuevo.",
    carrierRequired: "Escriba el nombre de la aseguradora.",
    policyRequired: "Escriba el número de póliza.",
    coverageInvalid: "Escriba la cobertura en dólares estadounidenses, un número mayor que 0.",
    expiresInvalid: "Elija la fecha en que vence el certificado.",
  },
  history: {
    title: "Certificados registrados",
    empty: "Todavía no hay ningún certificado registrado.",
    filed: "Registrado el {{date}}",
    policy: "Póliza {{policy}}",
    coverage: "Cobertura {{amount}}",
    expires: "Vence el {{date}}",
    download: "Descargar",
    downloadLabel: "Descargar {{name}}",
    noFile: "Sin archivo (registrado en papel)",
    latest: "En vigor",
  },
  blocked: {
    title: "Prácticas en espera del seguro",
    intro:
      "Prácticas abiertas que no pueden empezar hasta que el empleador registre un certificado vigente (o se registre una cláusula o exención en la práctica).",
    empty: "Ninguna práctica está en espera del seguro.",
    employerStatus: "Certificado: {{status}}",
    expiresOn: "vence el {{date}}",
    request: "Pedir certificado",
    requestLabel: "Pedir certificado a {{employer}}",
    open: "Ver los certificados de {{employer}}",
    sent_one: "{{employer}}: se pidió por correo a {{count}} persona.",
    sent_other: "{{employer}}: se pidió por correo a {{count}} personas.",
    alreadyAsked: "Ya se pidió hoy a {{employer}}; no se envió nada más.",
    placementsOf: "Prácticas que {{employer}} detiene",
    placement: "{{student}}: {{title}} ({{school}}), empieza el {{date}}",
    reasons: {
      missing: "sin certificado",
      expired: "certificado vencido",
      expires_before_start: "el certificado vence antes del inicio",
    },
  },
  employers: {
    title: "Certificados de los empleadores",
  },
};
