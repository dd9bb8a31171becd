// One Lambda execution environment: a worker thread with the function's own
// process.env, which imports the function's bundle from cdk.out (the file
// that deploys) and runs one invocation at a time. Plain JavaScript because
// it loads no TypeScript: only the bundle.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { bundle, handlerExport, functionName, functionArn, memoryMb, logGroupName, logStreamName } = workerData;

/** What crosses back to the host: an Error's own fields survive structured cloning as plain data. */
function serialized(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

if ((process.env.NODE_OPTIONS ?? '').includes('--enable-source-maps')) process.setSourceMapsEnabled(true);

const initStarted = performance.now();
let handler;
let initError;
try {
  const module = await import(pathToFileURL(bundle).href);
  handler = module[handlerExport];
  if (typeof handler !== 'function') throw new Error(`Runtime.HandlerNotFound: index.${handlerExport} is undefined or not exported`);
} catch (error) {
  initError = serialized(error);
}
parentPort.postMessage({ type: 'ready', initMs: performance.now() - initStarted, error: initError });

parentPort.on('message', async ({ id, event, deadline, requestId }) => {
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName,
    logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {
      throw new Error('callback-style handlers are not supported');
    },
    fail: () => {
      throw new Error('callback-style handlers are not supported');
    },
    succeed: () => {
      throw new Error('callback-style handlers are not supported');
    },
  };
  try {
    const result = await handler(event, context);
    parentPort.postMessage({ type: 'result', id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id, ok: false, error: serialized(error) });
  }
});
