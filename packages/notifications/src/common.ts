import { defineStrings } from "./i18n.ts";

/** Words every message shares: greeting, sign-off, the link back into Bridgework. */
export const common = defineStrings("common", {
  en: {
    hello: "Hello {{name}},",
    openMatch: "Open the match in Bridgework",
    openPlacement: "Open the placement in Bridgework",
    openBridgework: "Open Bridgework",
    signature: "— Bridgework, for {{region}}",
    students_one: "{{count}} student",
    students_other: "{{count}} students",
    virtual: "Virtual",
  },
  es: {
    hello: "Hola, {{name}}:",
    openMatch: "Abrir el emparejamiento en Bridgework",
    openPlacement: "Abrir la práctica en Bridgework",
    openBridgework: "Abrir Bridgework",
    signature: "— Bridgework, para {{region}}",
    students_one: "{{count}} estudiante",
    students_other: "{{count}} estudiantes",
    virtual: "Virtual",
  },
});
