import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { DeployedFunction } from './localDeployment';

const WORKER_SCRIPT = new URL('./lambdaWorker.mjs', import.meta.url);

/** An invocation failed the way Lambda reports it: the handler threw, timed out, or the environment died. */
export class FunctionInvocationError extends Error {
  override readonly name = 'FunctionInvocationError';
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    message: string,
  ) {
    super(`${functionName}: ${errorType}: ${message}`);
  }
}

/** Lambda refused to start another environment: the function's reserved concurrency is used up. */
export class FunctionThrottledError extends Error {
  override readonly name = 'TooManyRequestsException';
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Instance {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  pending: Pending | undefined;
}

export interface FunctionInstanceStats {
  invocations: number;
  coldStarts: number;
  /** Module init of each cold start (the bundle's import), in milliseconds. */
  initMs: number[];
}

export interface FunctionInstancesOptions {
  /** The environment the function gets: the template's, with the local mappings. */
  environment: Record<string, string>;
  /** Reserved concurrency, or the account's limit: at most this many environments at once. */
  maxInstances: number;
  /** Each line the function writes (its CloudWatch Logs), with the environment's log stream. */
  onLogLine: (line: string, logStream: string) => void;
  /** A new environment started, with its log stream: the runtime's own calls (log writes) happen now. */
  onColdStart: (logStream: string) => Promise<void>;
}

/**
 * The execution environments of one deployed function, as Lambda keeps them:
 * a worker thread per environment, each with the function's own
 * environment variables, running its bundle from cdk.out one invocation at a
 * time; a new one starts (a cold start) when all are busy, up to the
 * concurrency limit; one that times out or crashes is thrown away.
 */
export class FunctionInstances {
  private readonly instances = new Set<Instance>();
  private readonly counters: FunctionInstanceStats = { invocations: 0, coldStarts: 0, initMs: [] };
  private stopped = false;

  constructor(
    readonly fn: DeployedFunction,
    private readonly options: FunctionInstancesOptions,
  ) {}

  stats(): FunctionInstanceStats {
    return { ...this.counters, initMs: [...this.counters.initMs] };
  }

  async invoke(event: unknown): Promise<unknown> {
    if (this.stopped) throw new FunctionInvocationError(this.fn.functionName, 'Runtime.Stopped', 'the runtime is stopping');
    const instance = this.idleInstance() ?? this.startInstance();
    instance.busy = true;
    this.counters.invocations += 1;
    try {
      await instance.ready;
      return await this.run(instance, event);
    } finally {
      instance.busy = false;
    }
  }

  /**
   * Starts an environment before an invocation needs it, as provisioned
   * concurrency does, and resolves once its init has run: its module-init time
   * is the last of `stats().initMs`.
   */
  async provision(): Promise<void> {
    await this.startInstance().ready;
  }

  /** Ends the idle environments, as Lambda reclaims environments left idle: the next invocation starts cold. */
  async recycle(): Promise<number> {
    const idle = [...this.instances].filter((instance) => !instance.busy);
    await Promise.all(idle.map((instance) => this.discard(instance)));
    return idle.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.instances].map((instance) => this.discard(instance)));
  }

  private idleInstance(): Instance | undefined {
    return [...this.instances].find((instance) => !instance.busy);
  }

  private startInstance(): Instance {
    if (this.instances.size >= this.options.maxInstances) {
      throw new FunctionThrottledError(`Rate Exceeded: ${this.fn.functionName} has ${this.options.maxInstances} environments busy`);
    }
    const logStream = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomUUID().replaceAll('-', '')}`;
    const worker = new Worker(WORKER_SCRIPT, {
      env: this.options.environment,
      // Not this process's flags: under tsx or vitest they would load TypeScript hooks that resolve every module the bundle imports (twice the init), which Lambda has not.
      execArgv: [],
      workerData: {
        bundle: this.fn.bundle,
        handlerExport: this.fn.handlerExport,
        functionName: this.fn.functionName,
        functionArn: this.fn.arn,
        memoryMb: this.fn.memoryMb,
        logGroupName: this.fn.logGroupName,
        logStreamName: logStream,
      },
      stdout: true,
      stderr: true,
      // The function's memory setting bounds its heap, as Lambda bounds the sandbox.
      resourceLimits: { maxOldGenerationSizeMb: this.fn.memoryMb },
    });
    this.captureLines(worker.stdout, logStream);
    this.captureLines(worker.stderr, logStream);
    this.counters.coldStarts += 1;
    const instance: Instance = { worker, busy: false, pending: undefined, ready: Promise.resolve() };
    instance.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { type: string; initMs?: number; error?: { name: string; message: string } }) => {
        if (message.type !== 'ready') return;
        worker.off('message', onMessage);
        this.counters.initMs.push(message.initMs ?? 0);
        if (message.error === undefined) return void this.options.onColdStart(logStream).then(resolve, reject);
        void this.discard(instance);
        reject(new FunctionInvocationError(this.fn.functionName, 'Runtime.ImportModuleError', message.error.message));
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => reject(new FunctionInvocationError(this.fn.functionName, 'Runtime.ExitError', error.message)));
    });
    worker.on(
      'message',
      (message: { type: string; id?: string; ok?: boolean; result?: unknown; error?: { name: string; message: string } }) => {
        if (message.type !== 'result' || instance.pending === undefined) return;
        const pending = instance.pending;
        instance.pending = undefined;
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.result);
        else
          pending.reject(new FunctionInvocationError(this.fn.functionName, message.error?.name ?? 'Error', message.error?.message ?? ''));
      },
    );
    worker.on('error', (error) =>
      this.fail(instance, new FunctionInvocationError(this.fn.functionName, 'Runtime.ExitError', error.message)),
    );
    worker.on('exit', (code) => {
      this.instances.delete(instance);
      this.fail(instance, new FunctionInvocationError(this.fn.functionName, 'Runtime.ExitError', `the environment exited with ${code}`));
    });
    this.instances.add(instance);
    return instance;
  }

  private run(instance: Instance, event: unknown): Promise<unknown> {
    const deadline = Date.now() + this.fn.timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // Lambda ends the sandbox of a timed-out invocation; the next one starts cold.
        void this.discard(instance);
        this.fail(
          instance,
          new FunctionInvocationError(this.fn.functionName, 'Sandbox.Timedout', `Task timed out after ${this.fn.timeoutMs / 1000} seconds`),
        );
      }, this.fn.timeoutMs);
      instance.pending = { resolve, reject, timer };
      instance.worker.postMessage({ id: randomUUID(), event, deadline, requestId: randomUUID() });
    });
  }

  private fail(instance: Instance, error: Error): void {
    const pending = instance.pending;
    if (pending === undefined) return;
    instance.pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  private async discard(instance: Instance): Promise<void> {
    this.instances.delete(instance);
    await instance.worker.terminate();
  }

  private captureLines(stream: NodeJS.ReadableStream, logStream: string): void {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') this.options.onLogLine(line, logStream);
    });
  }
}
