/** Records what the code under test writes to the console, and keeps it out of the test output. */
export interface CapturedConsole {
  messages: string[];
  restore(): void;
}

export function captureConsole(method: 'warn' | 'error'): CapturedConsole {
  const messages: string[] = [];
  const original = Object.getOwnPropertyDescriptor(console, method)!;
  console[method] = (...args: unknown[]) => { messages.push(args.map(String).join(' ')); };
  return { messages, restore: () => Object.defineProperty(console, method, original) };
}
