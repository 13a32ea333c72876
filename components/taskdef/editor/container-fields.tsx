"use client";

import { Button } from "@/components/ui/button";
import { valueAt } from "@/lib/taskdef/draft";
import { imageWarnings } from "@/lib/taskdef/image-warnings";
import { useDraftEditing } from "./draft-context";
import { DraftCheckbox, DraftLinesField, DraftNumberField, DraftSelectField, DraftTextField } from "./fields";
import { HealthCheckFields, LogConfigurationFields } from "./health-log-fields";
import { ListSection } from "./list-section";

const PROTOCOLS = [
  { value: "tcp", label: "tcp" },
  { value: "udp", label: "udp" },
];
const APP_PROTOCOLS = ["http", "http2", "grpc"].map((protocol) => ({ value: protocol, label: protocol }));

function ImageWarnings({ image }: { image: unknown }) {
  const warnings = typeof image === "string" ? imageWarnings(image) : [];
  if (warnings.length === 0) return undefined;
  return warnings.map((warning) => (
    <p key={warning}>
      <span className="font-semibold">Warning: </span>
      {warning}
    </p>
  ));
}

/** One container of the task: what it runs, its size, ports, variables, secrets, command, health check and logs. */
export function ContainerFields({ index, count }: { index: number; count: number }) {
  const { draft, removeItem } = useDraftEditing();
  const path = `containerDefinitions.${index}`;
  const name = valueAt(draft, `${path}.name`);
  const title = `Container ${index + 1}${typeof name === "string" && name ? `: ${name}` : ""}`;
  const headingId = `container-${index}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold [overflow-wrap:anywhere]">
          {title}
        </h3>
        {count > 1 && (
          <Button variant="danger" onClick={() => removeItem("containerDefinitions", index)} aria-label={`Remove container ${index + 1}`}>
            Remove container
          </Button>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftTextField path={`${path}.name`} label="Name" mono />
        <div className="flex items-end pb-2">
          <DraftCheckbox path={`${path}.essential`} label="Essential (the task stops if it stops)" absentMeans />
        </div>
      </div>
      <DraftTextField path={`${path}.image`} label="Image" placeholder="registry/repository:tag" mono warning={<ImageWarnings image={valueAt(draft, `${path}.image`)} />} />
      <div className="grid gap-4 sm:grid-cols-3">
        <DraftNumberField path={`${path}.cpu`} label="CPU units" />
        <DraftNumberField path={`${path}.memory`} label="Memory (MiB)" hint="Hard limit." />
        <DraftNumberField path={`${path}.memoryReservation`} label="Memory reservation (MiB)" hint="Soft limit." />
      </div>
      <ListSection path={`${path}.portMappings`} title="Port mappings" itemName="port mapping" empty="No ports mapped." newItem={() => ({ protocol: "tcp" })}>
        {(item) => (
          <>
            <DraftNumberField path={`${item}.containerPort`} label="Container port" />
            <DraftNumberField path={`${item}.hostPort`} label="Host port" />
            <DraftSelectField path={`${item}.protocol`} label="Protocol" options={PROTOCOLS} emptyLabel="Default (tcp)" />
            <DraftTextField path={`${item}.name`} label="Port name" />
            <DraftSelectField path={`${item}.appProtocol`} label="App protocol" options={APP_PROTOCOLS} emptyLabel="None" />
          </>
        )}
      </ListSection>
      <ListSection path={`${path}.environment`} title="Environment variables" itemName="variable" empty="No variables." newItem={() => ({ name: "", value: "" })}>
        {(item) => (
          <>
            <DraftTextField path={`${item}.name`} label="Variable name" mono />
            <DraftTextField path={`${item}.value`} label="Value" mono />
          </>
        )}
      </ListSection>
      <ListSection path={`${path}.secrets`} title="Secrets" itemName="secret" empty="No secrets." newItem={() => ({ name: "", valueFrom: "" })}>
        {(item) => (
          <>
            <DraftTextField path={`${item}.name`} label="Secret variable name" mono />
            <DraftTextField path={`${item}.valueFrom`} label="Value from (ARN or parameter)" mono />
          </>
        )}
      </ListSection>
      <DraftLinesField path={`${path}.command`} label="Command" hint="One argument per line; empty runs the image's own command." />
      <HealthCheckFields path={`${path}.healthCheck`} />
      <LogConfigurationFields path={`${path}.logConfiguration`} />
    </section>
  );
}
