/** Audit: the audit log view, audit bundles opened offline, quarterly reviews and their reports. */
export const AUDIT_CHANNELS = {} as const;

/** Events audit work sends (verification progress). */
export const AUDIT_EVENTS = {} as const;
