/** The list the fault suite's worker messenger appends every send to (under the run's prefix; bench only, never the app's). */
export const sentList = (prefix: string) => `${prefix}:{faults}:sent`;

/** How many sends worker process `name` has in flight right now (bench only). */
export const inFlightKey = (prefix: string, name: string) => `${prefix}:{faults}:in-flight:${name}`;

/** How long a fault-suite worker's send takes: about what a call to WeChat's API takes, so a kill finds sends in flight. */
export const SEND_MS = 100;
