// kohya's sample prompt file (--sample_prompts), .txt form.
// Source read: kohya-ss/sd-scripts @ 48d368fa557731ad0488c07304dfeba8c07910eb,
// library/train_util.py `load_prompts`/`sample_images_common` and `line_to_prompt_dict`:
// lines are stripped, empty ones and those starting with "#" skipped; the
// n-th remaining line is prompt index n in the sample names. Each line is split
// on " --": the first part is the prompt, the rest are flags —
// --n negative prompt, --w width, --h height, --d seed, --s steps, --l CFG scale,
// --g guidance scale, --ss sampler, --cn ControlNet image, --ctr, --rcfg, --fs.

export interface SamplePrompt {
  index: number;
  /** What is shown: the prompt without its flags. */
  prompt: string;
  negativePrompt: string | null;
  width: number | null;
  height: number | null;
  seed: number | null;
  steps: number | null;
  scale: number | null;
}

/** Parses a prompt file's text into its prompts, numbered as kohya numbers the samples. */
export function parsePromptFile(text: string): SamplePrompt[] {
  const prompts: SamplePrompt[] = [];
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    // kohya tests line[0] != "#" on the unstripped line, then strips.
    const line = rawLine.trim();
    if (line.length === 0 || rawLine.startsWith("#")) continue;
    prompts.push(parsePromptLine(line, prompts.length));
  }
  return prompts;
}

/** One prompt line: `a photo of sksdog --n blurry --w 1024 --h 1024 --d 42 --l 7 --s 28`. */
export function parsePromptLine(line: string, index: number): SamplePrompt {
  const [prompt, ...flags] = line.split(" --");
  const result: SamplePrompt = {
    index,
    prompt: prompt.trim(),
    negativePrompt: null,
    width: null,
    height: null,
    seed: null,
    steps: null,
    scale: null,
  };
  for (const flag of flags) {
    // Same order and patterns as line_to_prompt_dict (re.match, case-insensitive).
    let match: RegExpExecArray | null;
    if ((match = /^w (\d+)/i.exec(flag))) result.width = Number(match[1]);
    else if ((match = /^h (\d+)/i.exec(flag))) result.height = Number(match[1]);
    else if ((match = /^d (\d+)/i.exec(flag))) result.seed = Number(match[1]);
    else if ((match = /^s (\d+)/i.exec(flag))) result.steps = Math.max(1, Math.min(1000, Number(match[1])));
    else if ((match = /^l ([\d.]+)/i.exec(flag))) result.scale = Number(match[1]);
    else if ((match = /^n (.+)/i.exec(flag))) result.negativePrompt = match[1];
  }
  return result;
}
