/** The leak scanner: scanning a folder (and its git history) for keys, from the desktop app. */
export const SCAN_CHANNELS = {} as const;

/** Events the scanner sends while it works. */
export const SCAN_EVENTS = {} as const;
