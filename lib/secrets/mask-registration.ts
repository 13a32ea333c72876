import type { ContainerDefinition, KeyValuePair, Secret } from "@aws-sdk/client-ecs";
import type { Registration } from "@/lib/taskdef/registration";
import { MASK, maskEnvironment } from "./mask";

/**
 * Registrations (the editor's, the export's, the diff's) as a person may see them: the same
 * masking as the task page, on the server, before anything is sent. A masked value left as
 * it is in the editor is restored from the revision it came from when the new one is
 * registered, so someone who may not see a secret can still change everything else.
 */

export function maskRegistration(registration: Registration, canSeeSecrets: boolean): Registration {
  if (canSeeSecrets) return registration;
  return { ...registration, containerDefinitions: registration.containerDefinitions?.map(maskContainer) };
}

function maskContainer(container: ContainerDefinition): ContainerDefinition {
  const masked: ContainerDefinition = { ...container };
  if (container.environment) masked.environment = maskEnvironment(container.environment, false).map(({ name, value }) => ({ name, value }));
  if (container.secrets) masked.secrets = container.secrets.map(({ name }) => ({ name, valueFrom: MASK }));
  return masked;
}

/**
 * Two revisions masked for a diff, each on its own: nothing a diff of them shows depends on a
 * hidden value, so a hidden value reads the same on both sides whether or not it changed.
 * Saying that it changed would let someone who may register revisions confirm a guess: type
 * the guess over the mask, register, compare, and see "changed" or not.
 */
export function maskRegistrationPair(older: Registration, newer: Registration, canSeeSecrets: boolean): [Registration, Registration] {
  return [maskRegistration(older, canSeeSecrets), maskRegistration(newer, canSeeSecrets)];
}

export type Restored = { registration: Registration; unresolved: string[] };

/**
 * The submitted registration with each value still masked put back from `original` (the
 * revision the draft started from): same container, same variable, and the masked form
 * unchanged. `unresolved` lists the field paths of masked values with nothing to restore
 * them from, such as a hidden variable copied to a new container.
 */
export function restoreMaskedValues(submitted: Registration, original: Registration | undefined): Restored {
  const unresolved: string[] = [];
  const containers = submitted.containerDefinitions?.map((container, index) => {
    const source = original && containerNamed(original, container.name);
    const path = `containerDefinitions.${index}`;
    return {
      ...container,
      environment: container.environment?.map((entry, at) => {
        if (typeof entry?.value !== "string" || !entry.value.includes(MASK)) return entry;
        const value = valueOf(source?.environment, entry.name);
        const sameMask = value !== undefined && maskEnvironment([{ name: entry.name, value }], false)[0]!.value === entry.value;
        if (sameMask) return { ...entry, value };
        unresolved.push(`${path}.environment.${at}.value`);
        return entry;
      }),
      secrets: container.secrets?.map((entry, at) => {
        if (entry?.valueFrom !== MASK) return entry;
        const valueFrom = secretOf(source?.secrets, entry.name);
        if (valueFrom !== undefined) return { ...entry, valueFrom };
        unresolved.push(`${path}.secrets.${at}.valueFrom`);
        return entry;
      }),
    };
  });
  return { registration: containers ? { ...submitted, containerDefinitions: dropUndefinedLists(containers) } : submitted, unresolved };
}

/** Spreading a container gave `environment: undefined` where it had none; leave such members out. */
function dropUndefinedLists(containers: ContainerDefinition[]): ContainerDefinition[] {
  return containers.map((container) => {
    const copy: ContainerDefinition = { ...container };
    if (copy.environment === undefined) delete copy.environment;
    if (copy.secrets === undefined) delete copy.secrets;
    return copy;
  });
}

function containerNamed(registration: Registration, name: string | undefined): ContainerDefinition | undefined {
  return registration.containerDefinitions?.find((container) => container.name === name);
}

function valueOf(environment: readonly KeyValuePair[] | undefined, name: string | undefined): string | undefined {
  return environment?.find((entry) => entry.name === name)?.value;
}

function secretOf(secrets: readonly Secret[] | undefined, name: string | undefined): string | undefined {
  return secrets?.find((entry) => entry.name === name)?.valueFrom;
}
