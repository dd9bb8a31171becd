import { CfnOutput, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ApplicationSecretProps {
  readonly stage: string;
  readonly production: boolean;
}

/**
 * The keys functions/config/secrets.ts reads from the secret. All but the
 * verify token start empty and are filled in by hand after the first deploy;
 * the functions refuse to run until the required ones are.
 */
export const SECRET_KEYS_FILLED_BY_HAND = {
  WHATSAPP_APP_SECRET: 'required: Meta app > App settings > Basic > App secret (signs every webhook POST)',
  WHATSAPP_TOKEN: 'required: a system-user access token with whatsapp_business_messaging (sends replies)',
  OPENAI_API_KEY: 'optional: enables voice transcription and the language model',
  BITRIX24_WEBHOOK_URL: 'optional: incoming-webhook URL for handing leads to Bitrix24',
} as const;

/**
 * Meta's subscription handshake only needs the webhook and Meta's console to
 * hold the same arbitrary string, so Secrets Manager generates it: nobody types
 * it, and it never appears in the template.
 */
export const GENERATED_SECRET_KEY = 'WHATSAPP_VERIFY_TOKEN';

/**
 * The one Secrets Manager secret holding the app's secret values as JSON.
 * Functions get its name in SECRETS_ID and read it at run time; no secret
 * value is ever in the template or in an environment variable.
 */
export class ApplicationSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: ApplicationSecretProps) {
    super(scope, id);
    const toFill = Object.entries(SECRET_KEYS_FILLED_BY_HAND)
      .map(([key, meaning]) => `${key} (${meaning})`)
      .join('; ');

    this.secret = new Secret(this, 'Secret', {
      description: `ZETA Assistant ${props.stage}: JSON secret. Fill in ${toFill}. ${GENERATED_SECRET_KEY} is generated: paste it into Meta's webhook settings as the verify token.`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(Object.fromEntries(Object.keys(SECRET_KEYS_FILLED_BY_HAND).map((key) => [key, '']))),
        generateStringKey: GENERATED_SECRET_KEY,
        // It travels in a query string (hub.verify_token): letters and digits only.
        excludePunctuation: true,
        passwordLength: 40,
      },
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new CfnOutput(this, 'Name', {
      description: 'The Secrets Manager secret to fill in (aws secretsmanager put-secret-value --secret-id <this>)',
      value: this.secret.secretName,
    }).overrideLogicalId('AppSecretName');
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "The values are Meta's WhatsApp app secret and system-user token, OpenAI and Bitrix24 keys: they can only be rotated in those providers' consoles, so there is no rotation Lambda to schedule. Rotating means editing this secret; functions pick the change up within SECRETS_CACHE_SECONDS.",
    });
  }
}
