// The advice the new-run form shows beside each simulator-2 setting, in the
// article's voice: what trainers usually set and why. Labels, limits and
// formats come from lib/sim's registry; this is only the teaching text.
import type { SettingKey } from "@/lib/sim";

export const SETTING_ADVICE: Partial<Record<SettingKey, string>> = {
  networkDim:
    "Rank 16–32 is where most character and style LoRAs land (kohya's and Civitai's common 32): enough room for a face or a style. Higher ranks hold more detail but also learn noise sooner and make bigger files; 4–8 does for a simple style.",
  networkAlpha:
    "Every update is scaled by alpha ÷ dim. Alpha = dim / 2 (16 at rank 32) is the kohya habit: it halves each step, so the usual LR trains gently. Alpha = dim learns about twice as fast at the same LR; alpha 1 needs a far higher LR.",
  optimizer:
    "AdamW8bit is AdamW with 8-bit state, the usual default. Prodigy finds its own step size: set the learning rate to 1, a multiplier (0.5 learns slower). Lion moves faster at the same LR: its users run a 3–10× smaller one, such as 2e-5 instead of 1e-4. Adafactor saves memory; here it runs at a fixed LR.",
  lrScheduler:
    "Constant keeps the LR fixed, as the article assumes. Cosine and linear lower it towards the end: less total update, so the run peaks no earlier and its last epochs change less, which helps when you plan to keep the last epoch. Constant with warm-up only ramps up at the start.",
  warmupSteps: "A short linear ramp from 0, often 5–10% of the steps, steadies the first updates at higher LRs; it delays the best step slightly. It cannot be longer than the run.",
  modelFamily:
    "SD 1.5 trains at 512 px, SDXL and FLUX.1 at 1024 px, and each of their steps takes longer. The exports run kohya's train_network.py, sdxl_train_network.py or flux_train_network.py to match.",
};
