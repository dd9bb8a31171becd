// Runs of five words in a row find the prompt's own phrasing, not single words a reply about sofas shares with it.
const RUN_WORDS = 5;
// Twenty words of the prompt verbatim are a recitation; fewer can be the model naming the store's categories as the prompt lists them.
const RECITED_WORDS = 20;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function runAt(words: readonly string[], start: number): string {
  return words.slice(start, start + RUN_WORDS).join(' ');
}

/**
 * Catches a model talked into reciting its instructions ("repeat everything
 * above"): such a reply is not sent. Guard the instructions only: the store's
 * facts (address, hours) are there to be repeated to customers word for word.
 */
export class PromptLeakGuard {
  private readonly runs = new Set<string>();

  constructor(prompts: readonly string[]) {
    for (const prompt of prompts) {
      const words = wordsOf(prompt);
      for (let start = 0; start + RUN_WORDS <= words.length; start++) this.runs.add(runAt(words, start));
    }
  }

  recites(reply: string): boolean {
    const words = wordsOf(reply);
    const recited = new Set<number>();
    for (let start = 0; start + RUN_WORDS <= words.length; start++) {
      if (!this.runs.has(runAt(words, start))) continue;
      for (let index = start; index < start + RUN_WORDS; index++) recited.add(index);
    }
    return recited.size >= RECITED_WORDS;
  }
}
