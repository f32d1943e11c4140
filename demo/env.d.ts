/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by demo/serve.ts to the emulator it started. */
  readonly VITE_KLARNA_EMULATOR_URL?: string;
}
