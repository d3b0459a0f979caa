// /: every stored run, searchable, filterable, sortable and paged, with the
// whole view in the URL so a link or a reload shows the same page.
import type { Metadata } from "next";
import Link from "next/link";
import { readListQuery } from "@/lib/runs-list/list-query";
import { clearedFilters, hasFilters, listHref, type ListParams } from "@/lib/runs-list/list-url";
import { formatLearningRate } from "@/lib/sim";
import { LESSONS } from "@/lib/learn";
import { listFilterOptions, listRuns, listTags, type RunPage } from "@/lib/server/runs";
import { InputError } from "@/lib/errors";
import { ListFilters } from "@/app/ui/runs-list/list-filters";
import { RunsTable } from "@/app/ui/runs-list/runs-table";
import { StatusHeading, StatusProvider, StatusRegion } from "@/app/ui/status-region";
import styles from "@/app/ui/runs-list/runs-list.module.css";
import { ButtonLink } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";
import { PageHeader } from "@/app/ui/page-header";
import { EmptyState } from "@/app/ui/empty-state";

export const metadata: Metadata = { title: "Runs" };

/** Scenario's help centre, which hosts the article the simulator's rules of thumb come from. */
const ARTICLE_URL = "https://help.scenario.com/en/";
const FIRST_LESSON = LESSONS[0];
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: Props) {
  const read = readListQuery(await searchParams);
  const [page, options, tags] = await Promise.all([read.ok ? loadPage(read.query) : null, listFilterOptions(), listTags()]);
  const message = !read.ok ? read.message : page && "error" in page ? page.error : null;

  return (
    <StatusProvider>
      <div className="page">
        <PageHeader
          heading={<StatusHeading>Runs</StatusHeading>}
          description="Every LoRA training run, simulated or imported from a trainer, with the epoch to keep. Select runs to compare them."
          actions={
            <div className={styles.headerActions}>
              <ButtonLink href="/runs/import">Import a training folder</ButtonLink>
              <ButtonLink href="/runs/new" variant="primary">
                New run
              </ButtonLink>
            </div>
          }
        />
        <section aria-labelledby="about-heading" className={`card ${styles.about}`}>
          <h2 id="about-heading" className="visually-hidden">
            About Epoch Lab
          </h2>
          <p>
            Epoch Lab simulates LoRA training runs of image models (the settings you give kohya sd-scripts, ai-toolkit, OneTrainer or Scenario) and charts every epoch checkpoint, so you can see which
            epoch to keep and why before you spend GPU hours. Start with <Link href="/runs/new">a new run</Link>, try settings live in <Link href="/playground">the playground</Link>, or begin with{" "}
            <Link href={`/learn/${FIRST_LESSON.id}`}>the first lesson</Link>; its rules of thumb follow Scenario&apos;s article{" "}
            <a href={ARTICLE_URL} rel="noopener noreferrer">
              “LoRA training settings”
            </a>
            .
          </p>
        </section>
        <ListFilters params={read.params} learningRates={options.learningRates.map((rate) => ({ value: rate, label: formatLearningRate(rate) }))} batchSizes={options.batchSizes} tags={tags} />
        {tags.length > 0 && <TagGroups tags={tags} params={read.params} />}
        <StatusRegion />
        {message ? (
          <Alert as="div" tone="error" className={styles.message} role="alert">
            <p>{message}</p>
            <Link href="/">Show all runs</Link>
          </Alert>
        ) : page && "runs" in page ? (
          <Results page={page} params={read.params} />
        ) : null}
      </div>
    </StatusProvider>
  );
}

/** Runs grouped by tag: each tag with its run count, to filter by it or compare every run that has it. */
function TagGroups({ tags, params }: { tags: { tag: string; runs: number }[]; params: ListParams }) {
  return (
    <nav aria-label="Runs by tag" className={styles.tagGroups}>
      <h2 className={styles.tagGroupsHeading}>By tag</h2>
      <ul>
        {tags.map(({ tag, runs }) => (
          <li key={tag}>
            <Link href={listHref(params, { tag: params.tag === tag ? undefined : tag })} aria-current={params.tag === tag ? "true" : undefined}>
              {tag} <span className="muted">({runs})</span>
            </Link>
            {runs >= 2 && (
              <>
                {" · "}
                <Link href={`/compare?tag=${encodeURIComponent(tag)}`} aria-label={`Compare every run tagged ${tag}`}>
                  compare
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

async function loadPage(query: Parameters<typeof listRuns>[0]): Promise<RunPage | { error: string }> {
  try {
    return await listRuns(query);
  } catch (error) {
    // A stale or edited cursor is bad input, not a failure of the page.
    if (error instanceof InputError) return { error: `This link's page position is not valid (${error.message}). Start again from the first page.` };
    throw error;
  }
}

function Results({ page, params }: { page: RunPage; params: ListParams }) {
  if (page.runs.length === 0) {
    if (params.cursor) {
      return (
        <EmptyState title="No more runs" description="This page is past the last run (some may have been deleted).">
          <ButtonLink href={listHref(params, { cursor: undefined })}>Back to the first page</ButtonLink>
        </EmptyState>
      );
    }
    if (hasFilters(params)) {
      return (
        <EmptyState title="No runs match" description="No stored run fits this search and these filters.">
          <ButtonLink href={listHref(params, clearedFilters())}>Clear search and filters</ButtonLink>
        </EmptyState>
      );
    }
    return (
      <EmptyState title="No runs yet" description="Simulate a first training run: pick a dataset size and the trainer settings, and see which epoch to keep.">
        <ButtonLink href="/runs/new" variant="primary">
          Create your first run
        </ButtonLink>
      </EmptyState>
    );
  }
  return (
    <>
      <RunsTable runs={page.runs} params={params} />
      <nav aria-label="Pages" className={styles.pager}>
        {params.cursor ? (
          <ButtonLink href={listHref(params, { cursor: undefined })} size="small" scroll={false}>
            First page
          </ButtonLink>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <ButtonLink href={listHref(params, { cursor: page.nextCursor })} size="small" rel="next">
            Next page
          </ButtonLink>
        )}
      </nav>
    </>
  );
}
