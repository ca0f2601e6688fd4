// The worker and the API load this file through tsx, which applies a tsconfig only to the files it
// includes: these pragmas make the JSX transform the same whoever imports the package.
/* @jsxRuntime automatic */
/* @jsxImportSource react */
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { Language } from "./types.ts";

/** What a message says, in order; every value is text (React escapes it in the HTML). */
export interface MailContent {
  language: Language;
  /** First line, e.g. "Hello Ana,". */
  hello: string;
  paragraphs: string[];
  /** A short list under the paragraphs (documents to sign, overdue items…). */
  items?: string[];
  /** The main action as a button, then other links. */
  action?: { label: string; url: string };
  links?: { label: string; url: string }[];
  /** Small print under a rule. */
  footer?: string;
}

const page = { backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" };
const card = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", borderRadius: "6px" };
const button = {
  backgroundColor: "#1c5d99",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "4px",
  textDecoration: "none",
};

function Mail(c: MailContent) {
  return (
    <Html lang={c.language}>
      <Head />
      <Preview>{c.paragraphs[0] ?? c.hello}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text>{c.hello}</Text>
          {c.paragraphs.map((p, i) => (
            <Text key={i}>{p}</Text>
          ))}
          {c.items && c.items.length > 0 ? (
            <ul>
              {c.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
          {c.action ? (
            <Section style={{ margin: "16px 0" }}>
              <Button href={c.action.url} style={button}>
                {c.action.label}
              </Button>
            </Section>
          ) : null}
          {(c.links ?? []).map((l) => (
            <Text key={l.url}>
              <Link href={l.url}>{l.label}</Link>
            </Text>
          ))}
          {c.footer ? (
            <>
              <Hr />
              <Text style={{ fontSize: "12px", color: "#52606d" }}>{c.footer}</Text>
            </>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The same message as HTML (React Email components) and as plain text. The text part is written
 * from the same content rather than converted from HTML, so links appear as "label: url".
 */
export async function renderMail(c: MailContent): Promise<{ text: string; html: string }> {
  const html = await render(<Mail {...c} />);
  const links = [...(c.action ? [c.action] : []), ...(c.links ?? [])];
  const text = [
    c.hello,
    "",
    ...c.paragraphs.flatMap((p) => [p, ""]),
    ...(c.items && c.items.length > 0 ? [...c.items.map((i) => `- ${i}`), ""] : []),
    ...links.map((l) => `${l.label}: ${l.url}`),
    ...(c.footer ? ["", c.footer] : []),
  ]
    .join("\n")
    .trimEnd();
  return { text, html };
}
