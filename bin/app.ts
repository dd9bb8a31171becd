import { App } from 'aws-cdk-lib';
import { defineZetaApp } from '../lib/zetaApp';

/** The CDK app (cdk.json): one ZetaStack for the stage named by `-c stage=...` (dev by default). */
defineZetaApp(new App());
