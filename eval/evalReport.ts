import { DIALOGUE_LANGUAGES, TURN_KINDS } from './dialogueSet';
import { share, type EvalReport, type Tally } from './runEval';

const cell = (tally: Tally) => (tally.total === 0 ? '—' : `${tally.right}/${tally.total} ${(share(tally) * 100).toFixed(0)}%`);

/** The report as a table per kind of turn and language, then every turn that went wrong and why. */
export function renderEvalReport(report: EvalReport, options: { failures: boolean }): string {
  const header = ['kind', ...DIALOGUE_LANGUAGES, 'all'];
  const rows = TURN_KINDS.filter((kind) => report.byKind[kind].all.total > 0).map((kind) => [
    kind,
    ...[...DIALOGUE_LANGUAGES, 'all' as const].map((language) => cell(report.byKind[kind][language])),
  ]);
  rows.push(['follow-ups', ...DIALOGUE_LANGUAGES.map((language) => cell(report.byLanguage[language])), cell(report.followUps)]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((value, column) => value.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const failed = report.turns.filter((turn) => turn.problems.length > 0);
  const lines = [
    `zeta eval (${report.engine === 'offline' ? 'offline assistant' : 'OpenAI mode'}): ${report.dialogues} dialogues, ${report.turns.length} turns in ${report.seconds.toFixed(1)} s`,
    `follow-up turns right: ${(share(report.followUps) * 100).toFixed(1)}% (${report.followUps.right}/${report.followUps.total})`,
    '',
    line(header),
    ...rows.map(line),
  ];
  if (options.failures && failed.length > 0) {
    lines.push('', `${failed.length} turns wrong:`);
    for (const turn of failed) lines.push(`  ${turn.dialogue} #${turn.turn} [${turn.kind}] «${turn.said}»: ${turn.problems.join('; ')}`);
  }
  return lines.join('\n');
}
