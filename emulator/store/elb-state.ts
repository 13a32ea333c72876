import { Collection, type DocumentDatabase } from "./database";
import type { ElbTagsRecord, ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord } from "./elb-records";

/** Every ELBv2 record local ECS keeps, keyed by ARN, in the same store as ECS's. */
export class ElbState {
  readonly loadBalancers: Collection<LoadBalancerRecord>;
  readonly targetGroups: Collection<TargetGroupRecord>;
  readonly listeners: Collection<ListenerRecord>;
  readonly rules: Collection<RuleRecord>;
  readonly tags: Collection<ElbTagsRecord>;

  constructor(readonly db: DocumentDatabase) {
    this.loadBalancers = new Collection("elb-load-balancer", db);
    this.targetGroups = new Collection("elb-target-group", db);
    this.listeners = new Collection("elb-listener", db);
    this.rules = new Collection("elb-rule", db);
    this.tags = new Collection("elb-tags", db);
  }

  *listenersOf(loadBalancerArn: string): Generator<ListenerRecord> {
    for (const record of this.listeners.values()) {
      if (record.listener.LoadBalancerArn === loadBalancerArn) yield record;
    }
  }

  *rulesOf(listenerArn: string): Generator<RuleRecord> {
    for (const record of this.rules.values()) {
      if (record.listenerArn === listenerArn) yield record;
    }
  }
}
