/**
 * What a protocol hands to a service: a decoded request, and the operation table a service
 * exposes. Nothing here knows about ECS.
 */
export interface RequestContext {
  requestId: string;
  region: string;
  accountId: string;
  operation: string;
}

/** The SDK's Output types carry `$metadata`, which the protocol adds; handlers omit it. */
export type Output<T> = Omit<T, "$metadata">;

// Inputs arrive as decoded JSON; each handler types its own input with the SDK's Input type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationHandler = (ctx: RequestContext, input: any) => unknown | Promise<unknown>;

export interface ServiceDefinition {
  /** Name used in error messages, e.g. "ECS". */
  name: string;
  operations: Record<string, OperationHandler>;
  /** Called before every operation: throttling, injected faults. */
  beforeOperation?: (ctx: RequestContext) => void | Promise<void>;
}

/**
 * The service without some of its operations, answered as an endpoint that lacks them answers
 * (UnknownOperationException): an older AWS partition, or another ECS-compatible endpoint.
 */
export function withoutOperations(definition: ServiceDefinition, names: readonly string[]): ServiceDefinition {
  if (names.length === 0) return definition;
  const operations = Object.fromEntries(Object.entries(definition.operations).filter(([name]) => !names.includes(name)));
  return { ...definition, operations };
}
