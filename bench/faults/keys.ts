/** The list the fault suite's worker messenger appends every send to (under the run's prefix; bench only, never the app's). */
export const sentList = (prefix: string) => `${prefix}:{faults}:sent`;
