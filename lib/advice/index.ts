export { firstOverfitEpoch, findNextStep, nextSteps, qualityPair, NEXT_STEP_IDS, type NextStep, type NextStepId, type NextSteps, type Situation } from "./next-steps";
