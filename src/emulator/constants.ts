/** The emulator's constants that browser code and tests use too: free of Node imports. */

/** The demo and test client: enabled, pay-in-4 and financing. */
export const EMULATOR_CLIENT_ID = 'e8b2f2a4-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
/** A known client whose OSM API access is not enabled: answers 403. */
export const EMULATOR_DISABLED_CLIENT_ID = '0d15ab1e-0000-4000-8000-000000000403';

/** The offers of the built-in demo client; a copy is made for each new config. */
export const DEFAULT_PAY_IN_FOUR = { min: 3500, max: 150000 } as const;
export const DEFAULT_FINANCING = { min: 150001, max: 1000000, apr: 19.99, months: 12, markets: ['US', 'CA', 'GB'] } as const;

/** The path the emulated dialog posts a purchase to. Klarna's own SDK uses private endpoints; this one is the emulator's. */
export const EMULATED_PURCHASE_PATH = '/instantshopping/emulator/v1/purchases';
