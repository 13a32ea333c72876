"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { CreateServiceChoicesInput } from "@/lib/deploy/create-choices";
import { createChoicesOf, emptyCreateServiceForm, type CreateServiceForm } from "@/lib/deploy/create-form";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import { defaultTrafficRole, type CreateServicePageData, type TaskDefinitionPick } from "@/lib/view-models/load-balancing-create";
import { createService } from "@/server/actions/create-service";
import { LoadBalancerFields } from "./load-balancer-fields";
import { NetworkFields, PlacementFields } from "./placement-fields";
import { ServiceFields } from "./service-fields";
import { AlarmsFields } from "../alarms-fields";
import { StrategyFields } from "./strategy-fields";
import { useTaskDefinitionPick } from "./use-task-definition-pick";

/** The container:port choices of a revision; the form's pick when it is one of them, else the first. */
function containerChoice(pick: TaskDefinitionPick | undefined, picked: string): string {
  const options = (pick?.chosen?.containers ?? []).flatMap((container) => container.ports.map((port) => `${container.name}:${port.containerPort}`));
  return options.includes(picked) ? picked : (options[0] ?? picked);
}

function taskDefinitionOf(pick: TaskDefinitionPick | undefined, family: string, revision: string): string {
  return pick?.chosen?.label ?? (family && revision ? `${family}:${revision}` : family);
}

/** Checked in the browser with the action's own schema (loaded on submit), so each message lands at its field before anything is sent. */
async function checkInBrowser(input: CreateServiceChoicesInput): Promise<Record<string, string>> {
  const [{ checkChoices }, { createServiceChoices }] = await Promise.all([import("@/lib/deploy/choices"), import("@/lib/deploy/create-choices")]);
  const checked = checkChoices(createServiceChoices, input);
  return checked.ok ? {} : checked.fieldErrors;
}

/** Checks the form, sends it, and goes to the new service's page; a refusal's first field takes focus, so a keyboard user lands on it. */
function useCreateSubmit(cluster: string, data: CreateServicePageData, formRef: RefObject<HTMLFormElement | null>) {
  const router = useRouter();
  const create = useAction(createService, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const [focusNeeded, setFocusNeeded] = useState(0);
  useEffect(() => {
    if (focusNeeded) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [focusNeeded, formRef]);

  async function submit(input: CreateServiceChoicesInput, taskDefinitionFailure: AwsFailure | undefined) {
    const found = await checkInBrowser(input);
    if (data.takenNames.includes(input.serviceName)) found.serviceName = `${cluster} already has a service ${input.serviceName}; pick another name.`;
    if (taskDefinitionFailure) found.taskDefinition = taskDefinitionFailure.detail ?? taskDefinitionFailure.message;
    if (Object.keys(found).length > 0) {
      setClientErrors(found);
      setFocusNeeded((count) => count + 1);
      return;
    }
    setClientErrors(undefined);
    const result = await create.run(input);
    if (result.ok) router.push(pagePaths.service(cluster, result.value.serviceName));
    else if (result.fieldErrors) setFocusNeeded((count) => count + 1);
  }

  const serverErrors = create.result && !create.result.ok ? (create.result.fieldErrors ?? {}) : {};
  return { submit, errors: clientErrors ?? serverErrors, pending: create.pending, failure: create.result && !create.result.ok && !create.result.fieldErrors ? create.result : undefined };
}

export function CreateServiceFormBody({ cluster, data }: { cluster: string; data: CreateServicePageData }) {
  const [form, setForm] = useState<CreateServiceForm>(() => emptyCreateServiceForm({ ...data.network, roleArn: defaultTrafficRole(data.cluster.account) }));
  const [family, setFamily] = useState("");
  const [revision, setRevision] = useState("");
  const taskDefinition = useTaskDefinitionPick(cluster, family, revision);
  const formRef = useRef<HTMLFormElement>(null);
  const { submit, errors, pending, failure } = useCreateSubmit(cluster, data, formRef);

  const pick = taskDefinition.pick;
  const container = containerChoice(pick, form.container);
  const needsSubnets = pick?.chosen ? pick.chosen.networkMode === "awsvpc" : undefined;
  const change = (update: Partial<CreateServiceForm>) => setForm((current) => ({ ...current, ...update }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = createChoicesOf(cluster, { ...form, container, taskDefinition: taskDefinitionOf(pick, family, revision) }, needsSubnets);
    void submit(input, taskDefinition.failure);
  };

  const count = Object.keys(errors).length;
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6">
      <ServiceFields
        name={form.serviceName}
        desiredCount={form.desiredCount}
        taskDefinition={{ family, revision, pick, loading: taskDefinition.loading }}
        takenNames={data.takenNames}
        errors={errors}
        onName={(serviceName) => change({ serviceName })}
        onDesired={(desiredCount) => change({ desiredCount })}
        onFamily={(value) => {
          setFamily(value);
          setRevision("");
        }}
        onRevision={setRevision}
      />
      <PlacementFields
        form={form}
        cluster={data.cluster}
        errors={errors}
        onPlacement={(placement) => change({ placement })}
        onRows={(capacityRows) => change({ capacityRows })}
        onLaunchType={(launchType) => change({ launchType })}
      />
      <NetworkFields form={form} prefill={data.network} needsSubnets={needsSubnets} errors={errors} onChange={change} />
      <StrategyFields form={form} errors={errors} onChange={change} />
      <LoadBalancerFields form={{ ...form, container }} choices={data.loadBalancing} containers={pick?.chosen?.containers} errors={errors} onChange={change} />
      <AlarmsFields value={form} choices={data.alarms} error={errors["alarms.names"]} onChange={change} />
      {count > 0 && (
        <Notice tone="danger" title={count === 1 ? "One field needs attention" : `${count} fields need attention`} live>
          <p>Nothing was sent to AWS. Each message is beside its field.</p>
        </Notice>
      )}
      <ActionResultNotice result={failure} failureTitle="The service was not created" />
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href={pagePaths.cluster(cluster)}
          className="inline-flex min-h-9 items-center justify-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-surface-sunken"
        >
          Cancel
        </Link>
        <Button type="submit" variant="primary" busy={pending}>
          {pending ? "Creating…" : "Create service"}
        </Button>
      </div>
    </form>
  );
}
