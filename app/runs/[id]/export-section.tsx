// The run page's exports: each file to download, and what the kohya
// sd-scripts files hold, shown in place.
import type { RunDetail } from "@/lib/server/runs";
import { formatSetting, type Settings } from "@/lib/sim";
import { buildExport, EXPORT_FILES, EXPORT_KINDS, exportableRun, exportFileName, KOHYA_CAPTION_EXTENSION, KOHYA_IMAGE_DIR, KOHYA_MODELS } from "@/lib/export";
import { buttonClass } from "@/app/ui/button";
import styles from "./dashboard.module.css";

export function ExportSection({ run, settings }: { run: RunDetail; settings: Settings }) {
  const exportable = exportableRun(run);
  return (
    <section aria-labelledby="export-heading" className={`stack ${styles.section}`}>
      <h2 id="export-heading">Export</h2>
      <ul className={`plain-list ${styles.exports}`}>
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            <a className={buttonClass({ size: "small" })} href={`/runs/${run.id}/export/${kind}`} download={exportFileName(exportable, kind)}>
              {EXPORT_FILES[kind].label}
            </a>
          </li>
        ))}
      </ul>
      <details className={styles.kohya}>
        <summary>Export for kohya sd-scripts: what the files hold</summary>
        <p>
          To train this run for real with <a href="https://github.com/kohya-ss/sd-scripts">kohya-ss sd-scripts</a>: put the {settings.images} images in <code>{KOHYA_IMAGE_DIR}</code> with a{" "}
          <code>{KOHYA_CAPTION_EXTENSION}</code> caption beside each, set the base model path, then run the launch script. Repeats go in the dataset config (<code>num_repeats</code>); learning rates,
          batch size, epochs and seed in the training config, which saves a LoRA every epoch (<code>save_every_n_epochs = 1</code>) so you can compare checkpoints as here. Rank, alpha, optimizer,
          scheduler and warm-up go in the training config too, and the launch script runs <code>{KOHYA_MODELS[settings.modelFamily].script}</code> for{" "}
          {formatSetting("modelFamily", settings.modelFamily)}. Caption quality and dataset similarity describe your data: they have no setting. The ai-toolkit job config holds the same run for{" "}
          <a href="https://github.com/ostris/ai-toolkit">ostris ai-toolkit</a>, counted in steps.
        </p>
        <h3>Dataset config</h3>
        <pre className={styles.code} tabIndex={0} role="region" aria-label="Dataset config (TOML)">
          <code>{buildExport(exportable, "dataset")}</code>
        </pre>
        <h3>Training config</h3>
        <pre className={styles.code} tabIndex={0} role="region" aria-label="Training config (TOML)">
          <code>{buildExport(exportable, "training")}</code>
        </pre>
      </details>
    </section>
  );
}
