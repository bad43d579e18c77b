/** What time it is, as the rules see it: injected into every service so that tests can set the day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
