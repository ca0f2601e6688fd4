import type { DocumentKind } from "@bridgework/domain";

/** The same forms in plain Spanish, for families whose language on file is Spanish. */
export const DEFAULT_TEMPLATES_ES: Record<DocumentKind, { title: string; body: string }> = {
  guardian_consent: {
    title: "Consentimiento del padre, madre o tutor para una práctica de aprendizaje en el trabajo",
    body: `Soy el padre, la madre o el tutor legal de {{studentName}}, estudiante de {{schoolName}} en {{districtName}}.

Doy permiso para que {{studentName}} participe en "{{opportunityTitle}}" con {{employerName}} del {{startDate}} al {{endDate}}. La persona que supervisa en el lugar de trabajo es {{supervisorName}}.

Entiendo que:
- Es una experiencia de aprendizaje aprobada por la escuela. {{districtName}} la organizó con {{employerName}}, y la coordinadora o el coordinador de aprendizaje en el trabajo de la escuela sigue siendo mi contacto principal.
- Mi estudiante debe seguir las reglas de la escuela y del lugar de trabajo, incluidas las reglas de seguridad, la vestimenta requerida y cualquier capacitación que pida el empleador.
- A mi estudiante no se le pedirá ningún trabajo que la ley estatal o federal no permita a alguien de su edad.
- Si la escuela no organiza el transporte por escrito, yo soy responsable de cómo llega mi estudiante al lugar de trabajo y cómo regresa.
- La escuela comparte con el empleador solo lo que la práctica necesita: el nombre, la inicial del apellido, el grado y la escuela de mi estudiante, y la información de emergencia que yo dé.
- Puedo retirar este permiso en cualquier momento avisando a la coordinadora o al coordinador de la escuela. En ese caso la práctica termina.

Al firmar, confirmo que leí este formulario y que estoy de acuerdo.`,
  },
  liability_waiver: {
    title: "Reconocimiento de riesgos y exención de responsabilidad",
    body: `Firma este formulario el estudiante si tiene 18 años o más; si no, su padre, madre o tutor legal.

{{studentName}} participará en "{{opportunityTitle}}" con {{employerName}} del {{startDate}} al {{endDate}}, organizado por {{districtName}}. La persona que supervisa en el lugar de trabajo es {{supervisorName}}.

Toda actividad fuera de la escuela tiene algún riesgo, incluido el traslado al lugar de trabajo y los peligros comunes de un lugar de trabajo. El empleador y la escuela tomarán medidas razonables para proteger al estudiante, y le explicarán las reglas de seguridad del lugar.

Al firmar, acepto que:
- El estudiante participa de forma voluntaria.
- El estudiante seguirá las instrucciones de la persona que supervisa y del personal de la escuela, y avisará de inmediato de cualquier lesión o situación peligrosa.
- Libero a {{districtName}}, a sus escuelas y a su personal de reclamos por lesiones o pérdidas que resulten de los riesgos comunes de esta práctica. Esta exención no cubre daños causados por negligencia o mala conducta intencional, y no quita ningún derecho que la ley no permita renunciar.
- Informaré a la coordinadora o al coordinador de la escuela sobre cualquier condición de salud o necesidad que pueda afectar la seguridad del estudiante en el lugar de trabajo.
- Esta exención cubre las fechas indicadas y cualquier cambio de fecha de la misma práctica.`,
  },
  worksite_agreement: {
    title: "Acuerdo del lugar de trabajo",
    body: `{{employerName}} acepta recibir a {{studentName}}, estudiante de {{schoolName}} ({{districtName}}), para "{{opportunityTitle}}" del {{startDate}} al {{endDate}}. {{supervisorName}} supervisa al estudiante en el lugar de trabajo.

Como supervisor, acepto en nombre de {{employerName}} que:
- El primer día el estudiante recibe una orientación: reglas de seguridad, salidas y procedimientos de emergencia, y a quién pedir ayuda.
- El estudiante hace solo tareas seguras, permitidas por la ley para su edad y que forman parte de aprender sobre el trabajo. El estudiante no reemplaza a un empleado.
- Un empleado adulto supervisa al estudiante en todo momento. El estudiante nunca está a solas con un adulto en un lugar cerrado o aislado.
- El horario respeta el horario escolar del estudiante y los límites legales para menores.
- Informo el mismo día a la coordinadora o al coordinador de la escuela de cualquier lesión, incidente o preocupación.
- Mantengo privada la información del estudiante y la uso solo para esta práctica.
- Confirmo las horas del estudiante cuando Bridgework lo pida y completo una breve evaluación al final.
- {{employerName}} mantiene un seguro de responsabilidad civil vigente durante las fechas de la práctica, o ha informado a la coordinación del distrito que no lo tiene.`,
  },
  emergency_contact: {
    title: "Contacto de emergencia y autorización médica",
    body: `Estudiante: {{studentName}}, {{schoolName}} ({{districtName}})
Práctica: "{{opportunityTitle}}" con {{employerName}}, del {{startDate}} al {{endDate}}
Supervisor en el lugar de trabajo: {{supervisorName}}

Al firmar, confirmo que la información de contacto de emergencia que la escuela tiene de este estudiante está al día. Avisaré de inmediato a la coordinadora o al coordinador de la escuela si cambia.

En una emergencia, el lugar de trabajo llama al 911 si hace falta, después a los contactos de emergencia registrados y después a la coordinación de la escuela.

Si no se puede localizar a ningún padre, madre, tutor ni contacto de emergencia, autorizo a la persona que supervisa y al personal de la escuela a buscar tratamiento médico de emergencia para el estudiante con un profesional autorizado.

Informaré por escrito a la coordinación de la escuela sobre cualquier alergia, medicamento o condición médica que el lugar de trabajo deba conocer para proteger al estudiante. Esa información se comparte con la persona que supervisa solo en la medida en que la seguridad del estudiante lo requiera.`,
  },
};
