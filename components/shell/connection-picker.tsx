"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ECS_REGIONS } from "@/lib/aws-regions";
import { connectionLabel, type ConnectionOptions } from "@/lib/connection-choice";
import { chooseConnection } from "@/server/actions/choose-connection";

/**
 * Against real AWS: which region and profile the pages read and change, switchable in place.
 * Picking a profile offers its own region. After a switch, every view reads again.
 */
export function ConnectionPicker({ options }: { options: ConnectionOptions }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const action = useAction(chooseConnection);
  const [region, setRegion] = useState(options.current.region);
  const [profile, setProfile] = useState(options.current.profile ?? "");
  const regions = ECS_REGIONS.some((known) => known.code === region) ? ECS_REGIONS : [{ code: region, name: region }, ...ECS_REGIONS];

  function pickProfile(name: string): void {
    setProfile(name);
    const own = options.profiles.find((known) => known.name === name)?.region;
    if (own) setRegion(own);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = await action.run({ region, profile });
    if (!result.ok) return;
    await queryClient.invalidateQueries();
    router.refresh();
  }

  const fieldErrors = action.result && !action.result.ok ? action.result.fieldErrors : undefined;
  return (
    <details className="group relative">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm text-brand-ink/90 ring-1 ring-white/25 hover:text-brand-ink">
        <span className="sr-only">AWS account: </span>
        <span aria-hidden="true" className="size-2 rounded-full bg-accent" />
        {connectionLabel(options.current)}
      </summary>
      <form
        onSubmit={submit}
        aria-label="Region and profile"
        className="absolute right-0 z-20 mt-2 w-[min(20rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-line bg-surface p-4 text-ink shadow-xl"
      >
        <SelectField label="Profile" value={profile} onChange={(event) => pickProfile(event.target.value)} error={fieldErrors?.profile} hint="From the shared config files (~/.aws).">
          <option value="">Default credential chain</option>
          {options.profiles.map((known) => (
            <option key={known.name} value={known.name}>
              {known.region ? `${known.name} (${known.region})` : known.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Region" value={region} onChange={(event) => setRegion(event.target.value)} error={fieldErrors?.region}>
          {regions.map((known) => (
            <option key={known.code} value={known.code}>
              {known.code} · {known.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" busy={action.pending} className="w-full">
          Switch
        </Button>
        <ActionResultNotice result={action.result} failureTitle="Could not switch" />
      </form>
    </details>
  );
}
