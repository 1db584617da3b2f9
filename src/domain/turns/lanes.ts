import type { WaitingRequest } from './waitingRequest.js';

/**
 * A set of API keys waiting requests go out on, with its own turns: `operator` (the operator's
 * keys) or, for a server with its own key, `guild:<guildId>`.
 */
export type Lane = 'operator' | `guild:${string}`;

export const operatorLane: Lane = 'operator';

/** Which lane a waiting request goes out on. */
export type LaneOf = (request: WaitingRequest) => Lane;

/** Today every request goes out on the operator's key. */
export const everyRequestOnOperatorKey: LaneOf = () => operatorLane;
