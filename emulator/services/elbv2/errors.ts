import { AwsError } from "../../protocols/aws-error";

/**
 * One class per ELBv2 error code, named as AWS names the code on the wire (the JS SDK adds
 * "Exception"). Default messages are the API reference's descriptions of each error.
 */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super("ValidationError", message);
  }
}

export class LoadBalancerNotFound extends AwsError {
  constructor(message = "The specified load balancer does not exist.") {
    super("LoadBalancerNotFound", message);
  }
}

export class TargetGroupNotFound extends AwsError {
  constructor(message = "The specified target group does not exist.") {
    super("TargetGroupNotFound", message);
  }
}

export class ListenerNotFound extends AwsError {
  constructor(message = "The specified listener does not exist.") {
    super("ListenerNotFound", message);
  }
}

export class RuleNotFound extends AwsError {
  constructor(message = "The specified rule does not exist.") {
    super("RuleNotFound", message);
  }
}

export class DuplicateLoadBalancerName extends AwsError {
  constructor(message = "A load balancer with the specified name already exists.") {
    super("DuplicateLoadBalancerName", message);
  }
}

export class DuplicateTargetGroupName extends AwsError {
  constructor(message = "A target group with the specified name already exists.") {
    super("DuplicateTargetGroupName", message);
  }
}

export class DuplicateListener extends AwsError {
  constructor(message = "A listener with the specified port already exists.") {
    super("DuplicateListener", message);
  }
}

export class DuplicateTagKeys extends AwsError {
  constructor(message = "A tag key was specified more than once.") {
    super("DuplicateTagKeys", message);
  }
}

export class PriorityInUse extends AwsError {
  constructor(message = "The specified priority is in use.") {
    super("PriorityInUse", message);
  }
}

export class TooManyTargetGroups extends AwsError {
  constructor(message = "You've reached the limit on the number of target groups for your AWS account.") {
    super("TooManyTargetGroups", message);
  }
}

export class TooManyTags extends AwsError {
  constructor(message = "You've reached the limit on the number of tags for this resource.") {
    super("TooManyTags", message);
  }
}

export class TooManyRules extends AwsError {
  constructor(message = "You've reached the limit on the number of rules per load balancer.") {
    super("TooManyRules", message);
  }
}

export class TooManyListeners extends AwsError {
  constructor(message = "You've reached the limit on the number of listeners per load balancer.") {
    super("TooManyListeners", message);
  }
}

export class TooManyTargets extends AwsError {
  constructor(message = "You've reached the limit on the number of targets.") {
    super("TooManyTargets", message);
  }
}

export class InvalidTarget extends AwsError {
  constructor(
    message = "The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.",
  ) {
    super("InvalidTarget", message);
  }
}

export class ResourceInUse extends AwsError {
  constructor(message = "A specified resource is in use.") {
    super("ResourceInUse", message);
  }
}

export class InvalidConfigurationRequest extends AwsError {
  constructor(message = "The requested configuration is not valid.") {
    super("InvalidConfigurationRequest", message);
  }
}

export class InvalidLoadBalancerAction extends AwsError {
  constructor(message = "The requested action is not valid.") {
    super("InvalidLoadBalancerAction", message);
  }
}

export class OperationNotPermitted extends AwsError {
  constructor(message = "This operation is not allowed.") {
    super("OperationNotPermitted", message);
  }
}

export class IncompatibleProtocols extends AwsError {
  constructor(message = "The specified configuration is not valid with this protocol.") {
    super("IncompatibleProtocols", message);
  }
}

export class UnsupportedProtocol extends AwsError {
  constructor(message = "The specified protocol is not supported.") {
    super("UnsupportedProtocol", message);
  }
}

export class TargetGroupAssociationLimit extends AwsError {
  constructor(message = "You've reached the limit on the number of load balancers per target group.") {
    super("TargetGroupAssociationLimit", message);
  }
}

export class SubnetNotFound extends AwsError {
  constructor(message = "The specified subnet does not exist.") {
    super("SubnetNotFound", message);
  }
}

export class InvalidSecurityGroup extends AwsError {
  constructor(message = "The specified security group does not exist.") {
    super("InvalidSecurityGroup", message);
  }
}
