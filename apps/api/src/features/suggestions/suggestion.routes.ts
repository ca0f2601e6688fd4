import type { App } from "../../lib/app-types.ts";
import type { AppServices } from "../../lib/context.ts";

export async function suggestionRoutes(app: App, _services: AppServices) {
  app.addHook("onRequest", app.authenticate);
}
