import "@mantine/core/styles.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { restoreSession } from "./lib/auth.ts";
import { i18nReady } from "./lib/i18n.ts";

// Started once here, not in an effect: StrictMode runs effects twice, and a second refresh with
// the same cookie would look like token theft to the server and end the session.
void restoreSession();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
// The first paint waits for the reader's language (one small chunk), so no untranslated key flashes.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
