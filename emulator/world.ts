import type { Clock } from "./engine/clock";
import type { ArnScope } from "./store/arns";
import type { EcsState } from "./store/state";
import type { TaskLifecycle } from "./engine/task-lifecycle";
import type { ServiceScheduler } from "./engine/service-scheduler";
import type { ElbState } from "./store/elb-state";
import type { LoadBalancingPlane } from "./engine/load-balancing/plane";
import type { AlarmState } from "./store/alarm-state";

export interface LocalEcsSettings extends ArnScope {
  /** 1 = real time; 60 = one emulated minute per real second. */
  timeScale: number;
}

/** Everything an operation handler may touch. Built once per running emulator. */
export interface EcsWorld {
  settings: LocalEcsSettings;
  clock: Clock;
  state: EcsState;
  tasks: TaskLifecycle;
  scheduler: ServiceScheduler;
  elb: ElbState;
  loadBalancing: LoadBalancingPlane;
  /** CloudWatch's metric alarms: deployments with alarms watch them. */
  alarms: AlarmState;
}
