import type {
  CreateRuleCommandInput,
  CreateRuleCommandOutput,
  DeleteRuleCommandInput,
  DeleteRuleCommandOutput,
  DescribeRulesCommandInput,
  DescribeRulesCommandOutput,
  ModifyRuleCommandInput,
  ModifyRuleCommandOutput,
  Rule,
  SetRulePrioritiesCommandInput,
  SetRulePrioritiesCommandOutput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Output, RequestContext } from "../../protocols/operation";
import { elbArn, newElbId } from "../../store/elb-arns";
import type { ListenerRecord, RuleRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { readActions } from "./actions";
import { readConditions } from "./conditions";
import { ListenerNotFound, OperationNotPermitted, PriorityInUse, RuleNotFound, TooManyRules, ValidationError } from "./errors";
import { absent, optionalString, optionalStrings, readList, readObject, requiredInteger } from "./input";
import { removeRule, setDefaultActions, storeRule } from "./listener-store";
import { isNetwork, loadBalancerOfListener, requireArn, requireListener, requireRule } from "./lookups";
import { paginate } from "./pagination";
import { putTags, readTags } from "./tags";

/**
 * Listener rules. Every listener has a default rule (Priority "default", no conditions) whose
 * actions are the listener's default actions: ModifyRule on it changes the listener, and it
 * cannot be deleted or reprioritised. Every change rebinds the listener's proxy.
 */
const MAX_PRIORITY = 50000;
const MAX_RULES_PER_LOAD_BALANCER = 100;

function readPriority(value: unknown): number {
  return requiredInteger(value, "Priority", 1, MAX_PRIORITY);
}

function priorityInUse(priority: number): PriorityInUse {
  return new PriorityInUse(`Priority '${priority}' is currently in use`);
}

/** Rules in evaluation order: by priority, the default rule last. */
function byPriority(a: RuleRecord, b: RuleRecord): number {
  const rank = (record: RuleRecord) => (record.rule.IsDefault ? Infinity : Number(record.rule.Priority));
  return rank(a) - rank(b);
}

function listenerOf(world: EcsWorld, rule: RuleRecord): ListenerRecord {
  const listener = world.elb.listeners.get(rule.listenerArn);
  if (!listener) throw new ListenerNotFound();
  return listener;
}

function countRules(world: EcsWorld, loadBalancerArn: string): number {
  let count = 0;
  for (const listener of world.elb.listenersOf(loadBalancerArn)) {
    for (const rule of world.elb.rulesOf(listener.listener.ListenerArn!)) if (!rule.rule.IsDefault) count++;
  }
  return count;
}

function actionContext(world: EcsWorld, listener: ListenerRecord) {
  return { world, loadBalancer: loadBalancerOfListener(world, listener), listenerProtocol: listener.listener.Protocol!, field: "Actions" as const };
}

function describeSelected(world: EcsWorld, input: DescribeRulesCommandInput): RuleRecord[] {
  const listenerArn = optionalString(input.ListenerArn, "ListenerArn") || undefined;
  const arns = optionalStrings(input.RuleArns, "RuleArns") ?? [];
  if (!listenerArn && arns.length === 0) throw new ValidationError("You must specify either listener rule ARNs or a listener ARN");
  if (listenerArn && arns.length > 0) throw new ValidationError("Listener rule ARNs and a listener ARN cannot be specified at the same time");
  if (listenerArn) {
    requireListener(world, listenerArn);
    return [...world.elb.rulesOf(listenerArn)].sort(byPriority);
  }
  return arns.map((arn) => {
    const record = world.elb.rules.get(requireArn(arn, "RuleArns", "listener-rule"));
    if (!record) throw new RuleNotFound("One or more rules not found");
    return record;
  });
}

interface PriorityChange {
  record: RuleRecord;
  priority: number;
}

function readPriorityChanges(world: EcsWorld, value: unknown): PriorityChange[] {
  const changes = readList(value, "RulePriorities").map((raw) => {
    const pair = readObject(raw, "RulePriorityPair");
    return { record: requireRule(world, pair.RuleArn, "RuleArn"), priority: readPriority(pair.Priority) };
  });
  if (changes.length === 0) throw new ValidationError("RulePriorities must contain at least one rule.");
  const seen = new Set<string>();
  for (const { record, priority } of changes) {
    if (record.rule.IsDefault) throw new OperationNotPermitted("The priority of a default rule cannot be changed");
    const ruleKey = record.rule.RuleArn!;
    const priorityKey = `${record.listenerArn}|${priority}`;
    if (seen.has(ruleKey)) throw new ValidationError(`Rule '${ruleKey}' was provided multiple times`);
    if (seen.has(priorityKey)) throw new ValidationError(`Priority '${priority}' was provided multiple times`);
    seen.add(ruleKey).add(priorityKey);
  }
  return changes;
}

/** After the changes, no two rules of one listener may share a priority. */
function checkPriorityConflicts(world: EcsWorld, changes: PriorityChange[]): void {
  const changed = new Map(changes.map((change) => [change.record.rule.RuleArn!, change.priority]));
  for (const listenerArn of new Set(changes.map((change) => change.record.listenerArn))) {
    const taken = new Set<number>();
    const rules = [...world.elb.rulesOf(listenerArn)].filter((record) => !record.rule.IsDefault);
    for (const record of rules) {
      const priority = changed.get(record.rule.RuleArn!) ?? Number(record.rule.Priority);
      if (taken.has(priority)) throw priorityInUse(priority);
      taken.add(priority);
    }
  }
}

export function createRuleOperations(world: EcsWorld) {
  return {
    async CreateRule(_ctx: RequestContext, input: CreateRuleCommandInput): Promise<Output<CreateRuleCommandOutput>> {
      const listener = requireListener(world, input.ListenerArn);
      const listenerArn = listener.listener.ListenerArn!;
      const context = actionContext(world, listener);
      if (isNetwork(context.loadBalancer)) throw new ValidationError("Network Load Balancer listeners have only a default rule");
      const priority = readPriority(input.Priority);
      const conditions = readConditions(input.Conditions);
      const actions = readActions(input.Actions, context);
      const tags = readTags(input.Tags);
      if ([...world.elb.rulesOf(listenerArn)].some((record) => record.rule.Priority === String(priority))) throw priorityInUse(priority);
      if (countRules(world, listener.listener.LoadBalancerArn!) >= MAX_RULES_PER_LOAD_BALANCER) throw new TooManyRules();
      const rule: Rule = {
        RuleArn: elbArn.rule(listenerArn, newElbId()),
        Priority: String(priority),
        Conditions: conditions,
        Actions: actions,
        IsDefault: false,
      };
      world.elb.db.transaction(() => {
        storeRule(world, { rule, listenerArn });
        putTags(world, rule.RuleArn!, tags);
      });
      await world.loadBalancing.listenerChanged(listenerArn);
      return { Rules: [rule] };
    },

    DescribeRules(_ctx: RequestContext, input: DescribeRulesCommandInput): Output<DescribeRulesCommandOutput> {
      const page = paginate(describeSelected(world, input), input);
      return { Rules: page.items.map((record) => record.rule), NextMarker: page.nextMarker };
    },

    async ModifyRule(_ctx: RequestContext, input: ModifyRuleCommandInput): Promise<Output<ModifyRuleCommandOutput>> {
      const record = requireRule(world, input.RuleArn);
      const listener = listenerOf(world, record);
      if (absent(input.Conditions) && absent(input.Actions)) throw new ValidationError("Either conditions or actions must be specified");
      if (record.rule.IsDefault && !absent(input.Conditions)) {
        throw new OperationNotPermitted("Conditions cannot be specified for a default rule");
      }
      // Omitted parts keep their values.
      const conditions = absent(input.Conditions) ? record.rule.Conditions : readConditions(input.Conditions);
      const actions = absent(input.Actions) ? record.rule.Actions! : readActions(input.Actions, actionContext(world, listener));
      const rule: Rule = { ...record.rule, Conditions: conditions, Actions: actions };
      world.elb.db.transaction(() => {
        if (rule.IsDefault) setDefaultActions(world, listener, actions);
        else storeRule(world, { ...record, rule });
      });
      await world.loadBalancing.listenerChanged(record.listenerArn);
      return { Rules: [rule] };
    },

    async DeleteRule(_ctx: RequestContext, input: DeleteRuleCommandInput): Promise<Output<DeleteRuleCommandOutput>> {
      const record = requireRule(world, input.RuleArn);
      if (record.rule.IsDefault) throw new OperationNotPermitted("A default rule cannot be deleted");
      world.elb.db.transaction(() => removeRule(world, record.rule.RuleArn!));
      await world.loadBalancing.listenerChanged(record.listenerArn);
      return {};
    },

    async SetRulePriorities(_ctx: RequestContext, input: SetRulePrioritiesCommandInput): Promise<Output<SetRulePrioritiesCommandOutput>> {
      const changes = readPriorityChanges(world, input.RulePriorities);
      checkPriorityConflicts(world, changes);
      const rules = world.elb.db.transaction(() =>
        changes.map(({ record, priority }) => storeRule(world, { ...record, rule: { ...record.rule, Priority: String(priority) } }).rule),
      );
      for (const listenerArn of new Set(changes.map((change) => change.record.listenerArn))) {
        await world.loadBalancing.listenerChanged(listenerArn);
      }
      return { Rules: rules };
    },
  };
}
