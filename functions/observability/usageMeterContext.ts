import { AsyncLocalStorage } from 'node:async_hooks';
import type { UsageMeter } from './usageMeter';

/**
 * The meter of the invocation in progress, reachable from SDK middlewares
 * and domain decorators without passing it through every call. Each
 * invocation's async work sees its own meter, also when the local runtime
 * runs several invocations at once in one process.
 */
const storage = new AsyncLocalStorage<UsageMeter>();

/**
 * Makes `meter` current for the rest of this invocation. Middy runs the
 * before-middlewares and then the handler in one async chain, so entering
 * here reaches the handler and everything it awaits; a previous
 * invocation's meter that lingers in the caller's context is closed, and a
 * closed meter records nothing.
 */
export function enterMeter(meter: UsageMeter): void {
  storage.enterWith(meter);
}

/** The current invocation's meter, or undefined outside a metered invocation (tests, CLI tools). */
export function currentMeter(): UsageMeter | undefined {
  return storage.getStore();
}
