/** Time comes from here so expiry and reminder rules can be tested at any date. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
