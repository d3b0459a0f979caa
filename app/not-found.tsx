import { ButtonLink } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";

export default function NotFound() {
  return (
    <div className="page">
      <EmptyState level={1} title="Not found" description="That page or run does not exist. It may have been deleted.">
        <ButtonLink href="/" variant="primary">
          Back to runs
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
