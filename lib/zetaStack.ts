import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alerts } from './constructs/alerts';
import { CatalogStore } from './constructs/catalogStore';
import { CostLedger } from './constructs/costLedger';
import { Ingress } from './constructs/ingress';
import { Observability } from './constructs/observability';
import { MessagePipeline } from './constructs/pipeline';
import { ApplicationSecret } from './constructs/secrets';
import { Storage } from './constructs/storage';
import { isProduction, type Settings } from './settings';

export interface ZetaStackProps extends StackProps {
  readonly settings: Settings;
}

/**
 * ZETA Assistant for one stage: Meta's webhook → HTTP API → webhook function →
 * FIFO queue → consumer → WhatsApp, with the table, media bucket and secret
 * the functions share, and the alarms and dashboard that watch them.
 */
export class ZetaStack extends Stack {
  readonly storage: Storage;
  /** The deployed catalog; absent when the catalog is the store's API (`-c apiUrl=…`). */
  readonly catalog: CatalogStore | undefined;
  readonly appSecret: ApplicationSecret;
  readonly pipeline: MessagePipeline;
  readonly ingress: Ingress;
  readonly alerts: Alerts;
  readonly costLedger: CostLedger;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ZetaStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const production = isProduction(settings);

    this.storage = new Storage(this, 'Storage', { production });
    this.appSecret = new ApplicationSecret(this, 'AppSecret', { stage: settings.stage, production });
    this.pipeline = new MessagePipeline(this, 'Pipeline', {
      table: this.storage.table,
      mediaBucket: this.storage.mediaBucket,
      secret: this.appSecret.secret,
      settings,
    });
    this.ingress = new Ingress(this, 'Ingress', {
      queue: this.pipeline.queue,
      secret: this.appSecret.secret,
      settings,
    });
    // Product cards link to the pictures the API serves, which only exists
    // once the queue it feeds does: the link is made here, after both.
    this.pipeline.consumer.addEnvironment('CATALOG_IMAGE_BASE_URL', this.ingress.catalogImageBaseUrl);

    this.alerts = new Alerts(this, 'Alerts', { table: this.storage.table, secret: this.appSecret.secret, settings });
    this.alerts.checker.addEnvironment('CATALOG_IMAGE_BASE_URL', this.ingress.catalogImageBaseUrl);
    this.alerts.allowFollowUpScheduling(this.pipeline.consumer);

    // The catalog is read from the store's API when one is set, from the catalog bucket otherwise.
    this.catalog =
      settings.apiUrl === undefined
        ? new CatalogStore(this, 'Catalog', { production, logRetentionDays: settings.logRetentionDays })
        : undefined;
    for (const reader of [this.pipeline.consumer, this.alerts.checker, this.ingress.catalogImages]) this.catalog?.grantRead(reader);

    this.costLedger = new CostLedger(this, 'CostLedger', { table: this.storage.table, settings });
    const functions = {
      webhook: this.ingress.webhook,
      consumer: this.pipeline.consumer,
      catalogImages: this.ingress.catalogImages,
      alertChecker: this.alerts.checker,
      ledgerWriter: this.costLedger.writer,
    };
    this.costLedger.connect(functions);

    this.observability = new Observability(this, 'Observability', {
      functions,
      ledgerWriterDeadLetterQueue: this.costLedger.writerDeadLetterQueue,
      queue: this.pipeline.queue,
      deadLetterQueue: this.pipeline.deadLetterQueue,
      schedulerDeadLetterQueue: this.alerts.schedulerDeadLetterQueue,
      api: this.ingress.api,
      settings,
    });
  }
}
