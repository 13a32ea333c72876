import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

/** Said instead of the log to someone who may not read it; the server refuses its data to them as well. */
export function AuditNotAllowed({ message }: { message: string }) {
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" />
      <Notice tone="warn" title="You are not allowed to read the audit log">
        <p>{message}</p>
      </Notice>
    </div>
  );
}
