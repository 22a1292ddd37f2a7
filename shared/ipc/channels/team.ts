/** The team vault: members, shared entries, and what a member's removal exposes. */
export const TEAM_CHANNELS = {} as const;

/** Events the team vault sends (a sync brought changes). */
export const TEAM_EVENTS = {} as const;
