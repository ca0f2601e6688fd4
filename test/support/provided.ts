/** Values the global setup hands every test file (see test/global-setup.ts). */
declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
    /** The migrated template with the demo regions and logins (`seedDemo` without history), built once per run. */
    demoTemplateDatabase: string;
    /** The migrated template with the whole demo, history included (the browser tests' world), built once per run. */
    demoHistoryTemplateDatabase: string;
    redisUrl: string;
    /** How this run's test databases are named (`createTestDatabase`): the global teardown drops those left. */
    testDatabasePrefix: string;
  }
}
export {};
