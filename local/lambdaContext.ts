import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LambdaFunctionConfig {
  readonly functionName: string;
  /** The function's configured timeout: getRemainingTimeInMillis counts down from it. */
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly region?: string;
  readonly accountId?: string;
}

/** Thrown by the callback-era context methods: handlers here are async and return their result. */
export class CallbackStyleUnsupportedError extends Error {
  override readonly name = 'CallbackStyleUnsupportedError';
  constructor(method: string) {
    super(`context.${method}() is not supported locally (nor on Node.js 24+ in AWS): return or throw from the async handler`);
  }
}

/** The Context that the Lambda runtime hands one invocation, started now. */
export function createLambdaContext(config: LambdaFunctionConfig, now: () => number = Date.now): Context {
  const deadline = now() + config.timeoutMs;
  const region = config.region ?? 'us-east-1';
  const accountId = config.accountId ?? '000000000000';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: config.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${config.functionName}`,
    memoryLimitInMB: String(config.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${config.functionName}`,
    logStreamName: logStreamName(new Date(now())),
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: () => {
      throw new CallbackStyleUnsupportedError('done');
    },
    fail: () => {
      throw new CallbackStyleUnsupportedError('fail');
    },
    succeed: () => {
      throw new CallbackStyleUnsupportedError('succeed');
    },
  };
}

/** Lambda's format: `YYYY/MM/DD/[$LATEST]<32 hex digits>`. */
function logStreamName(date: Date): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}
