/** Values the global setup hands every test file (see test/global-setup.ts). */
declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}
export {};
