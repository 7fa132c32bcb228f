/** Where the inspection endpoint lives: outside every HubSpot path. */
export const INSPECTION_PREFIX = '/_sandbox';
