import { simulate } from "../lib/sim";
const row = (label: string, s: any) => {
  const r = simulate({ seed: 1, ...s });
  const q = r.checkpoints.map(c => c.quality.toFixed(3)).join(" ");
  const v = r.checkpoints.map(c => c.verdict[0]).join("");
  const best = r.checkpoints[r.recommendedEpoch-1];
  const vmin = r.checkpoints.reduce((a,c)=>c.validationLoss<a.validationLoss?c:a);
  console.log(label.padEnd(28), "best", r.recommendedEpoch, "q", best.quality.toFixed(3), "valmin", vmin.epoch, v, "last risk", r.checkpoints.at(-1)!.overfitRisk.toFixed(2));
};
for (const n of [1,3,5,6,8,10,12,15,20,25,30,40,60,100,300,1000]) row(`N=${n} defaults`, { images: n });
for (const n of [5,6]) for (const e of [15,20]) row(`N=${n} E=${e}`, { images: n, epochs: e });
for (const n of [25,40,100,1000]) for (const [R,E] of [[10,6],[15,8],[12,7]]) row(`N=${n} R${R} E${E}`, { images: n, repeats: R, epochs: E });
for (const n of [10,20]) for (const [b,lr] of [[1,1e-4],[2,1e-4],[2,2e-4],[4,1e-4],[4,4e-4]]) row(`N=${n} b${b} lr${lr}`, { images: n, batchSize: b, learningRate: lr });
for (const lr of [1e-5,3e-5,5e-5,1e-4,2e-4,5e-4,1e-3,3e-3,1e-2]) row(`N=10 lr=${lr}`, { images: 10, learningRate: lr });
for (const s of [0,0.2,0.4,0.6,0.8,1]) row(`N=15 sim=${s}`, { images: 15, datasetSimilarity: s, epochs: 20 });
for (const [c,t] of [[0.7,1e-5],[0.7,0],[1,1e-5],[0.3,5e-5],[0.3,1e-5],[0.3,0],[0,5e-5],[0,0]]) row(`N=15 cap=${c} te=${t}`, { images: 15, captionQuality: c, textEncoderLearningRate: t });
