import { analyze } from './functions/domain/understanding/understand';
for (const t of process.argv.slice(2)) {
  const a = analyze(t);
  console.log(t, '=>', JSON.stringify(a.understanding), JSON.stringify(a.cues));
}
